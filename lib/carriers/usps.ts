import { z } from 'zod';
import type { HttpResponse } from '../http';
import type { Location, ShipmentEvent } from '../model/event';
import { compact, compactOrUndefined, eventId, fieldPath, opt, toDateOrDateTime, toIsoDateTime } from '../model/build';
import { testGrant, withAccessToken, type ClientCredentialsGrant } from './oauth';
import { asResult, errorFromStatus, malformed, oneAtATime, send } from './responses';
import { CarrierError, type CarrierAdapter, type CarrierContext, type TrackResult } from './types';
import { mapUspsStatus } from './usps-status';

/**
 * USPS Tracking API v3 (developers.usps.com; examples: USPS/api-examples). One number per request,
 * `expand=DETAIL` for the status category and the scan list. Like UPS, the adapter returns the
 * current state as one event with `checkpointCount`.
 */
const CARRIER = 'usps';
const DEFAULT_BASE_URL = 'https://apis.usps.com';
/**
 * An unknown number: 404, or a 400 whose error says so. 150002 is the code other USPS v3 clients
 * report for it (USPS/api-examples "Error Inventory"); the words cover answers without a code.
 */
const NOT_FOUND_CODES = new Set(['150002']);
const NOT_FOUND_WORDS = /not found|no record|could not (?:be )?(?:found|located)|unable to locate/i;

const text = z.string().nullish();

const EventSchema = z
	.object({
		eventType: text,
		eventTimestamp: text, // local wall time, usually without an offset
		GMTTimestamp: text,
		GMTOffset: text, // -05:00
		eventCode: text,
		eventCity: text,
		eventState: text,
		eventZIP: text,
		eventCountry: text,
		name: text, // who took the item, on a delivery scan
		firm: text,
	})
	.passthrough();
const TrackingSchema = z
	.object({
		trackingNumber: text,
		statusCategory: text,
		status: text,
		statusSummary: text,
		mailClass: text,
		destinationCity: text,
		destinationState: text,
		destinationZIP: text,
		destinationCountryCode: text,
		expectedDeliveryTimeStamp: text,
		predictedDeliveryTimeStamp: text,
		expectedDeliveryDate: text,
		predictedDeliveryDate: text,
		trackingEvents: z.array(EventSchema).nullish(),
		error: z.unknown().optional(),
	})
	.passthrough();
/** USPS API errors: { apiVersion, error: { code, message, errors: [{ status, code, title, detail }] } }. */
const ErrorSchema = z
	.object({
		code: z.union([z.string(), z.number()]).nullish(),
		message: text,
		errors: z.array(z.object({ code: z.union([z.string(), z.number()]).nullish(), title: text, detail: text }).passthrough()).nullish(),
	})
	.passthrough();

type TrackingEvent = z.infer<typeof EventSchema>;

function credentials(ctx: CarrierContext): { baseUrl: string; grant: ClientCredentialsGrant } {
	const { clientId, clientSecret } = ctx.credentials;
	if (!clientId || !clientSecret) throw new CarrierError(CARRIER, 'auth', 'usps: the credential has no client id or client secret');
	const baseUrl = (ctx.credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	// USPS's example sends client_id/client_secret/grant_type as JSON; its token endpoint takes the
	// same three fields as a standard OAuth form, which is what the shared grant sends.
	const grant: ClientCredentialsGrant = { carrier: CARRIER, tokenUrl: `${baseUrl}/oauth2/v3/token`, clientId, clientSecret, clientAuth: 'body' };
	return { baseUrl, grant };
}

const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** -05:00, -0500 or -5 → -05:00. */
function offsetOf(value: string | null | undefined): string | undefined {
	const match = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(value?.trim() ?? '');
	return match ? `${match[1]}${match[2]!.padStart(2, '0')}:${match[3] ?? '00'}` : undefined;
}

/** The scan's local time with its offset; else its GMT time; else local read as UTC. */
function eventTime(event: TrackingEvent): string | undefined {
	const local = opt(event.eventTimestamp)?.trim();
	if (local && HAS_OFFSET.test(local)) return toIsoDateTime(local);
	const offset = offsetOf(event.GMTOffset);
	if (local && offset) return toIsoDateTime(`${local}${offset}`);
	const gmt = opt(event.GMTTimestamp)?.trim();
	if (gmt) return toIsoDateTime(HAS_OFFSET.test(gmt) ? gmt : `${gmt}Z`);
	return toIsoDateTime(local);
}

/** USPS lists scans newest first; the latest by instant guards against one that does not. */
function latestEvent(events: TrackingEvent[]): { event?: TrackingEvent; at?: string } {
	let best: { event?: TrackingEvent; at?: string } = { event: events[0], at: events[0] && eventTime(events[0]) };
	for (const event of events.slice(1)) {
		const at = eventTime(event);
		if (at && (!best.at || Date.parse(at) > Date.parse(best.at))) best = { event, at };
	}
	return best;
}

function toLocation(city?: string | null, state?: string | null, zip?: string | null, country?: string | null): Location | undefined {
	return compactOrUndefined({
		city: opt(city)?.trim() || undefined,
		state: opt(state)?.trim() || undefined,
		postalCode: opt(zip)?.trim() || undefined,
		country: opt(country)?.trim() || undefined,
	});
}

function errorCodes(body: unknown): { codes: string[]; notFoundWords: boolean } {
	const envelope = (typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined) ?? body;
	const parsed = ErrorSchema.safeParse(envelope);
	if (!parsed.success) return { codes: [], notFoundWords: false };
	const { code, message, errors } = parsed.data;
	// The per-error codes are the specific ones; the envelope's code often repeats the HTTP status.
	const codes = [...(errors ?? []).map((e) => e.code), code].map((c) => (c === null || c === undefined ? '' : String(c).trim())).filter(Boolean);
	const words = [message, ...(errors ?? []).flatMap((e) => [e.title, e.detail])].filter(Boolean).join(' ');
	return { codes, notFoundWords: NOT_FOUND_WORDS.test(words) };
}

/** An error answer (any status) as a CarrierError: not found when USPS says so, else by status. */
function errorFor(res: HttpResponse, now: Date): CarrierError {
	const { codes, notFoundWords } = errorCodes(res.body);
	const providerCode = codes[0];
	const unknownNumber = codes.some((c) => NOT_FOUND_CODES.has(c)) || notFoundWords;
	if (res.status === 404 || ((res.status === 400 || res.status === 200) && unknownNumber)) {
		return new CarrierError(CARRIER, 'not_found', `usps: tracking number not found${providerCode ? ` (${providerCode})` : ''}`, {
			httpStatus: res.status,
			providerCode,
		});
	}
	if (res.status >= 200 && res.status < 300) return malformed(CARRIER, 'an error body on a success status', res);
	return errorFromStatus(CARRIER, res, providerCode, now);
}

/** The response of one lookup as events, or the CarrierError it means. */
export function parseUspsResponse(trackingNumber: string, res: HttpResponse, now = new Date()): ShipmentEvent[] {
	if (res.status < 200 || res.status >= 300) throw errorFor(res, now);
	if (typeof res.body !== 'object' || res.body === null || Array.isArray(res.body)) throw malformed(CARRIER, 'the body is not a JSON object', res);
	const parsed = TrackingSchema.safeParse(res.body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw malformed(CARRIER, `${fieldPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`, res);
	}
	const tracking = parsed.data;
	if (tracking.error !== undefined && tracking.error !== null) throw errorFor(res, now);
	const events = tracking.trackingEvents ?? [];
	if (!tracking.statusCategory && events.length === 0) throw malformed(CARRIER, 'statusCategory: required (expand=DETAIL)', res);
	const { event, at } = latestEvent(events);
	const { status, detail } = mapUspsStatus(opt(tracking.statusCategory), opt(event?.eventCode));
	// No scan yet (electronic data only): "now" is the time of the observation.
	const occurredAt = at ?? toIsoDateTime(now.toISOString())!;
	const estimatedDelivery =
		status === 'delivered'
			? undefined
			: (toDateOrDateTime(tracking.expectedDeliveryTimeStamp) ??
				toDateOrDateTime(tracking.predictedDeliveryTimeStamp) ??
				toDateOrDateTime(tracking.expectedDeliveryDate) ??
				toDateOrDateTime(tracking.predictedDeliveryDate));
	const content = { provider: CARRIER, trackingNumber, status, detail, occurredAt, estimatedDelivery };
	const signedBy = status === 'delivered' ? opt(event?.name)?.trim() || undefined : undefined;
	return [
		compact({
			id: eventId(undefined, content),
			...content,
			carrier: CARRIER,
			service: opt(tracking.mailClass)?.trim() || undefined,
			providerStatus: opt(tracking.statusCategory) ?? undefined,
			providerSubStatus: opt(event?.eventCode) ?? undefined,
			carrierMessage: (opt(tracking.statusSummary) ?? opt(tracking.status) ?? opt(event?.eventType))?.trim() || undefined,
			location: event ? toLocation(event.eventCity, event.eventState, event.eventZIP, event.eventCountry) : undefined,
			destination: toLocation(tracking.destinationCity, tracking.destinationState, tracking.destinationZIP, tracking.destinationCountryCode),
			deliveredAt: status === 'delivered' ? occurredAt : undefined,
			signedBy,
			checkpointCount: events.length,
		}),
	];
}

async function trackOne(trackingNumber: string, ctx: CarrierContext): Promise<TrackResult> {
	return asResult(trackingNumber, async () => {
		const { baseUrl, grant } = credentials(ctx);
		const res = await withAccessToken(ctx, grant, (token) =>
			send(CARRIER, ctx.http, {
				method: 'GET',
				url: `${baseUrl}/tracking/v3/tracking/${encodeURIComponent(trackingNumber)}`,
				headers: { accept: 'application/json', authorization: `Bearer ${token}` },
				qs: { expand: 'DETAIL' },
			}),
		);
		return parseUspsResponse(trackingNumber, res, ctx.now?.() ?? new Date());
	});
}

export const uspsAdapter: CarrierAdapter = {
	id: CARRIER,
	displayName: 'USPS',
	credentialType: 'uspsApi',
	maxBatch: 1,
	/** USPS's default API quota is 60 requests per hour per app (developers.usps.com); more on request. */
	rateLimit: { requests: 60, perMs: 3_600_000 },

	async track(trackingNumbers: string[], ctx: CarrierContext): Promise<TrackResult[]> {
		return oneAtATime(trackingNumbers, (trackingNumber) => trackOne(trackingNumber, ctx));
	},

	async testCredentials(ctx: CarrierContext): Promise<void> {
		await testGrant(ctx, credentials(ctx).grant);
	},
};
