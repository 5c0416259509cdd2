import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { INodeType } from 'n8n-workflow';

// The bundled workflows as a user first sees them on n8n's canvas: nothing hidden under a sticky
// note, no line running through a node, every output of this package's nodes going somewhere.
//
// Geometry of n8n 2.41's canvas, read from its editor bundle (n8n-editor-ui dist/assets):
// - calculateNodeSize: a node is 96x96 with `position` as its top-left corner (triggers too); with
//   more than two main inputs or outputs it grows 32 px per extra handle (two 16 px grid steps).
// - handle offsets: output i of n sits on the right edge at (i + 1) / (n + 1) of the height;
//   inputs likewise on the left edge.
// - getEdgeRenderData: a connection into a node left of its source (input x < output x - 20) is
//   drawn back under the source: right 40, down 130, across, and into the target from 40 px to its
//   left. Any other connection is React Flow's bezier (control points half the distance out).
// - the node's name prints under the box, centred, wrapping at twice the node's width (192 px),
//   with the subtitle under it: we take 20 px a line and 7.8 px a character (an approximation of
//   the 14 px font, checked against screenshots of the 2.41 editor) and a subtitle line always.
// Sticky notes sit at `position` with parameters.width/height (n8n's defaults 240x160).

const NODE = 96;
const EXTRA_HANDLE = 32;
const LABEL_WIDTH = 2 * NODE;
const LABEL_LINE = 20;
const LABEL_CHAR = 7.8;
const STICKY_DEFAULT = { width: 240, height: 160 };
const PACKAGE_PREFIX = 'n8n-nodes-postpurchase.';
const STICKY = 'n8n-nodes-base.stickyNote';
const NO_OP = 'n8n-nodes-base.noOp';

interface LayoutNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: Record<string, unknown>;
}
interface LayoutWorkflow {
	nodes: LayoutNode[];
	connections: Record<string, { main?: Array<Array<{ node: string }> | null> }>;
}
interface Ports {
	inputs: number;
	outputs: number;
	outputNames?: string[];
}
interface Rect {
	x: number;
	y: number;
	w: number;
	h: number;
}
type Point = [number, number];

/** n8n's own nodes with other than one main input and one main output (NoOp, Wait, Set... have one each). */
const BASE_PORTS: Record<string, Ports> = {
	'n8n-nodes-base.webhook': { inputs: 0, outputs: 1 },
	'n8n-nodes-base.scheduleTrigger': { inputs: 0, outputs: 1 },
	'n8n-nodes-base.if': { inputs: 1, outputs: 2 },
};

function box(node: LayoutNode, ports: Ports): Rect {
	const handles = Math.max(ports.inputs, ports.outputs, 1);
	return { x: node.position[0], y: node.position[1], w: NODE, h: NODE + Math.max(0, handles - 2) * EXTRA_HANDLE };
}

/** The box with the name under it: what must not be covered or crossed. */
function footprint(node: LayoutNode, ports: Ports): Rect {
	const b = box(node, ports);
	const text = node.name.length * LABEL_CHAR;
	const w = Math.min(LABEL_WIDTH, Math.max(NODE, text));
	const lines = Math.ceil(text / LABEL_WIDTH) + 1;
	return { x: b.x + (NODE - w) / 2, y: b.y, w, h: b.h + 4 + lines * LABEL_LINE };
}

function stickyRect(note: LayoutNode): Rect {
	const { width, height } = note.parameters as { width?: number; height?: number };
	return { x: note.position[0], y: note.position[1], w: width ?? STICKY_DEFAULT.width, h: height ?? STICKY_DEFAULT.height };
}

/**
 * How far down a sticky's text reaches: a generous estimate (16 px padding, headings 30 px, lines
 * of 20 px wrapped at about 7.8 px a character, 8 px between paragraphs); the 2.41 editor's
 * wrapping matches it, its lines are shorter, so nodes placed by it clear the text.
 */
function textBottom(note: LayoutNode): number {
	const rect = stickyRect(note);
	const perLine = Math.max(1, Math.floor((rect.w - 32) / 7.8));
	let height = 16;
	for (const line of String(note.parameters.content ?? '').split('\n')) {
		if (/^#+\s/.test(line)) height += 30;
		else if (line.trim() === '') height += 8;
		else height += Math.ceil(line.length / perLine) * 20;
	}
	return rect.y + height;
}

const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function segmentHitsRect([x1, y1]: Point, [x2, y2]: Point, r: Rect): boolean {
	// Liang-Barsky clipping: does any part of the segment lie strictly inside the rectangle?
	let t0 = 0;
	let t1 = 1;
	const dx = x2 - x1;
	const dy = y2 - y1;
	for (const [p, q] of [
		[-dx, x1 - r.x],
		[dx, r.x + r.w - x1],
		[-dy, y1 - r.y],
		[dy, r.y + r.h - y1],
	]) {
		if (p === 0) {
			if (q <= 0) return false;
		} else {
			const t = q / p;
			if (p < 0) t0 = Math.max(t0, t);
			else t1 = Math.min(t1, t);
		}
	}
	return t0 < t1;
}

/** The line n8n draws from output `index` of `source` to the input of `target`, as a polyline. */
function connectionPath(source: Rect, index: number, outputs: number, target: Rect): Point[] {
	const sx = source.x + source.w;
	const sy = source.y + (source.h * (index + 1)) / (outputs + 1);
	const tx = target.x;
	const ty = target.y + target.h / 2;
	if (sx - 20 > tx) {
		const under = sy + 130;
		return [[sx, sy], [sx + 40, sy], [sx + 40, under], [tx - 40, under], [tx - 40, ty], [tx, ty]];
	}
	const reach = 0.5 * (tx - sx);
	const points: Point[] = [];
	for (let i = 0; i <= 32; i++) {
		const t = i / 32;
		const u = 1 - t;
		const x = u ** 3 * sx + 3 * u * u * t * (sx + reach) + 3 * u * t * t * (tx - reach) + t ** 3 * tx;
		const y = u ** 3 * sy + 3 * u * u * t * sy + 3 * u * t * t * ty + t ** 3 * ty;
		points.push([x, y]);
	}
	return points;
}

/**
 * Everything wrong with a workflow's layout, in words. The rule for sticky notes: a sticky sits
 * behind the step it explains, so it "belongs" to the nodes it fully contains (name included) and
 * must contain at least one; it must not cover part of any other node, a node belongs to at most
 * one sticky and sits below its text, and stickies do not overlap each other.
 */
function layoutFindings(workflow: LayoutWorkflow, portsOf: (type: string) => Ports): string[] {
	const findings: string[] = [];
	const notes = workflow.nodes.filter((node) => node.type === STICKY);
	const nodes = workflow.nodes.filter((node) => node.type !== STICKY);
	const byName = new Map(nodes.map((node) => [node.name, node]));
	const boxOf = (node: LayoutNode) => box(node, portsOf(node.type));
	const footprintOf = (node: LayoutNode) => footprint(node, portsOf(node.type));

	const owner = new Map<string, string>();
	for (const note of notes) {
		const rect = stickyRect(note);
		let members = 0;
		for (const node of nodes) {
			const area = footprintOf(node);
			if (inside(area, rect)) {
				members++;
				if (owner.has(node.name)) findings.push(`"${node.name}" sits inside both "${owner.get(node.name)}" and "${note.name}"`);
				owner.set(node.name, note.name);
				if (area.y < textBottom(note)) findings.push(`"${node.name}" covers the text of "${note.name}"`);
			} else if (overlap(area, rect)) {
				findings.push(`"${note.name}" partly covers "${node.name}"`);
			}
		}
		if (members === 0) findings.push(`"${note.name}" sits behind no node`);
	}
	notes.forEach((a, i) => {
		for (const b of notes.slice(i + 1)) if (overlap(stickyRect(a), stickyRect(b))) findings.push(`"${a.name}" overlaps "${b.name}"`);
	});
	nodes.forEach((a, i) => {
		for (const b of nodes.slice(i + 1)) if (overlap(footprintOf(a), footprintOf(b))) findings.push(`"${a.name}" overlaps "${b.name}"`);
	});

	const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
		if (from === to) return true;
		if (seen.has(from)) return false;
		seen.add(from);
		const outs = workflow.connections[from]?.main ?? [];
		return outs.some((targets) => (targets ?? []).some(({ node }) => reaches(node, to, seen)));
	};
	for (const [sourceName, { main = [] }] of Object.entries(workflow.connections)) {
		const source = byName.get(sourceName);
		if (!source) continue;
		const outputs = Math.max(portsOf(source.type).outputs, main.length);
		main.forEach((targets, index) => {
			for (const { node: targetName } of targets ?? []) {
				const target = byName.get(targetName);
				if (!target) continue;
				// A loop back (the Wait handing a message back) may run right to left; nothing else.
				if (target.position[0] <= source.position[0] && !reaches(targetName, sourceName)) {
					findings.push(`"${sourceName}" → "${targetName}" runs right to left`);
				}
				const path = connectionPath(boxOf(source), index, outputs, boxOf(target));
				for (const other of nodes) {
					if (other === source || other === target) continue;
					const area = footprintOf(other);
					if (path.some((point, i) => i > 0 && segmentHitsRect(path[i - 1], point, area))) {
						findings.push(`"${sourceName}" → "${targetName}" passes through "${other.name}"`);
					}
				}
			}
		});
	}

	for (const node of nodes) {
		if (node.type === NO_OP && /^No Operation/.test(node.name)) {
			findings.push(`"${node.name}" should be named for what ending there means`);
		}
		if (!node.type.startsWith(PACKAGE_PREFIX)) continue;
		const { outputs, outputNames } = portsOf(node.type);
		for (let index = 0; index < outputs; index++) {
			if ((workflow.connections[node.name]?.main?.[index] ?? []).length > 0) continue;
			const output = outputNames?.[index] ?? `output ${index + 1}`;
			findings.push(`"${node.name}" output "${output}" goes nowhere: connect it or end it in a named No Operation node`);
		}
	}
	return findings;
}

// The package's nodes, as package.json lists them, for their inputs and outputs.
const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; n8n: { nodes: string[] } };
const PACKAGE_PORTS = new Map<string, Ports>(
	pkg.n8n.nodes.map((distPath) => {
		const sourcePath = distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
		const className = basename(sourcePath).replace(/\.node\.ts$/, '');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { description } = new (require(join(ROOT, sourcePath))[className] as new () => INodeType)();
		const count = (list: unknown) => (Array.isArray(list) ? list.length : 1);
		return [`${pkg.name}.${description.name}`, { inputs: count(description.inputs), outputs: count(description.outputs), outputNames: description.outputNames }];
	}),
);
const portsOf = (type: string): Ports => PACKAGE_PORTS.get(type) ?? BASE_PORTS[type] ?? { inputs: 1, outputs: 1 };

const files = readdirSync(join(ROOT, 'workflows')).filter((file) => file.endsWith('.json'));

describe.each(files)('layout of workflows/%s', (file) => {
	it('reads left to right with nothing covered, crossed or left dangling', () => {
		const workflow = JSON.parse(readFileSync(join(ROOT, 'workflows', file), 'utf8')) as LayoutWorkflow;
		expect(layoutFindings(workflow, portsOf)).toEqual([]);
	});
});

describe('the layout check', () => {
	const node = (name: string, type: string, x: number, y: number, parameters: Record<string, unknown> = {}): LayoutNode => ({
		name,
		type,
		position: [x, y],
		parameters,
	});
	const NOTIFY = `${PACKAGE_PREFIX}customerNotify`;

	it('passes a clean layout', () => {
		const clean: LayoutWorkflow = {
			nodes: [
				node('Note', STICKY, -40, -120, { content: '## Step', width: 440, height: 360 }),
				node('Hook', 'n8n-nodes-base.webhook', 0, 0),
				node('Notify', NOTIFY, 280, 0),
				node('Sent', NO_OP, 560, -200),
				node('Deferred', NO_OP, 560, -40),
				node('Suppressed', NO_OP, 560, 120),
				node('Failed', NO_OP, 560, 280),
			],
			connections: {
				Hook: { main: [[{ node: 'Notify' }]] },
				Notify: { main: [[{ node: 'Sent' }], [{ node: 'Deferred' }], [{ node: 'Suppressed' }], [{ node: 'Failed' }]] },
			},
		};
		expect(layoutFindings(clean, portsOf)).toEqual([]);
	});

	it('finds covered nodes, crossed nodes, overlaps and dangling outputs', () => {
		const broken: LayoutWorkflow = {
			nodes: [
				node('Half Covering', STICKY, 200, -100, { content: '## Half', width: 200, height: 200 }),
				node('Overlapping', STICKY, 300, -50, { content: 'x' }),
				node('Floating', STICKY, 2000, 2000, { content: 'far away' }),
				node('Wordy', STICKY, -400, 400, { content: '## Title\n' + 'word '.repeat(200), width: 300, height: 500 }),
				node('Hook', 'n8n-nodes-base.webhook', 0, 0),
				node('In the Way', NO_OP, 60, 20),
				node('Notify', NOTIFY, 380, 0),
				node('Under the Text', NO_OP, -300, 450),
				node('No Operation, do nothing', NO_OP, 700, 0),
			],
			connections: {
				Hook: { main: [[{ node: 'Notify' }]] },
				Notify: { main: [[{ node: 'No Operation, do nothing' }], [{ node: 'In the Way' }]] },
			},
		};
		expect(layoutFindings(broken, portsOf).sort()).toEqual(
			[
				'"Half Covering" sits behind no node',
				'"Overlapping" sits behind no node',
				'"Half Covering" partly covers "Notify"',
				'"Overlapping" partly covers "Notify"',
				'"Half Covering" overlaps "Overlapping"',
				'"Floating" sits behind no node',
				'"Under the Text" covers the text of "Wordy"',
				'"Hook" overlaps "In the Way"',
				'"Hook" → "Notify" passes through "In the Way"',
				'"Notify" → "In the Way" runs right to left',
				'"Notify" → "In the Way" passes through "Hook"',
				'"Notify" output "Suppressed" goes nowhere: connect it or end it in a named No Operation node',
				'"Notify" output "Failed" goes nowhere: connect it or end it in a named No Operation node',
				'"No Operation, do nothing" should be named for what ending there means',
			].sort(),
		);
	});
});
