import { malformed } from '../carriers/responses';
import { CarrierError, type CarrierErrorCode } from '../carriers/types';
import type { HttpResponse } from '../http';
import type { ShipmentEvent } from '../model/event';
import { compact } from '../model/build';
import { SEVENTEENTRACK_CARRIERS, seventeenTrackEvent } from '../providers/seventeentrack';
import { apiKey, baseUrl, call, carrierAndNumber, failure, isObject, missingRef, ok, requireObject, toEventOrMalformed } from './common';
import type { AggregatorClient, AggregatorContext, StartTrackingInput, TrackingRef } from './types';

const ID = 'seventeentrack';
const API = '/track/v2.2';
const DEFAULT_BASE = 'https://api.17track.net';

/** 17TRACK's codes (API v2.2 "Error codes") by what they mean to a caller. */
const CODES: Record<number, CarrierErrorCode> = {
	[-18010001]: 'auth', // IP address not in the allowlist
	[-18010002]: 'auth', // security key invalid
	[-18010003]: 'server', // internal error, retry later
	[-18010004]: 'auth', // account disabled
	[-18010005]: 'auth', // unauthorised access
	[-18010014]: 'rate_limited', // request limit exceeded
	[-18019902]: 'not_found', // number not registered
	[-18019907]: 'rate_limited', // daily request limit
	[-18019908]: 'rate_limited', // tracking quota spent
	[-18019909]: 'not_found', // no tracking information yet
};
const ALREADY_REGISTERED = -18019901;
const NOT_REGISTERED = -18019902;
const NOT_BEING_TRACKED = -18019906;

interface Rejection {
	number?: string;
	code?: number;
}

function headers(ctx: AggregatorContext): Record<string, string> {
	return { '17token': apiKey(ID, ctx), Accept: 'application/json' };
}

function codeOf(error: unknown): number | undefined {
	const code = isObject(error) ? error.code : undefined;
	return typeof code === 'number' ? code : typeof code === 'string' && /^-?\d+$/.test(code) ? Number(code) : undefined;
}

function carrierError(code: number | undefined, res: HttpResponse): CarrierError {
	const kind = (code !== undefined && CODES[code]) || 'invalid_request';
	const suffix = code !== undefined ? ` (${code})` : '';
	return new CarrierError(ID, kind, `${ID}: request refused: ${kind}${suffix}`, {
		httpStatus: res.status,
		providerCode: code !== undefined ? String(code) : undefined,
	});
}

/** 17TRACK's carrier is a number: a numeric string as is, a known courier_code mapped, else auto-detect. */
function carrierNumber(carrier: string | undefined): number | undefined {
	if (!carrier) return undefined;
	if (/^\d+$/.test(carrier.trim())) return Number(carrier.trim());
	const found = Object.entries(SEVENTEENTRACK_CARRIERS).find(([, code]) => code === carrier.trim().toLowerCase());
	return found ? Number(found[0]) : undefined;
}

/**
 * One call for one number: { code, data: { accepted: [...], rejected: [{ number, error: { code } }] } }.
 * A request-level failure is a non-2xx status, or `code` not 0 with `data.errors`.
 */
async function post(path: string, item: Record<string, unknown>, ctx: AggregatorContext) {
	const res = await call(ID, ctx, { method: 'POST', url: `${baseUrl(ctx, DEFAULT_BASE)}${API}/${path}`, headers: headers(ctx), json: [item] });
	const data = isObject(res.body) && isObject(res.body.data) ? res.body.data : undefined;
	const requestError = Array.isArray(data?.errors) ? codeOf(data.errors[0]) : undefined;
	if (!ok(res)) throw failure(ID, ctx, res, requestError);
	const body = requireObject(ID, res);
	if (body.code !== 0 && requestError !== undefined) throw carrierError(requestError, res);
	if (!data || !Array.isArray(data.accepted) || !Array.isArray(data.rejected)) throw malformed(ID, 'data.accepted or data.rejected is missing', res);
	const rejected: Rejection[] = data.rejected.map((entry: unknown) => ({
		number: isObject(entry) && typeof entry.number === 'string' ? entry.number : undefined,
		code: isObject(entry) ? codeOf(entry.error) : undefined,
	}));
	return { res, accepted: data.accepted as unknown[], rejected };
}

function itemOf(ref: TrackingRef): Record<string, unknown> {
	const { carrier, trackingNumber } = carrierAndNumber(ref);
	if (!trackingNumber) throw missingRef(ID, 'providerTrackingId or trackingNumber');
	return compact({ number: trackingNumber, carrier: carrierNumber(carrier) });
}

function idOf(number: string, carrier: unknown): string {
	return typeof carrier === 'number' && carrier > 0 ? `${carrier}/${number}` : number;
}

export const seventeenTrackClient: AggregatorClient = {
	id: ID,
	displayName: '17TRACK',
	credentialType: 'seventeenTrackApi',
	canStop: true,

	/** Registers the number (one quota); the order number goes in `tag`, which every push carries back. */
	async startTracking(input: StartTrackingInput, ctx: AggregatorContext) {
		const item = compact({ ...input.extra, number: input.trackingNumber, carrier: carrierNumber(input.carrier), tag: input.orderNumber });
		const { res, accepted, rejected } = await post('register', item, ctx);
		const first: unknown = accepted[0];
		if (isObject(first)) return { providerTrackingId: idOf(input.trackingNumber, first.carrier) };
		const refusal = rejected[0];
		// Registering twice is harmless: the number is already being tracked.
		if (refusal?.code === ALREADY_REGISTERED) return { providerTrackingId: idOf(input.trackingNumber, item.carrier) };
		throw refusal ? carrierError(refusal.code, res) : malformed(ID, 'neither accepted nor rejected', res);
	},

	async getTracking(ref: TrackingRef, ctx: AggregatorContext): Promise<ShipmentEvent> {
		const { res, accepted, rejected } = await post('gettrackinfo', itemOf(ref), ctx);
		const first: unknown = accepted[0];
		if (first !== undefined) return toEventOrMalformed(ID, res, () => seventeenTrackEvent(first));
		throw rejected[0] ? carrierError(rejected[0].code, res) : malformed(ID, 'neither accepted nor rejected', res);
	},

	/** POST stoptrack: the number stays registered but gets no more updates (17TRACK can retrack it once). */
	async stopTracking(ref: TrackingRef, ctx: AggregatorContext): Promise<void> {
		const { res, accepted, rejected } = await post('stoptrack', itemOf(ref), ctx);
		if (accepted.length > 0) return;
		const code = rejected[0]?.code;
		// Stopping what is not tracked (any more) leaves it stopped: done.
		if (code === NOT_BEING_TRACKED || code === NOT_REGISTERED) return;
		throw rejected[0] ? carrierError(code, res) : malformed(ID, 'neither accepted nor rejected', res);
	},
};
