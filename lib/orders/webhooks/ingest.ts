import { now as clockNow } from '../../clock';
import { DEDUPE_TTL_MS } from '../../ingest';
import { type Headers } from '../../providers/types';
import { PayloadError } from '../../model/errors';
import type { Store } from '../../store/types';
import { getOrderWebhookProvider } from './registry';
import type { OrderJourneyEvent } from './types';

export type OrderIngestResult =
	| { status: 401; error: string }
	| { status: 400; error: string; field: string }
	| { status: 200; events: OrderJourneyEvent[]; duplicates: number; ping?: true };

export interface OrderIngestOptions {
	now?: Date;
	/** How long a delivery and an event are remembered (default: the tracking webhooks' 30 days). */
	dedupeTtlMs?: number;
}

/**
 * An order webhook from signature to fresh events: verify the raw bytes before anything else, then
 * parse and normalize (400 naming the field), then drop what was seen. Error texts never quote the
 * payload. A platform's unsigned setup ping is answered 200 with no events.
 */
export async function ingestOrderWebhook(
	providerId: string,
	rawBody: Buffer,
	headers: Headers,
	secret: string,
	store: Store,
	options: OrderIngestOptions = {},
): Promise<OrderIngestResult> {
	const provider = getOrderWebhookProvider(providerId);
	if (provider.isPing?.(rawBody, headers)) return { status: 200, events: [], duplicates: 0, ping: true };
	if (!provider.verify(rawBody, headers, secret)) {
		return {
			status: 401,
			error: `Signature missing or wrong: expected a valid ${provider.signatureHeaders.join(' or ')} header made with the ${provider.displayName} webhook secret in the credential`,
		};
	}
	const topic = provider.topic(headers);
	if (!topic) {
		return { status: 400, error: `${provider.displayName} delivery has no ${provider.topicHeader} header`, field: provider.topicHeader };
	}
	let payload: unknown;
	try {
		payload = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return { status: 400, error: `${provider.displayName} delivery is not valid JSON`, field: 'body' };
	}
	let events: OrderJourneyEvent[];
	try {
		events = provider.normalize(topic, payload);
	} catch (error) {
		if (error instanceof PayloadError) return { status: 400, error: error.message, field: error.field };
		throw error;
	}
	const at = options.now ?? clockNow();
	const ttlMs = options.dedupeTtlMs ?? DEDUPE_TTL_MS;
	const fresh = await dropSeenOrderEvents(provider.id, provider.deliveryId(headers, rawBody), events, store, at, ttlMs);
	return { status: 200, events: fresh, duplicates: events.length - fresh.length };
}

/**
 * Two claims, both atomic in the store so concurrent copies let exactly one through: the delivery
 * (a retry of one webhook), then each event's id (the same news under another delivery: a second
 * subscription, orders/create and order.updated both confirming, a resent unchanged update).
 */
export async function dropSeenOrderEvents(
	providerId: string,
	deliveryId: string | undefined,
	events: OrderJourneyEvent[],
	store: Store,
	at: Date,
	ttlMs: number,
): Promise<OrderJourneyEvent[]> {
	if (events.length === 0) return [];
	if (deliveryId && !(await store.claim(`order-delivery:${providerId}:${deliveryId}`, ttlMs, at))) return [];
	const fresh: OrderJourneyEvent[] = [];
	for (const event of events) {
		if (await store.claim(`order-event:${event.id}`, ttlMs, at)) fresh.push(event);
	}
	return fresh;
}
