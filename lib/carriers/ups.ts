import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { HttpResponse } from '../http';
import type { Location, ShipmentEvent } from '../model/event';
import { compact, compactOrUndefined, eventId, fieldPath, opt, toIsoDateTime } from '../model/build';
import { testGrant, withAccessToken, type ClientCredentialsGrant } from './oauth';
import { asResult, errorFromStatus, malformed, oneAtATime, send } from './responses';
import { CarrierError, type CarrierAdapter, type CarrierContext, type TrackResult } from './types';
import { mapUpsStatus } from './ups-status';

/**
 * UPS Track API v1 (developer.ups.com; OpenAPI: UPS-API/api-documentation Tracking.yaml).
 * One number per request. The adapter returns the current state as ONE event (newest last holds
 * trivially) with `checkpointCount`: the poller emits changes of state, not every past scan.
 */
const CARRIER = 'ups';
const DEFAULT_BASE_URL = 'https://onlinetools.ups.com';
/** Identifies this integration to UPS (the `transactionSrc` header is required). */
const TRANSACTION_SRC = 'n8n-postpurchase';
/**
 * UPS's codes for "no tracking information": 151044 on a 404 (Track API errors page) and the
 * TW0001 warning of a 200 that carries no package.
 */
const NOT_FOUND_CODES = new Set(['151044', 'TW0001']);

const text = z.string().nullish();

const StatusSchema = z
	.object({ type: text, code: text, statusCode: text, description: text, simplifiedTextDescription: text })
	.passthrough();
const AddressSchema = z
	.object({ city: text, stateProvince: text, postalCode: text, country: text, countryCode: text })
	.passthrough();
const ActivitySchema = z
	.object({
		date: text, // YYYYMMDD, local to the scan
		time: text, // HHMMSS, local to the scan
		gmtDate: text,
		gmtTime: text, // seen both as HHMMSS and HH:MM:SS
		gmtOffset: text, // -05:00
		location: z.object({ address: AddressSchema.nullish() }).passthrough().nullish(),
		status: StatusSchema.nullish(),
	})
	.passthrough();
const PackageSchema = z
	.object({
		trackingNumber: text,
		currentStatus: StatusSchema.nullish(),
		activity: z.array(ActivitySchema).nullish(),
		deliveryDate: z.array(z.object({ type: text, date: text }).passthrough()).nullish(),
		deliveryTime: z.object({ type: text, startTime: text, endTime: text }).passthrough().nullish(),
		deliveryInformation: z.object({ receivedBy: text, location: text }).passthrough().nullish(),
		service: z.object({ code: text, description: text }).passthrough().nullish(),
		packageAddress: z.array(z.object({ type: text, address: AddressSchema.nullish() }).passthrough()).nullish(),
	})
	.passthrough();
const MessageSchema = z.object({ code: z.union([z.string(), z.number()]).nullish(), message: text }).passthrough();
const TrackApiResponseSchema = z
	.object({
		trackResponse: z
			.object({
				shipment: z
					.array(
						z
							.object({ inquiryNumber: text, package: z.array(PackageSchema).nullish(), warnings: z.array(MessageSchema).nullish() })
							.passthrough(),
					)
					.min(1),
			})
			.passthrough(),
	})
	.passthrough();
const ErrorResponseSchema = z.object({ response: z.object({ errors: z.array(MessageSchema).nullish() }).passthrough() }).passthrough();

type Package = z.infer<typeof PackageSchema>;
type Activity = z.infer<typeof ActivitySchema>;

function credentials(ctx: CarrierContext): { baseUrl: string; grant: ClientCredentialsGrant } {
	const { clientId, clientSecret } = ctx.credentials;
	if (!clientId || !clientSecret) throw new CarrierError(CARRIER, 'auth', 'ups: the credential has no client id or client secret');
	const baseUrl = (ctx.credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	// Tracking.yaml: clientCredentials flow, x-tokenEndpointAuthMethod client_secret_basic.
	const grant: ClientCredentialsGrant = { carrier: CARRIER, tokenUrl: `${baseUrl}/security/v1/oauth/token`, clientId, clientSecret, clientAuth: 'basic' };
	return { baseUrl, grant };
}

/** YYYYMMDD → YYYY-MM-DD. */
function upsDate(value: string | null | undefined): string | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value?.trim() ?? '');
	return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** HHMMSS, HMMSS or HH:MM:SS → HH:MM:SS. */
function upsTime(value: string | null | undefined): string | undefined {
	const digits = value?.trim().replace(/:/g, '') ?? '';
	if (!/^\d{3,6}$/.test(digits)) return undefined;
	const padded = digits.padStart(6, '0');
	return `${padded.slice(0, 2)}:${padded.slice(2, 4)}:${padded.slice(4, 6)}`;
}

/** -05:00, -0500 or -5 → -05:00. */
function upsOffset(value: string | null | undefined): string | undefined {
	const match = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(value?.trim() ?? '');
	return match ? `${match[1]}${match[2]!.padStart(2, '0')}:${match[3] ?? '00'}` : undefined;
}

/** The scan's local time with its GMT offset; else its GMT time; else local read as UTC. */
function activityTime(activity: Activity): string | undefined {
	const date = upsDate(activity.date);
	const time = upsTime(activity.time);
	const offset = upsOffset(activity.gmtOffset);
	if (date && time && offset) return toIsoDateTime(`${date}T${time}${offset}`);
	const gmtDate = upsDate(activity.gmtDate);
	const gmtTime = upsTime(activity.gmtTime);
	if (gmtDate && gmtTime) return toIsoDateTime(`${gmtDate}T${gmtTime}Z`);
	return date ? toIsoDateTime(`${date}T${time ?? '00:00:00'}`) : undefined;
}

/** UPS lists activities newest first; sorting by instant guards against a response that does not. */
function latestActivity(activities: Activity[]): { activity?: Activity; at?: string } {
	let best: { activity?: Activity; at?: string } = { activity: activities[0], at: activities[0] && activityTime(activities[0]) };
	for (const activity of activities.slice(1)) {
		const at = activityTime(activity);
		if (at && (!best.at || Date.parse(at) > Date.parse(best.at))) best = { activity, at };
	}
	return best;
}

function toLocation(address: z.infer<typeof AddressSchema> | null | undefined): Location | undefined {
	if (!address) return undefined;
	return compactOrUndefined({
		city: opt(address.city)?.trim() || undefined,
		state: opt(address.stateProvince)?.trim() || undefined,
		postalCode: opt(address.postalCode)?.trim() || undefined,
		country: (opt(address.countryCode) ?? opt(address.country))?.trim() || undefined,
	});
}

/**
 * The carrier's estimate: the rescheduled date (RDD) over the scheduled one (SDD). A window
 * (EDW/CDW/IDW) or commit time (CMT) is local to the destination and UPS gives no offset for it;
 * windows appear once the parcel is near, so the latest scan's offset stands in. Without one the
 * estimate stays a calendar date.
 */
function estimate(pkg: Package, offset: string | undefined): Pick<ShipmentEvent, 'estimatedDelivery' | 'estimatedDeliveryLatest'> {
	const dates = pkg.deliveryDate ?? [];
	const date = upsDate((dates.find((d) => d.type === 'RDD') ?? dates.find((d) => d.type === 'SDD'))?.date);
	if (!date) return {};
	const window = pkg.deliveryTime;
	const start = upsTime(window?.startTime);
	const end = upsTime(window?.endTime);
	const at = (time: string | undefined) => (time && offset ? toIsoDateTime(`${date}T${time}${offset}`) : undefined);
	if (window?.type === 'EDW' || window?.type === 'CDW' || window?.type === 'IDW') {
		return { estimatedDelivery: at(start) ?? date, estimatedDeliveryLatest: at(end) };
	}
	if (window?.type === 'CMT') return { estimatedDelivery: date, estimatedDeliveryLatest: at(end) };
	return { estimatedDelivery: date };
}

/** Where it was left, when UPS says: a named receiver signed, a place means a safe place. */
const SAFE_PLACE = /door|porch|garage|mailbox|locker|reception|front desk|concierge|neighbo|back|side|dock|office/i;

function toEvent(trackingNumber: string, pkg: Package, now: Date): ShipmentEvent {
	const activities = pkg.activity ?? [];
	const { activity, at } = latestActivity(activities);
	const current = pkg.currentStatus ?? activity?.status ?? {};
	const descriptions = [opt(activity?.status?.description), opt(current.description)].filter(Boolean).join(' | ');
	let { status, detail } = mapUpsStatus({
		type: opt(current.type) ?? opt(activity?.status?.type),
		code: opt(current.code) ?? opt(activity?.status?.code),
		statusCode: opt(current.statusCode) ?? opt(activity?.status?.statusCode),
		description: descriptions,
	});
	const signedBy = opt(pkg.deliveryInformation?.receivedBy)?.trim() || undefined;
	if (status === 'delivered' && !detail) {
		if (signedBy) detail = 'delivered_signed';
		else if (SAFE_PLACE.test(opt(pkg.deliveryInformation?.location) ?? '')) detail = 'delivered_to_third_party';
	}
	// No scan yet (label data only): "now" is the time of the observation.
	const occurredAt = at ?? toIsoDateTime(now.toISOString())!;
	const { estimatedDelivery, estimatedDeliveryLatest } = status === 'delivered' ? {} : estimate(pkg, upsOffset(activity?.gmtOffset));
	const content = { provider: CARRIER, trackingNumber, status, detail, occurredAt, estimatedDelivery };
	const destination = pkg.packageAddress?.find((entry) => entry.type?.toUpperCase() === 'DESTINATION');
	return compact({
		id: eventId(undefined, content),
		...content,
		carrier: CARRIER,
		service: opt(pkg.service?.description)?.trim() || undefined,
		providerStatus: opt(current.type) ?? undefined,
		providerSubStatus: opt(current.statusCode) ?? opt(current.code) ?? undefined,
		carrierMessage: (opt(activity?.status?.description) ?? opt(current.description))?.trim() || undefined,
		location: toLocation(activity?.location?.address),
		destination: toLocation(destination?.address),
		estimatedDeliveryLatest,
		deliveredAt: status === 'delivered' ? occurredAt : undefined,
		signedBy: status === 'delivered' ? signedBy : undefined,
		checkpointCount: activities.length,
	});
}

function notFound(res: HttpResponse, providerCode: string | undefined): CarrierError {
	return new CarrierError(CARRIER, 'not_found', `ups: tracking number not found${providerCode ? ` (${providerCode})` : ''}`, {
		httpStatus: res.status,
		providerCode,
	});
}

/** The response of one lookup as events, or the CarrierError it means. */
export function parseUpsResponse(trackingNumber: string, res: HttpResponse, now = new Date()): ShipmentEvent[] {
	if (res.status < 200 || res.status >= 300) {
		const errors = ErrorResponseSchema.safeParse(res.body);
		const code = errors.success ? errors.data.response.errors?.[0]?.code : undefined;
		const providerCode = code === null || code === undefined ? undefined : String(code);
		if (res.status === 404 || (providerCode && NOT_FOUND_CODES.has(providerCode))) throw notFound(res, providerCode);
		throw errorFromStatus(CARRIER, res, providerCode, now);
	}
	if (typeof res.body !== 'object' || res.body === null) throw malformed(CARRIER, 'the body is not JSON', res);
	const parsed = TrackApiResponseSchema.safeParse(res.body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw malformed(CARRIER, `${fieldPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`, res);
	}
	const shipment = parsed.data.trackResponse.shipment[0]!;
	const packages = shipment.package ?? [];
	const wanted = trackingNumber.replace(/\s/g, '').toUpperCase();
	const pkg = packages.find((p) => p.trackingNumber?.replace(/\s/g, '').toUpperCase() === wanted) ?? packages[0];
	if (!pkg) {
		const warning = opt(shipment.warnings?.[0]?.code);
		throw notFound(res, warning === undefined ? undefined : String(warning));
	}
	return [toEvent(trackingNumber, pkg, now)];
}

async function trackOne(trackingNumber: string, ctx: CarrierContext): Promise<TrackResult> {
	return asResult(trackingNumber, async () => {
		const { baseUrl, grant } = credentials(ctx);
		const res = await withAccessToken(ctx, grant, (token) =>
			send(CARRIER, ctx.http, {
				method: 'GET',
				url: `${baseUrl}/api/track/v1/details/${encodeURIComponent(trackingNumber)}`,
				headers: {
					accept: 'application/json',
					authorization: `Bearer ${token}`,
					// Unique per request, at most 32 characters (Tracking.yaml, header transId).
					transId: randomUUID().replace(/-/g, ''),
					transactionSrc: TRANSACTION_SRC,
				},
				qs: { locale: 'en_US', returnSignature: 'false' },
			}),
		);
		return parseUpsResponse(trackingNumber, res, ctx.now?.() ?? new Date());
	});
}

export const upsAdapter: CarrierAdapter = {
	id: CARRIER,
	displayName: 'UPS',
	credentialType: 'upsApi',
	maxBatch: 1,
	/**
	 * UPS publishes no fixed Track API quota: it answers 429 when an app's throttle is exceeded
	 * (the limit depends on the account). Integrators commonly cite about 20 requests per second
	 * for production keys; half of that leaves headroom for other apps on the same account.
	 */
	rateLimit: { requests: 10, perMs: 1000 },

	async track(trackingNumbers: string[], ctx: CarrierContext): Promise<TrackResult[]> {
		return oneAtATime(trackingNumbers, (trackingNumber) => trackOne(trackingNumber, ctx));
	},

	async testCredentials(ctx: CarrierContext): Promise<void> {
		await testGrant(ctx, credentials(ctx).grant);
	},
};
