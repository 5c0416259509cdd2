import { z } from 'zod';

/**
 * Shopify Admin GraphQL documents and the response shapes this client reads. Field names are those
 * of the pinned version (SHOPIFY_API_VERSION in ./shopify.ts). Customer contact and consent come
 * from defaultEmailAddress / defaultPhoneNumber (added in 2025-04; Customer.email, .phone and the
 * *MarketingConsent fields are deprecated for them).
 */
const ORDER_FIELDS = `
fragment OrderFields on Order {
	id name createdAt email phone displayFinancialStatus displayFulfillmentStatus cancelledAt tags
	currentTotalPriceSet { presentmentMoney { amount currencyCode } }
	lineItems(first: 50) { nodes { title quantity sku image { url } originalUnitPriceSet { presentmentMoney { amount } } } }
	fulfillments(first: 20) { id status createdAt estimatedDeliveryAt trackingInfo(first: 10) { number company url } }
	fulfillmentOrders(first: 10) { nodes { deliveryMethod { maxDeliveryDateTime } } }
	shippingAddress { city provinceCode countryCodeV2 zip }
	customer { ...CustomerFields }
}`;

const CUSTOMER_FIELDS = `
fragment CustomerFields on Customer {
	id displayName firstName locale numberOfOrders
	amountSpent { amount currencyCode }
	defaultEmailAddress { emailAddress marketingState }
	defaultPhoneNumber { phoneNumber marketingState }
}`;

export const ORDER_BY_ID = `query OrderById($id: ID!) { order(id: $id) { ...OrderFields } }${ORDER_FIELDS}${CUSTOMER_FIELDS}`;

export const ORDERS_BY_QUERY = `query OrdersByQuery($query: String!) {
	orders(first: 1, query: $query, sortKey: CREATED_AT, reverse: true) { nodes { ...OrderFields } }
}${ORDER_FIELDS}${CUSTOMER_FIELDS}`;

/** Light on purpose: a page of 50 orders with their numbers only, so the query cost stays low. */
export const TRACKING_SCAN = `query TrackingScan($query: String!, $after: String) {
	orders(first: 50, after: $after, query: $query, sortKey: UPDATED_AT, reverse: true) {
		nodes { id fulfillments(first: 20) { trackingInfo(first: 10) { number } } }
		pageInfo { hasNextPage endCursor }
	}
}`;

export const CUSTOMER_BY_EMAIL = `query CustomerByEmail($query: String!) {
	customers(first: 1, query: $query) { nodes { ...CustomerFields } }
}${CUSTOMER_FIELDS}`;

const str = z.string();
const optStr = str.nullish();

export const CustomerNode = z
	.object({
		id: str,
		displayName: optStr,
		firstName: optStr,
		locale: optStr,
		// UnsignedInt64 is serialised as a string.
		numberOfOrders: z.union([str, z.number()]).nullish(),
		amountSpent: z.object({ amount: str, currencyCode: str }).passthrough().nullish(),
		defaultEmailAddress: z.object({ emailAddress: optStr, marketingState: optStr }).passthrough().nullish(),
		defaultPhoneNumber: z.object({ phoneNumber: optStr, marketingState: optStr }).passthrough().nullish(),
	})
	.passthrough();

export const OrderNode = z
	.object({
		id: str,
		name: str,
		createdAt: str,
		email: optStr,
		phone: optStr,
		displayFinancialStatus: optStr,
		displayFulfillmentStatus: str,
		cancelledAt: optStr,
		tags: z.array(str).nullish(),
		currentTotalPriceSet: z.object({ presentmentMoney: z.object({ amount: str, currencyCode: str }).passthrough() }).passthrough(),
		lineItems: z.object({
			nodes: z.array(
				z
					.object({
						title: str,
						quantity: z.number(),
						sku: optStr,
						image: z.object({ url: optStr }).passthrough().nullish(),
						originalUnitPriceSet: z.object({ presentmentMoney: z.object({ amount: str }).passthrough() }).passthrough().nullish(),
					})
					.passthrough(),
			),
		}),
		fulfillments: z.array(
			z
				.object({
					id: str,
					status: str,
					createdAt: str,
					estimatedDeliveryAt: optStr,
					trackingInfo: z.array(z.object({ number: optStr, company: optStr, url: optStr }).passthrough()),
				})
				.passthrough(),
		),
		// Null when the app lacks a fulfillment-order scope: the promise is then simply unknown.
		fulfillmentOrders: z
			.object({ nodes: z.array(z.object({ deliveryMethod: z.object({ maxDeliveryDateTime: optStr }).passthrough().nullish() }).passthrough()) })
			.nullish(),
		shippingAddress: z.object({ city: optStr, provinceCode: optStr, countryCodeV2: optStr, zip: optStr }).passthrough().nullish(),
		customer: CustomerNode.nullish(),
	})
	.passthrough();

export const ScanPage = z.object({
	nodes: z.array(z.object({ id: str, fulfillments: z.array(z.object({ trackingInfo: z.array(z.object({ number: optStr }).passthrough()) }).passthrough()) })),
	pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: optStr }),
});

export type ShopifyOrderNode = z.infer<typeof OrderNode>;
export type ShopifyCustomerNode = z.infer<typeof CustomerNode>;
