import { fedexMod11, gs1 } from './checksums';
import { Rank, type Hit } from './types';

// Door tags left on a failed delivery: DT + 12 digits (no check digit).
const RE_DOOR_TAG = /^DT[0-9]{12}$/;

export function matchFedex(n: string, allDigits: boolean, out: Hit[]): void {
	const len = n.length;
	if (!allDigits) {
		if (len === 14 && n.charCodeAt(0) === 68 /* D */ && RE_DOOR_TAG.test(n)) {
			out.push({ carrier: 'fedex', format: 'FedEx Door Tag', checkDigitValid: null, rank: Rank.prefix });
		}
		return;
	}
	const c0 = n.charCodeAt(0);
	switch (len) {
		case 12: // Express: 11 digits + mod 11 (weights 1,3,7)
			if (fedexMod11(n, 0, 11)) out.push({ carrier: 'fedex', format: 'FedEx Express (12)', checkDigitValid: true, rank: Rank.numericChecked });
			return;
		case 15: // Ground: 14 digits + GS1 mod 10
			if (gs1(n, 0, 14)) out.push({ carrier: 'fedex', format: 'FedEx Ground (15)', checkDigitValid: true, rank: Rank.numericChecked });
			return;
		case 18: // SSCC-18 as FedEx Ground prints it: container type 00-04, GS1 mod 10 over all 17 digits
			if (c0 === 48 && n.charCodeAt(1) <= 52 && gs1(n, 0, 17)) {
				out.push({ carrier: 'fedex', format: 'FedEx Ground (SSCC-18)', checkDigitValid: true, rank: Rank.numericLeadChecked });
			}
			return;
		case 22: // Ground 96: 96 + SCNC(2) + service(3) + shipper(7) + package(7) + check over the last 14
			if (c0 === 57 && n.charCodeAt(1) === 54 && gs1(n, 7, 21)) {
				out.push({ carrier: 'fedex', format: 'FedEx Ground 96 (22)', checkDigitValid: true, rank: Rank.numericPrefixChecked });
			}
			return;
		case 32: // ASTRA label: 3 + 15 routing digits + 12-digit tracking number (mod 11) + 4 digits
			if (c0 === 51 && fedexMod11(n, 16, 27)) {
				out.push({ carrier: 'fedex', format: 'FedEx ASTRA (32)', checkDigitValid: true, rank: Rank.numericLeadChecked });
			}
			return;
		case 34: // 34-digit barcode: the last 14 digits are the serial and its mod 11 check
			if (fedexMod11(n, 20, 33)) {
				if (c0 === 57 && n.charCodeAt(1) === 54) {
					out.push({ carrier: 'fedex', format: 'FedEx Ground GSN (34)', checkDigitValid: true, rank: Rank.numericPrefixChecked });
				} else if (c0 !== 57) {
					out.push({ carrier: 'fedex', format: 'FedEx Express (34)', checkDigitValid: true, rank: Rank.numericLeadChecked });
				}
			}
			return;
		default:
			return;
	}
}
