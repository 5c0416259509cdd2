import { matchDhl } from './dhl';
import { matchFedex } from './fedex';
import { matchOthers } from './others';
import { matchS10 } from './s10';
import { matchUps } from './ups';
import { matchUsps } from './usps';
import type { DetectResult, Hit, Matcher } from './types';

export type { DetectResult } from './types';

// Order only breaks ties between equal ranks: the national carriers first.
const MATCHERS: Matcher[] = [matchUps, matchFedex, matchUsps, matchS10, matchDhl, matchOthers];

const CLEAN = /^[0-9A-Z]+$/;
const DIGITS = /^[0-9]+$/;
const SEPARATORS = /[\s\-\u2010-\u2015]+/g;
// North American phone numbers written with separators: 10 or 11 digits, never a tracking number.
const PHONE = /^(?:1[\s.-]?)?\d{3}[\s.-]\d{3}[\s.-]\d{4}$/;
// Shortest format is 10 characters (DHL Express, LaserShip LX); longest is 420 + ZIP+4 + 30-digit IMpb.
const MIN = 10;
const MAX = 42;

const hits: Hit[] = [];

function byRank(a: Hit, b: Hit): number {
	return b.rank - a.rank;
}

/** Upper-case, without spaces and dashes; null when anything else is in the way. */
function normalize(input: string): string | null {
	if (input.length < MIN) return null;
	if (CLEAN.test(input)) return input;
	if (PHONE.test(input.trim())) return null;
	const n = input.replace(SEPARATORS, '').toUpperCase();
	return CLEAN.test(n) ? n : null;
}

/** Placeholder runs of one character pass most check digits; no carrier issues them. */
function oneRepeatedChar(n: string): boolean {
	const c = n.charCodeAt(0);
	for (let i = 1; i < n.length; i++) if (n.charCodeAt(i) !== c) return false;
	return true;
}

/**
 * The carrier and format a tracking number belongs to, or null when it is not one.
 * A failing check digit rules a format out, so `checkDigitValid` is true (checked) or
 * null (the format has none). When several formats fit, the best-ranked wins: a
 * passing check digit beats none, a carrier-owned prefix beats bare digits; the rest
 * are listed in `candidates`.
 */
export function detectCarrier(number: string): DetectResult | null {
	if (typeof number !== 'string') return null;
	const n = normalize(number);
	if (n === null || n.length < MIN || n.length > MAX || oneRepeatedChar(n)) return null;
	const allDigits = DIGITS.test(n);
	hits.length = 0;
	for (let i = 0; i < MATCHERS.length; i++) MATCHERS[i](n, allDigits, hits);
	if (hits.length === 0) return null;
	if (hits.length > 1) hits.sort(byRank);
	const best = hits[0];
	const candidates: Array<{ carrier: string; format: string }> = [];
	for (let i = 1; i < hits.length; i++) {
		const h = hits[i];
		if (h.carrier === best.carrier && h.format === best.format) continue;
		if (!candidates.some((c) => c.carrier === h.carrier && c.format === h.format)) candidates.push({ carrier: h.carrier, format: h.format });
	}
	const result: DetectResult = { carrier: best.carrier, format: best.format, normalized: n, checkDigitValid: best.checkDigitValid, candidates };
	if (best.service !== undefined) result.service = best.service;
	return result;
}
