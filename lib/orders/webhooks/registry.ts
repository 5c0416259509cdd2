import { shopifyOrders } from './shopify';
import type { OrderWebhookProvider } from './types';
import { woocommerceOrders } from './woocommerce';

/** Every shop platform that pushes order webhooks, by id. */
const PROVIDERS = new Map<string, OrderWebhookProvider>([
	[shopifyOrders.id, shopifyOrders],
	[woocommerceOrders.id, woocommerceOrders],
]);

export function getOrderWebhookProvider(id: string): OrderWebhookProvider {
	const provider = PROVIDERS.get(id.trim().toLowerCase());
	if (!provider) {
		throw new Error(`Unknown shop platform "${id}": use one of ${[...PROVIDERS.keys()].join(', ')}.`);
	}
	return provider;
}

export function listOrderWebhookProviders(): OrderWebhookProvider[] {
	return [...PROVIDERS.values()];
}
