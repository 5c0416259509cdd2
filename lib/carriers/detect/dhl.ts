import { mod7 } from './checksums';
import { Rank, type Hit } from './types';

// Express piece ids / waybills with the JJD or JVGL prefix, 9-10 digits.
const RE_PIECE = /^J(?:JD|VGL)[0-9]{9,10}$/;
// eCommerce: one of these 2-letter prefixes and 10-39 characters with at least one digit.
const RE_ECOMMERCE = /^(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)(?=[A-Z]*[0-9])[0-9A-Z]{10,39}$/;

export function matchDhl(n: string, allDigits: boolean, out: Hit[]): void {
	const len = n.length;
	if (allDigits) {
		// Express waybill: 10 (or 11) digits, the last being the rest mod 7.
		if ((len === 10 || len === 11) && mod7(n, 0, len - 1)) {
			out.push({ carrier: 'dhl', format: 'DHL Express', checkDigitValid: true, rank: len === 10 ? Rank.numericChecked - 5 : Rank.numericChecked - 10 });
		} else if (len === 14) {
			// eCommerce 14-digit numbers carry no check digit: the weakest fit there is.
			out.push({ carrier: 'dhl', format: 'DHL eCommerce (14)', checkDigitValid: null, rank: Rank.bare });
		}
		return;
	}
	const c0 = n.charCodeAt(0);
	if (c0 === 74 /* J */ && (len === 12 || len === 13 || len === 14) && RE_PIECE.test(n)) {
		out.push({ carrier: 'dhl', format: 'DHL Express (Piece ID)', checkDigitValid: null, rank: Rank.prefix });
	} else if (len >= 12 && RE_ECOMMERCE.test(n)) {
		out.push({ carrier: 'dhl', format: 'DHL eCommerce', checkDigitValid: null, rank: Rank.looseShape + 5 });
	}
}
