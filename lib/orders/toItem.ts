import type { OrderContext } from './model';

type Json = Record<string, unknown>;

/**
 * Puts an order context onto a journey item the way Customer Notify and the classifier read it:
 * `customer` (contacts, preference, time zone, lifetime value; what the item already had is kept
 * where the context has nothing), `order` (number, items, totals), `orderContext` (everything).
 */
export function withOrderContext(item: Json, context: OrderContext): Json {
	const given = (item.customer as Json | undefined) ?? {};
	const c = context.customer;
	const fromContext: Json = {
		name: c.name,
		firstName: c.firstName,
		email: c.email,
		phone: c.phone,
		locale: c.locale,
		preference: c.preference,
		timeZone: context.timeZone,
		lifetimeValue: c.lifetimeValue,
	};
	const customer = { ...given, ...Object.fromEntries(Object.entries(fromContext).filter(([, v]) => v !== undefined && v !== '')) };
	return { ...item, customer, ...(context.order ? { order: context.order } : {}), orderContext: context };
}
