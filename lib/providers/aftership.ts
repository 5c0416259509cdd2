import { z } from 'zod';
import { isPreference } from '../channels/registry';
import type { EventCustomer, Location, ShipmentEvent } from '../model/event';
import { mapAftershipStatus } from './aftership-subtags';
import { constantTimeEqual, headerValue, hmacSha256, normalizeCarrier } from './common';
import { compact, compactOrUndefined, eventId, fromUnixSeconds, opt, toDateOrDateTime, toIsoDateTime, parseWith } from '../model/build';
import { type Headers, type WebhookProvider, type WebhookSecrets } from './types';
import { PayloadError } from '../model/errors';

const PROVIDER = 'aftership';
const SIGNATURE_HEADER = 'aftership-hmac-sha256';
/** Webhook event codes that carry a shipment change; others (e.g. pending-time alerts) yield nothing. */
const SHIPMENT_EVENTS = new Set(['tracking_update', 'edd_revise']);

// AfterShip sends null for absent values, so every optional field is nullish.
const text = z.string().nullish();

const EstimateWindowSchema = z
	.object({ type: text, source: text, datetime: text, datetime_min: text, datetime_max: text })
	.passthrough();

const EstimatedDateSchema = z
	.object({ estimated_delivery_date: text, estimated_delivery_date_min: text, estimated_delivery_date_max: text })
	.passthrough();

const CheckpointSchema = z
	.object({
		checkpoint_time: text,
		created_at: text,
		message: text,
		city: text,
		state: text,
		zip: text,
		country_region: text,
		country_iso3: text, // before API 2024-04
		tag: text,
		subtag: text,
	})
	.passthrough();

const CustomerSchema = z
	.object({ role: text, name: text, email: text, phone_number: text, language: text })
	.passthrough();

const TrackingSchema = z
	.object({
		id: text,
		tracking_number: z.string().min(1),
		slug: text,
		tag: z.string().min(1),
		subtag: text,
		subtag_message: text,
		// Only the latest checkpoint is read: its schema is applied to it alone (toEvent), not to the history.
		checkpoints: z.array(z.unknown()).nullish(),
		updated_at: text,
		signed_by: text,
		shipment_type: text,
		order_id: text,
		order_number: text,
		language: text,
		customers: z.array(CustomerSchema).nullish(),
		customer_name: text, // before API 2025-01
		custom_fields: z.record(z.unknown()).nullish(),
		emails: z.array(z.string()).nullish(),
		smses: z.array(z.string()).nullish(),
		courier_tracking_link: text,
		aftership_tracking_url: text,
		destination_city: text,
		destination_state: text,
		destination_postal_code: text,
		destination_country_region: text,
		latest_estimated_delivery: EstimateWindowSchema.nullish(),
		first_estimated_delivery: EstimateWindowSchema.nullish(),
		custom_estimated_delivery_date: EstimateWindowSchema.nullish(),
		courier_estimated_delivery_date: EstimatedDateSchema.nullish(),
		aftership_estimated_delivery_date: EstimatedDateSchema.nullish(),
		order_promised_delivery_date: text,
	})
	.passthrough();

const EnvelopeSchema = z
	.object({
		event: z.string().min(1),
		event_id: text,
		is_tracking_first_tag: z.boolean().nullish(),
		ts: z.number().nullish(),
		msg: z.unknown(),
	})
	.passthrough();

type Tracking = z.infer<typeof TrackingSchema>;
type Checkpoint = z.infer<typeof CheckpointSchema>;

interface Estimate {
	at?: string;
	latest?: string;
}

function fromWindow(window: z.infer<typeof EstimateWindowSchema> | null | undefined): Estimate {
	if (!window) return {};
	return {
		at: toDateOrDateTime(window.datetime) ?? toDateOrDateTime(window.datetime_min),
		latest: toDateOrDateTime(window.datetime_max),
	};
}

function fromDates(dates: z.infer<typeof EstimatedDateSchema> | null | undefined): Estimate {
	if (!dates) return {};
	return {
		at: toDateOrDateTime(dates.estimated_delivery_date) ?? toDateOrDateTime(dates.estimated_delivery_date_min),
		latest: toDateOrDateTime(dates.estimated_delivery_date_max),
	};
}

/** AfterShip's newest estimate first (it already merges carrier, AI and custom ones), then each source. */
function currentEstimate(tracking: Tracking): Estimate {
	// In order, stopping at the first with a date: most trackings have the first, so the others'
	// dates are not parsed at all.
	let estimate = fromWindow(tracking.latest_estimated_delivery);
	if (estimate.at === undefined) estimate = fromDates(tracking.courier_estimated_delivery_date);
	if (estimate.at === undefined) estimate = fromDates(tracking.aftership_estimated_delivery_date);
	if (estimate.at === undefined) estimate = fromWindow(tracking.custom_estimated_delivery_date);
	return estimate.at === undefined ? {} : estimate;
}

function locationOf(checkpoint: Checkpoint | undefined): Location | undefined {
	if (!checkpoint) return undefined;
	return compactOrUndefined({
		city: opt(checkpoint.city),
		state: opt(checkpoint.state),
		postalCode: opt(checkpoint.zip),
		country: opt(checkpoint.country_region) ?? opt(checkpoint.country_iso3),
	});
}

function destinationOf(tracking: Tracking): Location | undefined {
	return compactOrUndefined({
		city: opt(tracking.destination_city),
		state: opt(tracking.destination_state),
		postalCode: opt(tracking.destination_postal_code),
		country: opt(tracking.destination_country_region),
	});
}

/**
 * Merchants keep what AfterShip has no field for in the tracking's custom fields; these two names
 * are read (README "AfterShip custom fields"): `notification_preference` and `time_zone`.
 */
function customFieldsOf(tracking: Tracking): Pick<EventCustomer, 'preference' | 'timeZone'> {
	const fields = tracking.custom_fields ?? {};
	const preference = typeof fields.notification_preference === 'string' ? fields.notification_preference.toLowerCase() : '';
	return {
		preference: isPreference(preference) ? preference : undefined,
		timeZone: typeof fields.time_zone === 'string' && fields.time_zone ? fields.time_zone : undefined,
	};
}

/** The recipient first (they get the parcel), then the buyer, then whoever is listed; else legacy fields. */
function customerOf(tracking: Tracking): EventCustomer | undefined {
	const customers = tracking.customers ?? [];
	const chosen =
		customers.find((c) => c.role === 'receiver') ?? customers.find((c) => c.role === 'buyer') ?? customers[0];
	return compactOrUndefined({
		name: opt(chosen?.name) ?? opt(tracking.customer_name),
		email: opt(chosen?.email) ?? tracking.emails?.[0],
		phone: opt(chosen?.phone_number) ?? tracking.smses?.[0],
		locale: opt(chosen?.language) ?? opt(tracking.language),
		...customFieldsOf(tracking),
	});
}

function toEvent(envelope: z.infer<typeof EnvelopeSchema>, tracking: Tracking): ShipmentEvent {
	const checkpoints = tracking.checkpoints ?? [];
	// AfterShip lists checkpoints oldest first.
	const latest: Checkpoint | undefined = checkpoints.length
		? parseWith(PROVIDER, CheckpointSchema, checkpoints[checkpoints.length - 1], ['msg', 'checkpoints', checkpoints.length - 1])
		: undefined;
	const emittedAt = fromUnixSeconds(envelope.ts);
	const occurredAt =
		toIsoDateTime(latest?.checkpoint_time) ?? emittedAt ?? toIsoDateTime(tracking.updated_at);
	if (!occurredAt) {
		throw new PayloadError(PROVIDER, 'ts', 'required (a unix time) when msg.checkpoints has no checkpoint_time');
	}
	const { status, detail } = mapAftershipStatus(tracking.tag, opt(tracking.subtag));
	const estimate = currentEstimate(tracking);
	const first = fromWindow(tracking.first_estimated_delivery).at;
	const content = {
		provider: PROVIDER,
		trackingNumber: tracking.tracking_number,
		status,
		detail,
		occurredAt,
		estimatedDelivery: estimate.at,
	};
	return compact({
		id: eventId(opt(envelope.event_id), content),
		...content,
		providerEventId: opt(envelope.event_id),
		providerTrackingId: opt(tracking.id),
		carrier: normalizeCarrier(tracking.slug),
		service: opt(tracking.shipment_type),
		providerStatus: tracking.tag,
		providerSubStatus: opt(tracking.subtag),
		carrierMessage: opt(latest?.message) ?? opt(tracking.subtag_message),
		emittedAt,
		location: locationOf(latest),
		destination: destinationOf(tracking),
		estimatedDeliveryLatest: estimate.latest,
		previousEstimatedDelivery: first !== estimate.at ? first : undefined,
		promisedDelivery: toDateOrDateTime(tracking.order_promised_delivery_date),
		estimateRevision: envelope.event === 'edd_revise' ? true : undefined,
		deliveredAt: status === 'delivered' ? occurredAt : undefined,
		signedBy: opt(tracking.signed_by),
		orderId: opt(tracking.order_id),
		orderNumber: opt(tracking.order_number),
		customer: customerOf(tracking),
		trackingUrl: opt(tracking.aftership_tracking_url) ?? opt(tracking.courier_tracking_link),
		checkpointCount: checkpoints.length,
	});
}

/**
 * A Tracking object from the Tracking API (2025-01 returns it directly under `data`) as an event,
 * mapped exactly as a tracking_update webhook carrying it. PayloadError fields are named under `data`.
 */
export function aftershipTrackingEvent(tracking: unknown): ShipmentEvent {
	return toEvent({ event: 'tracking_update', msg: tracking }, parseWith(PROVIDER, TrackingSchema, tracking, ['data']));
}

export const aftership: WebhookProvider = {
	id: PROVIDER,
	displayName: 'AfterShip',
	credentialType: 'afterShipApi',
	secretField: 'webhookSecret',
	signatureHeaders: [SIGNATURE_HEADER],

	/** `aftership-hmac-sha256` is base64(HMAC-SHA256(raw body, webhook secret)). */
	verify(rawBody: Buffer, headers: Headers, secrets: WebhookSecrets): boolean {
		const received = headerValue(headers, SIGNATURE_HEADER);
		if (!received || !secrets.webhookSecret) return false;
		const expected = hmacSha256(secrets.webhookSecret, rawBody).toString('base64');
		return constantTimeEqual(received, expected);
	},

	normalize(payload: unknown): ShipmentEvent[] {
		const envelope = parseWith(PROVIDER, EnvelopeSchema, payload);
		if (!SHIPMENT_EVENTS.has(envelope.event)) return [];
		return [toEvent(envelope, parseWith(PROVIDER, TrackingSchema, envelope.msg, ['msg']))];
	},
};
