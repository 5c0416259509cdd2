/** What detectCarrier() says about one tracking number. */
export interface DetectResult {
	/** tracking_number_data courier_code spelling: 'ups', 'fedex', 'usps', 'dhl', 's10', ... */
	carrier: string;
	/** Human name of the format, e.g. 'UPS 1Z', 'FedEx Express (12)', 'USPS IMpb'. */
	format: string;
	/** Service or item type encoded in the number, when the format carries one. */
	service?: string;
	/** Upper-case, without spaces or dashes. */
	normalized: string;
	/** true: the format has a check digit and it passed; null: the format has none. */
	checkDigitValid: boolean | null;
	/** Other carriers/formats the number also fits, best first. */
	candidates: Array<{ carrier: string; format: string }>;
}

/** One format that fits; `rank` orders the fits (higher is more specific/likely). */
export interface Hit {
	carrier: string;
	format: string;
	service?: string;
	checkDigitValid: boolean | null;
	rank: number;
}

/**
 * How much a fit is worth. A check digit that passes beats none, and a distinctive
 * prefix beats a bare run of digits, so an all-digit number with no check digit never
 * outranks one whose check digit passes.
 */
export const Rank = {
	/** Letter prefix owned by one carrier, plus a passing check digit (1Z, OnTrac C/D, S10). */
	prefixChecked: 100,
	/** Letter prefix owned by one carrier, no check digit (TBA, JJD, GFUS, 1LS...). */
	prefix: 90,
	/** Numeric with an application identifier or routing prefix and a check (USPS 9x/420, FedEx 96). */
	numericPrefixChecked: 80,
	/** Numeric, fixed leading digit(s) and a check (FedEx 34/ASTRA, Old Dominion). */
	numericLeadChecked: 70,
	/** One weak letter plus a check digit (UPS waybill). */
	letterChecked: 68,
	/** Bare digits with a check digit (FedEx 12/15, Canada Post 16, DHL 10). */
	numericChecked: 60,
	/** Long letter+digit shape without a check digit (Canpar). */
	shape: 50,
	/** Short letter+digit shape without a check digit (Amazon international, Purolator alpha). */
	looseShape: 30,
	/** Bare digits, no check digit at all (DHL eCommerce 14). */
	bare: 20,
} as const;

export type Matcher = (n: string, allDigits: boolean, out: Hit[]) => void;
