import { upsMod10 } from './checksums';
import { Rank, type Hit } from './types';

// 1Z + 6-char shipper number + 2-char service + 7-char package id + check digit.
const RE_1Z = /^1Z[0-9A-Z]{15}[0-9]$/;
// Waybills / InfoNotice-style numbers: one service letter, 9 digits, check digit.
const RE_WAYBILL = /^[AHJKTV][0-9]{10}$/;
// Mail Innovations: MI + 6-digit mailer id + customer package id (up to 22 characters).
const RE_MI = /^MI[0-9]{6}[0-9A-Z]{1,22}$/;

/** The service codes printed in 1Z numbers (UPS shipping label guide). */
const SERVICES: Record<string, string> = {
	'01': 'Next Day Air',
	'02': '2nd Day Air',
	'03': 'Ground',
	'12': '3 Day Select',
	'13': 'Next Day Air Saver',
	'15': 'Next Day Air Early',
	'22': 'Ground (Returns Plus, 3 attempts)',
	'42': 'Ground (signature required)',
	'44': 'Next Day Air (Saturday)',
	'66': 'Worldwide Express',
	'72': 'Ground (COD)',
	'78': 'Ground (Returns Plus, 1 attempt)',
	'90': 'Ground (Returns)',
	A2: 'Next Day Air (adult signature)',
	A8: 'Ground (adult signature)',
	YW: 'SurePost',
};

const WAYBILL_SERVICES: Record<string, string> = { J: 'Next Day Express', K: 'Ground', V: 'Worldwide Express Saver' };

export function matchUps(n: string, allDigits: boolean, out: Hit[]): void {
	if (allDigits) return;
	const len = n.length;
	const c0 = n.charCodeAt(0);
	if (len === 18 && c0 === 49 /* 1 */ && RE_1Z.test(n)) {
		if (upsMod10(n, 2, 17)) {
			out.push({ carrier: 'ups', format: 'UPS 1Z', service: SERVICES[n.slice(8, 10)], checkDigitValid: true, rank: Rank.prefixChecked });
		}
	} else if (len === 11 && RE_WAYBILL.test(n)) {
		if (upsMod10(n, 1, 10)) {
			out.push({ carrier: 'ups', format: 'UPS Waybill', service: WAYBILL_SERVICES[n[0]], checkDigitValid: true, rank: Rank.letterChecked });
		}
	} else if (c0 === 77 /* M */ && RE_MI.test(n)) {
		out.push({ carrier: 'ups', format: 'UPS Mail Innovations', checkDigitValid: null, rank: Rank.prefix });
	}
}
