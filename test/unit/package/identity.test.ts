import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

// How a user tells the nodes apart and finds their help: one distinct, safe SVG icon per node
// (light and dark, readable on their canvas), and a codex docs link that lands on the node's own
// README section in the repository (the npm page it used to name does not exist).

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	name: string;
	repository: { url: string };
	n8n: { nodes: string[] };
};

// ---- A strict little XML reader: enough to reject anything not well-formed ----

interface XmlElement {
	name: string;
	attrs: Record<string, string>;
	children: XmlElement[];
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/;

/** The root element of `text`; throws, naming the offset, if it is not well-formed XML. */
function parseXml(text: string): XmlElement {
	let at = 0;
	const fail = (why: string): never => {
		throw new Error(`not well-formed XML at offset ${at}: ${why}`);
	};
	const skipMisc = () => {
		for (;;) {
			const rest = text.slice(at);
			const space = /^\s+/.exec(rest);
			if (space) at += space[0].length;
			else if (rest.startsWith('<!--')) at = text.indexOf('-->', at) < 0 ? fail('unclosed comment') : text.indexOf('-->', at) + 3;
			else if (rest.startsWith('<?')) at = text.indexOf('?>', at) < 0 ? fail('unclosed declaration') : text.indexOf('?>', at) + 2;
			else return;
		}
	};
	const element = (): XmlElement => {
		if (text[at] !== '<') fail('expected an element');
		at++;
		const name = NAME.exec(text.slice(at))?.[0] ?? fail('expected an element name');
		at += name.length;
		const attrs: Record<string, string> = {};
		for (;;) {
			const rest = text.slice(at);
			const close = /^\s*(\/?)>/.exec(rest);
			if (close) {
				at += close[0].length;
				if (close[1]) return { name, attrs, children: [] };
				break;
			}
			const attr = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/.exec(rest) ?? fail(`bad attribute in <${name}>`);
			const value = attr[2] ?? attr[3];
			if (attr[1] in attrs) fail(`attribute ${attr[1]} twice in <${name}>`);
			if (ENTITY.test(value)) fail(`bare & in attribute ${attr[1]}`);
			attrs[attr[1]] = value;
			at += attr[0].length;
		}
		const children: XmlElement[] = [];
		for (;;) {
			const rest = text.slice(at);
			if (rest.startsWith(`</${name}`)) {
				const end = new RegExp(`^</${name.replace(/[.]/g, '\\.')}\\s*>`).exec(rest) ?? fail(`bad end tag for <${name}>`);
				at += end[0].length;
				return { name, attrs, children };
			}
			if (rest.startsWith('</')) fail(`<${name}> closed by the wrong end tag`);
			if (rest.startsWith('<!--') || rest.startsWith('<?')) skipMisc();
			else if (rest.startsWith('<![CDATA[')) at = text.indexOf(']]>', at) < 0 ? fail('unclosed CDATA') : text.indexOf(']]>', at) + 3;
			else if (rest.startsWith('<!')) fail('DOCTYPE and other declarations are not allowed');
			else if (rest.startsWith('<')) children.push(element());
			else {
				const chars = /^[^<]*/.exec(rest)![0];
				if (at + chars.length >= text.length) fail(`<${name}> is never closed`);
				if (ENTITY.test(chars)) fail('bare & in text');
				at += chars.length;
			}
		}
	};
	skipMisc();
	if (text.slice(at).startsWith('<!')) fail('DOCTYPE and other declarations are not allowed');
	const root = element();
	skipMisc();
	if (at !== text.length) fail('content after the root element');
	return root;
}

const walk = (el: XmlElement, visit: (el: XmlElement, ancestors: XmlElement[]) => void, ancestors: XmlElement[] = []): void => {
	visit(el, ancestors);
	for (const child of el.children) walk(child, visit, [...ancestors, el]);
};

// ---- Colours: WCAG contrast of what is drawn against the canvas it is drawn for ----

const LIGHT_NODE = '#ffffff';
/** n8n's dark canvas is ~#1f1f1f and a node's body lighter; the lighter one is the harder test. */
const DARK_NODE = '#2e2e2e';

function luminance(hex: string): number {
	const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
	const [r, g, b] = [1, 3, 5]
		.map((i) => parseInt(full.slice(i, i + 2), 16) / 255)
		.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
};

/** Colours painted outside masks and defs; fills under half opacity are tints, not the drawing. */
function paintedColours(root: XmlElement): string[] {
	const colours: string[] = [];
	walk(root, (el, ancestors) => {
		if ([el, ...ancestors].some((e) => e.name === 'mask' || e.name === 'defs')) return;
		for (const prop of ['fill', 'stroke'] as const) {
			const value = el.attrs[prop];
			if (value === undefined || value === 'none') continue;
			if (prop === 'fill' && Number(el.attrs['fill-opacity'] ?? 1) < 0.5) continue;
			colours.push(value);
		}
	});
	return colours;
}

/** The drawing with colours and ids taken out: two icons differing only in colour are the same icon. */
function shapeHash(svg: string): string {
	const shape = svg
		.replace(/#[\da-fA-F]{3,8}\b/g, '#')
		.replace(/\b(id="|url\(#)[^")]*/g, '$1')
		.replace(/>\s+</g, '><');
	return createHash('sha256').update(shape).digest('hex');
}

// ---- README anchors, as GitHub makes them ----

/** GitHub's heading anchor (github-slugger): lowercase, punctuation and symbols dropped, each space a hyphen. */
function githubSlug(heading: string): string {
	return heading
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** Anchors of the ATX headings outside code fences, in order; repeats get -1, -2 as on GitHub. */
function readmeAnchors(markdown: string): string[] {
	const seen = new Map<string, number>();
	const anchors: string[] = [];
	let fenced = false;
	for (const line of markdown.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		const heading = fenced ? null : /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
		if (!heading) continue;
		const text = heading[1]
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link or image reads as its text
			.replace(/<[^>]+>/g, '');
		const slug = githubSlug(text);
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.push(count === 0 ? slug : `${slug}-${count}`);
	}
	return anchors;
}

// ---- The package's nodes ----

const repositoryUrl = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

const nodes = pkg.n8n.nodes.map((distPath) => {
	const sourcePath = distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
	const className = basename(sourcePath).replace(/\.node\.ts$/, '');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(join(ROOT, sourcePath)) as Record<string, new () => INodeType>;
	const description = new mod[className]().description as INodeTypeDescription;
	const icon = description.icon as { light?: string; dark?: string } | string | undefined;
	const file = (value: unknown) => (typeof value === 'string' && value.startsWith('file:') ? join(dirname(sourcePath), value.slice(5)) : undefined);
	const icons = typeof icon === 'object' ? { light: file(icon.light), dark: file(icon.dark) } : { light: file(icon), dark: undefined };
	return { className, dir: dirname(sourcePath), description, icons };
});

const svgOf = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('parseXml', () => {
	it('reads a well-formed document', () => {
		const root = parseXml('<?xml version="1.0"?><!-- c --><svg a="1"><g b=\'2\'><path/></g>x &amp; y</svg>\n');
		expect(root).toEqual({ name: 'svg', attrs: { a: '1' }, children: [{ name: 'g', attrs: { b: '2' }, children: [{ name: 'path', attrs: {}, children: [] }] }] });
	});
	it.each([
		['<svg><g></svg>', 'wrong end tag'],
		['<svg>', 'never closed'],
		['<svg a="1" a="2"/>', 'twice'],
		['<svg a=1/>', 'bad attribute'],
		['<svg/><svg/>', 'after the root'],
		['<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg/>', 'DOCTYPE'],
		['<svg>a & b</svg>', 'bare &'],
	])('rejects %s', (text, why) => {
		expect(() => parseXml(text)).toThrow(why);
	});
});

describe('githubSlug and readmeAnchors', () => {
	it.each([
		['Shipment Tracking Trigger', 'shipment-tracking-trigger'],
		['Customer Notify, in detail', 'customer-notify-in-detail'],
		['See what it would send: Preview and Replay', 'see-what-it-would-send-preview-and-replay'],
		['Settings → Community nodes', 'settings--community-nodes'],
		['`npm run build` and snake_case', 'npm-run-build-and-snake_case'],
		['Café 17TRACK', 'café-17track'],
	])('%s → #%s', (heading, slug) => {
		expect(githubSlug(heading)).toBe(slug);
	});
	it('numbers repeated headings, reads links as text and skips code fences', () => {
		const md = '# Top\n## Setup\n```sh\n# not a heading\n```\n### Setup\n## [Order Lookup](#x) ##\n';
		expect(readmeAnchors(md)).toEqual(['top', 'setup', 'setup-1', 'order-lookup']);
	});
});

describe.each(nodes)('node $className', ({ className, dir, description, icons }) => {
	it.each(['light', 'dark'] as const)('has a safe, self-contained, well-formed %s SVG icon', (variant) => {
		const path = icons[variant];
		expect([variant, path]).toEqual([variant, expect.stringMatching(/\.svg$/)]);
		const root = parseXml(svgOf(path!));
		expect(root.name).toBe('svg');
		expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
		expect(root.attrs.viewBox).toBe('0 0 60 60');
		walk(root, (el) => {
			// Scripts and foreign content run or load things; raster and text need what an icon must not.
			expect([path, el.name]).not.toEqual([path, expect.stringMatching(/^(script|foreignObject|image|text|tspan|style|use)$/i)]);
			for (const [name, value] of Object.entries(el.attrs)) {
				expect([path, name]).not.toEqual([path, expect.stringMatching(/^on/i)]);
				if (/(^|:)href$/.test(name)) expect([path, name, value]).toEqual([path, name, expect.stringMatching(/^#/)]);
				for (const [, ref] of value.matchAll(/url\(\s*([^)]*)\)/g)) expect([path, name, ref]).toEqual([path, name, expect.stringMatching(/^#/)]);
			}
		});
	});

	it('draws in colours that stand out: light on white, dark on the dark canvas (3:1, WCAG non-text)', () => {
		for (const [variant, background] of [['light', LIGHT_NODE], ['dark', DARK_NODE]] as const) {
			const colours = paintedColours(parseXml(svgOf(icons[variant]!)));
			expect(colours.length).toBeGreaterThan(0);
			for (const colour of colours) {
				expect([variant, colour]).toEqual([variant, expect.stringMatching(/^#([\da-f]{3}|[\da-f]{6})$/i)]);
				expect([variant, colour, contrast(colour, background) >= 3]).toEqual([variant, colour, true]);
			}
		}
	});

	it('has a dark icon that is its own file, not a copy of the light one', () => {
		expect(icons.dark).not.toBe(icons.light);
		expect(svgOf(icons.dark!)).not.toBe(svgOf(icons.light!));
	});

	it('shares its icon shape with no other node (colours aside)', () => {
		const mine = shapeHash(svgOf(icons.light!));
		const others = nodes.filter((other) => other.className !== className).map((other) => [other.className, shapeHash(svgOf(other.icons.light!))]);
		expect(others.filter(([, hash]) => hash === mine)).toEqual([]);
		const files = nodes.flatMap((other) => [other.icons.light, other.icons.dark]);
		expect(new Set(files).size).toBe(files.length);
	});

	it("has a codex naming it and linking to its own README section", () => {
		const codex = JSON.parse(readFileSync(join(ROOT, dir, `${className}.node.json`), 'utf8')) as {
			node: string;
			resources?: { primaryDocumentation?: Array<{ url: string }> };
		};
		expect(codex.node).toBe(`${pkg.name}.${description.name}`);
		const urls = (codex.resources?.primaryDocumentation ?? []).map(({ url }) => url);
		expect(urls).toEqual([`${repositoryUrl}#${githubSlug(description.displayName)}`]);
		const anchors = readmeAnchors(readFileSync(join(ROOT, 'README.md'), 'utf8'));
		const anchor = githubSlug(description.displayName);
		expect([`README.md heading "### ${description.displayName}"`, anchors.includes(anchor)]).toEqual([
			`README.md heading "### ${description.displayName}"`,
			true,
		]);
	});
});

describe('credential docs links', () => {
	const credentials = ((pkg.n8n as { credentials?: string[] }).credentials ?? []).map((distPath) => {
		const sourcePath = distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(join(ROOT, sourcePath)) as Record<string, new () => { name: string; documentationUrl?: string }>;
		return new mod[basename(sourcePath).replace(/\.credentials\.ts$/, '')]();
	});

	it('are HTTPS, and go to a README heading that exists when they point into the repository', () => {
		expect(credentials.length).toBeGreaterThan(0);
		const anchors = readmeAnchors(readFileSync(join(ROOT, 'README.md'), 'utf8'));
		for (const { name, documentationUrl } of credentials) {
			expect([name, documentationUrl]).toEqual([name, expect.stringMatching(/^https:\/\//)]);
			expect([name, documentationUrl]).not.toEqual([name, expect.stringContaining('npmjs.com')]);
			if (!documentationUrl!.startsWith(repositoryUrl)) continue;
			const anchor = new URL(documentationUrl!).hash.slice(1);
			expect([name, anchor, anchors.includes(anchor)]).toEqual([name, anchor, true]);
		}
	});
});

describe('README links in parameter texts', () => {
	/** Every string of a node's description (displayName, description, hint, notices), nested options too. */
	const strings = (value: unknown): string[] =>
		typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

	it.each(nodes)('of $className go to README headings that exist', ({ description }) => {
		const anchors = readmeAnchors(readFileSync(join(ROOT, 'README.md'), 'utf8'));
		const escaped = repositoryUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const links = strings(description.properties).flatMap((text) => [...text.matchAll(new RegExp(`${escaped}#([\\w-]+)`, 'g'))].map((m) => m[1]!));
		for (const anchor of links) expect([anchor, anchors.includes(anchor)]).toEqual([anchor, true]);
	});
});

describe('README images', () => {
	it('are files in the repository, each with words saying what it shows', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const images = [...readme.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => ({ alt: m[1]!, src: m[2]! }));
		expect(images.length).toBeGreaterThan(0);
		for (const { alt, src } of images) {
			expect([src, /^https?:/.test(src)]).toEqual([src, false]);
			expect([src, existsSync(join(ROOT, src))]).toEqual([src, true]);
			expect([src, alt.length >= 20]).toEqual([src, true]);
		}
	});
});
