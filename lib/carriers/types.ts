import type { HttpFn } from '../http';
import type { ShipmentEvent } from '../model/event';

/** Why a lookup failed, in words the poller can act on. */
export type CarrierErrorCode =
	| 'not_found' // the carrier does not know the number (yet)
	| 'auth' // credentials refused, even after one token refresh
	| 'rate_limited' // 429, or the daily/hourly quota is spent
	| 'server' // 5xx
	| 'malformed' // the carrier answered something that is not its documented shape
	| 'timeout' // no answer in time, or the connection failed
	| 'invalid_request'; // 4xx other than the above: the number or the request is wrong

/** A carrier's refusal. Its message names the carrier and the code, never customer data. */
export class CarrierError extends Error {
	constructor(
		readonly carrier: string,
		readonly code: CarrierErrorCode,
		message: string,
		readonly details: {
			httpStatus?: number;
			/** The carrier's own error code, e.g. UPS 151044, FedEx TRACKING.TRACKINGNUMBER.NOTFOUND. */
			providerCode?: string;
			/** From Retry-After, or the quota's reset, when the carrier says. */
			retryAfterMs?: number;
		} = {},
	) {
		super(message);
		this.name = 'CarrierError';
	}

	/** Worth trying again on a later poll (the poller keeps the shipment either way). */
	get retryable(): boolean {
		return this.code === 'rate_limited' || this.code === 'server' || this.code === 'timeout';
	}
}

/** One number's answer: its events newest last (the latest is the current state), or an error. */
export type TrackResult =
	| { trackingNumber: string; ok: true; events: ShipmentEvent[] }
	| { trackingNumber: string; ok: false; error: CarrierError };

/** Caches OAuth access tokens across calls (and nodes) until they expire. */
export interface TokenCache {
	get(key: string, now: Date): string | undefined;
	set(key: string, token: string, expiresAt: Date): void;
	delete(key: string): void;
}

export interface CarrierContext {
	/** Authenticated HTTP where n8n applies the credential, or plain HTTP (adapters add their own auth). */
	http: HttpFn;
	/** The credential's fields (client id and secret, API key, base URL...). */
	credentials: Record<string, string>;
	tokens: TokenCache;
	now?: () => Date;
}

/**
 * A carrier's own tracking API. One file per carrier implements this and registers in
 * ./registry.ts: adding a carrier is that file, its credential and one registry line.
 */
export interface CarrierAdapter {
	/** tracking_number_data courier_code: 'ups', 'fedex', 'usps', 'dhl'. */
	id: string;
	displayName: string;
	/** The n8n credential type holding the API's keys and baseUrl. */
	credentialType: string;
	/** Most tracking numbers one request may carry (FedEx 30, most others 1). */
	maxBatch: number;
	/** The published limit the poller spaces calls to: `requests` per `perMs`. */
	rateLimit: { requests: number; perMs: number };
	/** Looks numbers up (at most maxBatch); one result per number, in the order given. */
	track(trackingNumbers: string[], ctx: CarrierContext): Promise<TrackResult[]>;
	/** Proves the credential works (gets a token, or makes the cheapest authenticated call). */
	testCredentials(ctx: CarrierContext): Promise<void>;
}
