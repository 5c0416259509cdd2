import { CarrierError } from '../carriers/types';
import type { HttpResponse } from '../http';
import type { ShipmentEvent } from '../model/event';
import { compact } from '../model/build';
import { shippoTrackEvent } from '../providers/shippo';
import {
	apiKey,
	baseUrl,
	call,
	carrierAndNumber,
	enc,
	eventIfMappable,
	failure,
	isObject,
	missingRef,
	ok,
	requireObject,
	toEventOrMalformed,
} from './common';
import type { AggregatorClient, AggregatorContext, StartTrackingInput, TrackingRef } from './types';

const ID = 'shippo';
const DEFAULT_BASE = 'https://api.goshippo.com';

function headers(ctx: AggregatorContext): Record<string, string> {
	return { Authorization: `ShippoToken ${apiKey(ID, ctx)}`, Accept: 'application/json' };
}

/**
 * Shippo's error bodies carry free text (`detail`, or messages per field) and no codes, and the text
 * may repeat the number, so only a field name is kept as the provider code.
 */
function errorField(body: unknown): string | undefined {
	if (!isObject(body)) return undefined;
	const field = Object.keys(body).find((key) => key !== 'detail' && /^[a-z_]+$/.test(key));
	return field ? `field:${field}` : undefined;
}

function orFail(res: HttpResponse, ctx: AggregatorContext): HttpResponse {
	if (!ok(res)) throw failure(ID, ctx, res, errorField(res.body));
	return res;
}

/** Carrier and number, from `carrier/number` (this client's providerTrackingId) or the ref. */
function keyOf(ref: TrackingRef): { carrier: string; trackingNumber: string } {
	const { carrier, trackingNumber } = carrierAndNumber(ref);
	if (!carrier || !trackingNumber) throw missingRef(ID, 'carrier and tracking number (or providerTrackingId "carrier/number")');
	return { carrier, trackingNumber };
}

export const shippoClient: AggregatorClient = {
	id: ID,
	displayName: 'Shippo',
	credentialType: 'shippoApi',
	// Shippo's Tracking API registers tracks (POST /tracks) but has no call to unregister one.
	canStop: false,

	/** POST /tracks registers the number for track_updated webhooks and answers with the Track. */
	async startTracking(input: StartTrackingInput, ctx: AggregatorContext) {
		if (!input.carrier) throw missingRef(ID, 'carrier (Shippo does not detect it)');
		const json = compact({ ...input.extra, carrier: input.carrier, tracking_number: input.trackingNumber, metadata: input.orderNumber });
		const res = orFail(await call(ID, ctx, { method: 'POST', url: `${baseUrl(ctx, DEFAULT_BASE)}/tracks/`, headers: headers(ctx), json }), ctx);
		const track = requireObject(ID, res);
		return {
			providerTrackingId: `${input.carrier}/${input.trackingNumber}`,
			event: eventIfMappable(() => shippoTrackEvent(track)),
		};
	},

	async getTracking(ref: TrackingRef, ctx: AggregatorContext): Promise<ShipmentEvent> {
		const { carrier, trackingNumber } = keyOf(ref);
		const url = `${baseUrl(ctx, DEFAULT_BASE)}/tracks/${enc(carrier)}/${enc(trackingNumber)}`;
		const res = orFail(await call(ID, ctx, { method: 'GET', url, headers: headers(ctx) }), ctx);
		const track = requireObject(ID, res);
		if (track.tracking_status === null || track.tracking_status === undefined) {
			// Shippo answers 200 with no status for a number the carrier does not know (yet).
			throw new CarrierError(ID, 'not_found', `${ID}: tracking number not found (no status from the carrier yet)`, { httpStatus: res.status });
		}
		return toEventOrMalformed(ID, res, () => shippoTrackEvent(track));
	},

	/** A no-op: Shippo has no call to stop tracking (canStop is false). */
	async stopTracking(): Promise<void> {
		return undefined;
	},
};
