import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Headers } from './types';

/**
 * Compares two strings in time independent of where they differ. Both sides are hashed first so
 * the comparison runs on equal-length buffers and does not even reveal the expected length.
 */
export function constantTimeEqual(actual: string, expected: string): boolean {
	const a = createHash('sha256').update(actual, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

export function hmacSha256(secret: string | Buffer, body: Buffer | string): Buffer {
	return createHmac('sha256', secret).update(body).digest();
}

/** A header's value whatever the case of its name; the first one when repeated. */
export function headerValue(headers: Headers, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		const first = Array.isArray(value) ? value[0] : value;
		return first === undefined ? undefined : first.trim();
	}
	return undefined;
}

/** Aggregator carrier codes in the tracking_number_data `courier_code` spelling, keyed without separators. */
const CARRIER_CODES: Record<string, string> = {
	ups: 'ups',
	fedex: 'fedex',
	usps: 'usps',
	dhl: 'dhl',
	dhlexpress: 'dhl',
	dhlecommerce: 'dhl',
	dhlglobalmail: 'dhl',
	amazon: 'amazon',
	amazonshipping: 'amazon',
	canadapost: 'canada_post',
	ontrac: 'ontrac',
	lasership: 'lasership',
	dpd: 'dpd',
	purolator: 'purolator',
};

export function normalizeCarrier(code: string | null | undefined): string | undefined {
	if (!code) return undefined;
	const lower = code.trim().toLowerCase();
	if (!lower) return undefined;
	return CARRIER_CODES[lower.replace(/[\s_-]/g, '')] ?? lower;
}
