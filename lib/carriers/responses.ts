import type { HttpFn, HttpRequest, HttpResponse } from '../http';
import { parseRetryAfter } from '../http/retry';
import type { ShipmentEvent } from '../model/event';
import { CarrierError, type TrackResult } from './types';

/** Makes the request; a request that gets no answer at all becomes a 'timeout' CarrierError. */
export async function send(carrier: string, http: HttpFn, req: HttpRequest): Promise<HttpResponse> {
	try {
		return await http({ timeoutMs: 20_000, ...req });
	} catch {
		throw new CarrierError(carrier, 'timeout', `${carrier}: no answer from ${new URL(req.url).host} (timeout or connection failure)`);
	}
}

function header(res: HttpResponse, name: string): string | undefined {
	const value = res.headers[name] ?? res.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * The CarrierError for a response that is not a success, from its status: the same mapping for
 * every carrier, so the poller treats them alike. `providerCode` is the carrier's own code when
 * the adapter could read one from the error body.
 */
export function errorFromStatus(carrier: string, res: HttpResponse, providerCode?: string, now = new Date()): CarrierError {
	const details = { httpStatus: res.status, providerCode };
	const code = providerCode ? ` (${providerCode})` : '';
	if (res.status === 404) return new CarrierError(carrier, 'not_found', `${carrier}: tracking number not found${code}`, details);
	if (res.status === 401 || res.status === 403) {
		return new CarrierError(carrier, 'auth', `${carrier}: credentials refused (HTTP ${res.status})${code}; check the credential`, details);
	}
	if (res.status === 429) {
		const retryAfterMs = parseRetryAfter(header(res, 'retry-after'), now);
		return new CarrierError(carrier, 'rate_limited', `${carrier}: rate limit or quota reached (HTTP 429)${code}`, { ...details, retryAfterMs });
	}
	if (res.status >= 500) return new CarrierError(carrier, 'server', `${carrier}: server error (HTTP ${res.status})${code}`, details);
	return new CarrierError(carrier, 'invalid_request', `${carrier}: request refused (HTTP ${res.status})${code}`, details);
}

/** The carrier answered 2xx but not with its documented JSON shape. */
export function malformed(carrier: string, what: string, res: HttpResponse): CarrierError {
	return new CarrierError(carrier, 'malformed', `${carrier}: unexpected response: ${what}`, { httpStatus: res.status });
}

/** For APIs that take one number a request: asks for each in turn (never a burst) and keeps the order. */
export async function oneAtATime<T>(trackingNumbers: string[], lookUp: (trackingNumber: string) => Promise<T>): Promise<T[]> {
	const results: T[] = [];
	for (const trackingNumber of trackingNumbers) results.push(await lookUp(trackingNumber));
	return results;
}

/** A lookup's outcome as a result: a CarrierError becomes that number's failure, anything else propagates. */
export async function asResult(trackingNumber: string, lookUp: () => Promise<ShipmentEvent[]>): Promise<TrackResult> {
	try {
		return { trackingNumber, ok: true, events: await lookUp() };
	} catch (error) {
		if (error instanceof CarrierError) return { trackingNumber, ok: false, error };
		throw error;
	}
}
