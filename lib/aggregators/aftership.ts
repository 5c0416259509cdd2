import { malformed } from '../carriers/responses';
import { CarrierError } from '../carriers/types';
import type { HttpResponse } from '../http';
import type { ShipmentEvent } from '../model/event';
import { aftershipTrackingEvent } from '../providers/aftership';
import { compact } from '../model/build';
import {
	apiKey,
	baseUrl,
	call,
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

const ID = 'aftership';
const API = '/tracking/2025-01';
const DEFAULT_BASE = 'https://api.aftership.com';

function headers(ctx: AggregatorContext): Record<string, string> {
	return { 'as-api-key': apiKey(ID, ctx), Accept: 'application/json' };
}

/** `meta.code` of the { meta, data } envelope: AfterShip's own code (4003 exists, 4004 not found...). */
function metaCode(body: unknown): string | undefined {
	const meta = isObject(body) ? body.meta : undefined;
	const code = isObject(meta) ? meta.code : undefined;
	return typeof code === 'number' || typeof code === 'string' ? String(code) : undefined;
}

/** The tracking under `data` (2025-01 puts it there directly, not under data.tracking). */
function trackingOf(res: HttpResponse): Record<string, unknown> {
	const data = requireObject(ID, res).data;
	if (!isObject(data)) throw malformed(ID, 'data is not a tracking object', res);
	return data;
}

function orFail(res: HttpResponse, ctx: AggregatorContext): HttpResponse {
	if (!ok(res)) throw failure(ID, ctx, res, metaCode(res.body));
	return res;
}

/** 2025-01 reads and deletes trackings by id only; a number is first looked up in the list. */
async function resolveId(ref: TrackingRef, ctx: AggregatorContext): Promise<string> {
	if (ref.providerTrackingId?.trim()) return ref.providerTrackingId.trim();
	const number = ref.trackingNumber?.trim();
	if (!number) throw missingRef(ID, 'providerTrackingId or trackingNumber');
	const qs: Record<string, string> = { tracking_numbers: number };
	if (ref.carrier) qs.slug = ref.carrier;
	const res = orFail(await call(ID, ctx, { method: 'GET', url: `${baseUrl(ctx, DEFAULT_BASE)}${API}/trackings`, headers: headers(ctx), qs }), ctx);
	const data = requireObject(ID, res).data;
	const trackings = isObject(data) ? data.trackings : undefined;
	if (!Array.isArray(trackings)) throw malformed(ID, 'data.trackings is not a list', res);
	const first: unknown = trackings[0];
	if (!isObject(first)) throw new CarrierError(ID, 'not_found', `${ID}: tracking number not found`, { httpStatus: res.status });
	if (typeof first.id !== 'string' || !first.id) throw malformed(ID, 'data.trackings[0].id is missing', res);
	return first.id;
}

export const aftershipClient: AggregatorClient = {
	id: ID,
	displayName: 'AfterShip',
	credentialType: 'afterShipApi',
	canStop: true,

	async startTracking(input: StartTrackingInput, ctx: AggregatorContext) {
		const customer = input.customer
			? [compact({ role: 'buyer', name: input.customer.name, email: input.customer.email, phone_number: input.customer.phone, language: input.customer.locale })]
			: undefined;
		const json = compact({
			...input.extra,
			tracking_number: input.trackingNumber,
			slug: input.carrier,
			order_number: input.orderNumber,
			customers: customer,
		});
		const res = orFail(
			await call(ID, ctx, { method: 'POST', url: `${baseUrl(ctx, DEFAULT_BASE)}${API}/trackings`, headers: headers(ctx), json }),
			ctx,
		);
		const tracking = trackingOf(res);
		if (typeof tracking.id !== 'string' || !tracking.id) throw malformed(ID, 'data.id is missing', res);
		return { providerTrackingId: tracking.id, event: eventIfMappable(() => aftershipTrackingEvent(tracking)) };
	},

	async getTracking(ref: TrackingRef, ctx: AggregatorContext): Promise<ShipmentEvent> {
		const id = await resolveId(ref, ctx);
		const res = orFail(
			await call(ID, ctx, { method: 'GET', url: `${baseUrl(ctx, DEFAULT_BASE)}${API}/trackings/${enc(id)}`, headers: headers(ctx) }),
			ctx,
		);
		const tracking = trackingOf(res);
		return toEventOrMalformed(ID, res, () => aftershipTrackingEvent(tracking));
	},

	async stopTracking(ref: TrackingRef, ctx: AggregatorContext): Promise<void> {
		const id = await resolveId(ref, ctx);
		orFail(
			await call(ID, ctx, { method: 'DELETE', url: `${baseUrl(ctx, DEFAULT_BASE)}${API}/trackings/${enc(id)}`, headers: headers(ctx) }),
			ctx,
		);
	},
};
