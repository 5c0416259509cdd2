import { s10 } from './checksums';
import { Rank, type Hit } from './types';

const RE_S10 = /^[A-Z]{2}[0-9]{9}[A-Z]{2}$/;

// ISO 3166-1 alpha-2 codes: the last two letters name the issuing postal operator's country,
// so a code no country has (XX, ZZ...) means it is not an S10 number.
const COUNTRIES = new Set(
	(
		'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
		'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET ' +
		'FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ' +
		'ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
		'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM ' +
		'PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
		'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
	).split(' '),
);

/** Item category from the first service-indicator letter (UPU S10 standard). */
function service(c: string): string | undefined {
	switch (c) {
		case 'E':
			return 'EMS';
		case 'C':
		case 'H':
			return 'Parcel';
		case 'R':
			return 'Registered';
		case 'V':
			return 'Insured';
		case 'L':
			return 'Letter Express';
		case 'M':
			return 'M-bag';
		case 'U':
			return 'Letter (other)';
		default:
			return undefined;
	}
}

// Operators among the carriers we name that issue S10 numbers under their country code.
const OPERATORS: Record<string, [string, string]> = {
	US: ['usps', 'USPS (S10)'],
	CA: ['canada_post', 'Canada Post (S10)'],
	DE: ['dhl', 'Deutsche Post DHL (S10)'],
};

export function matchS10(n: string, allDigits: boolean, out: Hit[]): void {
	if (allDigits || n.length !== 13 || !RE_S10.test(n)) return;
	const country = n.slice(11);
	if (!COUNTRIES.has(country) || !s10(n, 2)) return;
	out.push({ carrier: 's10', format: 'UPU S10', service: service(n[0]), checkDigitValid: true, rank: Rank.prefixChecked });
	const op = OPERATORS[country];
	if (op) out.push({ carrier: op[0], format: op[1], checkDigitValid: true, rank: Rank.prefixChecked - 5 });
}
