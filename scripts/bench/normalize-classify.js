'use strict';
// Part 1: the library's per-delivery cost (parse + normalize + classify) against JSON.parse alone
// of the same strings, in the same process and run, so the ratio is what travels across machines.
const path = require('node:path');
const { aftershipCorpus } = require('./corpus');
const { median, summary } = require('./stats');

/** One timed pass of `fn` over every string, `passes` times; returns events/s (deliveries/s). */
function timed(strings, passes, fn) {
	const start = process.hrtime.bigint();
	let sink = 0;
	for (let p = 0; p < passes; p++) {
		for (let i = 0; i < strings.length; i++) sink += fn(strings[i]);
	}
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	// sink is returned so the engine cannot drop the work as unused.
	return { rate: (strings.length * passes) / seconds, seconds, sink };
}

/** Enough passes that one round lasts about `targetMs`, so timer resolution and GC even out. */
function passesFor(strings, fn, targetMs) {
	const { seconds } = timed(strings, 1, fn);
	return Math.max(1, Math.round(targetMs / 1000 / seconds));
}

function benchNormalizeClassify({ repoRoot, n = 5000, seed = 1, rounds = 5, targetMs = 400, log }) {
	const lib = require(path.join(repoRoot, 'dist', 'lib'));
	const strings = aftershipCorpus(repoRoot, n, seed).map((p) => JSON.stringify(p));
	const bytes = strings.reduce((sum, s) => sum + Buffer.byteLength(s), 0);

	const outcomes = { events: 0, notify: 0, silent: 0, payloadErrors: 0, classifyErrors: 0 };
	const parseOnly = (s) => (JSON.parse(s) ? 1 : 0);
	const full = (s) => {
		let events;
		try {
			events = lib.normalize('aftership', JSON.parse(s));
		} catch {
			return 0;
		}
		let notified = 0;
		for (const event of events) {
			try {
				if (lib.classify(event).notify) notified++;
			} catch {
				// Counted once below, outside the timed loop.
			}
		}
		return events.length + notified;
	};

	// One untimed pass to count outcomes, so the JSON says what the corpus exercised.
	for (const s of strings) {
		let events;
		try {
			events = lib.normalize('aftership', JSON.parse(s));
		} catch {
			outcomes.payloadErrors++;
			continue;
		}
		for (const event of events) {
			outcomes.events++;
			try {
				lib.classify(event).notify ? outcomes.notify++ : outcomes.silent++;
			} catch {
				outcomes.classifyErrors++;
			}
		}
	}

	log(`part 1: warming up on ${n} payloads (${(bytes / n).toFixed(0)} bytes each on average)`);
	for (let i = 0; i < 3; i++) {
		timed(strings, 1, parseOnly);
		timed(strings, 1, full);
	}
	const parsePasses = passesFor(strings, parseOnly, targetMs);
	const fullPasses = passesFor(strings, full, targetMs);

	const parseRates = [];
	const fullRates = [];
	const ratios = [];
	for (let r = 0; r < rounds; r++) {
		// Alternate the order so a drift in machine speed hits both sides alike.
		const first = r % 2 === 0;
		const a = first ? timed(strings, parsePasses, parseOnly) : null;
		const b = timed(strings, fullPasses, full);
		const c = first ? a : timed(strings, parsePasses, parseOnly);
		parseRates.push(c.rate);
		fullRates.push(b.rate);
		ratios.push(c.rate / b.rate);
		log(`part 1: round ${r + 1}/${rounds}: JSON.parse ${c.rate.toFixed(0)}/s, parse+normalize+classify ${b.rate.toFixed(0)}/s`);
	}

	return {
		payloads: n,
		seed,
		corpus: 'test/fixtures/corpus.ts aftershipCorpus(n, seed), serialized once',
		averagePayloadBytes: Math.round(bytes / n),
		outcomes,
		rounds,
		passesPerRound: { jsonParse: parsePasses, parseNormalizeClassify: fullPasses },
		jsonParsePerSec: summary(parseRates),
		parseNormalizeClassifyPerSec: summary(fullRates),
		microsecondsPerDelivery: { jsonParse: Number((1e6 / median(parseRates)).toFixed(2)), parseNormalizeClassify: Number((1e6 / median(fullRates)).toFixed(2)) },
		timesSlowerThanJsonParse: summary(ratios, 2),
	};
}

module.exports = { benchNormalizeClassify };
