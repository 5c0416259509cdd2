import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// "Arrows point down" (CONTRIBUTING.md, Architecture): an area of lib/ imports only areas of a
// lower layer, or areas of its own layer without a cycle between them. Lowest first.
const LAYERS: string[][] = [
	['model'],
	['http', 'calendar', 'clock'],
	['store', 'templates'],
	['providers', 'carriers', 'aggregators', 'orders', 'channels'],
	['classifier'],
	['ingest', 'normalize', 'notify', 'poll', 'preferences', 'journey', 'tracking'],
	['index'],
];

/**
 * Arrows that still point up, each to be removed (issue 9 item 3); the test fails when one is
 * gone from the code but still listed here, so the list only shrinks.
 */
const KNOWN_UPWARD = new Set([
	'orders -> ingest', // lib/orders/webhooks/ingest.ts: the second ingest pipeline, to merge into lib/ingest
	'orders -> notify', // NotifyRecipient type in lib/orders/model.ts
	'orders -> classifier', // TRIGGER_INFO in lib/orders/webhooks/toItem.ts
]);

const LIB = resolve(__dirname, '..', '..', '..', 'lib');
const layerOf = new Map(LAYERS.flatMap((areas, layer) => areas.map((area) => [area, layer] as const)));

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
	});
}
const areaOf = (path: string) => relative(LIB, path).split(/[\\/]/)[0].replace(/\.ts$/, '');

/** area -> areas it imports (relative imports only, type imports included). */
function areaGraph(): Map<string, Set<string>> {
	const graph = new Map<string, Set<string>>();
	for (const file of files(LIB)) {
		const from = areaOf(file);
		for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
			const to = areaOf(resolve(dirname(file), match[1]));
			if (to !== from) (graph.get(from) ?? graph.set(from, new Set()).get(from))?.add(to);
		}
	}
	return graph;
}

describe('lib/ imports point down', () => {
	const graph = areaGraph();
	const arrows = [...graph].flatMap(([from, tos]) => [...tos].map((to) => ({ from, to, arrow: `${from} -> ${to}` })));

	it('every area of lib/ has a layer', () => {
		const areas = new Set([...graph.keys(), ...arrows.map((a) => a.to)]);
		expect([...areas].filter((area) => !layerOf.has(area))).toEqual([]);
	});

	it('no import points to a higher layer (beyond the listed ones being removed)', () => {
		const upward = arrows.filter(({ from, to }) => (layerOf.get(to) ?? 0) > (layerOf.get(from) ?? 0)).map((a) => a.arrow);
		expect(upward.filter((arrow) => !KNOWN_UPWARD.has(arrow))).toEqual([]);
		expect([...KNOWN_UPWARD].filter((arrow) => !upward.includes(arrow))).toEqual([]);
	});

	it('areas of one layer import each other without a cycle', () => {
		const sameLayer = (from: string, to: string) => layerOf.get(from) === layerOf.get(to);
		const cycles: string[] = [];
		const visit = (area: string, path: string[]) => {
			for (const next of graph.get(area) ?? []) {
				if (!sameLayer(area, next)) continue;
				if (path.includes(next)) cycles.push([...path, next].join(' -> '));
				else visit(next, [...path, next]);
			}
		};
		for (const area of graph.keys()) visit(area, [area]);
		expect(cycles).toEqual([]);
	});
});
