import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed preference link carries: the order and when the link stops working. */
export interface PreferenceLinkInput {
	/** Where the preference page is served, e.g. https://n8n.example.com/webhook/postpurchase/preferences. */
	baseUrl: string;
	/** `${source}:${orderId}`, e.g. 'shopify:1001'. */
	orderKey: string;
	expiresAt: Date;
}

export type PreferenceLinkCheck = { ok: true; orderKey: string; expiresAt: Date } | { ok: false; reason: 'expired' | 'bad_signature' | 'missing' };

/** Refuses secrets too short to resist guessing: the signature is all that guards an order. */
const MIN_SECRET_LENGTH = 16;
/** An order key is short printable text; anything else is not ours. */
const ORDER_KEY = /^[\w.-]+:[\w.#/-]{1,128}$/;

function requireSecret(secret: string): void {
	if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
		throw new Error(`The preference link secret must be at least ${MIN_SECRET_LENGTH} characters`);
	}
}

/** HMAC-SHA256 over the canonical "orderKey|expiry", base64url. */
function signature(orderKey: string, expiry: number, secret: string): Buffer {
	return createHmac('sha256', secret).update(`${orderKey}|${expiry}`).digest();
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
	const url = new URL(input.baseUrl);
	url.searchParams.set('o', input.orderKey);
	url.searchParams.set('e', String(expiry));
	url.searchParams.set('s', signature(input.orderKey, expiry, secret).toString('base64url'));
	return url.toString();
}

function single(value: unknown): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first !== '' ? first : undefined;
}

/**
 * Checks a link's query (`o`, `e`, `s`, as a parsed query object). The signature is checked before
 * the expiry, so a forged link is always 'bad_signature' and says nothing about the order.
 */
export function verifyPreferenceLink(query: Record<string, unknown> | undefined, secret: string, now: Date = new Date()): PreferenceLinkCheck {
	requireSecret(secret);
	const orderKey = single(query?.o);
	const expiryText = single(query?.e);
	const given = single(query?.s);
	if (!orderKey || !expiryText || !given) return { ok: false, reason: 'missing' };
	if (!ORDER_KEY.test(orderKey) || !/^\d{1,12}$/.test(expiryText) || !/^[\w-]{43}$/.test(given)) return { ok: false, reason: 'bad_signature' };
	const expiry = Number(expiryText);
	const expected = signature(orderKey, expiry, secret);
	const actual = Buffer.from(given, 'base64url');
	// Same length by the pattern above (43 base64url characters are 32 bytes); compared in constant time.
	if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'bad_signature' };
	if (expiry * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, orderKey, expiresAt: new Date(expiry * 1000) };
}

/** The order number a customer recognises, from the order key ('shopify:1001' → '1001'). */
export function orderNumberOf(orderKey: string): string {
	return orderKey.slice(orderKey.indexOf(':') + 1);
}
