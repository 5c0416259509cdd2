type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps http(s) links only: a `javascript:` or `data:` link must never become a button. */
function safeUrl(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	try {
		const url = new URL(value.trim());
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
	} catch {
		return undefined;
	}
}

/** Digits with the usual separators: anything else would be a broken tel: link (or not a phone). */
function safePhone(value: unknown): string | undefined {
	const phone = typeof value === 'string' ? value.trim() : '';
	return /^\+?[\d\s().-]{3,24}$/.test(phone) && /\d{3}/.test(phone.replace(/\D/g, '')) ? phone : undefined;
}

/** One address, no spaces or markup: it goes into a mailto: link. */
function safeEmail(value: unknown): string | undefined {
	const email = typeof value === 'string' ? value.trim() : '';
	return /^[^\s@<>"?&]+@[^\s@<>"?&]+\.[^\s@<>"?&]+$/.test(email) ? email : undefined;
}

/**
 * A date or date-time (the carriers give both) as its calendar date, as the carrier meant it: the
 * date part of "2024-03-14T18:00:00-05:00" is the 14th where the parcel is, whatever the server's zone.
 */
function calendarDate(value: unknown): string | undefined {
	const match = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value.trim()) : null;
	return match ? match[1] : undefined;
}

function withSafe(section: unknown, field: string, clean: (value: unknown) => string | undefined): void {
	if (!isObject(section) || !(field in section)) return;
	const value = clean(section[field]);
	if (value) section[field] = value;
	else delete section[field];
}

/**
 * The data a template sees: a JSON clone of what was given (no prototypes worth reading, no
 * functions, no class instances; dates become ISO strings), with a first name derived from the
 * full name when missing, links restricted to http(s), the support phone and email checked before
 * they become tel: and mailto: links, and estimate dates reduced to calendar dates.
 */
export function prepareTemplateData(data: Record<string, unknown>): Json {
	let clone: unknown;
	try {
		clone = JSON.parse(JSON.stringify(data ?? {}));
	} catch {
		throw new Error('Template data must be plain JSON (no cycles, no BigInt)');
	}
	if (!isObject(clone)) throw new Error('Template data must be an object');

	const customer = clone.customer;
	if (isObject(customer) && !customer.firstName && typeof customer.name === 'string') {
		const firstWord = customer.name.trim().split(/\s+/)[0];
		if (firstWord) customer.firstName = firstWord;
	}
	withSafe(clone.shipment, 'trackingUrl', safeUrl);
	withSafe(clone.brand, 'supportUrl', safeUrl);
	withSafe(clone.preferences, 'url', safeUrl);
	withSafe(clone.brand, 'supportPhone', safePhone);
	withSafe(clone.brand, 'supportEmail', safeEmail);
	for (const field of ['estimatedDelivery', 'estimatedDeliveryLatest']) withSafe(clone.shipment, field, calendarDate);
	withSafe(clone.order, 'promisedDelivery', calendarDate);
	return clone;
}
