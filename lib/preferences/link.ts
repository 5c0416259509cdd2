import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed preference link carries: the order, its name for the page, and when the link stops working. */
export interface PreferenceLinkInput {
	/** Where the preference page is served, e.g. https://n8n.example.com/webhook/postpurchase/preferences. */
	baseUrl: string;
	/** `${source}:${orderId}`, e.g. 'shopify:450789469'. */
	orderKey: string;
	/**
	 * The order as the customer knows it ('#1009'), shown on the page instead of the internal id.
	 * Signed with the rest, so nobody can make the page show other words; never an email or a name.
	 */
	orderName?: string;
	expiresAt: Date;
}

export type PreferenceLinkCheck =
	| { ok: true; orderKey: string; orderName?: string; expiresAt: Date }
	| { ok: false; reason: 'expired' | 'bad_signature' | 'missing' };

/** The link's query parameters, in the order the link carries them. */
export const LINK_PARAMS = ['o', 'e', 's', 'n'] as const;

/** Refuses secrets too short to resist guessing: the signature is all that guards an order. */
const MIN_SECRET_LENGTH = 16;
/** An order key is short printable text; anything else is not ours. */
const ORDER_KEY = /^[\w.-]+:[\w.#/-]{1,128}$/;
/** Shop order names: '#1009', 'SO-1009-B', 'Order 1009'. No '@', so an email address never fits. */
const ORDER_NAME = /^[\p{L}\p{N} #._/-]{1,40}$/u;

function requireSecret(secret: string): void {
	if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
		throw new Error(`The preference link secret must be at least ${MIN_SECRET_LENGTH} characters`);
	}
}

/**
 * HMAC-SHA256 over the canonical "orderKey|expiry" (links without a name, as before) or
 * "orderKey|expiry|name", base64url. The expiry is digits only, so the two never collide.
 */
function signature(orderKey: string, expiry: number, secret: string, orderName?: string): Buffer {
	return createHmac('sha256', secret)
		.update(orderName === undefined ? `${orderKey}|${expiry}` : `${orderKey}|${expiry}|${orderName}`)
		.digest();
}

/** A usable order name, or undefined: an unusable one is left off the link rather than failing it. */
export function cleanOrderName(value: unknown): string | undefined {
	const name = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
	return ORDER_NAME.test(name) ? name : undefined;
}

/**
 * A link to the preference page for one order, valid until `expiresAt` (whole seconds). The order
 * key is visible but useless without the signature, so no order can be reached by guessing.
 */
export function signPreferenceLink(input: PreferenceLinkInput, secret: string): string {
	requireSecret(secret);
	if (!ORDER_KEY.test(input.orderKey)) throw new Error('orderKey must look like "source:id", e.g. "shopify:1001"');
	const expiry = Math.floor(input.expiresAt.getTime() / 1000);
	if (!Number.isFinite(expiry)) throw new Error('expiresAt is not a date');
	const orderName = cleanOrderName(input.orderName);
	const url = new URL(input.baseUrl);
	url.searchParams.set('o', input.orderKey);
	url.searchParams.set('e', String(expiry));
	url.searchParams.set('s', signature(input.orderKey, expiry, secret, orderName).toString('base64url'));
	if (orderName !== undefined) url.searchParams.set('n', orderName);
	return url.toString();
}

/** A query parameter as one non-empty string: a repeated one gives its first value. */
export function single(value: unknown): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first !== '' ? first : undefined;
}

/**
 * Checks a link's query (`o`, `e`, `s` and the optional `n`, as a parsed query object). The
 * signature is checked before the expiry, so a forged link is always 'bad_signature' and says
 * nothing about the order; a changed or added name breaks the signature too.
 */
export function verifyPreferenceLink(query: Record<string, unknown> | undefined, secret: string, now: Date = new Date()): PreferenceLinkCheck {
	requireSecret(secret);
	const orderKey = single(query?.o);
	const expiryText = single(query?.e);
	const given = single(query?.s);
	const orderName = single(query?.n);
	if (!orderKey || !expiryText || !given) return { ok: false, reason: 'missing' };
	if (!ORDER_KEY.test(orderKey) || !/^\d{1,12}$/.test(expiryText) || !/^[\w-]{43}$/.test(given)) return { ok: false, reason: 'bad_signature' };
	if (orderName !== undefined && cleanOrderName(orderName) !== orderName) return { ok: false, reason: 'bad_signature' };
	const expiry = Number(expiryText);
	const expected = signature(orderKey, expiry, secret, orderName);
	const actual = Buffer.from(given, 'base64url');
	// Same length by the pattern above (43 base64url characters are 32 bytes); compared in constant time.
	if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'bad_signature' };
	if (expiry * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, orderKey, ...(orderName !== undefined ? { orderName } : {}), expiresAt: new Date(expiry * 1000) };
}

/**
 * The order as the page shows it: the signed name ('#1009') when the link has one, else the id
 * from the order key ('shopify:1001' → '1001'; links made before names were signed).
 */
export function orderNumberOf(orderKey: string, orderName?: string): string {
	return orderName ?? orderKey.slice(orderKey.indexOf(':') + 1);
}
