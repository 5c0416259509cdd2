'use strict';
// Part 4: one poll sweep over a large watch list, through the real FedEx adapter, axios and the
// SQLite store, against a local FedEx that enforces a rate limit. A sweep is bound by the limit,
// not the CPU, so the figure is the ratio to the floor the limit sets (1.0 = no overhead).
const { fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const HOUR = 3_600_000;
const MB = 1024 * 1024;

/** gc() without --expose-gc, so the baseline is not inflated by garbage left by seeding. */
function gcFunction() {
	v8.setFlagsFromString('--expose-gc');
	return vm.runInNewContext('gc');
}

/** Distinct FedEx Express (12) numbers with valid mod 11 check digits, as a store would hold. */
function fedexNumbers(n) {
	const out = [];
	for (let i = 0; out.length < n; i++) {
		const body = String(79460000000 + i * 7919).padStart(11, '0').slice(-11);
		let sum = 0;
		for (let k = 0; k < 11; k++) sum += Number(body[10 - k]) * [1, 3, 7][k % 3];
		out.push(body + ((sum % 11) % 10));
	}
	return out;
}

/** The stand-in in its own process: its CPU and heap must not count as the sweep's. */
function startStandin(rate, log) {
	const child = fork(path.join(__dirname, 'carrier-standin.js'), [`--rate=${rate}`], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
	const ask = (type) =>
		new Promise((resolve, reject) => {
			const onExit = (code) => reject(new Error(`carrier stand-in exited (${code})`));
			const onMessage = (msg) => {
				if (msg.type !== type) return;
				child.off('message', onMessage).off('exit', onExit);
				resolve(msg);
			};
			child.on('message', onMessage).once('exit', onExit);
			if (type !== 'ready') child.send({ type });
		});
	return ask('ready').then(({ port }) => {
		log(`part 4: FedEx stand-in on 127.0.0.1:${port}, ${rate} requests/s`);
		return { port, stats: async () => (await ask('stats')).stats, reset: () => ask('reset'), stop: () => child.kill() };
	});
}

/** Peak rss and heapUsed every 50 ms while `work` runs. */
async function sampled(work) {
	let rss = 0;
	let heap = 0;
	const sample = () => {
		const m = process.memoryUsage();
		rss = Math.max(rss, m.rss);
		heap = Math.max(heap, m.heapUsed);
	};
	const timer = setInterval(sample, 50);
	try {
		const result = await work();
		sample();
		return { result, peak: { rss, heapUsed: heap } };
	} finally {
		clearInterval(timer);
	}
}

async function timedSweep(lib, store, carrier, now, options) {
	const start = process.hrtime.bigint();
	const report = await lib.sweep(store.watchlist, [carrier], { now, pageSize: options.pageSize, maxLookups: options.maxLookups });
	return { report, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function byStatus(changes) {
	const counts = {};
	for (const { event } of changes) counts[event.status] = (counts[event.status] ?? 0) + 1;
	return counts;
}

const fileSize = (file) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
const round = (v, d = 2) => Number(v.toFixed(d));

async function benchPollSweep({ repoRoot, shipments = 10_000, rate = 20, pageSize = 200, recheck = 3000, log }) {
	const lib = require(path.join(repoRoot, 'dist', 'lib'));
	const adapter = lib.getCarrier('fedex');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-bench-poll-'));
	const file = path.join(dir, 'store.sqlite');
	const standin = await startStandin(rate, log);
	const store = lib.openSqliteStore(file);
	try {
		// Virtual time runs with real time plus an offset: the pacer reads this clock and really
		// sleeps, so advancing it skips hours without skipping the pacing.
		let offset = 0;
		const now = () => new Date(Date.now() + offset);
		const ctx = {
			http: lib.axiosHttp,
			credentials: { clientId: 'bench-client', clientSecret: 'bench-secret', baseUrl: `http://127.0.0.1:${standin.port}` },
			tokens: new lib.MemoryTokenCache(),
			now,
		};
		const carrier = { adapter, ctx, rateLimit: { requests: rate, perMs: 1000 } };
		const maxLookups = Math.max(shipments, 10_000);

		let t = process.hrtime.bigint();
		const numbers = fedexNumbers(shipments);
		for (let i = 0; i < numbers.length; i++) {
			await store.watchlist.watch({ trackingNumber: numbers[i], carrier: 'fedex', metadata: { orderId: `ORD-${100000 + i}`, channel: 'web' } }, now());
		}
		const seedSeconds = Number(process.hrtime.bigint() - t) / 1e9;
		const walAfterSeed = fileSize(`${file}-wal`);
		log(`part 4: ${shipments} shipments watched in ${seedSeconds.toFixed(1)} s; sweeping (floor ${(Math.ceil(shipments / adapter.maxBatch) / rate).toFixed(1)} s)`);

		const gc = gcFunction();
		gc();
		const base = process.memoryUsage();
		const requestsFloor = Math.ceil(shipments / adapter.maxBatch);
		const floorSeconds = requestsFloor / rate;
		const first = await sampled(() => timedSweep(lib, store, carrier, now, { pageSize, maxLookups }));
		const { report, seconds } = first.result;
		const s1 = await standin.stats();
		const storeBytes = { db: fileSize(file), wal: fileSize(`${file}-wal`), walAfterSeeding: walAfterSeed };
		const sweep1 = {
			wallSeconds: round(seconds),
			floorSeconds: round(floorSeconds),
			timesFloor: round(seconds / floorSeconds, 3),
			requests: s1.trackRequests,
			requestsFloor,
			// The two causes apart: extra requests (partial batches) and time beyond pacing them.
			timesPacedRequests: round(seconds / (s1.trackRequests / rate), 3),
			tokenRequests: s1.tokenRequests,
			tooManyRequests: s1.tooManyRequests,
			maxRequestsInAnySecond: s1.maxRequestsInAnySecond,
			checked: report.checked,
			changes: report.changes.length,
			changesByStatus: byStatus(report.changes),
			failures: report.failures.length,
			cutShort: report.cutShort,
			memory: {
				baselineMb: { rss: round(base.rss / MB, 1), heapUsed: round(base.heapUsed / MB, 1) },
				peakAboveBaselineMb: { rss: round((first.peak.rss - base.rss) / MB, 1), heapUsed: round((first.peak.heapUsed - base.heapUsed) / MB, 1) },
				note: `sampled every 50 ms; includes the report, which holds every change (${report.changes.length} events) until the sweep returns`,
			},
			storeBytes,
		};
		log(`part 4: sweep 1: ${sweep1.wallSeconds} s for ${sweep1.requests} requests (${sweep1.timesFloor}x floor), ${sweep1.changes} changes, ${sweep1.tooManyRequests} x 429`);

		// Nothing is due right after: the sweep should cost one indexed read.
		await standin.reset();
		const second = await timedSweep(lib, store, carrier, now, { pageSize, maxLookups });
		const s2 = await standin.stats();
		const sweepNothingDue = { wallMs: round(second.seconds * 1000, 1), checked: second.report.checked, changes: second.report.changes.length, requests: s2.trackRequests };
		log(`part 4: sweep 2 (nothing due): ${sweepNothingDue.wallMs} ms`);

		// Past the 2 h recheck, the same answers again: every lookup is made, nothing is new. A sample
		// of `recheck` lookups (maxLookups) keeps the part short; each costs the same as in sweep 1.
		offset += 2 * HOUR + 60_000;
		await standin.reset();
		t = process.hrtime.bigint();
		const third = await timedSweep(lib, store, carrier, now, { pageSize, maxLookups: recheck });
		const thirdSeconds = Number(process.hrtime.bigint() - t) / 1e9;
		const s3 = await standin.stats();
		const thirdFloor = Math.ceil(Math.min(recheck, shipments) / adapter.maxBatch) / rate;
		const sweepUnchanged = {
			advancedHours: round((2 * HOUR + 60_000) / HOUR, 2),
			maxLookups: recheck,
			wallSeconds: round(thirdSeconds),
			floorSeconds: round(thirdFloor),
			timesFloor: round(thirdSeconds / thirdFloor, 3),
			requests: s3.trackRequests,
			tokenRequests: s3.tokenRequests,
			tooManyRequests: s3.tooManyRequests,
			checked: third.report.checked,
			changes: third.report.changes.length,
			failures: third.report.failures.length,
			stillDue: (await store.watchlist.due('fedex', now(), maxLookups)).length,
		};
		log(`part 4: sweep 3 (+2 h, unchanged): ${sweepUnchanged.checked} checked in ${sweepUnchanged.wallSeconds} s, ${sweepUnchanged.changes} changes`);

		return {
			shipments,
			carrier: 'fedex (real adapter, axios, SqliteStore) against scripts/bench/carrier-standin.js on 127.0.0.1',
			rateLimit: { requestsPerSecond: rate, standin: 'token bucket, burst = rate; 429 + Retry-After beyond it', sweepOverride: carrier.rateLimit },
			batch: adapter.maxBatch,
			pageSize,
			maxLookups,
			seedSeconds: round(seedSeconds),
			sweep: sweep1,
			sweepNothingDue,
			sweepUnchanged,
		};
	} finally {
		await store.close();
		standin.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

module.exports = { benchPollSweep, fedexNumbers };
