'use strict';
// Part 3: detectCarrier() over a mix of realistic tracking numbers (valid check digits, some
// printed with spaces) and junk, against the cheapest thing any detection must do (strip
// separators, upper-case) over the same strings in the same run: the ratio is what travels.
const path = require('node:path');
const { median, summary } = require('./stats');

/** mulberry32: the same list for the same seed. */
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

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// Check digits, written out again here (not imported) so a bug in lib/ cannot hide in both.
const d = (c) => c.charCodeAt(0) - 48;
function gs1Check(digits) {
	let sum = 0;
	for (let i = digits.length - 1, three = true; i >= 0; i--, three = !three) sum += d(digits[i]) * (three ? 3 : 1);
	return String((10 - (sum % 10)) % 10);
}
function upsCheck(chars) {
	let sum = 0;
	for (let i = 0; i < chars.length; i++) {
		const c = chars.charCodeAt(i);
		const v = c <= 57 ? c - 48 : (c - 63) % 10;
		sum += i & 1 ? v * 2 : v;
	}
	return String((10 - (sum % 10)) % 10);
}
function fedexCheck(digits) {
	let sum = 0;
	for (let i = digits.length - 1, k = 0; i >= 0; i--, k++) sum += d(digits[i]) * [1, 3, 7][k % 3];
	return String((sum % 11) % 10);
}
function s10Check(serial) {
	const w = [8, 6, 4, 2, 3, 5, 9, 7];
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += d(serial[i]) * w[i];
	const c = 11 - (sum % 11);
	return String(c === 10 ? 0 : c === 11 ? 5 : c);
}
function mod7Check(digits) {
	let r = 0;
	for (const c of digits) r = (r * 10 + d(c)) % 7;
	return String(r);
}

/** Generators by kind: [name, expected carrier, () => number]. */
function generators(rand) {
	const digits = (n) => Array.from({ length: n }, () => String(Math.floor(rand() * 10))).join('');
	const chars = (n, set = ALNUM) => Array.from({ length: n }, () => set[Math.floor(rand() * set.length)]).join('');
	const pick = (list) => list[Math.floor(rand() * list.length)];
	return [
		['UPS 1Z', 'ups', () => {
			const body = `${chars(6)}${pick(['01', '02', '03', '12', '13', '42', 'YW'])}${digits(7)}`;
			return `1Z${body}${upsCheck(body)}`;
		}],
		['FedEx 12', 'fedex', () => {
			const body = `7${digits(10)}`;
			return body + fedexCheck(body);
		}],
		['FedEx 15', 'fedex', () => {
			const body = `6${digits(13)}`;
			return body + gs1Check(body);
		}],
		['FedEx 96 (22)', 'fedex', () => {
			const tail = digits(14);
			return `96${digits(2)}${pick(['019', '029', '049'])}${tail}${gs1Check(tail)}`;
		}],
		['USPS IMpb 22', 'usps', () => {
			// 94 + service type + 6-digit mailer id (0-8 first) + package id; 92 would need a 9-digit mailer id.
			const body = `94${pick(['001', '055', '612'])}${pick(['0', '1', '5'])}${digits(15)}`;
			return body + gs1Check(body);
		}],
		['USPS 420+ZIP IMpb', 'usps', () => {
			const body = `9400${pick(['1', '5'])}${digits(16)}`;
			return `420${digits(5)}${body}${gs1Check(body)}`;
		}],
		['UPU S10', 's10', () => {
			const serial = digits(8);
			return `${pick(['RR', 'LX', 'CP', 'EE', 'UA'])}${serial}${s10Check(serial)}${pick(['CN', 'GB', 'FR', 'JP', 'NL'])}`;
		}],
		['DHL Express 10', 'dhl', () => {
			const body = `${1 + Math.floor(rand() * 9)}${digits(8)}`;
			return body + mod7Check(body);
		}],
		// No check digit: a changed digit is another valid number, so never used for bad-check junk.
		['Amazon TBA', 'amazon', () => `TBA${digits(12)}`, false],
	];
}

/** Junk a tracking field really receives: order ids, phones, e-mails, words, digit runs, bad check digits. */
function junk(rand, valid) {
	const digits = (n) => Array.from({ length: n }, () => String(Math.floor(rand() * 10))).join('');
	const kinds = [
		() => `ORDER-${digits(6)}`,
		() => `#${digits(5)}`,
		() => `(${digits(3)}) ${digits(3)}-${digits(4)}`,
		() => `customer${digits(3)}@example.com`,
		() => 'not shipped yet',
		() => '',
		() => 'N/A',
		() => Array.from({ length: 8 + Math.floor(rand() * 20) }, () => ALNUM[Math.floor(rand() * 36)]).join(''),
		// Random digit runs: some pass a check digit by chance (1 in 7 to 1 in 10) and are detected.
		() => digits(5 + Math.floor(rand() * 30)),
	];
	const k = Math.floor(rand() * (kinds.length + 1));
	if (k < kinds.length) return { kind: 'junk', text: kinds[k]() };
	// A real number with its check digit changed: the shape passes, the check must not.
	const v = valid();
	const last = v.charCodeAt(v.length - 1);
	const text = last >= 48 && last <= 57 ? v.slice(0, -1) + String((last - 48 + 1 + Math.floor(rand() * 8)) % 10) : `${v}X`;
	return { kind: 'junk: check digit changed', text };
}

/** As people paste them: mostly as printed, some grouped in fours, some lower case. */
function dressed(rand, n) {
	const r = rand();
	if (r < 0.15) return n.replace(/(.{4})(?=.)/g, '$1 ');
	if (r < 0.2) return n.toLowerCase();
	return n;
}

function mixedList(n, seed, junkShare = 0.25) {
	const rand = prng(seed);
	const gens = generators(rand);
	const items = [];
	for (let i = 0; i < n; i++) {
		const [kind, carrier, gen, checked = true] = gens[Math.floor(rand() * gens.length)];
		if (rand() < junkShare) items.push({ carrier: null, ...junk(rand, checked ? gen : gens[0][2]) });
		else items.push({ kind, carrier, text: dressed(rand, gen()) });
	}
	return items;
}

function timed(strings, passes, fn) {
	const start = process.hrtime.bigint();
	let sink = 0;
	for (let p = 0; p < passes; p++) {
		for (let i = 0; i < strings.length; i++) sink += fn(strings[i]);
	}
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	return { rate: (strings.length * passes) / seconds, sink };
}

function benchDetectCarrier({ repoRoot, n = 10_000, seed = 1, rounds = 5, targetMs = 400, junkShare = 0.25, log }) {
	const { detectCarrier } = require(path.join(repoRoot, 'dist', 'lib'));
	const items = mixedList(n, seed, junkShare);
	const strings = items.map((item) => item.text);

	// Untimed: what the list exercised, and whether detection agrees with the generators.
	const byKind = {};
	for (const item of items) {
		const result = detectCarrier(item.text);
		const entry = (byKind[item.kind] ??= { count: 0, detected: 0, asExpected: 0 });
		entry.count++;
		if (result) entry.detected++;
		if (result && result.carrier === item.carrier) entry.asExpected++;
	}

	const baseline = (s) => s.replace(/[\s-]/g, '').toUpperCase().length;
	const detect = (s) => {
		const r = detectCarrier(s);
		return r ? r.carrier.length : 0;
	};
	log(`part 3: detectCarrier over ${n} strings (${Math.round((1 - junkShare) * 100)}% valid numbers)`);
	for (let i = 0; i < 3; i++) {
		timed(strings, 1, baseline);
		timed(strings, 1, detect);
	}
	// Enough passes that a round lasts about targetMs; the fastest of 3 probes, as one can hit a GC.
	const passesFor = (fn) => {
		const rate = Math.max(...[0, 1, 2].map(() => timed(strings, 1, fn).rate));
		return Math.max(1, Math.round((targetMs / 1000) * (rate / strings.length)));
	};
	const basePasses = passesFor(baseline);
	const detectPasses = passesFor(detect);

	const baseRates = [];
	const detectRates = [];
	const ratios = [];
	for (let r = 0; r < rounds; r++) {
		// Alternate the order so a drift in machine speed hits both sides alike.
		const first = r % 2 === 0;
		const a = first ? timed(strings, basePasses, baseline) : null;
		const b = timed(strings, detectPasses, detect);
		const c = first ? a : timed(strings, basePasses, baseline);
		baseRates.push(c.rate);
		detectRates.push(b.rate);
		ratios.push(c.rate / b.rate);
		log(`part 3: round ${r + 1}/${rounds}: baseline ${c.rate.toFixed(0)}/s, detectCarrier ${b.rate.toFixed(0)}/s`);
	}

	return {
		strings: n,
		seed,
		list: `UPS 1Z, FedEx 12/15/96-22, USPS IMpb 22 and 420+ZIP, UPU S10, DHL Express 10, Amazon TBA (valid check digits; 15% grouped with spaces, 5% lower case) and ${Math.round(junkShare * 100)}% junk (order ids, phones, e-mails, words, random runs, valid numbers with the check digit changed)`,
		byKind,
		baseline: "s.replace(/[\\s-]/g, '').toUpperCase()",
		rounds,
		passesPerRound: { baseline: basePasses, detectCarrier: detectPasses },
		baselinePerSec: summary(baseRates),
		detectCarrierPerSec: summary(detectRates),
		microsecondsPerNumber: { baseline: Number((1e6 / median(baseRates)).toFixed(3)), detectCarrier: Number((1e6 / median(detectRates)).toFixed(3)) },
		timesSlowerThanBaseline: summary(ratios, 2),
	};
}

module.exports = { benchDetectCarrier, mixedList };
