'use strict';
// `npm run bench`: one JSON document on stdout (progress on stderr).
//   normalizeClassify: the library's parse + normalize + classify per AfterShip delivery, as a
//     ratio against JSON.parse of the same strings;
//   n8nJourney: the bundled journey's webhook throughput in a real n8n, as a ratio against a
//     trivial webhook workflow in the same n8n;
//   machine: where it ran. Absolute figures vary by machine; the ratios are the point.
// Flags: --skip-n8n (part 1 only), --payloads=<n> (5000), --rounds=<n> (5), --duration=<s> (10),
//        --connections=<n> (10), --n8n-rounds=<n> (2), --preference=email|none (email).
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
const t0 = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}\n`);

function machine() {
	const cpus = os.cpus();
	return {
		node: process.version,
		cpuModel: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		loadAverage1mAtStart: Number(os.loadavg()[0].toFixed(2)),
		note: 'Absolute rates depend on this machine; each figure comes with a baseline measured in the same run (JSON.parse for part 1, a trivial webhook workflow in the same n8n for part 2), so compare the ratios.',
	};
}

async function main() {
	const build = ensureBuilt(repoRoot, log);
	const result = { machine: machine(), build };
	result.normalizeClassify = benchNormalizeClassify({
		repoRoot,
		n: Number(args.payloads) || 5000,
		rounds: Number(args.rounds) || 5,
		log,
	});
	if (!args['skip-n8n']) {
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
