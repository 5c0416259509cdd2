import { z } from 'zod';
import { LocationSchema } from '../../model/event';
import { JOURNEY_TRIGGERS } from '../../model/triggers';
import type { Headers } from '../../providers/types';

export type OrderWebhookSource = 'shopify' | 'woocommerce';

const isoDateTime = z.string().datetime({ offset: true });
const text = z.string().min(1);

export const OrderJourneyEventSchema = z
	.object({
		/** Identity of the news (see eventKey): two events with one id tell the customer the same thing. */
		id: text,
		source: z.enum(['shopify', 'woocommerce']),
		/** The platform's topic, e.g. 'orders/create' or 'order.updated'. */
		topic: text,
		/** The journey step to tell the customer about, or null for a change worth no message. */
		trigger: z.enum(JOURNEY_TRIGGERS).nullable(),
		orderId: text,
		/** Absent for topics whose payload names the order by id alone (see README "Order events"). */
		orderNumber: text.optional(),
		occurredAt: isoDateTime,
		trackingNumbers: z.array(text).optional(),
		/** Carrier as the platform names it (Shopify tracking_company, WooCommerce tracking provider). */
		carrier: text.optional(),
		trackingUrl: text.optional(),
		customer: z
			.object({
				name: text.optional(),
				firstName: text.optional(),
				email: text.optional(),
				phone: text.optional(),
				locale: text.optional(),
			})
			.strict()
			.optional(),
		order: z
			.object({
				number: text,
				items: z.array(z.object({ title: z.string(), quantity: z.number().int().nonnegative() }).strict()),
				totalPrice: z.string().optional(),
				currency: z.string().optional(),
				createdAt: isoDateTime.optional(),
			})
			.strict()
			.optional(),
		destination: LocationSchema.optional(),
		estimatedDeliveryAt: isoDateTime.optional(),
		financialStatus: text.optional(),
		fulfillmentStatus: text.optional(),
		/** The platform's own status for a fulfillment or shipment event ('in_transit', 'attempted_delivery'...). */
		shipmentStatus: text.optional(),
		/** Why the order was cancelled (Shopify cancel_reason), or why a payment failed (transaction error_code). */
		reason: text.optional(),
	})
	.strict();

/**
 * A change of an order that may be worth telling its customer, as one shop platform reported it.
 * Unlike a ShipmentEvent it is keyed by order: order-level steps (order_confirmed, payment_issue)
 * have no tracking number yet.
 */
export type OrderJourneyEvent = z.infer<typeof OrderJourneyEventSchema>;

/**
 * A shop platform that pushes order webhooks. One file per platform implements this; ./registry.ts
 * lists them. The signing secret is a plain string: each platform signs with exactly one.
 */
export interface OrderWebhookProvider {
	id: OrderWebhookSource;
	displayName: string;
	/** The n8n credential type holding the Webhook Secret (the same one Order Lookup reads). */
	credentialType: string;
	/** Header names (lower case) that carry the signature, for docs and errors. */
	signatureHeaders: string[];
	/** Header name (lower case) that carries the topic, for errors. */
	topicHeader: string;
	/**
	 * Checks the delivery's signature on the raw body, before anything parses it, in constant time.
	 * False for a missing or wrong signature, and for an empty secret.
	 */
	verify(rawBody: Buffer, headers: Headers, secret: string): boolean;
	/**
	 * A key that is the same for every copy of one delivery (retries, replays) and differs between
	 * deliveries; undefined when the delivery carries no id.
	 */
	deliveryId(headers: Headers, rawBody: Buffer): string | undefined;
	topic(headers: Headers): string | undefined;
	/**
	 * True for the unsigned test request a platform sends when a webhook is saved, which must be
	 * answered 200 and yields nothing. Platforms without one leave this out.
	 */
	isPing?(rawBody: Buffer, headers: Headers): boolean;
	/**
	 * Turns a parsed payload into events. Throws PayloadError naming the field for a body that is not
	 * the topic's shape; returns [] for topics it does not map (they are acknowledged, not refused).
	 */
	normalize(topic: string, payload: unknown): OrderJourneyEvent[];
}
