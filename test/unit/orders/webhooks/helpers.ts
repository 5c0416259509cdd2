import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ingestOrderWebhook, type OrderIngestResult } from '../../../../lib/orders/webhooks/ingest';
import type { Store } from '../../../../lib/store/types';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'orders', 'webhooks');

export type Platform = 'shopify' | 'woocommerce';
export type Json = Record<string, any>;

export const SECRET = 'shpss_orders_9f8e7d6c5b4a';
export const NOW = new Date('2025-03-10T12:00:00Z');

/** Values from the fixtures' customers that must never appear in an error. */
export const PERSONAL = ['Lena', 'Muster', 'lena.muster@example.com', '+13125550199', 'Jonas', 'Beispiel', 'jonas.beispiel@example.com', '+4922155501234'];

export function fixture(platform: Platform, name: string): Json {
	return JSON.parse(readFileSync(join(FIXTURES, platform, `${name}.json`), 'utf8'));
}

export function rawFixture(platform: Platform, file: string): Buffer {
	return readFileSync(join(FIXTURES, platform, file));
}

export function sign(body: Buffer, secret = SECRET): string {
	return createHmac('sha256', secret).update(body).digest('base64');
}

let deliveries = 0;

/** A delivery as the platform sends it: exact bytes, its topic, a fresh delivery id and a correct signature. */
export function delivery(
	platform: Platform,
	topic: string,
	payload: unknown,
	options: { secret?: string; deliveryId?: string } = {},
): { body: Buffer; headers: Record<string, string> } {
	const body = Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload), 'utf8');
	const id = options.deliveryId ?? `delivery-${++deliveries}`;
	const signature = sign(body, options.secret);
	const headers =
		platform === 'shopify'
			? {
					'X-Shopify-Topic': topic,
					'X-Shopify-Hmac-Sha256': signature,
					'X-Shopify-Webhook-Id': id,
					'X-Shopify-Shop-Domain': 'example-outfitters.myshopify.com',
					'X-Shopify-API-Version': '2025-01',
				}
			: {
					'X-WC-Webhook-Topic': topic,
					'X-WC-Webhook-Signature': signature,
					'X-WC-Webhook-Delivery-ID': id,
					'X-WC-Webhook-ID': '42',
					'X-WC-Webhook-Resource': topic.split('.')[0] ?? '',
					'X-WC-Webhook-Event': topic.split('.')[1] ?? '',
				};
	return { body, headers };
}

export function ingest(platform: Platform, body: Buffer, headers: Record<string, string>, store: Store, secret = SECRET) {
	return ingestOrderWebhook(platform, body, headers, secret, store, { now: NOW });
}

export function ok(result: OrderIngestResult): Extract<OrderIngestResult, { status: 200 }> {
	if (result.status !== 200) throw new Error(`expected 200, got ${result.status}: ${result.error}`);
	return result;
}
