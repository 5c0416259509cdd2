import { z } from 'zod';
import type { Location, ShipmentEvent } from '../model/event';
import { constantTimeEqual, headerValue, hmacSha256, normalizeCarrier } from './common';
import { compact, compactOrUndefined, eventId, opt, parseWith, toDateOrDateTime, toIsoDateTime } from '../model/build';
import { mapShippoStatus } from './shippo-status';
import { type Headers, type WebhookProvider, type WebhookSecrets } from './types';
import { PayloadError } from '../model/errors';

const PROVIDER = 'shippo';
/** Shippo's HMAC header, `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export const SHIPPO_SIGNATURE_HEADER = 'shippo-auth-signature';
/**
 * Where the trigger puts the `?token=` of the webhook URL (see withShippoQueryToken): Shippo's
 * "self-generated token" option, the one every account has without asking Shippo.
 */
export const SHIPPO_TOKEN_HEADER = 'x-shippo-webhook-token';

const text = z.string().nullish();

const LocationSchema = z.object({ city: text, state: text, zip: text, country: text }).passthrough();

const TrackingStatusSchema = z
	.object({
		object_id: text,
		object_created: text,
		object_updated: text,
		status: z.string().min(1),
		substatus: z.object({ code: text, text: text, action_required: z.boolean().nullish() }).passthrough().nullish(),
		status_details: text,
		status_date: text,
		location: LocationSchema.nullish(),
	})
	.passthrough();

const TrackSchema = z
	.object({
		carrier: z.string().min(1),
		tracking_number: z.string().min(1),
		eta: text,
		original_eta: text,
		servicelevel: z.object({ name: text, token: text }).passthrough().nullish(),
		tracking_status: TrackingStatusSchema.nullish(),
		tracking_history: z.array(TrackingStatusSchema).nullish(),
		address_from: LocationSchema.nullish(),
		address_to: LocationSchema.nullish(),
		metadata: text,
		transaction: text,
	})
	.passthrough();

const EnvelopeSchema = z
	.object({ event: z.string().min(1), test: z.boolean().nullish(), data: z.unknown() })
	.passthrough();

type Track = z.infer<typeof TrackSchema>;

function toLocation(location: z.infer<typeof LocationSchema> | null | undefined): Location | undefined {
	if (!location) return undefined;
	return compactOrUndefined({
		city: opt(location.city),
		state: opt(location.state),
		postalCode: opt(location.zip),
		country: opt(location.country),
	});
}

/** A Track object as an event; `prefix` names where the Track sits, for PayloadError fields. */
function toEvent(track: Track, prefix: string): ShipmentEvent {
	const current = track.tracking_status;
	if (!current) throw new PayloadError(PROVIDER, `${prefix}.tracking_status`, 'required (the carrier has reported nothing yet)');
	const occurredAt =
		toIsoDateTime(current.status_date) ?? toIsoDateTime(current.object_updated) ?? toIsoDateTime(current.object_created);
	if (!occurredAt) {
		throw new PayloadError(PROVIDER, `${prefix}.tracking_status.status_date`, 'required (ISO date-time)');
	}
	const substatus = opt(current.substatus?.code);
	const { status, detail } = mapShippoStatus(current.status, substatus);
	const estimatedDelivery = toDateOrDateTime(track.eta);
	const original = toDateOrDateTime(track.original_eta);
	const content = { provider: PROVIDER, trackingNumber: track.tracking_number, status, detail, occurredAt, estimatedDelivery };
	const providerEventId = opt(current.object_id);
	return compact({
		id: eventId(providerEventId, content),
		...content,
		providerEventId,
		// Shippo tracks have no id of their own: carrier and number are the key (GET /tracks/{carrier}/{number}).
		providerTrackingId: `${track.carrier}/${track.tracking_number}`,
		carrier: normalizeCarrier(track.carrier),
		service: opt(track.servicelevel?.name) ?? opt(track.servicelevel?.token),
		providerStatus: current.status,
		providerSubStatus: substatus,
		carrierMessage: opt(current.status_details) ?? opt(current.substatus?.text),
		location: toLocation(current.location),
		destination: toLocation(track.address_to),
		previousEstimatedDelivery: original !== estimatedDelivery ? original : undefined,
		deliveredAt: status === 'delivered' ? occurredAt : undefined,
		// Shippo's free `metadata` string (up to 100 characters) is where merchants put the order reference.
		orderNumber: opt(track.metadata),
		checkpointCount: track.tracking_history?.length,
	});
}

/** A Track object (GET /tracks/{carrier}/{number}, POST /tracks) as an event, for the API client. */
export function shippoTrackEvent(track: unknown): ShipmentEvent {
	return toEvent(parseWith(PROVIDER, TrackSchema, track, ['body']), 'body');
}

/**
 * The headers with the webhook URL's `token` query parameter added as SHIPPO_TOKEN_HEADER, so
 * verify() sees it. The trigger calls this with the request's query for Shippo deliveries.
 */
export function withShippoQueryToken(headers: Headers, query: Record<string, unknown>): Headers {
	const token = query.token;
	return typeof token === 'string' && token ? { ...headers, [SHIPPO_TOKEN_HEADER]: token } : headers;
}

/** Every `v1=` signature of a Shippo-Auth-Signature header, with its timestamp. */
function parseSignature(header: string): { timestamp?: string; signatures: string[] } {
	const out: { timestamp?: string; signatures: string[] } = { signatures: [] };
	for (const part of header.split(',')) {
		const [key, ...rest] = part.trim().split('=');
		const value = rest.join('=').trim();
		if (key === 't' && /^\d+$/.test(value)) out.timestamp = value;
		else if (key === 'v1' && value) out.signatures.push(value.toLowerCase());
	}
	return out;
}

export const shippo: WebhookProvider = {
	authHeaders: withShippoQueryToken,
	id: PROVIDER,
	displayName: 'Shippo',
	credentialType: 'shippoApi',
	secretField: 'webhookSecret',
	signatureHeaders: [SHIPPO_SIGNATURE_HEADER, SHIPPO_TOKEN_HEADER],

	/**
	 * Shippo documents three protections (docs.goshippo.com "Webhook security"): an IP allowlist, a
	 * self-generated token in the webhook URL (`?token=...`), and HMAC, which Shippo enables per
	 * account on request. With HMAC on, `Shippo-Auth-Signature` is `t=<unix>,v1=<hex>` over
	 * "<t>.<raw body>" and must match; without it the URL token (moved into SHIPPO_TOKEN_HEADER by
	 * withShippoQueryToken) must equal the webhook secret. Both compare in constant time. No
	 * timestamp window is enforced: Shippo documents none, and redeliveries are deduplicated.
	 */
	verify(rawBody: Buffer, headers: Headers, secrets: WebhookSecrets): boolean {
		if (!secrets.webhookSecret) return false;
		const header = headerValue(headers, SHIPPO_SIGNATURE_HEADER);
		if (header) {
			const { timestamp, signatures } = parseSignature(header);
			if (!timestamp || signatures.length === 0) return false;
			const signed = Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]);
			const expected = hmacSha256(secrets.webhookSecret, signed).toString('hex');
			// Every candidate is compared, so the time taken does not depend on which one matched.
			return signatures.map((signature) => constantTimeEqual(signature, expected)).includes(true);
		}
		const token = headerValue(headers, SHIPPO_TOKEN_HEADER);
		return token ? constantTimeEqual(token, secrets.webhookSecret) : false;
	},

	normalize(payload: unknown): ShipmentEvent[] {
		const envelope = parseWith(PROVIDER, EnvelopeSchema, payload);
		// Transaction and batch events carry no shipment movement.
		if (envelope.event !== 'track_updated') return [];
		return [toEvent(parseWith(PROVIDER, TrackSchema, envelope.data, ['data']), 'data')];
	},
};
