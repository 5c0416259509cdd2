import { malformed } from '../carriers/responses';
import { CarrierError } from '../carriers/types';
import type { HttpResponse } from '../http';
import type { ShipmentEvent } from '../model/event';
import { compact } from '../model/build';
import { easypostTrackerEvent } from '../providers/easypost';
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

const ID = 'easypost';
const DEFAULT_BASE = 'https://api.easypost.com';

/** HTTP Basic with the API key as user name and no password, as EasyPost documents. */
function headers(ctx: AggregatorContext): Record<string, string> {
	return { Authorization: `Basic ${Buffer.from(`${apiKey(ID, ctx)}:`, 'utf8').toString('base64')}`, Accept: 'application/json' };
}

/** `error.code` of EasyPost's error body, e.g. NOT_FOUND, APIKEY.INACTIVE, TRACKER.INVALID_PARAMS. */
function errorCode(body: unknown): string | undefined {
	const error = isObject(body) ? body.error : undefined;
	return isObject(error) && typeof error.code === 'string' ? error.code : undefined;
}

function orFail(res: HttpResponse, ctx: AggregatorContext): HttpResponse {
	if (!ok(res)) throw failure(ID, ctx, res, errorCode(res.body));
	return res;
}

function trackerId(tracker: Record<string, unknown>, res: HttpResponse): string {
	if (typeof tracker.id !== 'string' || !tracker.id) throw malformed(ID, 'id is missing', res);
	return tracker.id;
}

/** A tracker by id, else the newest tracker for the code (GET /v2/trackers?tracking_code=). */
async function fetchTracker(ref: TrackingRef, ctx: AggregatorContext): Promise<{ res: HttpResponse; tracker: Record<string, unknown> }> {
	const base = `${baseUrl(ctx, DEFAULT_BASE)}/v2/trackers`;
	const id = ref.providerTrackingId?.trim();
	if (id) {
		const res = orFail(await call(ID, ctx, { method: 'GET', url: `${base}/${enc(id)}`, headers: headers(ctx) }), ctx);
		return { res, tracker: requireObject(ID, res) };
	}
	const code = ref.trackingNumber?.trim();
	if (!code) throw missingRef(ID, 'providerTrackingId or trackingNumber');
	const qs: Record<string, string | number> = { tracking_code: code, page_size: 1 };
	if (ref.carrier) qs.carrier = ref.carrier;
	const res = orFail(await call(ID, ctx, { method: 'GET', url: base, headers: headers(ctx), qs }), ctx);
	const trackers = requireObject(ID, res).trackers;
	if (!Array.isArray(trackers)) throw malformed(ID, 'trackers is not a list', res);
	const first: unknown = trackers[0];
	if (!isObject(first)) throw new CarrierError(ID, 'not_found', `${ID}: tracking number not found`, { httpStatus: res.status });
	return { res, tracker: first };
}

export const easypostClient: AggregatorClient = {
	id: ID,
	displayName: 'EasyPost',
	credentialType: 'easyPostApi',
	// EasyPost has no endpoint to delete or stop a tracker: it stops by itself once the parcel is settled.
	canStop: false,

	async startTracking(input: StartTrackingInput, ctx: AggregatorContext) {
		const tracker = compact({ ...input.extra, tracking_code: input.trackingNumber, carrier: input.carrier });
		const res = orFail(
			await call(ID, ctx, { method: 'POST', url: `${baseUrl(ctx, DEFAULT_BASE)}/v2/trackers`, headers: headers(ctx), json: { tracker } }),
			ctx,
		);
		const body = requireObject(ID, res);
		return { providerTrackingId: trackerId(body, res), event: eventIfMappable(() => easypostTrackerEvent(body)) };
	},

	async getTracking(ref: TrackingRef, ctx: AggregatorContext): Promise<ShipmentEvent> {
		const { res, tracker } = await fetchTracker(ref, ctx);
		return toEventOrMalformed(ID, res, () => easypostTrackerEvent(tracker));
	},

	/** A no-op: EasyPost trackers cannot be deleted (canStop is false); they end on a final status. */
	async stopTracking(): Promise<void> {
		return undefined;
	},
};
