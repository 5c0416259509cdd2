import { z } from 'zod';
import type { HttpRequest, HttpResponse } from '../http';
import { compact, compactOrUndefined, fromUnixSeconds, toIsoDateTime } from '../model/build';
import { clean, daysAgo, enc, failure, isObject, missingRef, parseAs, requireCredential, sendThrottled } from './common';
import { OrderContextSchema, type OrderContext, type OrderFulfillment } from './model';
import { timeZoneFor } from '../calendar/timezones';
import { OrderSourceError, type OrderRef, type OrderSource, type OrderSourceContext } from './types';

const ID = 'woocommerce';
/** WooCommerce cannot filter orders by meta, so a tracking number is looked for in recent pages. */
const SCAN_PAGES = 4;
const SCAN_DAYS = 60;
/**
 * Where tracking numbers live: the meta the official WooCommerce Shipment Tracking extension
 * writes, a list of { tracking_provider | custom_tracking_provider, custom_tracking_link,
 * tracking_number, date_shipped (Unix seconds), tracking_id }. Other plugins are not read.
 */
const TRACKING_META = '_wc_shipment_tracking_items';

const str = z.string();
const optStr = str.nullish();
const address = z.object({ city: optStr, state: optStr, postcode: optStr, country: optStr }).passthrough();

const WooOrder = z
	.object({
		id: z.number(),
		number: z.union([str, z.number()]),
		status: str,
		currency: str,
		date_created_gmt: str,
		date_paid_gmt: optStr,
		total: str,
		customer_id: z.number().nullish(),
		billing: address.extend({ first_name: optStr, last_name: optStr, email: optStr, phone: optStr }).passthrough(),
		shipping: address,
		line_items: z.array(
			z.object({ name: str, quantity: z.number(), sku: optStr, price: z.union([str, z.number()]).nullish(), image: z.object({ src: optStr }).passthrough().nullish() }).passthrough(),
		),
		meta_data: z.array(z.object({ key: str, value: z.unknown() }).passthrough()).nullish(),
	})
	.passthrough();
type WooOrder = z.infer<typeof WooOrder>;

const TrackingItem = z
	.object({
		tracking_number: optStr,
		tracking_provider: optStr,
		custom_tracking_provider: optStr,
		custom_tracking_link: optStr,
		date_shipped: z.union([str, z.number()]).nullish(),
		tracking_id: optStr,
	})
	.passthrough();

const WooCustomer = z
	.object({ id: z.number(), email: optStr, first_name: optStr, last_name: optStr, billing: z.object({ phone: optStr }).passthrough().nullish() })
	.passthrough();

function baseUrl(ctx: OrderSourceContext): string {
	const site = requireCredential(ID, ctx, 'siteUrl').replace(/\/+$/, '');
	const url = new URL(site);
	// Basic auth is for HTTPS only (over HTTP WooCommerce wants OAuth 1.0a); loopback stand-ins excepted.
	if (url.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
		throw new OrderSourceError(ID, 'invalid_request', `${ID}: the site URL must use https (Basic auth over plain HTTP is refused)`);
	}
	return `${site}/wp-json/wc/v3`;
}

function authHeader(ctx: OrderSourceContext): Record<string, string> {
	const key = requireCredential(ID, ctx, 'consumerKey');
	const secret = requireCredential(ID, ctx, 'consumerSecret');
	return { Authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`, Accept: 'application/json' };
}

/** WooCommerce error bodies: { code: 'woocommerce_rest_...', message, data: { status } }. */
const errorCode = (body: unknown) => (isObject(body) && typeof body.code === 'string' ? body.code : undefined);

async function get(ctx: OrderSourceContext, path: string, qs?: HttpRequest['qs']): Promise<HttpResponse> {
	return sendThrottled(ID, ctx, { method: 'GET', url: `${baseUrl(ctx)}${path}`, headers: authHeader(ctx), qs });
}

function orFail(res: HttpResponse, ctx: OrderSourceContext): HttpResponse {
	if (res.status < 200 || res.status >= 300) throw failure(ID, ctx, res, errorCode(res.body));
	return res;
}

function trackingItems(order: WooOrder, res: HttpResponse, index: number[]): Array<z.infer<typeof TrackingItem>> {
	const meta = order.meta_data ?? [];
	const at = meta.findIndex((m) => m.key === TRACKING_META);
	const value = at >= 0 ? meta[at]!.value : undefined;
	if (!Array.isArray(value)) return [];
	return parseAs(ID, res, z.array(TrackingItem), value, [...index, 'meta_data', at, 'value']);
}

/** Shopify's vocabulary for WooCommerce statuses, so the merged context reads the same either way. */
function financialStatus(order: WooOrder): string {
	if (order.status === 'refunded') return 'refunded';
	if (order.status === 'failed') return 'failed';
	if (order.status === 'cancelled') return clean(order.date_paid_gmt) ? 'refunded' : 'voided';
	return clean(order.date_paid_gmt) ? 'paid' : 'pending';
}

function fulfillmentStatus(order: WooOrder, shipped: number): string {
	if (order.status === 'completed') return 'fulfilled';
	if (order.status === 'on-hold') return 'on_hold';
	return shipped > 0 ? 'partially_fulfilled' : 'unfulfilled';
}

function toContext(order: WooOrder, res: HttpResponse, index: number[]): OrderContext {
	const fulfillments: OrderFulfillment[] = trackingItems(order, res, index)
		.filter((item) => clean(item.tracking_number))
		.map((item, i) =>
			compact({
				id: clean(item.tracking_id) ?? `${order.id}-${i + 1}`,
				status: 'success',
				trackingNumber: clean(item.tracking_number),
				trackingCompany: clean(item.tracking_provider) ?? clean(item.custom_tracking_provider),
				trackingUrl: clean(item.custom_tracking_link),
				createdAt: fromUnixSeconds(Number(item.date_shipped ?? NaN)) ?? toIsoDateTime(order.date_created_gmt) ?? order.date_created_gmt,
			}),
		);
	// A virtual order has no shipping address; the billing one still places the customer in a zone.
	const place = clean(order.shipping.country) ? order.shipping : order.billing;
	const shippingAddress = compactOrUndefined({ city: clean(place.city), regionCode: clean(place.state), countryCode: clean(place.country), zip: clean(place.postcode) });
	const { billing } = order;
	const context: OrderContext = compact({
		source: ID,
		order: compact({
			id: String(order.id),
			number: String(order.number),
			// date_created_gmt has no offset: it is UTC, as its name says.
			createdAt: toIsoDateTime(order.date_created_gmt) ?? order.date_created_gmt,
			currency: order.currency,
			totalPrice: order.total,
			financialStatus: financialStatus(order),
			fulfillmentStatus: fulfillmentStatus(order, fulfillments.length),
			items: order.line_items.map((item) =>
				compact({ title: item.name, quantity: item.quantity, sku: clean(item.sku), imageUrl: clean(item.image?.src), price: item.price === null || item.price === undefined ? undefined : String(item.price) }),
			),
			shippingAddress,
			promise: {},
			fulfillments,
		}),
		customer: compact({
			id: order.customer_id ? String(order.customer_id) : undefined,
			name: [clean(billing.first_name), clean(billing.last_name)].filter(Boolean).join(' ') || undefined,
			firstName: clean(billing.first_name),
			email: clean(billing.email),
			phone: clean(billing.phone),
		}),
		timeZone: timeZoneFor(shippingAddress?.countryCode, shippingAddress?.regionCode),
		sources: [ID],
	});
	return parseAs(ID, res, OrderContextSchema, context, [...index, 'mapped']);
}

async function byId(id: string, ctx: OrderSourceContext): Promise<OrderContext | null> {
	const res = await get(ctx, `/orders/${enc(id)}`);
	// An unknown id is woocommerce_rest_shop_order_invalid_id (404); any other 404 is a wrong URL.
	if (res.status === 404 && /invalid_id$/.test(errorCode(res.body) ?? '')) return null;
	orFail(res, ctx);
	return toContext(parseAs(ID, res, WooOrder, res.body, []), res, []);
}

async function list(ctx: OrderSourceContext, qs: HttpRequest['qs']): Promise<{ orders: WooOrder[]; res: HttpResponse }> {
	const res = orFail(await get(ctx, '/orders', qs), ctx);
	return { orders: parseAs(ID, res, z.array(WooOrder), res.body, []), res };
}

async function firstMatch(ctx: OrderSourceContext, qs: HttpRequest['qs'], pages: number, match: (order: WooOrder, res: HttpResponse, i: number) => boolean) {
	for (let page = 1; page <= pages; page++) {
		const { orders, res } = await list(ctx, { ...qs, page });
		const i = orders.findIndex((order, n) => match(order, res, n));
		if (i >= 0) return toContext(orders[i]!, res, [i]);
		if (orders.length < Number(qs?.per_page ?? 10)) return null;
	}
	return null;
}

const sameNumber = (a: string, b: string) => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

export const woocommerceSource: OrderSource = {
	id: ID,
	displayName: 'WooCommerce',
	summary: 'Order, items, customer (REST API v3)',
	credentialType: 'wooCommerceStoreApi',
	hasOrders: true,

	async getOrder(ref: OrderRef, ctx: OrderSourceContext) {
		const id = clean(ref.id);
		if (id) return byId(id, ctx);
		const number = clean(ref.number)?.replace(/^#/, '');
		if (number) {
			// The number is the id unless a sequential-numbers plugin renames it; then search finds it.
			const direct = /^\d+$/.test(number) ? await byId(number, ctx) : null;
			if (direct && direct.order?.number === number) return direct;
			return firstMatch(ctx, { search: number, per_page: 10 }, 1, (order) => String(order.number) === number);
		}
		const trackingNumber = clean(ref.trackingNumber);
		const email = clean(ref.email);
		if (trackingNumber) {
			const qs = { per_page: 50, orderby: 'modified', order: 'desc', modified_after: daysAgo(ctx, SCAN_DAYS).slice(0, 19), ...(email ? { search: email } : {}) };
			return firstMatch(ctx, qs, SCAN_PAGES, (order, res, i) => trackingItems(order, res, [i]).some((t) => t.tracking_number && sameNumber(t.tracking_number, trackingNumber)));
		}
		if (email) {
			return firstMatch(ctx, { search: email, per_page: 10, orderby: 'date', order: 'desc' }, 1, (order) => clean(order.billing.email)?.toLowerCase() === email.toLowerCase());
		}
		throw missingRef(ID, 'an order id, number, tracking number or email');
	},

	async getCustomer(ref: { email: string }, ctx: OrderSourceContext) {
		const email = clean(ref.email);
		if (!email) throw missingRef(ID, 'email');
		const res = orFail(await get(ctx, '/customers', { email, role: 'all' }), ctx);
		const customers = parseAs(ID, res, z.array(WooCustomer), res.body, []);
		const customer = customers[0];
		if (!customer) return null;
		const name = [clean(customer.first_name), clean(customer.last_name)].filter(Boolean).join(' ') || undefined;
		return {
			source: ID,
			customer: compact({ id: String(customer.id), name, firstName: clean(customer.first_name), email: clean(customer.email), phone: clean(customer.billing?.phone) }),
			sources: [ID],
		};
	},
};
