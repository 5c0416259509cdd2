import { z } from 'zod';

/**
 * Provider-neutral shipment status. Adapters map every provider code onto one of these plus an
 * optional `detail`; the classifier reads only these, never a provider's own codes, so a new
 * carrier is a new adapter and nothing else.
 */
export const SHIPMENT_STATUSES = [
	'pending', // tracking created, carrier has told nothing yet
	'info_received', // label created / carrier has the shipment data, not the parcel
	'in_transit',
	'out_for_delivery',
	'available_for_pickup',
	'attempt_failed',
	'delivered',
	'exception',
	'returning', // on its way back to the sender
	'returned', // back with the sender
	'expired', // carrier stopped tracking without a final status
	'cancelled', // label voided / shipment cancelled
	'unknown',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Why, or how: the finer meaning a provider attaches to a status. */
export const STATUS_DETAILS = [
	'picked_up', // first carrier scan
	'departed',
	'arrived_at_facility',
	'address_issue',
	'customs_hold',
	'duties_due',
	'damaged',
	'lost',
	'refused',
	'recipient_unavailable',
	'business_closed',
	'weather',
	'carrier_delay', // the carrier's own operations: capacity, missed connection, mechanical
	'delay', // delayed, the cause not given: the carrier's words may still tell
	'held_at_carrier', // held at a facility, on request or otherwise
	'rescheduled', // new delivery date agreed or set by the carrier
	'delivered_to_third_party', // neighbour, concierge, reception, safe place, locker
	'delivered_signed',
	'pickup_point',
	'return_to_sender',
	'no_information', // carrier has no data for this number (yet)
	'cancelled',
	'unknown_exception',
] as const;
export type StatusDetail = (typeof STATUS_DETAILS)[number];

const isoDateTime = z.string().datetime({ offset: true });
/** A calendar date (YYYY-MM-DD) or a date-time with offset. */
const dateOrDateTime = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), isoDateTime]);

export const LocationSchema = z
	.object({
		city: z.string().optional(),
		state: z.string().optional(),
		postalCode: z.string().optional(),
		/** ISO 3166-1 alpha-2 where the provider gives it, else whatever it gives. */
		country: z.string().optional(),
	})
	.strict();
export type Location = z.infer<typeof LocationSchema>;

/** What is known of the customer from the tracking itself (aggregators often carry it). */
export const EventCustomerSchema = z
	.object({
		name: z.string().optional(),
		email: z.string().optional(),
		phone: z.string().optional(),
		locale: z.string().optional(),
		/**
		 * The customer's channel choice, where the provider carries it (AfterShip custom field): a
		 * channel kind, 'both' or 'none'. Adapters keep only known choices (lib/channels/registry.ts).
		 */
		// The model knows no kinds (they are registered above it), only that a choice is a lower-case word.
		preference: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a channel kind (email, sms, ...), both or none').optional(),
		/** IANA time zone for quiet hours, where the provider carries it. */
		timeZone: z.string().optional(),
	})
	.strict();
export type EventCustomer = z.infer<typeof EventCustomerSchema>;

export const ShipmentEventSchema = z
	.object({
		/** Stable identity of this event, the dedupe key: provider event id, else a digest. */
		id: z.string().min(1),
		provider: z.string().min(1),
		providerEventId: z.string().optional(),
		/** Provider's id of the tracking/tracker object, if any. */
		providerTrackingId: z.string().optional(),
		trackingNumber: z.string().min(1),
		/** Carrier code in the tracking_number_data `courier_code` spelling where known (ups, fedex, usps, dhl...). */
		carrier: z.string().optional(),
		service: z.string().optional(),
		status: z.enum(SHIPMENT_STATUSES),
		detail: z.enum(STATUS_DETAILS).optional(),
		/** The provider's own codes and words, kept for agents and for audit. */
		providerStatus: z.string().optional(),
		providerSubStatus: z.string().optional(),
		carrierMessage: z.string().optional(),
		/** When the carrier saw it (latest checkpoint time); else when the provider emitted it. */
		occurredAt: isoDateTime,
		/** When the provider created this notification, if it says. */
		emittedAt: isoDateTime.optional(),
		location: LocationSchema.optional(),
		destination: LocationSchema.optional(),
		/** The carrier's (or aggregator's) latest estimate of delivery. */
		estimatedDelivery: dateOrDateTime.optional(),
		/** A later bound when the estimate is a window. */
		estimatedDeliveryLatest: dateOrDateTime.optional(),
		/** The previous estimate, when the provider reports a revision. */
		previousEstimatedDelivery: dateOrDateTime.optional(),
		/** The date promised to the customer at checkout, when the payload carries it. */
		promisedDelivery: dateOrDateTime.optional(),
		/** True when this event is only an estimate revision, not a new scan (AfterShip edd_revise). */
		estimateRevision: z.boolean().optional(),
		deliveredAt: isoDateTime.optional(),
		signedBy: z.string().optional(),
		orderId: z.string().optional(),
		orderNumber: z.string().optional(),
		customer: EventCustomerSchema.optional(),
		trackingUrl: z.string().optional(),
		/** Number of checkpoints the provider knows for this shipment. */
		checkpointCount: z.number().int().nonnegative().optional(),
	})
	.strict();

export type ShipmentEvent = z.infer<typeof ShipmentEventSchema>;

/** An event with the untouched provider payload, as the trigger emits it. */
export type ShipmentEventWithRaw = ShipmentEvent & { raw?: unknown };
