export { ingestOrderWebhook, dropSeenOrderEvents, type OrderIngestOptions, type OrderIngestResult } from './ingest';
export { getOrderWebhookProvider, listOrderWebhookProviders } from './registry';
export { shopifyOrders } from './shopify';
export { woocommerceOrders } from './woocommerce';
export { OrderJourneyEventSchema, type OrderJourneyEvent, type OrderWebhookProvider, type OrderWebhookSource } from './types';
