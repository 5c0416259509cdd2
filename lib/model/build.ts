import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { ZodError, ZodIssue, ZodTypeAny, infer as ZodInfer } from 'zod';
import { isoDateTimeText, isoParts, type IsoParts } from './days';
import { PayloadError } from './errors';
import type { ShipmentEvent } from './event';

/*
 * Event-building helpers every adapter uses (carriers, aggregators, tracking webhooks, order
 * sources): ids and dedupe keys, date normalisation, optional-field cleanup, and zod mismatches as
 * PayloadErrors. Webhook-request helpers (headers, signatures) live in lib/providers/common.ts.
 */

/** Short stable digest of the given parts, for ids built from content. */
function digest(parts: ReadonlyArray<string | undefined>): string {
	return createHash('sha256')
		.update(parts.map((part) => part ?? '').join('|'), 'utf8')
		.digest('hex')
		.slice(0, 32);
}

/**
 * Two dedupe keys exist, for two different questions:
 * - `event.id` (the provider's own event id, prefixed with the provider) answers "is this the same
 *   delivery of the same notification?": use it to drop webhook retries and replays.
 * - `contentKey(event)` answers "does this say anything new about the shipment?": two different
 *   notifications (different ids) with the same tracking number, status, detail, scan time and
 *   estimate carry the same news, so use it before deciding to notify a customer.
 */
export type ContentFields = Pick<ShipmentEvent, 'provider' | 'trackingNumber' | 'status' | 'detail' | 'occurredAt' | 'estimatedDelivery'> &
	Partial<Pick<ShipmentEvent, 'estimatedDeliveryLatest' | 'promisedDelivery'>>;

export function contentKey(event: ContentFields): string {
	const parts = [event.provider, event.trackingNumber, event.status, event.detail, event.occurredAt, event.estimatedDelivery];
	// A window's end or a promise that moved is news too (a delay measured against them); appended
	// only when present, so keys of events without them stay as they were.
	if (event.estimatedDeliveryLatest || event.promisedDelivery) parts.push(event.estimatedDeliveryLatest, event.promisedDelivery);
	return digest(parts);
}

/** The event id: the provider's own when it gives one, else a digest of the content. */
export function eventId(providerEventId: string | undefined, content: ContentFields): string {
	const provider = content.provider;
	return providerEventId ? `${provider}:${providerEventId}` : `${provider}:${contentKey(content)}`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

/** Some carriers separate date and time with a space. */
function withT(text: string): string {
	return text.charCodeAt(10) === 32 ? text.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2') : text;
}

function parseLoose(value: string): DateTime | undefined {
	const parsed = DateTime.fromISO(withT(value.trim()), { zone: 'utc', setZone: true });
	return parsed.isValid ? parsed : undefined;
}

/**
 * The common shapes read without luxon (lib/model/days.ts; a luxon parse was ~40% of normalize),
 * giving the very strings luxon would write, since ids and content keys hash them.
 */
function fastParts(value: string): IsoParts | undefined {
	return isoParts(withT(value.trim()));
}

/**
 * An ISO date-time with offset. Provider times without an offset are taken as UTC (AfterShip
 * checkpoint times are carrier-local and often lack one; UTC is the documented assumption) and a
 * bare date as its UTC midnight. Undefined when the value is not a date.
 */
export function toIsoDateTime(value: string | null | undefined): string | undefined {
	if (!value) return undefined;
	const parts = fastParts(value);
	if (parts) return isoDateTimeText(parts);
	return parseLoose(value)?.toISO({ suppressMilliseconds: true }) ?? undefined;
}

/**
 * An estimate or promise: a calendar date stays a date, a date-time with offset is normalised, and a
 * date-time without offset becomes its calendar date, because it is the recipient's local wall
 * time and reading it as UTC could move it to another day.
 */
export function toDateOrDateTime(value: string | null | undefined): string | undefined {
	if (!value) return undefined;
	const text = value.trim();
	const parts = fastParts(text);
	if (parts && !parts.hasTime) return text;
	const hasOffset = HAS_OFFSET.test(text);
	// The fast reader and HAS_OFFSET agree on every date-time shape it reads; luxon settles any other.
	if (parts && hasOffset === (parts.offset !== undefined)) return hasOffset ? isoDateTimeText(parts) : parts.date;
	if (DATE_ONLY.test(text)) return parseLoose(text) ? text : undefined;
	const parsed = parseLoose(text);
	if (!parsed) return undefined;
	return hasOffset ? (parsed.toISO({ suppressMilliseconds: true }) ?? undefined) : parsed.toISODate() ?? undefined;
}

/** Unix seconds as an ISO date-time (UTC). */
export function fromUnixSeconds(seconds: number | null | undefined): string | undefined {
	if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return undefined;
	return DateTime.fromSeconds(seconds, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? undefined;
}

/** Turns null into undefined, so optional provider fields read the same whether absent or null. */
export function opt<T>(value: T | null | undefined): T | undefined {
	return value === null ? undefined : value;
}

/** compact(), or undefined when nothing is left: optional sub-objects are absent, never `{}`. */
export function compactOrUndefined<T extends object>(value: T): T | undefined {
	const out = compact(value);
	return Object.keys(out).length > 0 ? out : undefined;
}

/** Parses with a provider schema; a mismatch becomes a PayloadError naming the field under `prefix`. */
export function parseWith<S extends ZodTypeAny>(provider: string, schema: S, value: unknown, prefix?: Array<string | number>): ZodInfer<S> {
	const parsed = schema.safeParse(value);
	if (!parsed.success) throw toPayloadError(provider, parsed.error, prefix);
	return parsed.data;
}

/** Drops keys whose value is undefined, so events compare and serialise cleanly. */
export function compact<T extends object>(value: T): T {
	// A plain loop: entries/filter/fromEntries allocated three arrays per call (~13% of normalize).
	const out: Record<string, unknown> = {};
	for (const key in value) {
		if (!Object.hasOwn(value, key)) continue;
		const v = value[key];
		if (v === undefined) continue;
		// An own '__proto__' key stays a key, as fromEntries keeps it, not a prototype change.
		if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
		else out[key] = v;
	}
	return out as T;
}

/** "msg.checkpoints[2].checkpoint_time" from zod's path. */
export function fieldPath(path: ReadonlyArray<string | number>): string {
	if (path.length === 0) return 'body';
	return path.reduce<string>((out, part) => {
		if (typeof part === 'number') return `${out}[${part}]`;
		return out ? `${out}.${part}` : part;
	}, '');
}

/** What is wrong, in words that never repeat the received value. */
function describeIssue(issue: ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return issue.received === 'undefined' ? 'required' : `expected ${issue.expected}, got ${issue.received}`;
		case 'invalid_literal':
			return `expected ${JSON.stringify(issue.expected)}`;
		case 'invalid_enum_value':
			return `expected one of ${issue.options.join(', ')}`;
		case 'too_small':
			return issue.type === 'string' ? 'must not be empty' : 'too small';
		default:
			return 'invalid value';
	}
}

/** The first zod issue as a PayloadError naming the field and the fix, never the value. */
export function toPayloadError(provider: string, error: ZodError, prefix: ReadonlyArray<string | number> = []): PayloadError {
	const issue = error.issues[0];
	if (!issue) return new PayloadError(provider, fieldPath(prefix), 'invalid value');
	return new PayloadError(provider, fieldPath([...prefix, ...issue.path]), describeIssue(issue));
}
