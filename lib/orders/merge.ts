import type { OrderContext, OrderCustomer } from './model';
import { listOrderSources } from './registry';

/**
 * Which source wins, field by field, when several describe the same order and buyer.
 *
 * MERGE PRECEDENCE (README text)
 * - Order facts (items, totals, statuses, fulfillments, shipping address, promise) and the time
 *   zone come whole from one order system: the first of `orders` (default Shopify, then
 *   WooCommerce) that returned an order. Two orders are never mixed field by field, because two
 *   order systems may not mean the same order.
 * - Channel preference and marketing consent (preference, emailConsent, smsConsent) come from the
 *   CRM (`preferences`, default HubSpot) when it has them set; else from the order systems.
 * - Every other customer field (id, name, first name, email, phone, locale, lifetime value, orders
 *   count) takes the first non-empty value in `customer` order (default Shopify, WooCommerce,
 *   HubSpot: what the buyer gave for this order beats the account record), except that a more
 *   specific value beats a less specific one: a full name beats a single word, a locale with a
 *   region ('de-AT') beats the bare language ('de') it refines.
 * - Sources not listed rank after the listed ones, in the order given. `sources` names every
 *   source that contributed a value, the order's source first.
 */
export interface MergePrecedence {
	orders: string[];
	preferences: string[];
	customer: string[];
}

/** The registry's order: its order systems for orders, its CRMs for preferences, all for the customer. */
export const DEFAULT_PRECEDENCE: MergePrecedence = {
	orders: listOrderSources().filter((s) => s.hasOrders).map((s) => s.id),
	preferences: listOrderSources().filter((s) => !s.hasOrders).map((s) => s.id),
	customer: listOrderSources().map((s) => s.id),
};

const PREFERENCE_FIELDS = ['preference', 'emailConsent', 'smsConsent'] as const;
const CUSTOMER_FIELDS = ['id', 'name', 'firstName', 'email', 'phone', 'locale', 'lifetimeValue', 'ordersCount'] as const;

/** Contexts sorted by a precedence list: listed sources first in list order, the rest as given. */
function ranked(contexts: OrderContext[], list: string[]): OrderContext[] {
	const rank = (context: OrderContext, index: number) => {
		const at = list.indexOf(context.source);
		return at >= 0 ? at : list.length + index;
	};
	return contexts.map((context, index) => ({ context, key: rank(context, index) })).sort((a, b) => a.key - b.key).map(({ context }) => context);
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** True when `candidate` refines `current`: more words in a name, a region on the same language. */
function moreSpecific(field: string, current: unknown, candidate: unknown): boolean {
	if (typeof current !== 'string' || typeof candidate !== 'string') return false;
	if (field === 'name') return candidate.trim().split(/\s+/).length > current.trim().split(/\s+/).length;
	if (field === 'locale') {
		const [language, region] = current.toLowerCase().split(/[-_]/);
		const [candidateLanguage, candidateRegion] = candidate.toLowerCase().split(/[-_]/);
		return !region && Boolean(candidateRegion) && language === candidateLanguage;
	}
	return false;
}

function pick<K extends keyof OrderCustomer>(field: K, order: OrderContext[], used: Set<string>, refine: boolean): OrderCustomer[K] | undefined {
	let value: OrderCustomer[K] | undefined;
	let from: string | undefined;
	for (const context of order) {
		const candidate = context.customer[field];
		if (isEmpty(candidate)) continue;
		if (value === undefined || (refine && moreSpecific(field, value, candidate))) {
			value = candidate;
			from = context.source;
		}
		if (!refine) break;
	}
	if (from) used.add(from);
	return value;
}

/**
 * One context from several (nulls, as getOrder returns for "not found", are skipped); null when
 * none is left. See MERGE PRECEDENCE above.
 */
export function mergeContexts(contexts: Array<OrderContext | null | undefined>, precedence: Partial<MergePrecedence> = {}): OrderContext | null {
	const present = contexts.filter((context): context is OrderContext => Boolean(context));
	if (present.length === 0) return null;
	const rules = { ...DEFAULT_PRECEDENCE, ...precedence };
	const used = new Set<string>();

	const primary = ranked(present.filter((context) => context.order), rules.orders)[0];
	if (primary) used.add(primary.source);

	const byCustomer = ranked(present, rules.customer);
	const customer: OrderCustomer = {};
	const assign = <K extends keyof OrderCustomer>(field: K, value: OrderCustomer[K] | undefined) => {
		if (value !== undefined) customer[field] = value;
	};
	for (const field of CUSTOMER_FIELDS) assign(field, pick(field, byCustomer, used, field === 'name' || field === 'locale'));
	// The CRM first for preferences and consent, then the customer order for sources not listed.
	const byPreference = ranked(byCustomer, rules.preferences);
	for (const field of PREFERENCE_FIELDS) assign(field, pick(field, byPreference, used, false));

	const timeZoneFrom = primary?.timeZone ? primary : byCustomer.find((context) => context.timeZone);
	if (timeZoneFrom) used.add(timeZoneFrom.source);

	const sources = [...new Set([...(primary ? [primary.source] : []), ...byCustomer.map((c) => c.source).filter((s) => used.has(s))])];
	const merged: OrderContext = { source: primary?.source ?? sources[0] ?? present[0]!.source, customer, sources: sources.length ? sources : [present[0]!.source] };
	if (primary?.order) merged.order = primary.order;
	if (timeZoneFrom?.timeZone) merged.timeZone = timeZoneFrom.timeZone;
	return merged;
}
