import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import type { ICredentialType, INodeType, INodeTypeDescription } from 'n8n-workflow';

// The package as n8n's community-node loader sees it: package.json's `n8n` section names built
// files; n8n requires each and takes the export named like the file, then reads its description,
// the icons next to it and the codex `.node.json`. Descriptions are read from the TypeScript
// sources (ts-jest compiles them); the built files are checked on disk.

const ROOT = join(__dirname, '..', '..', '..');

interface PackageJson {
	name: string;
	main: string;
	types: string;
	files: string[];
	keywords: string[];
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
}

const pkg: PackageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** `dist/nodes/X/X.node.js` → `nodes/X/X.node.ts`. */
const sourceOf = (distPath: string) => distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
/** `X.node.js` → `X`, `Y.credentials.ts` → `Y`: the export n8n looks for. */
const classNameOf = (path: string) => basename(path).replace(/\.(node|credentials)\.(js|ts)$/, '');

/** A built file's text; missing dist means the package was not built, and says so. */
function built(relative: string): string {
	if (!existsSync(join(ROOT, 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` first (`npm test` builds before it runs the unit tests).');
	}
	const file = join(ROOT, relative);
	if (!existsSync(file)) throw new Error(`${relative} is missing after the build: run \`npm run build\` (tsc + gulp build:icons).`);
	return readFileSync(file, 'utf8');
}

function instantiate<T>(sourcePath: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(join(ROOT, sourcePath)) as Record<string, unknown>;
	const Class = mod[classNameOf(sourcePath)];
	if (typeof Class !== 'function') throw new Error(`${sourcePath} does not export a class named ${classNameOf(sourcePath)}`);
	return new (Class as new () => T)();
}

/** 'file:x.svg' or { light, dark } → the file names, relative to the declaring file. */
function iconFiles(icon: unknown): { light?: string; dark?: string } {
	const file = (value: unknown) => (typeof value === 'string' && value.startsWith('file:') ? value.slice(5) : undefined);
	if (typeof icon === 'string') return { light: file(icon) };
	const { light, dark } = (icon ?? {}) as { light?: unknown; dark?: unknown };
	return { light: file(light), dark: file(dark) };
}

const nodes = pkg.n8n.nodes.map((distPath) => {
	const sourcePath = sourceOf(distPath);
	const node = instantiate<INodeType>(sourcePath);
	return { distPath, sourcePath, className: classNameOf(distPath), node, description: node.description as INodeTypeDescription };
});

const credentials = pkg.n8n.credentials.map((distPath) => {
	const sourcePath = sourceOf(distPath);
	return { distPath, sourcePath, className: classNameOf(distPath), credential: instantiate<ICredentialType>(sourcePath) };
});
const credentialNames = new Set(credentials.map(({ credential }) => credential.name));

describe('package.json', () => {
	it('is an n8n community node package', () => {
		expect(pkg.name).toMatch(/^(@[\w-]+\/)?n8n-nodes-[\w-]+$/);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		expect(pkg.n8n.nodes.length).toBeGreaterThan(0);
		expect(pkg.n8n.credentials.length).toBeGreaterThan(0);
	});

	it('ships everything the n8n section and `main` name, and the workflows', () => {
		const shipped = (path: string) => pkg.files.some((entry) => path === entry || path.startsWith(`${entry.replace(/\/$/, '')}/`));
		for (const path of [...pkg.n8n.nodes, ...pkg.n8n.credentials, pkg.main]) expect([path, shipped(path)]).toEqual([path, true]);
		expect(pkg.files).toContain('workflows');
		expect(existsSync(join(ROOT, pkg.main))).toBe(true);
	});

	it('names only built JavaScript files under dist, each once', () => {
		const all = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
		expect(new Set(all).size).toBe(all.length);
		for (const path of pkg.n8n.nodes) expect(path).toMatch(/^dist\/nodes\/[^/]+\/[^/]+\.node\.js$/);
		for (const path of pkg.n8n.credentials) expect(path).toMatch(/^dist\/credentials\/[^/]+\.credentials\.js$/);
	});

	it('lists every node and credential the sources define', () => {
		const nodeSources = readdirSync(join(ROOT, 'nodes'), { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.flatMap((entry) =>
				readdirSync(join(ROOT, 'nodes', entry.name))
					.filter((file) => file.endsWith('.node.ts'))
					.map((file) => `nodes/${entry.name}/${file}`),
			);
		const credentialSources = readdirSync(join(ROOT, 'credentials'))
			.filter((file) => file.endsWith('.credentials.ts'))
			.map((file) => `credentials/${file}`);
		expect(nodeSources.sort()).toEqual(pkg.n8n.nodes.map(sourceOf).sort());
		expect(credentialSources.sort()).toEqual(pkg.n8n.credentials.map(sourceOf).sort());
	});
});

/**
 * What `npm publish` would upload, as npm itself computes it (package.json `files`, its `!`
 * exclusions, and the files npm always adds): the list a user's n8n unpacks.
 */
function packedFiles(): string[] {
	built('dist/lib/index.js');
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8' });
	const [report] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
	return report.files.map(({ path }) => path);
}

describe('the published tarball', () => {
	let files: string[];
	let shipped: Set<string>;
	beforeAll(() => {
		files = packedFiles();
		shipped = new Set(files);
	}, 60_000);

	it('carries the README, LICENSE and CHANGELOG', () => {
		for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) expect([file, shipped.has(file)]).toEqual([file, true]);
	});

	it('carries every file package.json names: n8n nodes and credentials, main, types', () => {
		for (const path of [...pkg.n8n.nodes, ...pkg.n8n.credentials, pkg.main, pkg.types]) expect([path, shipped.has(path)]).toEqual([path, true]);
	});

	it('carries each node\'s icons and codex file, and every bundled workflow', () => {
		for (const { distPath, className, description } of nodes) {
			const { light, dark } = iconFiles(description.icon);
			for (const file of [light, dark, `${className}.node.json`]) {
				const path = posix.join(dirname(distPath), file!);
				expect([path, shipped.has(path)]).toEqual([path, true]);
			}
		}
		const workflows = readdirSync(join(ROOT, 'workflows')).filter((file) => file.endsWith('.json'));
		expect(workflows.length).toBeGreaterThan(0);
		for (const file of workflows) expect([file, shipped.has(`workflows/${file}`)]).toEqual([file, true]);
	});

	it('carries no build state, tests, scripts or TypeScript sources', () => {
		const unwanted = files.filter(
			(path) => path.endsWith('.tsbuildinfo') || /^(test|scripts|lib|nodes|credentials|\.demo|\.test-results|node_modules)\//.test(path) || (path.endsWith('.ts') && !path.endsWith('.d.ts')),
		);
		expect(unwanted).toEqual([]);
	});

	it('carries no source map whose sources it does not carry', () => {
		const broken = files
			.filter((path) => path.endsWith('.map'))
			.flatMap((path) => {
				const map = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as { sources?: string[]; sourceRoot?: string; sourcesContent?: unknown[] };
				return (map.sources ?? [])
					.filter((_, i) => map.sourcesContent?.[i] == null)
					.map((source) => posix.normalize(posix.join(dirname(path), map.sourceRoot ?? '', source)))
					.filter((source) => !shipped.has(source))
					.map((source) => `${path} → ${source}`);
			});
		expect(broken).toEqual([]);
	});

	it('ships the JavaScript of every declaration file, so the types describe code that is there', () => {
		const orphans = files.filter((path) => path.endsWith('.d.ts') && !shipped.has(path.replace(/\.d\.ts$/, '.js')));
		expect(orphans).toEqual([]);
	});
});

describe('the build', () => {
	it.each([...pkg.n8n.nodes, ...pkg.n8n.credentials])('%s exists and exports the class n8n looks for', (distPath) => {
		const text = built(distPath);
		expect(text).toContain(`exports.${classNameOf(distPath)} = ${classNameOf(distPath)};`);
	});
});

describe.each(nodes)('node $className', ({ distPath, sourcePath, className, node, description }) => {
	const sourceDir = dirname(sourcePath);
	const distDir = dirname(distPath);

	it('has a name, display name, version, inputs and outputs', () => {
		expect(description.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
		expect(description.displayName).toEqual(expect.any(String));
		expect(description.displayName.trim()).not.toBe('');
		expect(description.version).toBeDefined();
		expect(Array.isArray(description.inputs)).toBe(true);
		expect(Array.isArray(description.outputs)).toBe(true);
		expect(description.defaults.name).toEqual(expect.any(String));
	});

	it('has a name unique in the package', () => {
		expect(nodes.filter((other) => other.description.name === description.name)).toHaveLength(1);
	});

	it('has light and dark icon files next to it, in the sources and in dist', () => {
		const { light, dark } = iconFiles(description.icon);
		expect(light).toEqual(expect.stringMatching(/\.(svg|png)$/));
		expect(dark).toEqual(expect.stringMatching(/\.(svg|png)$/));
		expect(dark).not.toBe(light);
		for (const file of [light!, dark!]) {
			expect([join(sourceDir, file), existsSync(join(ROOT, sourceDir, file))]).toEqual([join(sourceDir, file), true]);
			expect(built(join(distDir, file)).length).toBeGreaterThan(0);
		}
	});

	it('has a codex .node.json naming it `<package>.<name>`, copied to dist unchanged', () => {
		const codexPath = join(sourceDir, `${className}.node.json`);
		expect(existsSync(join(ROOT, codexPath))).toBe(true);
		const codex = JSON.parse(readFileSync(join(ROOT, codexPath), 'utf8'));
		expect(codex.node).toBe(`${pkg.name}.${description.name}`);
		expect(codex.categories).toEqual(expect.arrayContaining([expect.any(String)]));
		expect(JSON.parse(built(join(distDir, `${className}.node.json`)))).toEqual(codex);
	});

	it('uses only credentials the package defines', () => {
		for (const { name } of description.credentials ?? []) expect([name, credentialNames.has(name)]).toEqual([name, true]);
	});

	it('has every credential test it names', () => {
		const tests = (node.methods?.credentialTest ?? {}) as Record<string, unknown>;
		for (const { name, testedBy } of description.credentials ?? []) {
			if (typeof testedBy !== 'string') continue;
			expect([name, testedBy, typeof tests[testedBy]]).toEqual([name, testedBy, 'function']);
		}
	});

	it('has property names unique at the top level', () => {
		const shown = description.properties.filter((p) => p.type !== 'notice').map((p) => `${p.name}|${JSON.stringify(p.displayOptions ?? {})}`);
		expect(new Set(shown).size).toBe(shown.length);
	});
});

describe.each(credentials)('credential $className', ({ distPath, sourcePath, credential }) => {
	it('has a name and display name, unique in the package', () => {
		expect(credential.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
		expect(credential.displayName.trim()).not.toBe('');
		expect(credentials.filter((other) => other.credential.name === credential.name)).toHaveLength(1);
	});

	it('has its icon files in the sources and in dist', () => {
		const { light, dark } = iconFiles(credential.icon);
		const files = [light, dark].filter((file): file is string => file !== undefined);
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			expect([file, existsSync(join(ROOT, dirname(sourcePath), file))]).toEqual([file, true]);
			expect(built(join(dirname(distPath), file)).length).toBeGreaterThan(0);
		}
	});

	it('is used by some node of the package', () => {
		const users = nodes.filter(({ description }) => (description.credentials ?? []).some(({ name }) => name === credential.name));
		expect(users.length).toBeGreaterThan(0);
	});
});
