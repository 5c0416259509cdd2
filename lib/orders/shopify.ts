import type { ZodTypeAny, infer as ZodInfer } from 'zod';
import type { HttpResponse } from '../http';
import { compact, compactOrUndefined, toDateOrDateTime, toIsoDateTime } from '../model/build';
import { clean, daysAgo, failure, isObject, malformed, missingRef, parseAs, requireCredential, sendThrottled } from './common';
import { CONSENT_STATES, OrderContextSchema, type ConsentState, type OrderContext, type OrderCustomer, type OrderFulfillment } from './model';
import {
	CUSTOMER_BY_EMAIL,
	CustomerNode,
	ORDER_BY_ID,
	ORDERS_BY_QUERY,
	OrderNode,
	ScanPage,
	TRACKING_SCAN,
	type ShopifyCustomerNode,
	type ShopifyOrderNode,
} from './shopify-schema';
import { timeZoneFor } from '../calendar/timezones';
import { OrderSourceError, type OrderRef, type OrderSource, type OrderSourceContext } from './types';

/**
 * The Admin GraphQL version requests are pinned to: a stable release (July 2026, supported until
 * at least July 2027). 2026-10 moves SMS consent to CustomerPhoneNumber.smsMarketingConsent; move
 * CUSTOMER_FIELDS with it when bumping. The credential's apiVersion overrides this.
 */
export const SHOPIFY_API_VERSION = '2026-07';

const ID = 'shopify';
/** Shopify documents no tracking-number filter for `orders`, so recent orders are scanned: at most this many pages of 50... */
const SCAN_PAGES = 4;
/** ...updated within this many days (what read_orders can see without read_all_orders). */
const SCAN_DAYS = 60;

export function endpoint(ctx: OrderSourceContext): string {
	const shop = requireCredential(ID, ctx, 'shopDomain');
	const version = clean(ctx.credentials.apiVersion) ?? SHOPIFY_API_VERSION;
	// A full URL is taken as is (a local stand-in); a shop name or domain becomes https://{shop}.myshopify.com.
	const base = /^https?:\/\//i.test(shop) ? shop.replace(/\/+$/, '') : `https://${shop.replace(/\.myshopify\.com\/?$/i, '')}.myshopify.com`;
	return `${base}/admin/api/${version}/graphql.json`;
}

interface GraphQLError {
	message?: string;
	path?: Array<string | number>;
	extensions?: { code?: string };
}

function graphQLErrors(body: unknown): GraphQLError[] {
	return isObject(body) && Array.isArray(body.errors) ? body.errors.filter(isObject) : [];
}

/** Milliseconds until the leaky bucket holds the requested cost: (requested - available) / restoreRate. */
function throttleWait(body: unknown): number | undefined {
	if (!graphQLErrors(body).some((error) => error.extensions?.code === 'THROTTLED')) return undefined;
	const cost = isObject(body) && isObject(body.extensions) && isObject(body.extensions.cost) ? body.extensions.cost : {};
	const status = isObject(cost.throttleStatus) ? cost.throttleStatus : {};
	const { requestedQueryCost: requested } = cost;
	const { currentlyAvailable: available, restoreRate: rate } = status;
	if (typeof requested !== 'number' || typeof available !== 'number' || typeof rate !== 'number' || rate <= 0) return 1000;
	return Math.max(0, Math.ceil(((requested - available) / rate) * 1000));
}

/** A missing fulfillment-order scope only hides the promise date; every other refusal is an error. */
const tolerated = (error: GraphQLError) => error.extensions?.code === 'ACCESS_DENIED' && (error.path ?? []).includes('fulfillmentOrders');

async function graphql(ctx: OrderSourceContext, query: string, variables: Record<string, unknown>): Promise<{ data: Record<string, unknown>; res: HttpResponse }> {
	const headers = { 'X-Shopify-Access-Token': requireCredential(ID, ctx, 'accessToken'), Accept: 'application/json' };
	const res = await sendThrottled(ID, ctx, { method: 'POST', url: endpoint(ctx), headers, json: { query, variables } }, (r) => throttleWait(r.body));
	if (res.status < 200 || res.status >= 300) throw failure(ID, ctx, res);
	const errors = graphQLErrors(res.body).filter((error) => !tolerated(error));
	const first = errors[0];
	if (first) {
		const code = first.extensions?.code ?? 'GRAPHQL_ERROR';
		const where = first.path?.length ? ` at ${first.path.join('.')}` : '';
		if (code === 'THROTTLED') {
			throw new OrderSourceError(ID, 'rate_limited', `${ID}: query cost throttled (THROTTLED) after retries`, { httpStatus: res.status, providerCode: code, retryAfterMs: throttleWait(res.body) });
		}
		if (code === 'ACCESS_DENIED') {
			throw new OrderSourceError(ID, 'auth', `${ID}: access denied${where} (ACCESS_DENIED); grant the app read_orders and read_customers`, { httpStatus: res.status, providerCode: code });
		}
		throw new OrderSourceError(ID, 'invalid_request', `${ID}: query refused${where} (${code})`, { httpStatus: res.status, providerCode: code });
	}
	if (!isObject(res.body) || !isObject(res.body.data)) throw malformed(ID, res, 'data', 'required');
	return { data: res.body.data, res };
}

/** `query` search syntax value, quoted so '#', spaces and '@' stay one term. */
const term = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;
const sameNumber = (a: string, b: string) => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

function consent(state: string | null | undefined): ConsentState | undefined {
	const lower = state?.toLowerCase();
	return (CONSENT_STATES as readonly string[]).includes(lower ?? '') ? (lower as ConsentState) : undefined;
}

function finite(value: string | number | null | undefined): number | undefined {
	const number = typeof value === 'number' ? value : Number(value ?? NaN);
	return Number.isFinite(number) && number >= 0 ? number : undefined;
}

function customerOf(node: ShopifyCustomerNode, order?: ShopifyOrderNode): OrderCustomer {
	const email = clean(order?.email) ?? clean(node.defaultEmailAddress?.emailAddress);
	const phone = clean(order?.phone) ?? clean(node.defaultPhoneNumber?.phoneNumber);
	// displayName falls back to the email or phone when the customer has no name: not a name then.
	const name = clean(node.displayName);
	return compact({
		id: node.id,
		name: name && name !== email && name !== phone && !name.includes('@') ? name : undefined,
		firstName: clean(node.firstName),
		email,
		phone,
		locale: clean(node.locale),
		emailConsent: consent(node.defaultEmailAddress?.marketingState),
		smsConsent: consent(node.defaultPhoneNumber?.marketingState),
		lifetimeValue: finite(node.amountSpent?.amount),
		ordersCount: finite(node.numberOfOrders),
	});
}

function fulfillmentsOf(node: ShopifyOrderNode): OrderFulfillment[] {
	return node.fulfillments.flatMap((f) => {
		const base = { id: f.id, status: f.status.toLowerCase(), createdAt: toIsoDateTime(f.createdAt) ?? f.createdAt, estimatedDeliveryAt: toDateOrDateTime(f.estimatedDeliveryAt) };
		const numbers = f.trackingInfo.filter((t) => clean(t.number));
		if (numbers.length === 0) return [compact(base)];
		return numbers.map((t) => compact({ ...base, trackingNumber: clean(t.number), trackingCompany: clean(t.company), trackingUrl: clean(t.url) }));
	});
}

/** The latest delivery date the checkout's delivery method promised, over all fulfillment orders. */
function promisedDate(node: ShopifyOrderNode): string | undefined {
	const dates = (node.fulfillmentOrders?.nodes ?? []).map((fo) => toIsoDateTime(fo.deliveryMethod?.maxDeliveryDateTime)).filter((d): d is string => d !== undefined);
	return dates.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
}

function toContext(node: ShopifyOrderNode, res: HttpResponse, path: string): OrderContext {
	const money = node.currentTotalPriceSet.presentmentMoney;
	const address = node.shippingAddress;
	const shippingAddress = address
		? compactOrUndefined({ city: clean(address.city), regionCode: clean(address.provinceCode), countryCode: clean(address.countryCodeV2), zip: clean(address.zip) })
		: undefined;
	const context: OrderContext = compact({
		source: ID,
		order: compact({
			id: node.id,
			number: node.name,
			createdAt: toIsoDateTime(node.createdAt) ?? node.createdAt,
			currency: money.currencyCode,
			totalPrice: money.amount,
			financialStatus: clean(node.displayFinancialStatus)?.toLowerCase() ?? 'unknown',
			fulfillmentStatus: node.displayFulfillmentStatus.toLowerCase(),
			cancelledAt: toIsoDateTime(node.cancelledAt),
			tags: node.tags?.length ? node.tags : undefined,
			items: node.lineItems.nodes.map((item) =>
				compact({ title: item.title, quantity: item.quantity, sku: clean(item.sku), imageUrl: clean(item.image?.url), price: item.originalUnitPriceSet?.presentmentMoney.amount }),
			),
			shippingAddress,
			promise: compact({ promisedDate: promisedDate(node) }),
			fulfillments: fulfillmentsOf(node),
		}),
		customer: node.customer ? customerOf(node.customer, node) : compact({ email: clean(node.email), phone: clean(node.phone) }),
		timeZone: timeZoneFor(shippingAddress?.countryCode, shippingAddress?.regionCode),
		sources: [ID],
	});
	// The mapped context must hold (dates, currency, quantities); a miss names the mapped field.
	return parseAs(ID, res, OrderContextSchema, context, [path, 'mapped']);
}

function nodeOrNull<S extends ZodTypeAny>(res: HttpResponse, schema: S, value: unknown, path: Array<string | number>): ZodInfer<S> | null {
	return value === null || value === undefined ? null : parseAs(ID, res, schema, value, path);
}

async function orderById(gid: string, ctx: OrderSourceContext): Promise<OrderContext | null> {
	const { data, res } = await graphql(ctx, ORDER_BY_ID, { id: gid });
	const node = nodeOrNull(res, OrderNode, data.order, ['data', 'order']);
	return node ? toContext(node, res, 'data.order') : null;
}

async function firstOrder(query: string, ctx: OrderSourceContext): Promise<{ node: ShopifyOrderNode; res: HttpResponse } | null> {
	const { data, res } = await graphql(ctx, ORDERS_BY_QUERY, { query });
	const nodes = isObject(data.orders) ? data.orders.nodes : undefined;
	if (!Array.isArray(nodes)) throw malformed(ID, res, 'data.orders.nodes', 'required');
	const node = nodeOrNull(res, OrderNode, nodes[0], ['data', 'orders', 'nodes', 0]);
	return node ? { node, res } : null;
}

/** The order id whose fulfillments carry the number, among recently updated orders. */
async function scanForTracking(trackingNumber: string, email: string | undefined, ctx: OrderSourceContext): Promise<string | null> {
	const since = daysAgo(ctx, SCAN_DAYS).slice(0, 10);
	const query = `updated_at:>=${since}${email ? ` AND email:${term(email)}` : ''}`;
	let after: string | undefined;
	for (let page = 0; page < SCAN_PAGES; page++) {
		const { data, res } = await graphql(ctx, TRACKING_SCAN, { query, after });
		const orders = parseAs(ID, res, ScanPage, data.orders, ['data', 'orders']);
		const hit = orders.nodes.find((o) => o.fulfillments.some((f) => f.trackingInfo.some((t) => t.number && sameNumber(t.number, trackingNumber))));
		if (hit) return hit.id;
		if (!orders.pageInfo.hasNextPage || !orders.pageInfo.endCursor) return null;
		after = orders.pageInfo.endCursor;
	}
	return null;
}

/** Digits alone are the REST/legacy id; anything else must already be a gid. */
const orderGid = (id: string) => (/^\d+$/.test(id) ? `gid://shopify/Order/${id}` : id);

export const shopifySource: OrderSource = {
	id: ID,
	displayName: 'Shopify',
	summary: 'Order, items, promise, customer (Admin GraphQL API)',
	credentialType: 'shopifyAdminApi',
	hasOrders: true,

	async getOrder(ref: OrderRef, ctx: OrderSourceContext) {
		const id = clean(ref.id);
		if (id) return orderById(orderGid(id), ctx);
		const number = clean(ref.number);
		if (number) {
			// Shopify's default name format is '#' + number; a bare number gets the '#'.
			const name = /^\d+$/.test(number) ? `#${number}` : number;
			const found = await firstOrder(`name:${term(name)}`, ctx);
			return found && sameNumber(found.node.name, name) ? toContext(found.node, found.res, 'data.orders.nodes[0]') : null;
		}
		const trackingNumber = clean(ref.trackingNumber);
		const email = clean(ref.email);
		if (trackingNumber) {
			const gid = await scanForTracking(trackingNumber, email, ctx);
			return gid ? orderById(gid, ctx) : null;
		}
		if (email) {
			const found = await firstOrder(`email:${term(email)}`, ctx);
			return found ? toContext(found.node, found.res, 'data.orders.nodes[0]') : null;
		}
		throw missingRef(ID, 'an order id, number, tracking number or email');
	},

	async getCustomer(ref: { email: string }, ctx: OrderSourceContext) {
		const email = clean(ref.email);
		if (!email) throw missingRef(ID, 'email');
		const { data, res } = await graphql(ctx, CUSTOMER_BY_EMAIL, { query: `email:${term(email)}` });
		const nodes = isObject(data.customers) ? data.customers.nodes : undefined;
		if (!Array.isArray(nodes)) throw malformed(ID, res, 'data.customers.nodes', 'required');
		const node = nodeOrNull(res, CustomerNode, nodes[0], ['data', 'customers', 'nodes', 0]);
		return node ? { source: ID, customer: customerOf(node), sources: [ID] } : null;
	},
};
