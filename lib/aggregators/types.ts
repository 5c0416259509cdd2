import type { HttpFn } from '../http';
import type { ShipmentEvent } from '../model/event';

/**
 * What an aggregator client needs. Every client adds its own auth header from
 * `credentials.apiKey` on every request, so `http` may be a plain transport (axiosHttp, or n8n's
 * httpRequest) and the same code runs in n8n and in tests. n8nHttp with the matching credential
 * works too: n8n's generic authenticate sets the same header to the same value.
 */
export interface AggregatorContext {
	http: HttpFn;
	credentials: { apiKey: string; baseUrl?: string };
	now?: () => Date;
}

/** The customer as an aggregator may store it with the tracking (AfterShip does; others ignore it). */
export interface AggregatorCustomer {
	name?: string;
	email?: string;
	phone?: string;
	locale?: string;
}

export interface StartTrackingInput {
	trackingNumber: string;
	/** The aggregator's carrier code (AfterShip slug, EasyPost/Shippo carrier, 17TRACK number); omit to auto-detect where supported. */
	carrier?: string;
	orderNumber?: string;
	customer?: AggregatorCustomer;
	/** Provider-specific fields, merged into the request body under the fields above. */
	extra?: Record<string, unknown>;
}

/** Which tracking: the provider's id (from startTracking), or the number (and carrier). */
export interface TrackingRef {
	providerTrackingId?: string;
	trackingNumber?: string;
	carrier?: string;
}

export interface StartTrackingResult {
	providerTrackingId: string;
	/** The state right after registering, when the provider answers with it. */
	event?: ShipmentEvent;
}

/**
 * An aggregator's tracking API, one file per aggregator behind this interface. Every failure is a
 * CarrierError with the aggregator's id as `carrier` and its own error code as `providerCode`;
 * messages never carry tracking numbers or customer data.
 */
export interface AggregatorClient {
	/** Same id as the webhook provider: 'aftership', 'easypost', 'shippo', 'seventeentrack'. */
	id: string;
	displayName: string;
	/** The n8n credential type holding apiKey and baseUrl. */
	credentialType: string;
	/** False when the API has no way to stop tracking (stopTracking then does nothing). */
	canStop: boolean;
	startTracking(input: StartTrackingInput, ctx: AggregatorContext): Promise<StartTrackingResult>;
	getTracking(ref: TrackingRef, ctx: AggregatorContext): Promise<ShipmentEvent>;
	stopTracking(ref: TrackingRef, ctx: AggregatorContext): Promise<void>;
}
