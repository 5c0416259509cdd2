import { z } from 'zod';
import type { JourneyTrigger } from '../../model/triggers';
import { headerValue } from '../../providers/common';
import { compactOrUndefined, opt, parseWith } from '../../model/build';
import { type Headers } from '../../providers/types';
import { PayloadError } from '../../model/errors';
import {
	base64HmacMatches,
	clean,
	customerOf,
	dateTimeSchema,
	eventKey,
	finish,
	idSchema,
	nullableText as text,
	orderLevelKey,
	sha256Hex,
	trackingNumbersOf,
} from './common';
import type { OrderJourneyEvent, OrderWebhookProvider } from './types';

const SOURCE = 'woocommerce';
const SIGNATURE_HEADER = 'x-wc-webhook-signature';
const TOPIC_HEADER = 'x-wc-webhook-topic';
const DELIVERY_HEADER = 'x-wc-webhook-delivery-id';
/** Where WooCommerce Shipment Tracking and Advanced Shipment Tracking both keep an order's parcels. */
const TRACKING_META_KEY = '_wc_shipment_tracking_items';
/**
 * WooCommerce's test request when a webhook is saved: a POST whose whole body is `webhook_id=<id>`
 * (form-encoded, no signature, no X-WC-Webhook-* headers). Anything but 200 shows the merchant an
 * error, so it is answered 200 and yields no events.
 */
const PING_BODY = /^webhook_id=\d+$/;

/** Statuses in which the shop has accepted the order: paid (processing), awaiting payment by hand (on-hold), done. */
const CONFIRMED = new Set(['processing', 'on-hold', 'completed']);
/** 'shipped' and 'partial-shipped' are custom statuses some tracking plugins add. */
const SHIPPED = new Set(['completed', 'shipped', 'partial-shipped']);

const TrackingItemSchema = z
	.object({
		tracking_number: text,
		tracking_provider: text,
		custom_tracking_provider: text,
		formatted_tracking_provider: text,
		custom_tracking_link: text,
		formatted_tracking_link: text,
	})
	.passthrough();

const PartySchema = z
	.object({ first_name: text, last_name: text, email: text, phone: text, city: text, state: text, postcode: text, country: text })
	.passthrough();

const OrderSchema = z
	.object({
		id: idSchema,
		number: text,
		status: z.string().min(1),
		currency: text,
		total: text,
		date_created_gmt: dateTimeSchema,
		date_modified_gmt: dateTimeSchema.nullish(),
		billing: PartySchema.nullish(),
		shipping: PartySchema.nullish(),
		line_items: z.array(z.object({ name: z.string(), quantity: z.number().int().nonnegative() }).passthrough()),
		meta_data: z.array(z.object({ key: z.string(), value: z.unknown() }).passthrough()).nullish(),
	})
	.passthrough();

type Order = z.infer<typeof OrderSchema>;
type TrackingItem = z.infer<typeof TrackingItemSchema>;

function trackingItemsOf(order: Order): TrackingItem[] {
	const index = (order.meta_data ?? []).findIndex((meta) => meta.key === TRACKING_META_KEY);
	if (index < 0) return [];
	const value = order.meta_data?.[index]?.value;
	return parseWith(SOURCE, z.array(TrackingItemSchema), value, [`meta_data[${index}]`, 'value']);
}

/**
 * order.created: accepted orders are confirmed; 'pending' is an order whose payment has not been made
 * yet (redirect gateways create it before the customer pays), so it waits for the update.
 * order.updated: 'failed' is a refused payment; a shipped status with tracking numbers is 'shipped';
 * an accepted status is the pending order now paid: confirmed, and told once per order (eventKey).
 */
function triggerOf(topic: string, status: string, tracked: boolean): JourneyTrigger | null {
	if (status === 'failed') return 'payment_issue';
	if (topic === 'order.updated' && tracked && SHIPPED.has(status)) return 'shipped';
	return CONFIRMED.has(status) ? 'order_confirmed' : null;
}

function orderEvents(topic: string, order: Order): OrderJourneyEvent[] {
	const items = trackingItemsOf(order);
	const trackingNumbers = trackingNumbersOf(items.map((item) => item.tracking_number));
	const trigger = triggerOf(topic, order.status, trackingNumbers !== undefined);
	const stamp = order.date_modified_gmt ?? order.date_created_gmt;
	// The newest parcel names the carrier and link; every parcel's number is listed.
	const latest = items[items.length - 1];
	const billing = order.billing;
	const shipping = order.shipping?.country ? order.shipping : billing;
	const orderNumber = clean(order.number) ?? order.id;
	return [
		finish({
			id:
				trigger === 'shipped'
					? eventKey(SOURCE, [order.id, 'shipped', ...(trackingNumbers ?? [])])
					: orderLevelKey(SOURCE, order.id, trigger, topic, stamp),
			source: SOURCE,
			topic,
			trigger,
			orderId: order.id,
			orderNumber,
			occurredAt: topic === 'order.created' ? order.date_created_gmt : stamp,
			trackingNumbers,
			carrier: clean(latest?.custom_tracking_provider) ?? clean(latest?.formatted_tracking_provider) ?? clean(latest?.tracking_provider),
			trackingUrl: clean(latest?.custom_tracking_link) ?? clean(latest?.formatted_tracking_link),
			customer: customerOf({
				firstName: billing?.first_name,
				lastName: billing?.last_name,
				email: billing?.email,
				phone: billing?.phone ?? order.shipping?.phone,
			}),
			order: {
				number: orderNumber,
				items: order.line_items.map((line) => ({ title: line.name, quantity: line.quantity })),
				totalPrice: opt(order.total),
				currency: opt(order.currency),
				createdAt: order.date_created_gmt,
			},
			destination: compactOrUndefined({
				city: clean(shipping?.city),
				state: clean(shipping?.state),
				postalCode: clean(shipping?.postcode),
				country: clean(shipping?.country),
			}),
			fulfillmentStatus: order.status,
		}),
	];
}

/** Webhooks saved with the legacy API version wrap the order in `order`; say how to fix it. */
function refuseLegacy(payload: unknown): void {
	if (payload && typeof payload === 'object' && 'order' in payload && !('id' in payload)) {
		throw new PayloadError(SOURCE, 'order', 'legacy API payload: set the webhook API version to "WP REST API Integration v3"');
	}
}

export const woocommerceOrders: OrderWebhookProvider = {
	id: SOURCE,
	displayName: 'WooCommerce',
	credentialType: 'wooCommerceStoreApi',
	signatureHeaders: [SIGNATURE_HEADER],
	topicHeader: TOPIC_HEADER,

	/** base64(HMAC-SHA256(raw body, the webhook's secret)), as WC_Webhook::generate_signature. */
	verify(rawBody: Buffer, headers: Headers, secret: string): boolean {
		return base64HmacMatches(rawBody, headerValue(headers, SIGNATURE_HEADER), secret);
	},

	/**
	 * WooCommerce's delivery id is a hash of the webhook id and the current second, so two deliveries
	 * in one second share it (Action Scheduler sends batches); the body's digest tells them apart.
	 */
	deliveryId(headers: Headers, rawBody: Buffer): string | undefined {
		const id = headerValue(headers, DELIVERY_HEADER);
		return id ? `${id}:${sha256Hex(rawBody).slice(0, 32)}` : undefined;
	},

	topic(headers: Headers): string | undefined {
		return headerValue(headers, TOPIC_HEADER)?.toLowerCase() || undefined;
	},

	isPing(rawBody: Buffer, headers: Headers): boolean {
		if (headerValue(headers, SIGNATURE_HEADER) || headerValue(headers, TOPIC_HEADER)) return false;
		return PING_BODY.test(rawBody.toString('utf8').trim());
	},

	/** order.created and order.updated; deleted and restored orders, and other resources, tell nothing. */
	normalize(topic: string, payload: unknown): OrderJourneyEvent[] {
		if (topic !== 'order.created' && topic !== 'order.updated') return [];
		refuseLegacy(payload);
		return orderEvents(topic, parseWith(SOURCE, OrderSchema, payload));
	},
};
