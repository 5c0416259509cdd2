import type { ShipmentEvent } from './model/event';
import { getProvider } from './providers/registry';
import { contentKey } from './model/build';
import { type Headers, type WebhookSecrets } from './providers/types';
import { PayloadError } from './model/errors';
import type { Store } from './store/types';
import { now as clockNow } from './clock';

/** How long a seen delivery is remembered. Providers retry for hours to days, never a month. */
export const DEDUPE_TTL_MS = 30 * 24 * 3600 * 1000;

export type IngestResult =
	| { status: 401; error: string }
	| { status: 400; error: string; field?: string }
	| { status: 200; events: ShipmentEvent[]; duplicates: number; payload: unknown };

/**
 * A webhook delivery from signature to fresh events: verify on the raw bytes before anything else,
 * then parse, normalize, and drop what was seen before. Error texts never quote the payload.
 */
export async function ingestWebhook(
	providerId: string,
	rawBody: Buffer,
	headers: Headers,
	secrets: WebhookSecrets,
	store: Store,
	options: { now?: Date; dedupeTtlMs?: number; query?: Record<string, unknown> } = {},
): Promise<IngestResult> {
	const provider = getProvider(providerId);
	const signed = provider.authHeaders ? provider.authHeaders(headers, options.query ?? {}) : headers;
	if (!provider.verify(rawBody, signed, secrets)) {
		return {
			status: 401,
			error: `Signature missing or wrong: expected a valid ${provider.signatureHeaders.join(' or ')} header made with the webhook secret in the ${provider.displayName} credential`,
		};
	}
	let payload: unknown;
	try {
		payload = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return { status: 400, error: `${provider.displayName} delivery is not valid JSON`, field: 'body' };
	}
	let events: ShipmentEvent[];
	try {
		events = provider.normalize(payload);
	} catch (error) {
		if (error instanceof PayloadError) return { status: 400, error: error.message, field: error.field };
		throw error;
	}
	const fresh = await dropSeen(events, store, options.now ?? clockNow(), options.dedupeTtlMs ?? DEDUPE_TTL_MS);
	return { status: 200, events: fresh, duplicates: events.length - fresh.length, payload };
}

/**
 * An event is a repeat when its provider event id was seen, or when the same shipment, status and
 * checkpoint time was (providers re-send a state under a new id). Claims are atomic in the store,
 * so copies arriving at the same moment let exactly one through.
 */
export async function dropSeen(events: ShipmentEvent[], store: Store, at: Date, ttlMs: number): Promise<ShipmentEvent[]> {
	const fresh: ShipmentEvent[] = [];
	for (const event of events) {
		if (!(await store.claim(`event:${event.id}`, ttlMs, at))) continue;
		if (!(await store.claim(`content:${contentKey(event)}`, ttlMs, at))) continue;
		fresh.push(event);
	}
	return fresh;
}
