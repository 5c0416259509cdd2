/** GSM 03.38 basic character set: one septet each. */
const GSM7_BASIC = new Set(
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** GSM 03.38 extension table: an escape plus the character, two septets each. */
const GSM7_EXTENDED = new Set('^{}\\[~]|€\f');

export interface SmsSegmentCount {
	encoding: 'GSM-7' | 'UCS-2';
	segments: number;
}

/** Most SMS gateways send up to this many parts without surprises; the templates aim for it. */
export const MAX_SMS_SEGMENTS = 2;

function gsm7Septets(text: string): number | undefined {
	let septets = 0;
	for (const char of text) {
		if (GSM7_BASIC.has(char)) septets += 1;
		else if (GSM7_EXTENDED.has(char)) septets += 2;
		else return undefined;
	}
	return septets;
}

/**
 * How an SMS will be encoded and into how many parts it splits: GSM-7 holds 160 septets in one
 * part, 153 per part when concatenated; any other character forces UCS-2 (70, then 67 UTF-16
 * units per part).
 */
export function smsSegments(text: string): SmsSegmentCount {
	const septets = gsm7Septets(text);
	if (septets !== undefined) {
		return { encoding: 'GSM-7', segments: septets === 0 ? 0 : septets <= 160 ? 1 : Math.ceil(septets / 153) };
	}
	const units = text.length;
	return { encoding: 'UCS-2', segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

export function fitsSms(text: string): boolean {
	return smsSegments(text).segments <= MAX_SMS_SEGMENTS;
}

/** Cuts at a word boundary where one is near and marks the cut with "..." (plain ASCII keeps GSM-7). */
export function truncateWithEllipsis(text: string, maxChars: number): string {
	if (text.length <= maxChars) return text;
	if (maxChars <= 0) return '';
	const cut = text.slice(0, maxChars);
	const lastSpace = cut.lastIndexOf(' ');
	const atWord = lastSpace >= maxChars * 0.6 ? cut.slice(0, lastSpace) : cut;
	return `${atWord.replace(/[\s.,;:!?-]+$/, '')}...`;
}

/**
 * Renders an SMS and, when it runs past two parts, shortens only the free-text `reason` (never a
 * link or a tracking number): the longest cut of the reason that fits wins. When even no reason
 * at all does not fit, the reason is dropped and the message goes out as long as it is.
 */
export function fitSmsReason(render: (reason: string | undefined) => string, reason: string | undefined): string {
	const full = render(reason);
	if (fitsSms(full) || !reason) return full;
	let low = 0;
	let high = reason.length - 1;
	let best: string | undefined;
	while (low <= high) {
		const mid = Math.floor((low + high) / 2);
		const candidate = render(mid === 0 ? undefined : truncateWithEllipsis(reason, mid));
		if (fitsSms(candidate)) {
			best = candidate;
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}
	return best ?? render(undefined);
}
