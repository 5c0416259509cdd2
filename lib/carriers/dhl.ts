import { z } from 'zod';
import type { HttpResponse } from '../http';
import type { Location, ShipmentEvent } from '../model/event';
import { compact, compactOrUndefined, eventId, opt, toDateOrDateTime, toIsoDateTime } from '../model/build';
import { mapDhlStatus } from './dhl-status';
import { errorFromStatus, malformed, send } from './responses';
import { CarrierError, type CarrierAdapter, type CarrierContext, type TrackResult } from './types';

const CARRIER = 'dhl';
const DEFAULT_BASE_URL = 'https://api-eu.dhl.com';
const DAY_MS = 86_400_000;
/** A number no DHL division issues: the cheapest call that still needs an accepted key. */
const PROBE_NUMBER = '0000000000';

const text = z.string().nullish();

const PlaceSchema = z
	.object({
		address: z
			.object({ addressLocality: text, addressRegion: text, postalCode: text, countryCode: text })
			.passthrough()
			.nullish(),
	})
	.passthrough();

const StatusSchema = z
	.object({
		timestamp: z.string().min(1),
		location: PlaceSchema.nullish(),
		statusCode: text,
		status: text,
		statusDetailed: text,
		description: text,
		remark: text,
		nextSteps: text,
	})
	.passthrough();

const PersonSchema = z.object({ name: text, givenName: text, familyName: text }).passthrough();

const ShipmentSchema = z
	.object({
		id: text,
		service: text,
		origin: PlaceSchema.nullish(),
		destination: PlaceSchema.nullish(),
		status: StatusSchema,
		estimatedTimeOfDelivery: text,
		estimatedDeliveryTimeFrame: z.object({ estimatedFrom: text, estimatedThrough: text }).passthrough().nullish(),
		serviceUrl: text,
		returnFlag: z.boolean().nullish(),
		details: z
			.object({
				product: z.object({ productName: text }).passthrough().nullish(),
				proofOfDelivery: z.object({ timestamp: text, signed: PersonSchema.nullish() }).passthrough().nullish(),
			})
			.passthrough()
			.nullish(),
		events: z.array(z.unknown()).nullish(),
	})
	.passthrough();

const ResponseSchema = z.object({ shipments: z.array(z.unknown()) }).passthrough();

/** RFC 7807 problem detail, DHL's error body (404 and most 4xx). */
const ProblemSchema = z.object({ title: text, status: z.union([z.number(), z.string()]).nullish(), detail: text }).passthrough();

type Shipment = z.infer<typeof ShipmentSchema>;

function baseUrl(ctx: CarrierContext): string {
	return (ctx.credentials.baseUrl?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

function toLocation(place: z.infer<typeof PlaceSchema> | null | undefined): Location | undefined {
	const address = place?.address;
	if (!address) return undefined;
	return compactOrUndefined({
		city: opt(address.addressLocality) || undefined,
		state: opt(address.addressRegion) || undefined,
		postalCode: opt(address.postalCode) || undefined,
		country: opt(address.countryCode) || undefined,
	});
}

function signer(person: z.infer<typeof PersonSchema> | null | undefined): string | undefined {
	if (!person) return undefined;
	const name = opt(person.name) || [opt(person.givenName), opt(person.familyName)].filter(Boolean).join(' ');
	return name || undefined;
}

/**
 * The shipment's current state as one event. DHL times without an offset are local to the event's
 * place (API note); with no zone to hand they are read as UTC, the project's documented assumption.
 */
function toEvent(trackingNumber: string, shipment: Shipment): ShipmentEvent {
	const current = shipment.status;
	const words = [current.status, current.statusDetailed, current.description, current.remark].map((part) => opt(part) ?? '').join(' ');
	const { status, detail } = mapDhlStatus(opt(current.statusCode), words, shipment.returnFlag === true);
	const occurredAt = toIsoDateTime(current.timestamp) as string;
	const frame = shipment.estimatedDeliveryTimeFrame;
	const estimatedDelivery = toDateOrDateTime(frame?.estimatedFrom) ?? toDateOrDateTime(shipment.estimatedTimeOfDelivery) ?? toDateOrDateTime(frame?.estimatedThrough);
	const latest = toDateOrDateTime(frame?.estimatedThrough);
	const content = { provider: CARRIER, trackingNumber, status, detail, occurredAt, estimatedDelivery };
	const delivered = status === 'delivered' || status === 'returned';
	const proof = shipment.details?.proofOfDelivery;
	const message = [opt(current.status), opt(current.description)].filter((part, i, all) => part && all.indexOf(part) === i).join(': ');
	return compact({
		id: eventId(undefined, content),
		...content,
		carrier: CARRIER,
		service: opt(shipment.details?.product?.productName) ?? opt(shipment.service) ?? undefined,
		providerStatus: opt(current.statusCode) ?? undefined,
		providerSubStatus: opt(current.statusDetailed) ?? opt(current.status) ?? undefined,
		carrierMessage: message || undefined,
		location: toLocation(current.location),
		destination: toLocation(shipment.destination),
		estimatedDeliveryLatest: latest && latest !== estimatedDelivery ? latest : undefined,
		deliveredAt: delivered ? (toIsoDateTime(proof?.timestamp) ?? occurredAt) : undefined,
		signedBy: delivered ? signer(proof?.signed) : undefined,
		trackingUrl: opt(shipment.serviceUrl) ?? `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${encodeURIComponent(trackingNumber)}`,
		checkpointCount: shipment.events?.length ?? 0,
	});
}

function notFound(trackingNumber: string, res: HttpResponse, providerCode?: string): TrackResult {
	return { trackingNumber, ok: false, error: errorFromStatus(CARRIER, { ...res, status: 404 }, providerCode) };
}

function problemTitle(body: unknown): string | undefined {
	const parsed = ProblemSchema.safeParse(body);
	// The title is DHL's fixed wording ("No shipment with given tracking number found"), not the number.
	return parsed.success ? (opt(parsed.data.title) ?? undefined) : undefined;
}

async function request(trackingNumber: string, ctx: CarrierContext): Promise<HttpResponse> {
	const apiKey = ctx.credentials.apiKey;
	if (!apiKey) throw new CarrierError(CARRIER, 'auth', 'dhl: the credential has no API key');
	const qs: Record<string, string> = { trackingNumber, language: 'en' };
	// A service hint stops DHL answering with another division's shipment of the same number.
	if (ctx.credentials.service) qs.service = ctx.credentials.service;
	return send(CARRIER, ctx.http, {
		method: 'GET',
		url: `${baseUrl(ctx)}/track/shipments`,
		headers: { 'DHL-API-Key': apiKey, accept: 'application/json' },
		qs,
	});
}

async function trackOne(trackingNumber: string, ctx: CarrierContext, now: Date): Promise<TrackResult> {
	const res = await request(trackingNumber, ctx);
	if (res.status === 404) return notFound(trackingNumber, res, problemTitle(res.body));
	if (res.status < 200 || res.status >= 300) throw errorFromStatus(CARRIER, res, problemTitle(res.body), now);
	const parsed = ResponseSchema.safeParse(res.body);
	if (!parsed.success) throw malformed(CARRIER, 'no shipments[]', res);
	const shipments = parsed.data.shipments.map((entry) => ShipmentSchema.safeParse(entry));
	if (shipments.length === 0) return notFound(trackingNumber, res);
	const valid = shipments.flatMap((entry) => (entry.success ? [entry.data] : []));
	if (valid.length === 0) return { trackingNumber, ok: false, error: malformed(CARRIER, 'shipments[] is not the documented shape', res) };
	// Several divisions may know the number; the one whose id is the number asked for is ours.
	const wanted = trackingNumber.replace(/\s+/g, '').toUpperCase();
	const shipment = valid.find((entry) => opt(entry.id)?.replace(/\s+/g, '').toUpperCase() === wanted) ?? valid[0];
	return { trackingNumber, ok: true, events: [toEvent(trackingNumber, shipment)] };
}

export const dhlAdapter: CarrierAdapter = {
	id: CARRIER,
	displayName: 'DHL',
	credentialType: 'dhlApi',
	// GET /track/shipments takes one trackingNumber (a single string in the OpenAPI 1.5.8 spec).
	maxBatch: 1,
	// The default (starter) quota of Shipment Tracking - Unified: 250 calls a day, reset at 00:00 GMT.
	// Spaced evenly that is one call every ~6 minutes, well under the per-second limit.
	rateLimit: { requests: 250, perMs: DAY_MS },

	async track(trackingNumbers: string[], ctx: CarrierContext): Promise<TrackResult[]> {
		const now = ctx.now?.() ?? new Date();
		const results: TrackResult[] = [];
		// One request per number, one after the other: the quota allows no bursts.
		for (const trackingNumber of trackingNumbers) {
			try {
				results.push(await trackOne(trackingNumber, ctx, now));
			} catch (error) {
				if (!(error instanceof CarrierError)) throw error;
				results.push({ trackingNumber, ok: false, error });
			}
		}
		return results;
	},

	async testCredentials(ctx: CarrierContext): Promise<void> {
		// DHL checks the key before it looks the number up: 404 proves the key, 401/403 refuse it.
		const res = await request(PROBE_NUMBER, ctx);
		if (res.status === 404 || (res.status >= 200 && res.status < 300)) return;
		throw errorFromStatus(CARRIER, res, problemTitle(res.body), ctx.now?.() ?? new Date());
	},
};
