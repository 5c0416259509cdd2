import { errorFromStatus, malformed, send } from '../carriers/responses';
import { CarrierError } from '../carriers/types';
import type { HttpRequest, HttpResponse } from '../http';
import type { ShipmentEvent } from '../model/event';
import { PayloadError } from '../model/errors';
import type { AggregatorContext, TrackingRef } from './types';

/** The credential's base URL without a trailing slash, else the provider's default. */
export function baseUrl(ctx: AggregatorContext, fallback: string): string {
	return (ctx.credentials.baseUrl?.trim() || fallback).replace(/\/+$/, '');
}

/** The API key, or an 'auth' CarrierError before any request is made. */
export function apiKey(id: string, ctx: AggregatorContext): string {
	const key = ctx.credentials.apiKey?.trim();
	if (!key) throw new CarrierError(id, 'auth', `${id}: the credential has no API key`);
	return key;
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Makes the request; no answer at all becomes a 'timeout' CarrierError. */
export function call(id: string, ctx: AggregatorContext, req: HttpRequest): Promise<HttpResponse> {
	return send(id, ctx.http, req);
}

export function ok(res: HttpResponse): boolean {
	return res.status >= 200 && res.status < 300;
}

/** The CarrierError for a non-2xx answer, with the provider's own code when it gave one. */
export function failure(id: string, ctx: AggregatorContext, res: HttpResponse, providerCode?: string | number): CarrierError {
	const code = providerCode === undefined || providerCode === null || providerCode === '' ? undefined : String(providerCode);
	return errorFromStatus(id, res, code, ctx.now?.());
}

/** A 2xx answer that is not a JSON object. */
export function requireObject(id: string, res: HttpResponse): Record<string, unknown> {
	if (!isObject(res.body)) throw malformed(id, 'body is not a JSON object', res);
	return res.body;
}

/** Maps a provider payload to an event; a shape mismatch is a 'malformed' answer naming the field. */
export function toEventOrMalformed(id: string, res: HttpResponse, map: () => ShipmentEvent): ShipmentEvent {
	try {
		return map();
	} catch (error) {
		// PayloadError messages are "<provider> payload: <field>: <what>"; the field and what remain.
		if (error instanceof PayloadError) throw malformed(id, error.message.replace(/^[^:]+: /, ''), res);
		throw error;
	}
}

/** Best effort after a successful create: the id matters more than an immediate event. */
export function eventIfMappable(map: () => ShipmentEvent): ShipmentEvent | undefined {
	try {
		return map();
	} catch (error) {
		if (error instanceof PayloadError) return undefined;
		throw error;
	}
}

/** `carrier/number` (Shippo, 17TRACK ids) back into its parts, else the ref's own fields. */
export function carrierAndNumber(ref: TrackingRef): { carrier?: string; trackingNumber?: string } {
	const id = ref.providerTrackingId?.trim();
	if (id) {
		const slash = id.indexOf('/');
		if (slash > 0) return { carrier: id.slice(0, slash), trackingNumber: id.slice(slash + 1) };
		return { carrier: ref.carrier, trackingNumber: id };
	}
	return { carrier: ref.carrier, trackingNumber: ref.trackingNumber?.trim() || undefined };
}

/** Thrown when a ref names nothing the provider can look up. */
export function missingRef(id: string, needs: string): CarrierError {
	return new CarrierError(id, 'invalid_request', `${id}: ${needs} is required`);
}

export const enc = encodeURIComponent;
