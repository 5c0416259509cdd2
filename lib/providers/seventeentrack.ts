import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Location, ShipmentEvent } from '../model/event';
import { constantTimeEqual, headerValue, normalizeCarrier } from './common';
import { compact, compactOrUndefined, eventId, opt, parseWith, toDateOrDateTime, toIsoDateTime } from '../model/build';
import { mapSeventeenTrackStatus } from './seventeentrack-status';
import { type Headers, type WebhookProvider, type WebhookSecrets } from './types';
import { PayloadError } from '../model/errors';

const PROVIDER = 'seventeentrack';
const SIGNATURE_HEADER = 'sign';

/**
 * 17TRACK's numeric carrier codes for the carriers this package names in the courier_code spelling;
 * others fall back to the provider name 17TRACK gives, then to the number itself.
 */
export const SEVENTEENTRACK_CARRIERS: Record<number, string> = {
	21051: 'usps',
	100001: 'dhl',
	100002: 'ups',
	100003: 'fedex',
};

const text = z.string().nullish();

const AddressSchema = z
	.object({ country: text, state: text, city: text, street: text, postal_code: text })
	.passthrough();

const EventSchema = z
	.object({
		time_iso: text,
		time_utc: text,
		description: text,
		location: text,
		stage: text,
		sub_status: text,
		address: AddressSchema.nullish(),
	})
	.passthrough();

const TrackInfoSchema = z
	.object({
		latest_status: z.object({ status: z.string().min(1), sub_status: text, sub_status_descr: text }).passthrough(),
		latest_event: EventSchema.nullish(),
		time_metrics: z
			.object({
				estimated_delivery_date: z.object({ source: text, from: text, to: text }).passthrough().nullish(),
			})
			.passthrough()
			.nullish(),
		milestone: z.array(z.unknown()).nullish(),
		tracking: z
			.object({
				providers: z
					.array(
						z
							.object({
								provider: z.object({ key: z.number().nullish(), name: text }).passthrough().nullish(),
								latest_sync_time: text,
								events: z.array(EventSchema).nullish(),
							})
							.passthrough(),
					)
					.nullish(),
			})
			.passthrough()
			.nullish(),
	})
	.passthrough();

/** One number's data: the webhook's `data`, and each `accepted` entry of gettrackinfo. */
const TrackedNumberSchema = z
	.object({
		number: z.string().min(1),
		carrier: z.number().nullish(),
		param: z.unknown().optional(),
		tag: text,
		track_info: TrackInfoSchema,
	})
	.passthrough();

const EnvelopeSchema = z.object({ event: z.string().min(1), data: z.unknown() }).passthrough();

type TrackedNumber = z.infer<typeof TrackedNumberSchema>;

function toLocation(address: z.infer<typeof AddressSchema> | null | undefined): Location | undefined {
	if (!address) return undefined;
	return compactOrUndefined({
		city: opt(address.city),
		state: opt(address.state),
		postalCode: opt(address.postal_code),
		country: opt(address.country),
	});
}

function carrierOf(entry: TrackedNumber): string | undefined {
	const code = opt(entry.carrier);
	if (code !== undefined && SEVENTEENTRACK_CARRIERS[code]) return SEVENTEENTRACK_CARRIERS[code];
	const name = opt(entry.track_info.tracking?.providers?.[0]?.provider?.name);
	return normalizeCarrier(name) ?? (code !== undefined && code > 0 ? String(code) : undefined);
}

function toEvent(entry: TrackedNumber, prefix: string): ShipmentEvent {
	const info = entry.track_info;
	const latest = info.latest_event ?? undefined;
	const providers = info.tracking?.providers ?? [];
	const occurredAt =
		toIsoDateTime(latest?.time_utc) ?? toIsoDateTime(latest?.time_iso) ?? toIsoDateTime(providers[0]?.latest_sync_time);
	if (!occurredAt) {
		throw new PayloadError(PROVIDER, `${prefix}.track_info.latest_event.time_utc`, 'required (ISO date-time) when no provider sync time is given');
	}
	const subStatus = opt(info.latest_status.sub_status);
	const { status, detail } = mapSeventeenTrackStatus(info.latest_status.status, subStatus);
	const window = info.time_metrics?.estimated_delivery_date;
	const estimatedDelivery = toDateOrDateTime(window?.from) ?? toDateOrDateTime(window?.to);
	const latestBound = toDateOrDateTime(window?.to);
	const content = { provider: PROVIDER, trackingNumber: entry.number, status, detail, occurredAt, estimatedDelivery };
	const carrierCode = opt(entry.carrier);
	return compact({
		// 17TRACK gives no event id: the content digest is the id.
		id: eventId(undefined, content),
		...content,
		providerTrackingId: carrierCode ? `${carrierCode}/${entry.number}` : entry.number,
		carrier: carrierOf(entry),
		providerStatus: info.latest_status.status,
		providerSubStatus: subStatus,
		carrierMessage: opt(latest?.description),
		location: toLocation(latest?.address),
		estimatedDeliveryLatest: latestBound !== estimatedDelivery ? latestBound : undefined,
		deliveredAt: status === 'delivered' ? occurredAt : undefined,
		// The register call's `tag` is where this package keeps the order number.
		orderNumber: opt(entry.tag),
		checkpointCount: providers.reduce((sum, provider) => sum + (provider.events?.length ?? 0), 0),
	});
}

/** One `accepted` entry of POST /track/v2.2/gettrackinfo as an event, for the API client. */
export function seventeenTrackEvent(entry: unknown): ShipmentEvent {
	return toEvent(parseWith(PROVIDER, TrackedNumberSchema, entry, ['body']), 'body');
}

export const seventeentrack: WebhookProvider = {
	id: PROVIDER,
	displayName: '17TRACK',
	credentialType: 'seventeenTrackApi',
	// 17TRACK signs pushes with the API's security key, not a webhook secret of its own.
	secretField: 'apiKey',
	signatureHeaders: [SIGNATURE_HEADER],

	/**
	 * `sign` is the hex SHA-256 of the raw body, a "/" and the account's security key (the API key:
	 * pass the credential's apiKey as webhookSecret). A plain digest, not an HMAC, as 17TRACK defines it.
	 */
	verify(rawBody: Buffer, headers: Headers, secrets: WebhookSecrets): boolean {
		const received = headerValue(headers, SIGNATURE_HEADER);
		if (!received || !secrets.webhookSecret) return false;
		const expected = createHash('sha256')
			.update(rawBody)
			.update(`/${secrets.webhookSecret}`, 'utf8')
			.digest('hex');
		return constantTimeEqual(received.toLowerCase(), expected);
	},

	normalize(payload: unknown): ShipmentEvent[] {
		const envelope = parseWith(PROVIDER, EnvelopeSchema, payload);
		// TRACKING_STOPPED only says 17TRACK stopped following the number; the last update stands.
		if (envelope.event !== 'TRACKING_UPDATED') return [];
		return [toEvent(parseWith(PROVIDER, TrackedNumberSchema, envelope.data, ['data']), 'data')];
	},
};
