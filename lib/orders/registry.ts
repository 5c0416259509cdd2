import { hubspotSource } from './hubspot';
import { shopifySource } from './shopify';
import type { OrderSource } from './types';
import { woocommerceSource } from './woocommerce';

/**
 * Every order and customer source by id. Adding one is its file plus one line here. The order is
 * the default merge precedence (merge.ts): order systems first to last, then CRMs.
 */
const SOURCES: Record<string, OrderSource> = {
	[shopifySource.id]: shopifySource,
	[woocommerceSource.id]: woocommerceSource,
	[hubspotSource.id]: hubspotSource,
};

export function getOrderSource(id: string): OrderSource {
	const source = SOURCES[id.trim().toLowerCase()];
	if (!source) throw new Error(`Unknown order source "${id}": use one of ${Object.keys(SOURCES).join(', ')}.`);
	return source;
}

export function listOrderSources(): OrderSource[] {
	return Object.values(SOURCES);
}
