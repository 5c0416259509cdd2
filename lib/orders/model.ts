import { z } from 'zod';
import { isPreference } from '../channels/registry';
import type { NotifyRecipient } from '../notify/types';

const isoDateTime = z.string().datetime({ offset: true });
/** A calendar date (YYYY-MM-DD) or a date-time with offset, as in ShipmentEvent. */
const dateOrDateTime = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), isoDateTime]);
/** Money as the source gives it ("49.90"): a decimal string, never a float that rounds. */
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const text = z.string().min(1);

/**
 * Marketing consent as the source reports it, lower-cased (Shopify's CustomerEmailMarketingState and
 * CustomerSmsMarketingState values; HubSpot's hs_email_optout gives 'unsubscribed'). It is about
 * marketing: whether a delivery update may go out is the preference's and the opt-outs' call.
 */
export const CONSENT_STATES = ['subscribed', 'unsubscribed', 'not_subscribed', 'pending', 'invalid', 'redacted'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const OrderItemSchema = z
	.object({
		title: text,
		quantity: z.number().int().nonnegative(),
		sku: text.optional(),
		imageUrl: text.optional(),
		/** Unit price in the order currency. */
		price: decimal.optional(),
	})
	.strict();

/** Enough of the address for messages and the time zone; street lines are never copied. */
export const ShippingAddressSchema = z
	.object({
		city: text.optional(),
		/** ISO 3166-2 subdivision code without the country: 'CA' for California, 'BY' for Bavaria. */
		regionCode: text.optional(),
		/** ISO 3166-1 alpha-2. */
		countryCode: z.string().regex(/^[A-Z]{2}$/).optional(),
		zip: text.optional(),
	})
	.strict();

/** One tracking number of a shipment (a Shopify fulfillment with two numbers gives two entries). */
export const OrderFulfillmentSchema = z
	.object({
		id: text,
		/** The source's own status, lower-cased: Shopify 'success', 'cancelled'...; WooCommerce 'success'. */
		status: text,
		trackingNumber: text.optional(),
		trackingCompany: text.optional(),
		trackingUrl: text.optional(),
		estimatedDeliveryAt: dateOrDateTime.optional(),
		createdAt: isoDateTime,
	})
	.strict();

export const OrderSchema = z
	.object({
		id: text,
		/** What the customer sees: '#1001' (Shopify name), '1001' (WooCommerce number). */
		number: text,
		createdAt: isoDateTime,
		currency: z.string().regex(/^[A-Z]{3}$/),
		totalPrice: decimal,
		/** Lower-cased, Shopify's vocabulary: 'paid', 'pending', 'refunded', 'partially_refunded', 'voided'... */
		financialStatus: text,
		/** Lower-cased, Shopify's vocabulary: 'fulfilled', 'unfulfilled', 'partially_fulfilled', 'in_progress'... */
		fulfillmentStatus: text,
		cancelledAt: isoDateTime.optional(),
		tags: z.array(text).optional(),
		items: z.array(OrderItemSchema),
		shippingAddress: ShippingAddressSchema.optional(),
		promise: z
			.object({
				/** The latest delivery date the shop promised at checkout. */
				promisedDate: dateOrDateTime.optional(),
				/** Business days the shop takes to hand the parcel over. */
				handlingDays: z.number().int().nonnegative().optional(),
			})
			.strict(),
		fulfillments: z.array(OrderFulfillmentSchema),
	})
	.strict();

export const OrderCustomerSchema = z
	.object({
		id: text.optional(),
		name: text.optional(),
		firstName: text.optional(),
		email: text.optional(),
		phone: text.optional(),
		/** BCP 47 ('en', 'de-DE'). */
		locale: text.optional(),
		emailConsent: z.enum(CONSENT_STATES).optional(),
		smsConsent: z.enum(CONSENT_STATES).optional(),
		/** The customer's channel choice for delivery updates (a CRM property). */
		preference: z.string().refine(isPreference, { message: 'must be a channel kind, both or none' }).optional(),
		/** Total spent, in the source's currency. */
		lifetimeValue: z.number().nonnegative().optional(),
		ordersCount: z.number().int().nonnegative().optional(),
	})
	.strict();

/**
 * What the order and customer systems know about one order and its buyer. A CRM contributes a
 * context without `order`; mergeContexts (./merge.ts) combines several into one.
 */
export const OrderContextSchema = z
	.object({
		/** The contributing source's id; for a merged context, where the order facts came from. */
		source: text,
		order: OrderSchema.optional(),
		customer: OrderCustomerSchema,
		/** IANA zone derived from the shipping address (./timezones.ts). */
		timeZone: text.optional(),
		/** Every source that contributed, in precedence order. */
		sources: z.array(text).min(1),
	})
	.strict();

export type OrderItem = z.infer<typeof OrderItemSchema>;
export type ShippingAddress = z.infer<typeof ShippingAddressSchema>;
export type OrderFulfillment = z.infer<typeof OrderFulfillmentSchema>;
export type Order = z.infer<typeof OrderSchema>;
export type OrderCustomer = z.infer<typeof OrderCustomerSchema>;
export type OrderContext = z.infer<typeof OrderContextSchema>;

/**
 * The Customer Notify recipient for a context. Marketing consent is deliberately not turned into an
 * opt-out: a delivery update is transactional, and the preference 'none' already stops it.
 */
export function toNotifyRecipient(context: OrderContext): NotifyRecipient {
	const { customer } = context;
	const recipient: NotifyRecipient = {
		email: customer.email,
		phone: customer.phone,
		preference: customer.preference,
		timeZone: context.timeZone,
		country: context.order?.shippingAddress?.countryCode,
		name: customer.firstName ?? customer.name,
		locale: customer.locale,
	};
	return Object.fromEntries(Object.entries(recipient).filter(([, value]) => value !== undefined)) as NotifyRecipient;
}
