import { z } from 'zod';
import type { HttpResponse } from '../http';
import type { Location, ShipmentEvent } from '../model/event';
import { compact, compactOrUndefined, eventId, opt, toDateOrDateTime, toIsoDateTime } from '../model/build';
import { mapFedexStatus } from './fedex-status';
import { testGrant, withAccessToken, type ClientCredentialsGrant } from './oauth';
import { errorFromStatus, malformed, send } from './responses';
import { CarrierError, type CarrierAdapter, type CarrierContext, type TrackResult } from './types';

const CARRIER = 'fedex';
const DEFAULT_BASE_URL = 'https://apis.fedex.com';
/** FedEx Track API: up to 30 tracking numbers per request. */
const MAX_BATCH = 30;
const DAY_MS = 86_400_000;

const text = z.string().nullish();

const AddressSchema = z
	.object({ city: text, stateOrProvinceCode: text, postalCode: text, countryCode: text })
	.passthrough();

const ErrorSchema = z.object({ code: text, message: z.unknown() }).passthrough();

const ScanEventSchema = z
	.object({
		date: text,
		eventType: text,
		eventDescription: text,
		exceptionCode: text,
		exceptionDescription: text,
		derivedStatusCode: text,
		derivedStatus: text,
		scanLocation: AddressSchema.nullish(),
	})
	.passthrough();

const WindowSchema = z
	.object({ window: z.object({ begins: text, ends: text }).passthrough().nullish() })
	.passthrough();

const TrackResultSchema = z
	.object({
		trackingNumberInfo: z.object({ trackingNumber: text, trackingNumberUniqueId: text }).passthrough().nullish(),
		latestStatusDetail: z
			.object({
				code: text,
				derivedCode: text,
				statusByLocale: text,
				description: text,
				scanLocation: AddressSchema.nullish(),
				ancillaryDetails: z
					.array(z.object({ reason: text, reasonDescription: text, action: text, actionDescription: text }).passthrough())
					.nullish(),
				delayDetail: z.object({ type: text, subType: text, status: text }).passthrough().nullish(),
			})
			.passthrough()
			.nullish(),
		scanEvents: z.array(ScanEventSchema).nullish(),
		dateAndTimes: z.array(z.object({ type: text, dateTime: text }).passthrough()).nullish(),
		estimatedDeliveryTimeWindow: WindowSchema.nullish(),
		standardTransitTimeWindow: WindowSchema.nullish(),
		deliveryDetails: z.object({ receivedByName: text, signedByName: text, locationType: text }).passthrough().nullish(),
		serviceDetail: z.object({ description: text, type: text }).passthrough().nullish(),
		recipientInformation: z.object({ address: AddressSchema.nullish() }).passthrough().nullish(),
		error: ErrorSchema.nullish(),
	})
	.passthrough();

const CompleteTrackResultSchema = z
	.object({ trackingNumber: text, trackResults: z.array(z.unknown()).min(1) })
	.passthrough();

const ResponseSchema = z
	.object({ output: z.object({ completeTrackResults: z.array(CompleteTrackResultSchema) }).passthrough() })
	.passthrough();

const ErrorBodySchema = z.object({ errors: z.array(ErrorSchema).min(1) }).passthrough();

type FedexTrackResult = z.infer<typeof TrackResultSchema>;
type Address = z.infer<typeof AddressSchema>;

function baseUrl(ctx: CarrierContext): string {
	return (ctx.credentials.baseUrl?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

function grantFor(ctx: CarrierContext): ClientCredentialsGrant {
	const { clientId, clientSecret } = ctx.credentials;
	if (!clientId || !clientSecret) {
		throw new CarrierError(CARRIER, 'auth', 'fedex: the credential needs both the API key (client id) and the secret key');
	}
	return { carrier: CARRIER, tokenUrl: `${baseUrl(ctx)}/oauth/token`, clientId, clientSecret, clientAuth: 'body' };
}

/** Spaces and case do not make a different number. */
const normalizeNumber = (value: string) => value.replace(/\s+/g, '').toUpperCase();

function toLocation(address: Address | null | undefined): Location | undefined {
	if (!address) return undefined;
	return compactOrUndefined({
		city: opt(address.city) || undefined,
		state: opt(address.stateOrProvinceCode) || undefined,
		postalCode: opt(address.postalCode) || undefined,
		country: opt(address.countryCode) || undefined,
	});
}

function dateOf(result: FedexTrackResult, type: string): string | undefined {
	return opt(result.dateAndTimes?.find((entry) => entry.type === type)?.dateTime) ?? undefined;
}

/** The carrier's estimate: its window, else its estimated date, else its standard transit window. */
function estimate(result: FedexTrackResult): { estimatedDelivery?: string; estimatedDeliveryLatest?: string } {
	const window = result.estimatedDeliveryTimeWindow?.window;
	const standard = result.standardTransitTimeWindow?.window;
	const from =
		toDateOrDateTime(window?.begins) ??
		toDateOrDateTime(dateOf(result, 'ESTIMATED_DELIVERY')) ??
		toDateOrDateTime(window?.ends) ??
		toDateOrDateTime(standard?.ends);
	const until = toDateOrDateTime(window?.ends);
	return { estimatedDelivery: from, estimatedDeliveryLatest: until && until !== from ? until : undefined };
}

/** Where the receiver is not the addressee's own door (FedEx deliveryDetails.locationType). */
const THIRD_PARTY_LOCATIONS = new Set([
	'RECEPTIONIST_OR_FRONT_DESK',
	'SHIPPING_RECEIVING',
	'MAILROOM',
	'GUARD_OR_SECURITY_STATION',
	'GATE_HOUSE',
	'MANAGER_OFFICE',
	'MAIN_OFFICE',
	'LEASING_OFFICE',
	'RENTAL_OFFICE',
	'APARTMENT_OFFICE',
	'FEDEX_LOCATION',
]);

function toEvent(trackingNumber: string, result: FedexTrackResult, now: Date): ShipmentEvent {
	const latest = result.latestStatusDetail;
	const scans = result.scanEvents ?? [];
	// FedEx lists scans newest first; sort anyway, the order is not promised.
	const newest = [...scans]
		.map((scan) => ({ scan, at: toIsoDateTime(scan.date) }))
		.filter((entry) => entry.at)
		.sort((a, b) => Date.parse(b.at as string) - Date.parse(a.at as string))[0];
	const ancillary = latest?.ancillaryDetails?.[0];
	const mapped = mapFedexStatus({
		code: opt(latest?.code),
		derivedCode: opt(latest?.derivedCode),
		reasons: [opt(ancillary?.reasonDescription), opt(newest?.scan.exceptionDescription), opt(latest?.description)],
		delayType: opt(latest?.delayDetail?.type),
		delayStatus: opt(latest?.delayDetail?.status),
	});
	let detail = mapped.detail;
	const delivered = mapped.status === 'delivered';
	const signedByName = opt(result.deliveryDetails?.signedByName) || undefined;
	if (delivered && !detail) {
		if (THIRD_PARTY_LOCATIONS.has(opt(result.deliveryDetails?.locationType) ?? '')) detail = 'delivered_to_third_party';
		else if (signedByName) detail = 'delivered_signed';
	}
	const actualDelivery = toIsoDateTime(dateOf(result, 'ACTUAL_DELIVERY'));
	const occurredAt =
		newest?.at ??
		(delivered ? actualDelivery : undefined) ??
		toIsoDateTime(dateOf(result, 'ACTUAL_PICKUP')) ??
		toIsoDateTime(dateOf(result, 'SHIPMENT_DATA_RECEIVED')) ??
		(toIsoDateTime(now.toISOString()) as string);
	const { estimatedDelivery, estimatedDeliveryLatest } = estimate(result);
	const content = { provider: CARRIER, trackingNumber, status: mapped.status, detail, occurredAt, estimatedDelivery };
	const description = opt(latest?.description) ?? opt(latest?.statusByLocale) ?? opt(newest?.scan.eventDescription);
	const reason = opt(ancillary?.reasonDescription);
	return compact({
		id: eventId(undefined, content),
		...content,
		providerTrackingId: opt(result.trackingNumberInfo?.trackingNumberUniqueId) || undefined,
		carrier: CARRIER,
		service: opt(result.serviceDetail?.description) ?? undefined,
		providerStatus: opt(latest?.code) ?? opt(latest?.derivedCode) ?? undefined,
		providerSubStatus: opt(ancillary?.reason) ?? opt(newest?.scan.exceptionCode) ?? undefined,
		carrierMessage: reason && description ? `${description}: ${reason}` : (description ?? reason),
		location: toLocation(newest?.scan.scanLocation) ?? toLocation(latest?.scanLocation),
		destination: toLocation(result.recipientInformation?.address),
		estimatedDeliveryLatest,
		deliveredAt: delivered ? (actualDelivery ?? occurredAt) : undefined,
		signedBy: delivered ? (signedByName ?? (opt(result.deliveryDetails?.receivedByName) || undefined)) : undefined,
		trackingUrl: `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(trackingNumber)}`,
		checkpointCount: scans.length,
	});
}

/** A per-number error inside a 200: NOTFOUND codes are 'not_found', anything else is about the number. */
function resultError(error: z.infer<typeof ErrorSchema>): CarrierError {
	const code = opt(error.code) ?? 'unknown';
	if (/NOTFOUND$/i.test(code)) {
		return new CarrierError(CARRIER, 'not_found', `fedex: tracking number not found (${code})`, { httpStatus: 200, providerCode: code });
	}
	return new CarrierError(CARRIER, 'invalid_request', `fedex: the number was refused (${code})`, { httpStatus: 200, providerCode: code });
}

/** One number's answer from its completeTrackResult (several trackResults when FedEx has duplicates). */
function resultFor(trackingNumber: string, trackResults: unknown[], res: HttpResponse, now: Date): TrackResult {
	const parsed = trackResults.map((entry) => TrackResultSchema.safeParse(entry));
	const valid = parsed.flatMap((entry) => (entry.success ? [entry.data] : []));
	if (valid.length === 0) return { trackingNumber, ok: false, error: malformed(CARRIER, 'trackResults[] is not the documented shape', res) };
	const usable = valid.find((entry) => !entry.error);
	if (!usable) return { trackingNumber, ok: false, error: resultError(valid[0].error as z.infer<typeof ErrorSchema>) };
	return { trackingNumber, ok: true, events: [toEvent(trackingNumber, usable, now)] };
}

/** When a daily quota is spent FedEx says so and resets at midnight GMT, without Retry-After. */
function withQuotaReset(error: CarrierError, body: unknown, now: Date): CarrierError {
	if (error.code !== 'rate_limited' || error.details.retryAfterMs !== undefined) return error;
	const parsed = ErrorBodySchema.safeParse(body);
	const message = parsed.success ? String(parsed.data.errors[0].message ?? '') : '';
	if (!/daily|quota/i.test(message)) return error;
	const retryAfterMs = DAY_MS - (now.getTime() % DAY_MS);
	return new CarrierError(CARRIER, 'rate_limited', error.message, { ...error.details, retryAfterMs });
}

function firstErrorCode(body: unknown): string | undefined {
	const parsed = ErrorBodySchema.safeParse(body);
	return parsed.success ? (opt(parsed.data.errors[0].code) ?? undefined) : undefined;
}

async function trackBatch(trackingNumbers: string[], ctx: CarrierContext): Promise<TrackResult[]> {
	const now = ctx.now?.() ?? new Date();
	const url = `${baseUrl(ctx)}/track/v1/trackingnumbers`;
	const json = {
		includeDetailedScans: true,
		trackingInfo: trackingNumbers.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
	};
	const res = await withAccessToken(ctx, grantFor(ctx), (token) =>
		send(CARRIER, ctx.http, {
			method: 'POST',
			url,
			headers: { authorization: `Bearer ${token}`, 'x-locale': 'en_US', 'content-type': 'application/json', accept: 'application/json' },
			json,
		}),
	);
	if (res.status < 200 || res.status >= 300) {
		throw withQuotaReset(errorFromStatus(CARRIER, res, firstErrorCode(res.body), now), res.body, now);
	}
	const parsed = ResponseSchema.safeParse(res.body);
	if (!parsed.success) {
		// A 200 with only errors[] (seen for a request whose every number is unknown).
		const errors = ErrorBodySchema.safeParse(res.body);
		if (errors.success) return trackingNumbers.map((trackingNumber) => ({ trackingNumber, ok: false, error: resultError(errors.data.errors[0]) }));
		throw malformed(CARRIER, 'no output.completeTrackResults[]', res);
	}
	const completes = parsed.data.output.completeTrackResults;
	const byNumber = new Map<string, unknown[]>();
	for (const complete of completes) {
		const key = normalizeNumber(opt(complete.trackingNumber) ?? '');
		if (key && !byNumber.has(key)) byNumber.set(key, complete.trackResults);
	}
	// Matched by number; by position only when FedEx leaves the number out and the counts agree.
	const byPosition = completes.length === trackingNumbers.length;
	return trackingNumbers.map((trackingNumber, index) => {
		const positional = byPosition && !completes[index].trackingNumber ? completes[index].trackResults : undefined;
		const trackResults = byNumber.get(normalizeNumber(trackingNumber)) ?? positional;
		if (!trackResults) return { trackingNumber, ok: false, error: malformed(CARRIER, 'no result for one of the numbers asked', res) };
		return resultFor(trackingNumber, trackResults, res, now);
	});
}

export const fedexAdapter: CarrierAdapter = {
	id: CARRIER,
	displayName: 'FedEx',
	credentialType: 'fedExApi',
	maxBatch: MAX_BATCH,
	// Track capability: 100,000 requests a day per project (FedEx quotas & rate limits guide); its
	// 1,400 per 10 s burst limit is never reached at this even spacing.
	rateLimit: { requests: 100_000, perMs: DAY_MS },

	async track(trackingNumbers: string[], ctx: CarrierContext): Promise<TrackResult[]> {
		const results: TrackResult[] = [];
		// More than maxBatch still works, one request per 30; the poller never asks for more.
		for (let start = 0; start < trackingNumbers.length; start += MAX_BATCH) {
			const batch = trackingNumbers.slice(start, start + MAX_BATCH);
			try {
				results.push(...(await trackBatch(batch, ctx)));
			} catch (error) {
				// A refusal of the whole request is every number's answer.
				if (!(error instanceof CarrierError)) throw error;
				results.push(...batch.map((trackingNumber): TrackResult => ({ trackingNumber, ok: false, error })));
			}
		}
		return results;
	},

	async testCredentials(ctx: CarrierContext): Promise<void> {
		await testGrant(ctx, grantFor(ctx));
	},
};
