'use strict';
// `npm run bench`: one JSON document on stdout (progress on stderr).
//   normalizeClassify: the library's parse + normalize + classify per AfterShip delivery, as a
//     ratio against JSON.parse of the same strings;
//   classifyCalendar: classify() per event with the destination's business-day calendar, as a
//     ratio against JSON.parse of the same events' JSON and against classify() without a destination;
//   n8nJourney: the bundled journey's webhook throughput in a real n8n, as a ratio against a
//     trivial webhook workflow in the same n8n;
//   detectCarrier: detectCarrier() numbers/s over valid numbers and junk, as a ratio against
//     stripping separators and upper-casing the same strings;
//   pollSweep: one sweep of 10,000 watched FedEx shipments through the real adapter and SQLite
//     store against a local rate-limited FedEx, as a ratio against the floor the limit sets;
//   stallSweep: sweepStalled() over 100,000 open shipments in a temp SqliteStore (~5% silent), its
//     time and peak memory, then again with everything already told;
//   machine: where it ran. Absolute figures vary by machine; the ratios are the point.
// Flags: --skip-n8n (no n8n part), --payloads=<n> (5000), --rounds=<n> (5), --duration=<s> (10),
//        --connections=<n> (10), --n8n-rounds=<n> (2), --preference=email|none (email),
//        --only=<parts> (comma-separated from normalize,classify,detect,poll,stall,n8n; e.g. --only=poll,detect),
//        --poll-shipments=<n> (10000), --poll-rate=<r/s> (20), --poll-recheck=<n> (3000),
//        --classify-events=<n> (5000), --stall-shipments=<n> (100000).
require('./node24').ensureNode24(); // node:sqlite (the poll part's store) needs Node >= 22.13
const os = require('node:os');
const { ensureBuilt } = require('./bench/build');
const { benchNormalizeClassify } = require('./bench/normalize-classify');

const args = Object.fromEntries(
	process.argv.slice(2).map((a) => {
		const [k, v] = a.replace(/^--/, '').split('=');
		return [k, v ?? true];
	}),
);
const repoRoot = require('node:path').resolve(__dirname, '..');
const only = typeof args.only === 'string' ? new Set(args.only.split(',').map((p) => p.trim())) : null;
const PARTS = ['normalize', 'classify', 'detect', 'poll', 'stall', 'n8n'];
const unknown = only && [...only].filter((p) => !PARTS.includes(p));
if (unknown?.length) {
	process.stderr.write(`--only: unknown part ${unknown.join(', ')}; use ${PARTS.join(',')}\n`);
	process.exit(2);
}
const runs = (part) => (only ? only.has(part) : part !== 'n8n' || !args['skip-n8n']);
const t0 = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}\n`);

function machine() {
	const cpus = os.cpus();
	return {
		node: process.version,
		cpuModel: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		loadAverage1mAtStart: Number(os.loadavg()[0].toFixed(2)),
		note: 'Absolute rates depend on this machine; each figure comes with a baseline measured in the same run (JSON.parse for normalizeClassify and classifyCalendar, a trivial webhook workflow in the same n8n for n8nJourney, separator stripping for detectCarrier, the floor the rate limit sets for pollSweep), so compare the ratios; stallSweep has none, its times are absolute.',
	};
}

async function main() {
	const build = ensureBuilt(repoRoot, log);
	const result = { machine: machine(), build };
	if (runs('normalize')) {
		result.normalizeClassify = benchNormalizeClassify({
			repoRoot,
			n: Number(args.payloads) || 5000,
			rounds: Number(args.rounds) || 5,
			log,
		});
	}
	if (runs('classify')) {
		const { benchClassifyCalendar } = require('./bench/classify-calendar');
		result.classifyCalendar = benchClassifyCalendar({ repoRoot, n: Number(args['classify-events']) || 5000, rounds: Number(args.rounds) || 5, log });
	}
	if (runs('detect')) {
		const { benchDetectCarrier } = require('./bench/detect');
		result.detectCarrier = benchDetectCarrier({ repoRoot, rounds: Number(args.rounds) || 5, log });
	}
	if (runs('poll')) {
		const { benchPollSweep } = require('./bench/poll-sweep');
		result.pollSweep = await benchPollSweep({
			repoRoot,
			shipments: Number(args['poll-shipments']) || 10_000,
			rate: Number(args['poll-rate']) || 20,
			recheck: Number(args['poll-recheck']) || 3000,
			log,
		});
	}
	if (runs('stall')) {
		const { benchStallSweep } = require('./bench/stall-sweep');
		result.stallSweep = await benchStallSweep({ repoRoot, shipments: Number(args['stall-shipments']) || 100_000, log });
	}
	if (runs('n8n')) {
		const { benchN8nJourney } = require('./bench/n8n-journey');
		result.n8nJourney = await benchN8nJourney({
			repoRoot,
			duration: Number(args.duration) || 10,
			connections: Number(args.connections) || 10,
			rounds: Number(args['n8n-rounds']) || 2,
			preference: args.preference === 'none' ? 'none' : 'email',
			log,
		});
	}
	// Other work on the machine skews every figure; the load average before and after says how much.
	result.machine.loadAverage1mAtEnd = Number(os.loadavg()[0].toFixed(2));
	result.elapsedSeconds = Number(((Date.now() - t0) / 1000).toFixed(1));
	process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().then(
	() => process.exit(0),
	(error) => {
		log(`bench failed: ${error.stack || error.message}`);
		process.exit(1);
	},
);
