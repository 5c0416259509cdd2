/**
 * ISO 3166-1 alpha-3 → alpha-2 for the destinations shipments commonly go to. AfterShip and some
 * carriers send alpha-3 (USA, GBR...); the holiday rules want alpha-2. A country not listed here
 * gets no public holidays (weekends only) rather than a guess. Exported for the holiday parity test.
 */
export const ALPHA3: Readonly<Record<string, string>> = {
	USA: 'US',
	CAN: 'CA',
	MEX: 'MX',
	GBR: 'GB',
	IRL: 'IE',
	DEU: 'DE',
	FRA: 'FR',
	ESP: 'ES',
	PRT: 'PT',
	ITA: 'IT',
	NLD: 'NL',
	BEL: 'BE',
	LUX: 'LU',
	CHE: 'CH',
	AUT: 'AT',
	DNK: 'DK',
	SWE: 'SE',
	NOR: 'NO',
	FIN: 'FI',
	POL: 'PL',
	CZE: 'CZ',
	AUS: 'AU',
	NZL: 'NZ',
	JPN: 'JP',
	KOR: 'KR',
	CHN: 'CN',
	HKG: 'HK',
	SGP: 'SG',
	IND: 'IN',
	BRA: 'BR',
	ZAF: 'ZA',
	ARE: 'AE',
	ISR: 'IL',
};

/** The alpha-2 code for an alpha-2 or alpha-3 country code, upper-cased; undefined when unknown. */
export function countryAlpha2(country: string | undefined): string | undefined {
	const code = country?.trim().toUpperCase();
	if (!code) return undefined;
	if (/^[A-Z]{2}$/.test(code)) return code;
	return ALPHA3[code];
}

/** A region as the holiday rules want it: 'BY' from 'BY', 'by' or 'DE-BY'. */
export function regionCode(region: string | undefined): string | undefined {
	const code = region?.trim().toUpperCase();
	if (!code) return undefined;
	const dash = code.indexOf('-');
	return dash >= 0 ? code.slice(dash + 1) : code;
}
