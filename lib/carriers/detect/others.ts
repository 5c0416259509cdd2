import { gs1, luhn, mod37x36, upsMod10 } from './checksums';
import { Rank, type Hit } from './types';

// Letter-prefixed formats of the regional and last-mile carriers.
const RE_AMAZON = /^TB[ACM][0-9]{12}$/;
const RE_AMAZON_INTL = /^[ACF][0-9]{10}$/;
const RE_ONTRAC = /^[CD][0-9]{14}$/;
const RE_LS_LX = /^L[AEHINX][1-3][0-9]{7}$/;
const RE_LS_1LS7 = /^1LS7[12][0-9]{10}$/;
// 1LS7 with a piece suffix: '-1' arrives here with the dash already removed.
const RE_LS_1LS7_PIECE = /^1LS7[12][0-9]{2}01[1-4][0-9]{6}1$/;
const RE_LS_1LSCX = /^1LSCX[0-9A-Z]{10}$/;
const RE_DPD_14 = /^[0-9]{14}[0-9A-Z]$/;
const RE_PUROLATOR_ALPHA = /^[A-Z]{3}[0-9]{9}$/;
const RE_CANPAR = /^[CDKLSUXZ][0-9]{21}$/;
const RE_GOFO = /^GFUS[0-9]{14}$/;
const RE_LANDMARK = /^LTN[0-9]{8}N1$/;
const RE_SPEEDEE = /^SP[0-9]{18}$/;
const RE_YODEL = /^J?JD[0-9]{16}$/;
const RE_YUN = /^YT[0-9]{16}$/;
const RE_DPD_28 = /^[0-9]{27}[0-9A-Z]$/;

/** DPD service codes (DPD parcel label specification). */
const DPD_SERVICES: Record<string, string> = {
	'101': 'Classic',
	'102': 'Classic (hazardous)',
	'109': 'Classic COD',
	'136': 'Classic (small parcel)',
	'154': 'Parcel Letter',
	'155': 'Guarantee',
	'179': 'Express 10:00',
	'225': 'Express 12:00',
	'327': 'Classic Predict',
	'350': 'Express 08:30',
};

function push(out: Hit[], carrier: string, format: string, checkDigitValid: boolean | null, rank: number, service?: string): void {
	out.push(service === undefined ? { carrier, format, checkDigitValid, rank } : { carrier, format, service, checkDigitValid, rank });
}

/** DPD barcode: zip(7) + parcel number(14) + service(3) + ISO numeric country(3) + MOD 37,36 check. */
function dpd28(n: string, out: Hit[]): void {
	if (n.slice(24, 27) === '000' || !mod37x36(n, 0, 27)) return;
	push(out, 'dpd', 'DPD (28)', true, Rank.numericLeadChecked, DPD_SERVICES[n.slice(21, 24)]);
}

function digitsOnly(n: string, out: Hit[]): void {
	const len = n.length;
	const c0 = n.charCodeAt(0);
	switch (len) {
		case 11: {
			// Old Dominion PRO numbers: terminal prefix 777/778/072/780, or 80 for Guaranteed; Luhn.
			const p3 = n.slice(0, 3);
			if ((p3 === '777' || p3 === '778' || p3 === '072' || p3 === '780') && luhn(n, 0, 10)) {
				push(out, 'old_dominion', 'Old Dominion', true, Rank.numericLeadChecked);
			} else if (n.startsWith('80') && luhn(n, 0, 10)) {
				push(out, 'old_dominion', 'Old Dominion Guaranteed Shipment', true, Rank.numericLeadChecked);
			}
			return;
		}
		case 12:
			// Purolator: first digit 0-5 and Luhn. That is a narrower pattern than FedEx Express (12)
			// (6% of random numbers fit against 10%), so when both checks pass Purolator leads.
			if (c0 <= 53 && luhn(n, 0, 11)) push(out, 'purolator', 'Purolator (12)', true, Rank.numericChecked + 1);
			return;
		case 15: // DPD parcel number with a numeric check character
			if (mod37x36(n, 0, 14)) push(out, 'dpd', 'DPD (14)', true, Rank.numericChecked - 2);
			return;
		case 16: // Canada Post: 7-digit origin id + 8 digits + GS1 mod 10
			if (gs1(n, 0, 15)) push(out, 'canada_post', 'Canada Post (16)', true, Rank.numericChecked);
			return;
		case 28: // DPD barcode: zip(7) + parcel(14) + service(3) + country(3) + check character
			dpd28(n, out);
			return;
		default:
			return;
	}
}

export function matchOthers(n: string, allDigits: boolean, out: Hit[]): void {
	if (allDigits) return digitsOnly(n, out);
	const len = n.length;
	switch (n.charCodeAt(0)) {
		case 84: // T
			if (len === 15 && RE_AMAZON.test(n)) push(out, 'amazon', 'Amazon Logistics', null, Rank.prefix);
			break;
		case 89: // Y
			if (len === 18 && RE_YUN.test(n)) push(out, 'yunexpress', 'YunExpress', null, Rank.prefix);
			break;
		case 71: // G
			if (len === 18 && RE_GOFO.test(n)) push(out, 'gofo', 'GOFO Express (US)', null, Rank.prefix);
			break;
		case 49: // 1
			if (len === 15 && RE_LS_1LS7.test(n)) push(out, 'lasership', 'LaserShip 1LS7 (15)', null, Rank.prefix);
			else if (len === 17 && RE_LS_1LS7_PIECE.test(n)) push(out, 'lasership', 'LaserShip 1LS7 (18)', null, Rank.prefix);
			else if (len === 15 && RE_LS_1LSCX.test(n)) push(out, 'lasership', 'LaserShip 1LSCX (15)', null, Rank.prefix);
			break;
		case 74: // J
			if ((len === 18 || len === 19) && RE_YODEL.test(n)) push(out, 'yodel', 'Yodel', null, Rank.prefix);
			break;
		case 76: // L
			if (len === 10 && RE_LS_LX.test(n)) push(out, 'lasership', 'LaserShip LX', null, Rank.prefix);
			else if (len === 13 && RE_LANDMARK.test(n)) push(out, 'landmark', 'Landmark Global LTN', null, Rank.prefix);
			break;
		case 83: // S
			if (len === 20 && RE_SPEEDEE.test(n)) push(out, 'speedee', 'Spee-Dee (20)', null, Rank.prefix);
			break;
		default:
			break;
	}
	if (len === 15) {
		// OnTrac C/D + 13 digits + check digit, UPS-style mod 10 with the letter converted (C=4, D=5).
		if (RE_ONTRAC.test(n)) {
			if (upsMod10(n, 0, 14)) push(out, 'ontrac', n[0] === 'C' ? 'OnTrac C' : 'OnTrac D', true, Rank.prefixChecked);
		} else if (RE_DPD_14.test(n) && mod37x36(n, 0, 14)) {
			push(out, 'dpd', 'DPD (14)', true, Rank.prefixChecked - 10);
		}
	} else if (len === 11 && RE_AMAZON_INTL.test(n)) {
		push(out, 'amazon', 'Amazon International', null, Rank.looseShape);
	} else if (len === 12 && RE_PUROLATOR_ALPHA.test(n)) {
		push(out, 'purolator', 'Purolator (alpha + 9)', null, Rank.looseShape + 2);
	} else if (len === 22 && RE_CANPAR.test(n)) {
		push(out, 'canpar', 'Canpar (22)', null, Rank.shape);
	} else if (len === 28 && RE_DPD_28.test(n)) {
		dpd28(n, out);
	}
}
