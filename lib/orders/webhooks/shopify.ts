import { z } from 'zod';
import { headerValue } from '../../providers/common';
import { compactOrUndefined, opt, parseWith } from '../../model/build';
import type { Headers } from '../../providers/types';
import {
	base64HmacMatches,
	clean,
	customerOf,
	dateTimeSchema as dateTime,
	eventKey,
	finish,
	idSchema,
	nullableText as text,
	orderLevelKey,
	trackingNumbersOf,
} from './common';
import {
	SHOPIFY_FULFILLMENT_EVENT_TOPIC,
	SHOPIFY_FULFILLMENT_TOPICS,
	SHOPIFY_ORDER_TOPICS,
	SHOPIFY_TRANSACTION_TOPIC,
	fulfillmentEventTrigger,
	fulfillmentTrigger,
	isFailedCharge,
} from './shopify-topics';
import type { OrderJourneyEvent, OrderWebhookProvider } from './types';

const SOURCE = 'shopify';
const SIGNATURE_HEADER = 'x-shopify-hmac-sha256';
const TOPIC_HEADER = 'x-shopify-topic';
/** Same on every retry of one delivery (X-Shopify-Event-Id is shared by all subscriptions to one event). */
const DELIVERY_HEADER = 'x-shopify-webhook-id';

const LineItemSchema = z.object({ title: z.string(), quantity: z.number().int().nonnegative(), sku: text }).passthrough();

const AddressSchema = z
	.object({
		first_name: text,
		last_name: text,
		name: text,
		phone: text,
		city: text,
		province_code: text,
		zip: text,
		country_code: text,
	})
	.passthrough();

const OrderSchema = z
	.object({
		id: idSchema,
		admin_graphql_api_id: text,
		name: z.string().min(1),
		email: text,
		contact_email: text,
		phone: text,
		customer_locale: text,
		created_at: dateTime,
		updated_at: dateTime.nullish(),
		cancelled_at: dateTime.nullish(),
		cancel_reason: text,
		financial_status: text,
		fulfillment_status: text,
		total_price: text,
		currency: text,
		line_items: z.array(LineItemSchema),
		customer: z.object({ first_name: text, last_name: text, email: text, phone: text }).passthrough().nullish(),
		shipping_address: AddressSchema.nullish(),
	})
	.passthrough();

const FulfillmentSchema = z
	.object({
		id: idSchema,
		order_id: idSchema,
		name: text,
		status: z.string().min(1),
		shipment_status: text,
		created_at: dateTime,
		updated_at: dateTime.nullish(),
		tracking_company: text,
		tracking_number: text,
		tracking_numbers: z.array(z.string()).nullish(),
		tracking_url: text,
		tracking_urls: z.array(z.string()).nullish(),
		estimated_delivery_at: dateTime.nullish(),
		email: text,
		destination: AddressSchema.nullish(),
		line_items: z.array(LineItemSchema).nullish(),
	})
	.passthrough();

const FulfillmentEventSchema = z
	.object({
		id: idSchema,
		fulfillment_id: idSchema,
		order_id: idSchema,
		status: z.string().min(1),
		happened_at: dateTime,
		estimated_delivery_at: dateTime.nullish(),
		city: text,
		province: text,
		zip: text,
		country: text,
	})
	.passthrough();

const TransactionSchema = z
	.object({
		id: idSchema,
		order_id: idSchema,
		kind: z.string().min(1),
		status: z.string().min(1),
		error_code: text,
		created_at: dateTime,
		processed_at: dateTime.nullish(),
	})
	.passthrough();

type Order = z.infer<typeof OrderSchema>;
type Address = z.infer<typeof AddressSchema>;

/** Ids above 2^53 lose digits in JSON.parse; the GraphQL id beside them keeps every digit. */
function orderIdOf(order: Order): string {
	return /^gid:\/\/shopify\/Order\/(\d+)$/.exec(order.admin_graphql_api_id ?? '')?.[1] ?? order.id;
}

function destinationOf(address: Address | null | undefined): OrderJourneyEvent['destination'] {
	if (!address) return undefined;
	return compactOrUndefined({
		city: clean(address.city),
		state: clean(address.province_code),
		postalCode: clean(address.zip),
		country: clean(address.country_code),
	});
}

function itemsOf(lines: z.infer<typeof LineItemSchema>[]): { title: string; quantity: number }[] {
	return lines.map((line) => ({ title: line.title, quantity: line.quantity }));
}

function orderEvent(topic: string, order: Order): OrderJourneyEvent[] {
	const trigger = SHOPIFY_ORDER_TOPICS.get(topic)?.(order) ?? null;
	const orderId = orderIdOf(order);
	const stamp = order.updated_at ?? order.created_at;
	const occurredAt = topic === 'orders/create' ? order.created_at : topic === 'orders/cancelled' ? order.cancelled_at ?? stamp : stamp;
	const shipping = order.shipping_address;
	return [
		finish({
			id: orderLevelKey(SOURCE, orderId, trigger, topic, stamp),
			source: SOURCE,
			topic,
			trigger,
			orderId,
			orderNumber: order.name,
			occurredAt,
			customer: customerOf({
				firstName: order.customer?.first_name ?? shipping?.first_name,
				lastName: order.customer?.last_name ?? shipping?.last_name,
				name: shipping?.name,
				email: order.email ?? order.contact_email ?? order.customer?.email,
				phone: order.phone ?? order.customer?.phone ?? shipping?.phone,
				locale: order.customer_locale,
			}),
			order: {
				number: order.name,
				items: itemsOf(order.line_items),
				totalPrice: opt(order.total_price),
				currency: opt(order.currency),
				createdAt: order.created_at,
			},
			destination: destinationOf(shipping),
			financialStatus: clean(order.financial_status),
			fulfillmentStatus: clean(order.fulfillment_status),
			reason: topic === 'orders/cancelled' ? clean(order.cancel_reason) : undefined,
		}),
	];
}

function fulfillmentEvent(topic: string, fulfillment: z.infer<typeof FulfillmentSchema>): OrderJourneyEvent[] {
	const shipmentStatus = clean(fulfillment.shipment_status);
	const trigger = fulfillmentTrigger(fulfillment.status, shipmentStatus);
	const trackingNumbers = trackingNumbersOf([...(fulfillment.tracking_numbers ?? []), fulfillment.tracking_number]);
	const stamp = fulfillment.updated_at ?? fulfillment.created_at;
	// A fulfillment is named after its order: "#1001.2" is the second shipment of "#1001".
	const orderNumber = clean(fulfillment.name?.replace(/\.\d+$/, ''));
	const destination = fulfillment.destination;
	const id =
		trigger === 'shipped'
			? eventKey(SOURCE, [fulfillment.order_id, 'shipped', fulfillment.id, ...(trackingNumbers ?? [])])
			: eventKey(SOURCE, [fulfillment.order_id, topic, fulfillment.id, stamp]);
	return [
		finish({
			id,
			source: SOURCE,
			topic,
			trigger,
			orderId: fulfillment.order_id,
			orderNumber,
			occurredAt: stamp,
			trackingNumbers,
			carrier: clean(fulfillment.tracking_company),
			trackingUrl: clean(fulfillment.tracking_url) ?? clean(fulfillment.tracking_urls?.[0]),
			customer: customerOf({
				firstName: destination?.first_name,
				lastName: destination?.last_name,
				name: destination?.name,
				email: fulfillment.email,
				phone: destination?.phone,
			}),
			// The items of this shipment, which is what a "shipped" message lists.
			order: orderNumber ? { number: orderNumber, items: itemsOf(fulfillment.line_items ?? []) } : undefined,
			destination: destinationOf(destination),
			estimatedDeliveryAt: opt(fulfillment.estimated_delivery_at),
			shipmentStatus,
		}),
	];
}

function trackingEvent(topic: string, event: z.infer<typeof FulfillmentEventSchema>): OrderJourneyEvent[] {
	return [
		finish({
			id: eventKey(SOURCE, [event.order_id, topic, event.id]),
			source: SOURCE,
			topic,
			trigger: fulfillmentEventTrigger(event.status),
			orderId: event.order_id,
			occurredAt: event.happened_at,
			destination: compactOrUndefined({
				city: clean(event.city),
				state: clean(event.province),
				postalCode: clean(event.zip),
				country: clean(event.country),
			}),
			estimatedDeliveryAt: opt(event.estimated_delivery_at),
			shipmentStatus: event.status,
		}),
	];
}

/** Only a refused charge is news; a successful payment is orders/paid's. */
function transactionEvent(topic: string, transaction: z.infer<typeof TransactionSchema>): OrderJourneyEvent[] {
	if (!isFailedCharge(transaction.kind, transaction.status)) return [];
	return [
		finish({
			id: orderLevelKey(SOURCE, transaction.order_id, 'payment_issue', topic, transaction.id),
			source: SOURCE,
			topic,
			trigger: 'payment_issue',
			orderId: transaction.order_id,
			occurredAt: transaction.processed_at ?? transaction.created_at,
			financialStatus: transaction.status,
			reason: clean(transaction.error_code),
		}),
	];
}

export const shopifyOrders: OrderWebhookProvider = {
	id: SOURCE,
	displayName: 'Shopify',
	credentialType: 'shopifyAdminApi',
	signatureHeaders: [SIGNATURE_HEADER],
	topicHeader: TOPIC_HEADER,

	/** base64(HMAC-SHA256(raw body, the app's client secret or the shop's webhook signing secret)). */
	verify(rawBody: Buffer, headers: Headers, secret: string): boolean {
		return base64HmacMatches(rawBody, headerValue(headers, SIGNATURE_HEADER), secret);
	},

	deliveryId(headers: Headers): string | undefined {
		return headerValue(headers, DELIVERY_HEADER) || undefined;
	},

	topic(headers: Headers): string | undefined {
		return headerValue(headers, TOPIC_HEADER)?.toLowerCase() || undefined;
	},

	normalize(topic: string, payload: unknown): OrderJourneyEvent[] {
		if (SHOPIFY_ORDER_TOPICS.has(topic)) return orderEvent(topic, parseWith(SOURCE, OrderSchema, payload));
		if (SHOPIFY_FULFILLMENT_TOPICS.has(topic)) return fulfillmentEvent(topic, parseWith(SOURCE, FulfillmentSchema, payload));
		if (topic === SHOPIFY_FULFILLMENT_EVENT_TOPIC) return trackingEvent(topic, parseWith(SOURCE, FulfillmentEventSchema, payload));
		if (topic === SHOPIFY_TRANSACTION_TOPIC) return transactionEvent(topic, parseWith(SOURCE, TransactionSchema, payload));
		return [];
	},
};
