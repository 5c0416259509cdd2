import { mergeContexts } from './merge';
import type { OrderContext } from './model';
import { getOrderSource } from './registry';
import type { OrderRef, OrderSourceContext } from './types';

export interface LookupInput {
	/** Order systems and CRMs to ask, e.g. ['shopify', 'hubspot']. */
	sources: string[];
	ref: OrderRef;
}

/**
 * One order's context from several sources, merged (README "Order context"). Order systems are
 * asked for the order; a CRM is asked for the customer by the email the order (or the ref) gives.
 * Null when no source knows the order.
 */
export async function lookUpOrder(input: LookupInput, contextFor: (sourceId: string) => Promise<OrderSourceContext>): Promise<OrderContext | null> {
	const sources = input.sources.map((id) => getOrderSource(id));
	const found: OrderContext[] = [];
	for (const source of sources.filter((s) => s.hasOrders)) {
		const context = await source.getOrder(input.ref, await contextFor(source.id));
		if (context) found.push(context);
	}
	const email = found.find((c) => c.customer?.email)?.customer?.email ?? input.ref.email;
	for (const source of sources.filter((s) => !s.hasOrders)) {
		if (!email || !source.getCustomer) continue;
		const context = await source.getCustomer({ email }, await contextFor(source.id));
		if (context) found.push(context);
	}
	const ordersAsked = sources.some((s) => s.hasOrders);
	if (ordersAsked && !found.some((c) => c.order)) return null;
	return mergeContexts(found);
}
