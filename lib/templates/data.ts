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

function withSafeUrl(section: unknown, field: string): void {
	if (!isObject(section) || !(field in section)) return;
	const url = safeUrl(section[field]);
	if (url) section[field] = url;
	else delete section[field];
}

/**
 * The data a template sees: a JSON clone of what was given (no prototypes worth reading, no
 * functions, no class instances; dates become ISO strings), with a first name derived from the
 * full name when missing and links restricted to http(s).
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
	withSafeUrl(clone.shipment, 'trackingUrl');
	withSafeUrl(clone.brand, 'supportUrl');
	withSafeUrl(clone.preferences, 'url');
	return clone;
}
