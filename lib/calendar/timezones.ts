import { countryAlpha2, regionCode } from './countries';

/**
 * Shipping address → one representative IANA zone, for quiet hours and "today" in messages. Not a
 * geocoder: a country spanning several zones needs its region (ISO 3166-2 subdivision as Shopify's
 * provinceCode and WooCommerce's state carry it), and a state split between zones gets the zone of
 * most of its people. Unknown countries, and multi-zone countries without a known region, give
 * undefined, so Customer Notify uses its configured default rather than a wrong guess.
 */
const COUNTRY_ZONES: Readonly<Record<string, string>> = {
	GB: 'Europe/London', IE: 'Europe/Dublin', DE: 'Europe/Berlin', FR: 'Europe/Paris', IT: 'Europe/Rome',
	NL: 'Europe/Amsterdam', BE: 'Europe/Brussels', LU: 'Europe/Luxembourg', CH: 'Europe/Zurich', AT: 'Europe/Vienna',
	DK: 'Europe/Copenhagen', SE: 'Europe/Stockholm', NO: 'Europe/Oslo', FI: 'Europe/Helsinki', IS: 'Atlantic/Reykjavik',
	PL: 'Europe/Warsaw', CZ: 'Europe/Prague', SK: 'Europe/Bratislava', HU: 'Europe/Budapest', SI: 'Europe/Ljubljana',
	HR: 'Europe/Zagreb', RO: 'Europe/Bucharest', BG: 'Europe/Sofia', GR: 'Europe/Athens', EE: 'Europe/Tallinn',
	LV: 'Europe/Riga', LT: 'Europe/Vilnius', MT: 'Europe/Malta', CY: 'Asia/Nicosia', UA: 'Europe/Kyiv', TR: 'Europe/Istanbul',
	IL: 'Asia/Jerusalem', AE: 'Asia/Dubai', SA: 'Asia/Riyadh', QA: 'Asia/Qatar', IN: 'Asia/Kolkata', SG: 'Asia/Singapore',
	HK: 'Asia/Hong_Kong', JP: 'Asia/Tokyo', KR: 'Asia/Seoul', CN: 'Asia/Shanghai', TW: 'Asia/Taipei', TH: 'Asia/Bangkok',
	MY: 'Asia/Kuala_Lumpur', PH: 'Asia/Manila', VN: 'Asia/Ho_Chi_Minh', NZ: 'Pacific/Auckland', ZA: 'Africa/Johannesburg',
	NG: 'Africa/Lagos', KE: 'Africa/Nairobi', EG: 'Africa/Cairo', MA: 'Africa/Casablanca', AR: 'America/Argentina/Buenos_Aires',
	CL: 'America/Santiago', CO: 'America/Bogota', PE: 'America/Lima', UY: 'America/Montevideo', CR: 'America/Costa_Rica',
	PA: 'America/Panama', GT: 'America/Guatemala', DO: 'America/Santo_Domingo', JM: 'America/Jamaica', PR: 'America/Puerto_Rico',
};

interface RegionalZones {
	zones: Readonly<Record<string, string>>;
	/** For a missing or unlisted region, only where one zone covers nearly everyone. */
	otherwise?: string;
}

const NY = 'America/New_York';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const LA = 'America/Los_Angeles';
const SP = 'America/Sao_Paulo';
const FOR = 'America/Fortaleza';
const MAZ = 'America/Mazatlan';

const REGIONAL: Readonly<Record<string, RegionalZones>> = {
	US: {
		zones: {
			CT: NY, DE: NY, DC: NY, FL: NY, GA: NY, IN: 'America/Indiana/Indianapolis', KY: NY, ME: NY, MD: NY, MA: NY,
			MI: 'America/Detroit', NH: NY, NJ: NY, NY, NC: NY, OH: NY, PA: NY, RI: NY, SC: NY, VT: NY, VA: NY, WV: NY,
			AL: CHI, AR: CHI, IL: CHI, IA: CHI, KS: CHI, LA: CHI, MN: CHI, MS: CHI, MO: CHI, NE: CHI, ND: CHI, OK: CHI,
			SD: CHI, TN: CHI, TX: CHI, WI: CHI,
			CO: DEN, ID: 'America/Boise', MT: DEN, NM: DEN, UT: DEN, WY: DEN, AZ: 'America/Phoenix',
			CA: LA, NV: LA, OR: LA, WA: LA, AK: 'America/Anchorage', HI: 'Pacific/Honolulu',
			PR: 'America/Puerto_Rico', VI: 'America/St_Thomas', GU: 'Pacific/Guam', AS: 'Pacific/Pago_Pago', MP: 'Pacific/Saipan',
		},
	},
	CA: {
		zones: {
			BC: 'America/Vancouver', AB: 'America/Edmonton', SK: 'America/Regina', MB: 'America/Winnipeg', ON: 'America/Toronto',
			QC: 'America/Toronto', NB: 'America/Moncton', NS: 'America/Halifax', PE: 'America/Halifax', NL: 'America/St_Johns',
			YT: 'America/Whitehorse', NT: 'America/Edmonton', NU: 'America/Iqaluit',
		},
	},
	AU: {
		zones: {
			NSW: 'Australia/Sydney', ACT: 'Australia/Sydney', VIC: 'Australia/Melbourne', QLD: 'Australia/Brisbane',
			SA: 'Australia/Adelaide', WA: 'Australia/Perth', TAS: 'Australia/Hobart', NT: 'Australia/Darwin',
		},
	},
	BR: {
		zones: {
			AC: 'America/Rio_Branco', AM: 'America/Manaus', RR: 'America/Boa_Vista', RO: 'America/Porto_Velho',
			MT: 'America/Cuiaba', MS: 'America/Campo_Grande', PA: 'America/Belem', AP: 'America/Belem', TO: 'America/Araguaina',
			MA: FOR, PI: FOR, CE: FOR, RN: FOR, PB: FOR, PE: 'America/Recife', AL: 'America/Maceio', SE: 'America/Maceio',
			BA: 'America/Bahia',
		},
		otherwise: SP,
	},
	// Shopify and WooCommerce spell Mexican states differently (BCS / BS, Q ROO / QR): both are listed.
	MX: {
		zones: {
			BC: 'America/Tijuana', BCS: MAZ, BS: MAZ, SIN: MAZ, SI: MAZ, NAY: MAZ, NA: MAZ, SON: 'America/Hermosillo',
			SO: 'America/Hermosillo', CHIH: 'America/Chihuahua', CH: 'America/Chihuahua', 'Q ROO': 'America/Cancun',
			QROO: 'America/Cancun', QR: 'America/Cancun',
		},
		otherwise: 'America/Mexico_City',
	},
	RU: {
		zones: {
			MOW: 'Europe/Moscow', SPE: 'Europe/Moscow', MOS: 'Europe/Moscow', KGD: 'Europe/Kaliningrad', SAM: 'Europe/Samara',
			SVE: 'Asia/Yekaterinburg', CHE: 'Asia/Yekaterinburg', NVS: 'Asia/Novosibirsk', OMS: 'Asia/Omsk', KYA: 'Asia/Krasnoyarsk',
			IRK: 'Asia/Irkutsk', PRI: 'Asia/Vladivostok', KHA: 'Asia/Vladivostok', KAM: 'Asia/Kamchatka', SAK: 'Asia/Sakhalin',
		},
	},
	ES: { zones: { CN: 'Atlantic/Canary', GC: 'Atlantic/Canary', TF: 'Atlantic/Canary' }, otherwise: 'Europe/Madrid' },
	PT: { zones: { '20': 'Atlantic/Azores', '30': 'Atlantic/Madeira' }, otherwise: 'Europe/Lisbon' },
};

/** Every zone the tables can answer (tests check each is a zone the runtime knows). */
export function knownZones(): string[] {
	const regional = Object.values(REGIONAL).flatMap(({ zones, otherwise }) => [...Object.values(zones), ...(otherwise ? [otherwise] : [])]);
	return [...new Set([...Object.values(COUNTRY_ZONES), ...regional])];
}

/** The representative zone for a country (alpha-2 or alpha-3) and optional region, or undefined. */
export function timeZoneFor(country: string | undefined, region?: string): string | undefined {
	const code = countryAlpha2(country);
	if (!code) return undefined;
	const regional = REGIONAL[code];
	if (!regional) return COUNTRY_ZONES[code];
	const sub = regionCode(region);
	return (sub ? (regional.zones[sub] ?? regional.zones[sub.replace(/\s+/g, '')]) : undefined) ?? regional.otherwise;
}
