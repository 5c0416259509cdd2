import { z } from 'zod';
import type { Location, ShipmentEvent } from '../model/event';
import { constantTimeEqual, headerValue, hmacSha256, normalizeCarrier } from './common';
import { compact, compactOrUndefined, eventId, opt, toDateOrDateTime, toIsoDateTime, parseWith } from '../model/build';
import { mapEasypostStatus } from './easypost-status';
import { type Headers, type WebhookProvider, type WebhookSecrets } from './types';
import { PayloadError } from '../model/errors';

const PROVIDER = 'easypost';
const SIGNATURE_HEADER = 'x-hmac-signature';
const SIGNATURE_PREFIX = 'hmac-sha256-hex=';
/** Event descriptions whose result is a Tracker; others (batch, refund, report...) yield nothing. */
const TRACKER_EVENTS = new Set(['tracker.created', 'tracker.updated']);

const text = z.string().nullish();

const TrackingLocationSchema = z
	.object({ city: text, state: text, country: text, zip: text })
	.passthrough();

const TrackingDetailSchema = z
	.object({
		datetime: text,
		message: text,
		description: text,
		status: text,
		status_detail: text,
		tracking_location: TrackingLocationSchema.nullish(),
	})
	.passthrough();

const TrackerSchema = z
	.object({
		id: text,
		object: z.literal('Tracker').nullish(),
		tracking_code: z.string().min(1),
		status: z.string().min(1),
		status_detail: text,
		signed_by: text,
		est_delivery_date: text,
		carrier: text,
		tracking_details: z.array(TrackingDetailSchema).nullish(),
		carrier_detail: z
			.object({
				service: text,
				destination_tracking_location: TrackingLocationSchema.nullish(),
			})
			.passthrough()
			.nullish(),
		public_url: text,
		is_return: z.boolean().nullish(),
		created_at: text,
		updated_at: text,
	})
	.passthrough();

const EventSchema = z
	.object({
		id: text,
		object: z.literal('Event'),
		description: z.string().min(1),
		created_at: text,
		previous_attributes: z.object({ est_delivery_date: text }).passthrough().nullish(),
		result: z.unknown(),
	})
	.passthrough();

type Tracker = z.infer<typeof TrackerSchema>;

function toLocation(location: z.infer<typeof TrackingLocationSchema> | null | undefined): Location | undefined {
	if (!location) return undefined;
	return compactOrUndefined({
		city: opt(location.city),
		state: opt(location.state),
		postalCode: opt(location.zip),
		country: opt(location.country),
	});
}

function toEvent(envelope: z.infer<typeof EventSchema>, tracker: Tracker): ShipmentEvent {
	const details = tracker.tracking_details ?? [];
	// EasyPost lists tracking details oldest first.
	const latest = details[details.length - 1];
	const emittedAt = toIsoDateTime(envelope.created_at);
	const occurredAt = toIsoDateTime(latest?.datetime) ?? toIsoDateTime(tracker.updated_at) ?? emittedAt;
	if (!occurredAt) {
		throw new PayloadError(PROVIDER, 'result.updated_at', 'required (ISO date-time) when result.tracking_details is empty');
	}
	const { status, detail } = mapEasypostStatus(tracker.status, opt(tracker.status_detail), tracker.is_return === true);
	const estimatedDelivery = toDateOrDateTime(tracker.est_delivery_date);
	const previous = toDateOrDateTime(envelope.previous_attributes?.est_delivery_date);
	const content = {
		provider: PROVIDER,
		trackingNumber: tracker.tracking_code,
		status,
		detail,
		occurredAt,
		estimatedDelivery,
	};
	return compact({
		id: eventId(opt(envelope.id), content),
		...content,
		providerEventId: opt(envelope.id),
		providerTrackingId: opt(tracker.id),
		carrier: normalizeCarrier(tracker.carrier),
		service: opt(tracker.carrier_detail?.service),
		providerStatus: tracker.status,
		providerSubStatus: opt(tracker.status_detail),
		carrierMessage: opt(latest?.message) ?? opt(latest?.description),
		emittedAt,
		location: toLocation(latest?.tracking_location),
		destination: toLocation(tracker.carrier_detail?.destination_tracking_location),
		previousEstimatedDelivery: previous !== estimatedDelivery ? previous : undefined,
		deliveredAt: status === 'delivered' ? occurredAt : undefined,
		signedBy: opt(tracker.signed_by),
		trackingUrl: opt(tracker.public_url),
		checkpointCount: details.length,
	});
}

/** A Tracker from the API (POST/GET /v2/trackers) as an event, mapped exactly as a tracker.updated webhook. */
export function easypostTrackerEvent(tracker: unknown): ShipmentEvent {
	return toEvent({ object: 'Event', description: 'tracker.updated', result: tracker }, parseWith(PROVIDER, TrackerSchema, tracker, ['body']));
}

export const easypost: WebhookProvider = {
	id: PROVIDER,
	displayName: 'EasyPost',
	credentialType: 'easyPostApi',
	secretField: 'webhookSecret',
	signatureHeaders: [SIGNATURE_HEADER],

	/**
	 * `x-hmac-signature` is `hmac-sha256-hex=` + hex HMAC-SHA256 of the raw body. The key is the
	 * secret in Unicode NFKD form, as EasyPost's own client libraries compute it.
	 */
	verify(rawBody: Buffer, headers: Headers, secrets: WebhookSecrets): boolean {
		const received = headerValue(headers, SIGNATURE_HEADER);
		if (!received || !secrets.webhookSecret) return false;
		const key = Buffer.from(secrets.webhookSecret.normalize('NFKD'), 'utf8');
		const expected = SIGNATURE_PREFIX + hmacSha256(key, rawBody).toString('hex');
		return constantTimeEqual(received.toLowerCase(), expected);
	},

	normalize(payload: unknown): ShipmentEvent[] {
		const envelope = parseWith(PROVIDER, EventSchema, payload);
		if (!TRACKER_EVENTS.has(envelope.description)) return [];
		return [toEvent(envelope, parseWith(PROVIDER, TrackerSchema, envelope.result, ['result']))];
	},
};
