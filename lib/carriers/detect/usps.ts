import { gs1 } from './checksums';
import { Rank, type Hit } from './types';

/** '91' is implied in front of printed 20-digit legacy numbers: 9 x 3 + 1 x 1 in the GS1 sum. */
const IMPLIED_91 = 28;

/** Service types of 20-digit confirmation / certified numbers (USPS Pub 91, Pub 199 appendix). */
function legacyServiceType(n: string, at: number): boolean {
	const a = n.charCodeAt(at) - 48;
	const b = n.charCodeAt(at + 1) - 48;
	const st = a * 10 + b;
	return (st >= 1 && st <= 8) || st === 14 || (st >= 21 && st <= 26) || st === 34 || st === 50 || st === 56 || (st >= 70 && st <= 73) || (st >= 82 && st <= 85);
}

/**
 * USPS number starting at `from` and running to the end: the format name, or null.
 * IMpb (Pub 199): application identifier 92-95 + 3-digit service type code + mailer id
 * (9 digits starting with 9, or 6 digits starting 0-8) + package id + GS1 mod 10.
 */
function uspsAt(n: string, from: number): string | null {
	const len = n.length - from;
	const at = n.length - 1;
	if (len === 20) {
		if (!legacyServiceType(n, from)) return null;
		if (gs1(n, from, at)) return 'USPS 20';
		if (gs1(n, from, at, IMPLIED_91)) return 'USPS Legacy';
		return null;
	}
	if (n.charCodeAt(from) !== 57 /* 9 */) return null;
	const ai = n.charCodeAt(from + 1) - 48;
	if (ai === 1) return len === 22 && gs1(n, from, at) ? 'USPS Legacy' : null;
	if (ai < 2 || ai > 5) return null;
	// The first digit of the mailer id says its length, which fixes the possible package id lengths.
	const mid9 = n.charCodeAt(from + 5) === 57;
	if (ai === 2 && !mid9) return null;
	if (ai === 3 && mid9) return null;
	const lengthOk = len === 22 || len === 26 || (len === 30 && ai === 4 && mid9);
	return lengthOk && gs1(n, from, at) ? 'USPS IMpb' : null;
}

// Consolidators that hand commercial IMpb parcels (AI 92/93) to USPS for the last mile.
const CONSOLIDATORS: Array<[string, string]> = [
	['fedex', 'FedEx Ground Economy (USPS IMpb)'],
	['ups', 'UPS Mail Innovations (USPS IMpb)'],
	['dhl', 'DHL eCommerce (USPS IMpb)'],
];

export function matchUsps(n: string, allDigits: boolean, out: Hit[]): void {
	if (!allDigits) return;
	const len = n.length;
	let format: string | null = null;
	let from = 0;
	let rank: number = Rank.numericPrefixChecked;
	if (len === 20 || len === 22 || len === 26 || len === 30) format = uspsAt(n, 0);
	if (format === 'USPS 20' || format === 'USPS Legacy') rank = len === 20 ? Rank.numericChecked : rank;
	// 420 + ZIP (5 or 9 digits) routing prefix in front of the tracking number.
	if (format === null && len >= 28 && n.charCodeAt(0) === 52 && n.charCodeAt(1) === 50 && n.charCodeAt(2) === 48) {
		from = 8;
		format = uspsAt(n, 8);
		if (format === null && len >= 32) {
			from = 12;
			format = uspsAt(n, 12);
		}
		rank = Rank.numericPrefixChecked + 5;
	}
	if (format === null) return;
	out.push({ carrier: 'usps', format, checkDigitValid: true, rank });
	const ai = n.charCodeAt(from + 1);
	if (format === 'USPS IMpb' && (ai === 50 || ai === 51)) {
		for (const [carrier, name] of CONSOLIDATORS) out.push({ carrier, format: name, checkDigitValid: true, rank: Rank.bare });
	}
}
