'use strict';
// Part stallSweep: sweepStalled() over 100,000 open shipments in the embedded SqliteStore (a temp
// file), about 5% of them silent past their threshold at the sweep's `now`; then the same sweep
// again, when everything was already told and nothing may be claimed.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MB = 1024 * 1024;
const round = (v, d = 2) => Number(v.toFixed(d));

/** mulberry32: the same shipments for the same seed. */
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** gc() without --expose-gc, so the baseline is not inflated by garbage left by seeding. */
function gcFunction() {
	v8.setFlagsFromString('--expose-gc');
	return vm.runInNewContext('gc');
}

// A US shop: domestic services (ground 3 business days, express/priority 2) and some international
// (5), so every default threshold and several holiday calendars are in play.
const US_SERVICES = [['ups', 'UPS Ground', '1Z'], ['usps', 'Ground Advantage', '9400'], ['usps', 'Priority Mail', '9405'], ['fedex', 'FedEx Home Delivery', '7946'], ['fedex', 'FedEx 2Day', '7712']];
const INTL_SERVICES = [['dhl', 'Express Worldwide', 'JD01'], ['fedex', 'FedEx International Priority', '7720'], ['ups', 'UPS Worldwide Saver', '1Z']];
const PLACES = [
	...['CA', 'NY', 'TX', 'FL', 'IL', 'WA', 'MA', 'GA'].map((region) => ({ weight: 10, country: 'US', region })),
	...['BY', 'NW', 'BE'].map((region) => ({ weight: 2, country: 'DE', region })),
	...['ENG', 'SCT'].map((region) => ({ weight: 2, country: 'GB', region })),
	...['ON', 'QC'].map((region) => ({ weight: 2, country: 'CA', region })),
];
const TOTAL_WEIGHT = PLACES.reduce((sum, p) => sum + p.weight, 0);
// Statuses of open shipments that had a scan; available_for_pickup is silence that is no news.
const SCANNED = [['in_transit', 88], ['out_for_delivery', 4], ['attempt_failed', 2], ['exception', 2], ['available_for_pickup', 4]];

/**
 * `n` open shipments as assessWithHistory leaves them. Last scans: 78% within 2 days of `now`
 * (moving), 17% 2-6 days before (quiet: some past their business days, most not, weekends and
 * Memorial Day / the Spring bank holiday counting), 3% 7-20 days (lost in transit); 2% never
 * scanned (label only or pending), opened up to 8 days before (no information after 5 days).
 */
function shipments(lib, n, now, seed) {
	const rand = prng(seed);
	const weighted = (list, total) => {
		let r = rand() * total;
		for (const item of list) if ((r -= item[1] ?? item.weight) < 0) return item;
		return list[0];
	};
	const iso = (ms) => new Date(ms).toISOString();
	const out = [];
	for (let i = 0; i < n; i++) {
		const place = weighted(PLACES, TOTAL_WEIGHT);
		const services = place.country === 'US' ? US_SERVICES : INTL_SERVICES;
		const [carrier, service, prefix] = services[Math.floor(rand() * services.length)];
		const trackingNumber = `${prefix}${String(i).padStart(8, '0')}${Math.floor(rand() * 1e6)}`;
		const r = rand();
		const state = {
			key: lib.shipmentKey(trackingNumber, carrier),
			trackingNumber,
			carrier,
			service,
			destinationCountry: place.country,
			destinationRegion: place.region,
			context: {
				customer: { name: `Customer ${i}`, email: `customer${i}@example.com`, phone: `+1312555${String(i % 10_000).padStart(4, '0')}`, locale: 'en' },
				order: { id: `gid://shopify/Order/${5_000_000 + i}`, orderNumber: `#${10_000 + i}`, totalPrice: '84.90', currency: 'USD' },
			},
		};
		if (r < 0.98) {
			const silence = r < 0.78 ? rand() * 2 * DAY : r < 0.95 ? (2 + rand() * 4) * DAY : (7 + rand() * 13) * DAY;
			const scan = now.getTime() - silence;
			state.status = weighted(SCANNED, 100)[0];
			state.occurredAt = iso(scan);
			state.lastScanAt = iso(scan);
			state.openedAt = iso(scan - (1 + rand() * 3) * DAY);
			state.lastTrigger = 'shipped';
		} else {
			const opened = now.getTime() - rand() * 8 * DAY;
			state.status = rand() < 0.7 ? 'info_received' : 'pending';
			state.occurredAt = iso(opened);
			state.openedAt = iso(opened);
			state.lastTrigger = 'order_confirmed';
		}
		state.updatedAt = state.occurredAt;
		out.push(state);
	}
	return out;
}

/**
 * Peak rss/heapUsed, sampled at most every 50 ms from inside the sweep: its awaits on the SQLite
 * store resolve at once (microtasks), so a setInterval would not fire until it ended.
 */
function memorySampler() {
	let last = 0;
	const peak = { rss: 0, heapUsed: 0, samples: 0 };
	const sample = () => {
		const m = process.memoryUsage();
		peak.rss = Math.max(peak.rss, m.rss);
		peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
		peak.samples++;
		last = performance.now();
	};
	return { peak, sample, maybe: () => performance.now() - last >= 50 && sample() };
}

/** The store as sweepStalled uses it, counting pages, rows, claims tried and won, and sampling memory. */
function instrumented(store, sampler) {
	const counts = { pages: 0, read: 0, largestPage: 0, claimsTried: 0, claimed: 0, byKind: {} };
	return {
		counts,
		store: {
			async openShipments(afterKey, limit) {
				sampler?.maybe();
				const page = await store.openShipments(afterKey, limit);
				counts.pages++;
				counts.read += page.length;
				counts.largestPage = Math.max(counts.largestPage, page.length);
				return page;
			},
			async markNotified(key, kind, at, seen) {
				sampler?.maybe();
				counts.claimsTried++;
				const won = await store.markNotified(key, kind, at, seen);
				if (won) {
					counts.claimed++;
					counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
				}
				return won;
			},
		},
	};
}

const fileSize = (file) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

async function benchStallSweep({ repoRoot, shipments: n = 100_000, seed = 11, now = new Date('2025-05-28T15:00:00Z'), originCountry = 'US', log }) {
	const lib = require(path.join(repoRoot, 'dist', 'lib'));
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-bench-stall-'));
	const file = path.join(dir, 'store.sqlite');
	const store = lib.openSqliteStore(file);
	try {
		const states = shipments(lib, n, now, seed);
		// What the sweep must find, from assessSilence itself over the generated states (untimed).
		const expected = { stalled: 0, noInformation: 0 };
		for (const state of states) {
			const a = lib.assessSilence(state, now, { originCountry });
			if (a) a.trigger === 'stalled' ? expected.stalled++ : expected.noInformation++;
		}

		// One putShipment per shipment, each its own transaction: the Store API has no batch or
		// transaction, so this is what filling it through the API costs (reported apart). A no-op
		// purgeExpired every 1000 puts, as claims do in real traffic: putShipment alone never lets
		// SQLite's auto-checkpoint run (see walNote), and the WAL would grow by ~16 kB per put.
		log(`part stall: inserting ${n} open shipments through putShipment (${expected.stalled} stalled, ${expected.noInformation} without information at now)`);
		let t = process.hrtime.bigint();
		for (let i = 0; i < states.length; i++) {
			await store.putShipment(states[i]);
			if (i % 1000 === 999) await store.purgeExpired(new Date(0));
		}
		const insertSeconds = Number(process.hrtime.bigint() - t) / 1e9;
		const walBytesAfterInsert = fileSize(`${file}-wal`);
		states.length = 0;
		log(`part stall: inserted in ${insertSeconds.toFixed(1)} s (${Math.round(n / insertSeconds)} puts/s); sweeping`);

		const gc = gcFunction();
		gc();
		const base = process.memoryUsage();
		const sampler = memorySampler();
		const timer = setInterval(sampler.sample, 50);
		const first = instrumented(store, sampler);
		t = process.hrtime.bigint();
		let found;
		try {
			found = await lib.sweepStalled(first.store, { now, limit: n, originCountry });
		} finally {
			clearInterval(timer);
		}
		const sweepSeconds = Number(process.hrtime.bigint() - t) / 1e9;
		sampler.sample();
		// What stays once garbage is gone: the result (found is still held here).
		gc();
		const retainedHeap = process.memoryUsage().heapUsed - base.heapUsed;
		const byTrigger = {};
		for (const f of found) byTrigger[f.assessment.trigger] = (byTrigger[f.assessment.trigger] ?? 0) + 1;
		const sweep = {
			wallSeconds: round(sweepSeconds),
			shipmentsPerSec: Math.round(first.counts.read / sweepSeconds),
			shipmentsRead: first.counts.read,
			pages: first.counts.pages,
			pageSize: `default (largest page read: ${first.counts.largestPage})`,
			limit: n,
			silentFound: first.counts.claimsTried,
			notificationsClaimed: first.counts.claimed,
			returned: found.length,
			asExpected: first.counts.claimsTried === expected.stalled + expected.noInformation,
			byTrigger,
			escalated: found.filter((f) => f.assessment.escalate).length,
			memory: {
				baselineAfterGcMb: { rss: round(base.rss / MB, 1), heapUsed: round(base.heapUsed / MB, 1) },
				peakAboveBaselineMb: { rss: round((sampler.peak.rss - base.rss) / MB, 1), heapUsed: round((sampler.peak.heapUsed - base.heapUsed) / MB, 1) },
				heapRetainedAfterGcMb: round(retainedHeap / MB, 1),
				samples: sampler.peak.samples,
				note: `sampled every 50 ms from inside the sweep (page reads and claims); includes the result, which holds all ${found.length} silent shipments with their items; the rss baseline already holds what inserting left (freed heap is not returned to the system), so rss barely moves`,
			},
		};
		found = null;
		log(`part stall: sweep 1: ${sweep.wallSeconds} s over ${sweep.shipmentsRead} shipments, ${sweep.silentFound} silent, ${sweep.notificationsClaimed} claimed`);

		// Right after, at the same now: every silence was told, so the marks stop each one before a claim.
		const second = instrumented(store, null);
		t = process.hrtime.bigint();
		const again = await lib.sweepStalled(second.store, { now, limit: n, originCountry });
		const againSeconds = Number(process.hrtime.bigint() - t) / 1e9;
		const sweepAllTold = {
			wallSeconds: round(againSeconds),
			shipmentsRead: second.counts.read,
			silentFound: second.counts.claimsTried,
			notificationsClaimed: second.counts.claimed,
			returned: again.length,
		};
		log(`part stall: sweep 2 (all told): ${sweepAllTold.wallSeconds} s, ${sweepAllTold.notificationsClaimed} claimed`);

		return {
			shipments: n,
			seed,
			now: now.toISOString(),
			options: { originCountry, limit: n, pageSize: 'default', thresholds: 'defaults (international 5, express/priority/2 day 2, else 3 business days; no information after 5 days)' },
			mix: 'open shipments, 78% of scans within 2 days of now, 17% 2-6 days before, 3% 7-20 days, 2% never scanned (opened up to 8 days before); destinations US (8 states, 80%), DE, GB, CA; UPS/USPS/FedEx domestic ground and express, DHL/FedEx/UPS international; customer and order context kept with each',
			expectedByAssessSilence: { ...expected, sharePercent: round(((expected.stalled + expected.noInformation) / n) * 100, 2) },
			insert: {
				seconds: round(insertSeconds),
				putsPerSec: Math.round(n / insertSeconds),
				note: 'putShipment one by one, each its own autocommit transaction (WAL, synchronous NORMAL), with a no-op purgeExpired every 1000: the Store API offers no batch or transaction; reported apart from the sweep',
				walNote: 'putShipment runs an INSERT ... RETURNING read with .get(): the statement never steps to SQLITE_DONE, so SQLite never runs its auto-checkpoint after it; a store written only by putShipment grows its WAL without bound (1.6 GB for 100,000 puts here), until a statement that completes (claim, purgeExpired, markNotified) checkpoints it',
				walBytesAfterInsert,
			},
			storeBytes: { db: fileSize(file), wal: fileSize(`${file}-wal`) },
			sweep,
			sweepAllTold,
		};
	} finally {
		await store.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

module.exports = { benchStallSweep };
