import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { JourneyTrigger } from '../../model/triggers';
import { constantTimeEqual, hmacSha256 } from '../../providers/common';
import { compact, compactOrUndefined, toIsoDateTime } from '../../model/build';
import { OrderJourneyEventSchema, type OrderJourneyEvent, type OrderWebhookSource } from './types';

/** Platform ids arrive as JSON numbers (Shopify, WooCommerce) or strings; both become strings. */
export const idSchema = z.union([z.number().int().nonnegative(), z.string().min(1)]).transform(String);

/**
 * A date-time, normalised to ISO with offset; one without offset is UTC (WooCommerce's *_gmt
 * fields). Anything that is not a date is refused, never guessed.
 */
export const dateTimeSchema = z.string().transform((value, ctx) => {
	const iso = toIsoDateTime(value);
	if (iso === undefined) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not a date-time' });
		return z.NEVER;
	}
	return iso;
});

/** Optional text fields: platforms send null, '' or nothing for "unknown". */
export const nullableText = z.string().nullish();

/** Both platforms sign as base64(HMAC-SHA256(raw body, secret)). */
export function base64HmacMatches(rawBody: Buffer, received: string | undefined, secret: string): boolean {
	if (!received || !secret) return false;
	return constantTimeEqual(received, hmacSha256(secret, rawBody).toString('base64'));
}

export function sha256Hex(body: Buffer | string): string {
	return createHash('sha256').update(body).digest('hex');
}

/**
 * The event id: a digest of what makes the news itself, so copies with other delivery ids collapse.
 * order_confirmed and payment_issue are news once per order; shipped once per shipment (its tracking
 * numbers); anything else once per order, topic and modification time.
 */
export function eventKey(source: OrderWebhookSource, parts: ReadonlyArray<string | undefined>): string {
	return `${source}:${sha256Hex(parts.map((part) => part ?? '').join('|')).slice(0, 32)}`;
}

export function orderLevelKey(source: OrderWebhookSource, orderId: string, trigger: JourneyTrigger | null, topic: string, stamp: string): string {
	return trigger === 'order_confirmed' || trigger === 'payment_issue'
		? eventKey(source, [orderId, trigger])
		: eventKey(source, [orderId, topic, stamp]);
}

/** Trimmed text, or undefined for null, blank or missing. */
export function clean(value: string | null | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

export function fullName(first: string | null | undefined, last: string | null | undefined): string | undefined {
	return clean([clean(first), clean(last)].filter(Boolean).join(' '));
}

export function customerOf(fields: {
	firstName?: string | null;
	lastName?: string | null;
	name?: string | null;
	email?: string | null;
	phone?: string | null;
	locale?: string | null;
}): OrderJourneyEvent['customer'] {
	const name = fullName(fields.firstName, fields.lastName) ?? clean(fields.name);
	return compactOrUndefined({
		name,
		firstName: clean(fields.firstName) ?? name?.split(/\s+/)[0],
		email: clean(fields.email),
		phone: clean(fields.phone),
		locale: clean(fields.locale),
	});
}

/** Distinct, non-blank tracking numbers in the order given; undefined when none. */
export function trackingNumbersOf(values: ReadonlyArray<string | null | undefined>): string[] | undefined {
	const numbers = [...new Set(values.map(clean).filter((value): value is string => value !== undefined))];
	return numbers.length > 0 ? numbers : undefined;
}

/**
 * Drops absent fields and checks the result against the event schema. A mismatch here is a bug in
 * the mapping, not a bad payload, so it throws a plain Error naming the field (never the value).
 */
export function finish(event: OrderJourneyEvent): OrderJourneyEvent {
	const parsed = OrderJourneyEventSchema.safeParse(compact(event));
	if (parsed.success) return parsed.data;
	const path = parsed.error.issues[0]?.path.join('.') ?? 'event';
	throw new Error(`Order event from ${event.source} ${event.topic} is invalid at ${path}`);
}
