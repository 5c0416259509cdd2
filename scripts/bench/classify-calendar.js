'use strict';
// Part classifyCalendar: classify() per event with the destination's business-day calendar in use
// (public holidays of US states, DE Länder, GB nations, CA provinces), against JSON.parse of the
// same events' JSON, and against classify() of the same events without a destination, so both the
// classifier's cost and the calendar's share of it show as ratios measured in the same run.
const path = require('node:path');
const { aftershipCorpus } = require('./corpus');
const { median, summary } = require('./stats');

/** mulberry32: the same mix for the same seed. */
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

// Where parcels go, weighted as a US shop shipping abroad might see it; AfterShip sends alpha-3
// countries, and regions as codes or, for GB, often as a county name (the country's holidays then).
// Carriers with services the transit table knows, so the own-estimate path has something to use.
const US = [['ups', 'UPS Ground'], ['usps', 'Priority Mail'], ['fedex', 'FedEx Home Delivery'], ['usps', 'Ground Advantage']];
const DESTINATIONS = [
	...['CA', 'NY', 'TX', 'FL', 'IL', 'WA', 'MA', 'GA'].map((region) => ({ weight: 6, country: 'USA', region, carriers: US })),
	...['BY', 'NW', 'BE', 'HH', 'BW'].map((region) => ({ weight: 4, country: 'DEU', region, carriers: [['dhl', 'DHL Express Worldwide'], ['ups', 'UPS Worldwide Saver']] })),
	...['ENG', 'SCT', 'NIR', 'West Yorkshire'].map((region) => ({ weight: 4, country: 'GBR', region, carriers: [['dhl', 'Express Worldwide'], ['fedex', 'FedEx International Priority']] })),
	...['ON', 'QC', 'BC'].map((region) => ({ weight: 5, country: 'CAN', region, carriers: [['ups', 'UPS Worldwide Expedited'], ['fedex', 'FedEx International Economy']] })),
];
const TOTAL_WEIGHT = DESTINATIONS.reduce((sum, d) => sum + d.weight, 0);

const DAY_MS = 86_400_000;
const dateOf = (iso) => iso.slice(0, 10);
const plusDays = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The corpus's normalized events, re-dressed: a destination from the list above, and dates for one
 * of three cases: 'late' (a promise and a later carrier estimate: delay in business days), 'own'
 * (no carrier estimate, a known service and a ship date: the transit table's estimate), 'corpus'
 * (the dates as the corpus drew them: on time, earlier, none).
 */
function eventMix(lib, repoRoot, n, seed) {
	const rand = prng(seed);
	const pick = (list) => list[Math.floor(rand() * list.length)];
	const destination = () => {
		let r = rand() * TOTAL_WEIGHT;
		for (const d of DESTINATIONS) if ((r -= d.weight) < 0) return d;
		return DESTINATIONS[0];
	};
	const items = [];
	for (const payload of aftershipCorpus(repoRoot, n, seed)) {
		for (const source of lib.normalize('aftership', payload)) {
			const event = { ...source };
			const where = destination();
			event.destination = { ...event.destination, state: where.region, country: where.country };
			const [carrier, service] = pick(where.carriers);
			event.carrier = carrier;
			event.service = service;
			const day = dateOf(event.occurredAt);
			const context = { now: new Date(Date.parse(event.occurredAt) + 3 * 3_600_000) };
			const r = rand();
			let kind = 'corpus';
			if (r < 0.5) {
				kind = 'late';
				const promised = plusDays(day, 1 + Math.floor(rand() * 3));
				event.promisedDelivery = promised;
				event.estimatedDelivery = plusDays(promised, 1 + Math.floor(rand() * 6));
				delete event.estimatedDeliveryLatest;
				if (event.estimateRevision) event.previousEstimatedDelivery = promised;
				else delete event.previousEstimatedDelivery;
			} else if (r < 0.7) {
				kind = 'own';
				delete event.estimatedDelivery;
				delete event.estimatedDeliveryLatest;
				delete event.previousEstimatedDelivery;
				delete event.estimateRevision;
				if (rand() < 0.5) event.promisedDelivery = plusDays(day, 2 + Math.floor(rand() * 4));
				else delete event.promisedDelivery;
				context.shippedAt = new Date(Date.parse(event.occurredAt) - (1 + Math.floor(rand() * 2)) * DAY_MS).toISOString();
			}
			const calendarContext = { ...context, destinationCountry: where.country, destinationRegion: where.region };
			// The same event and context with no destination anywhere: weekends only (and a carrier's own days off).
			const { destination: _dropped, ...bare } = event;
			items.push({ kind, country: where.country, event, calendarContext, bare, bareContext: context });
		}
	}
	return items;
}

/** One timed pass of `fn(i)` over every index, `passes` times; returns events/s. */
function timed(n, passes, fn) {
	const start = process.hrtime.bigint();
	let sink = 0;
	for (let p = 0; p < passes; p++) {
		for (let i = 0; i < n; i++) sink += fn(i);
	}
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	return { rate: (n * passes) / seconds, seconds, sink };
}

/** Untimed: what the mix exercised, and how often the calendar changed the answer. */
function outcomesOf(lib, items) {
	const out = { events: items.length, byCase: {}, byCountry: {}, triggers: {}, delayed: 0, delayedFewerBusinessThanCalendarDays: 0, holidayReason: 0, ownEstimate: 0, atRisk: 0, classifyErrors: 0, calendarChangedAnswer: 0 };
	for (const item of items) {
		out.byCase[item.kind] = (out.byCase[item.kind] ?? 0) + 1;
		out.byCountry[item.country] = (out.byCountry[item.country] ?? 0) + 1;
		let a;
		let b;
		try {
			a = lib.classify(item.event, item.calendarContext);
			b = lib.classify(item.bare, item.bareContext);
		} catch {
			out.classifyErrors++;
			continue;
		}
		out.triggers[a.trigger ?? 'none'] = (out.triggers[a.trigger ?? 'none'] ?? 0) + 1;
		if (a.trigger === 'delayed') out.delayed++;
		if (a.businessDaysLate !== undefined && a.businessDaysLate < a.daysLate) out.delayedFewerBusinessThanCalendarDays++;
		if (a.reasonCode === 'holiday') out.holidayReason++;
		if (a.etaSource === 'estimated') out.ownEstimate++;
		if (a.atRisk) out.atRisk++;
		const keyOf = (x) => [x.trigger, x.escalate, x.reasonCode, x.businessDaysLate, x.revisedEta, x.atRisk, x.reason].join('|');
		if (keyOf(a) !== keyOf(b)) out.calendarChangedAnswer++;
	}
	return out;
}

function benchClassifyCalendar({ repoRoot, n = 5000, seed = 7, rounds = 5, targetMs = 800, slices = 4, log }) {
	const lib = require(path.join(repoRoot, 'dist', 'lib'));
	const items = eventMix(lib, repoRoot, n, seed);
	const strings = items.map((item) => JSON.stringify(item.event));
	const count = items.length;
	// Whether an earlier part already loaded the holiday parser (then the first pass is not cold).
	const holidaysLoaded = Object.keys(require.cache).some((k) => k.includes(`${path.sep}date-holidays-parser${path.sep}`));

	const guard = (fn) => (i) => {
		try {
			return fn(i).notify ? 2 : 1;
		} catch {
			return 0;
		}
	};
	const fns = {
		jsonParse: (i) => (JSON.parse(strings[i]) ? 1 : 0),
		classifyCalendar: guard((i) => lib.classify(items[i].event, items[i].calendarContext)),
		classifyNoDestination: guard((i) => lib.classify(items[i].bare, items[i].bareContext)),
	};

	// The first pass pays for loading the holiday rules and building each country/region/year once.
	const first = timed(count, 1, fns.classifyCalendar);
	const outcomes = outcomesOf(lib, items);
	log(`part classify: ${count} events (${JSON.stringify(outcomes.byCase)}), ${outcomes.delayed} delayed; warming up`);
	for (let i = 0; i < 3; i++) for (const fn of Object.values(fns)) timed(count, 1, fn);
	// Enough passes that each side's round lasts about targetMs; the fastest of 3 probes, as one can hit a GC.
	const passes = {};
	for (const [name, fn] of Object.entries(fns)) {
		const best = Math.min(...[0, 1, 2].map(() => timed(count, 1, fn).seconds));
		passes[name] = Math.max(slices, Math.round(targetMs / 1000 / best / slices) * slices);
	}

	const names = Object.keys(fns);
	const rates = Object.fromEntries(names.map((name) => [name, []]));
	for (let r = 0; r < rounds; r++) {
		// Each side in `slices` interleaved parts, the order rotated per round: a machine that
		// speeds up or slows down (other work on it) hits every side alike, so the ratios hold.
		const seconds = Object.fromEntries(names.map((name) => [name, 0]));
		for (let s = 0; s < slices; s++) {
			for (let k = 0; k < names.length; k++) {
				const name = names[(r + s + k) % names.length];
				seconds[name] += timed(count, passes[name] / slices, fns[name]).seconds;
			}
		}
		for (const name of names) rates[name].push((count * passes[name]) / seconds[name]);
		log(`part classify: round ${r + 1}/${rounds}: JSON.parse ${rates.jsonParse[r].toFixed(0)}/s, classify with calendar ${rates.classifyCalendar[r].toFixed(0)}/s, without destination ${rates.classifyNoDestination[r].toFixed(0)}/s`);
	}
	const perRound = (a, b) => rates[a].map((v, i) => v / rates[b][i]);
	const us = (name) => Number((1e6 / median(rates[name])).toFixed(3));

	return {
		events: count,
		seed,
		mix: 'test/fixtures/corpus.ts aftershipCorpus(n, seed) normalized, then per event: a destination (USA 8 states, DEU 5 Länder, GBR 3 nations + a county name, CAN 3 provinces; alpha-3 as AfterShip sends) and a carrier service the transit table knows; 50% "late" (promise 1-3 days after the scan, carrier estimate 1-6 days after the promise), 20% "own" (no carrier estimate, shippedAt 1-2 days before, half with a promise), 30% the corpus dates; context.now = scan + 3 h',
		withoutCalendar: 'the same events and contexts minus event.destination and context.destinationCountry/Region: weekends only (USPS still closes on US federal holidays)',
		outcomes,
		firstPassMs: { classifyCalendar: Number((first.seconds * 1000).toFixed(1)), dateHolidaysAlreadyLoaded: holidaysLoaded },
		rounds,
		passesPerRound: passes,
		slicesPerRound: slices,
		jsonParsePerSec: summary(rates.jsonParse),
		classifyCalendarPerSec: summary(rates.classifyCalendar),
		classifyNoDestinationPerSec: summary(rates.classifyNoDestination),
		microsecondsPerEvent: { jsonParse: us('jsonParse'), classifyCalendar: us('classifyCalendar'), classifyNoDestination: us('classifyNoDestination') },
		averageEventJsonBytes: Math.round(strings.reduce((sum, s) => sum + Buffer.byteLength(s), 0) / count),
		timesSlowerThanJsonParse: summary(perRound('jsonParse', 'classifyCalendar'), 2),
		calendarTimesSlowerThanNoDestination: summary(perRound('classifyNoDestination', 'classifyCalendar'), 3),
	};
}

module.exports = { benchClassifyCalendar, eventMix };
