import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ingestOrderWebhook } from '../../../../lib/orders/webhooks/ingest';
import { MemoryStore } from '../../../../lib/store/memory';
import { openSqliteStore, type SqliteStore } from '../../../../lib/store/sqlite';
import { NOW, PERSONAL, SECRET, delivery, fixture, ingest, ok, sign, type Platform } from './helpers';

const CONFIRM: Array<[Platform, string]> = [
	['shopify', 'orders/create'],
	['woocommerce', 'order.created'],
];

describe('ingestOrderWebhook: redelivery and repeated news', () => {
	it.each(CONFIRM)('%s: a retry with the same delivery id is a duplicate', async (platform, topic) => {
		const store = new MemoryStore();
		const { body, headers } = delivery(platform, topic, fixture(platform, 'order'), { deliveryId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043' });

		expect(ok(await ingest(platform, body, headers, store))).toMatchObject({ duplicates: 0, events: [{ trigger: 'order_confirmed' }] });
		expect(ok(await ingest(platform, body, headers, store))).toEqual({ status: 200, events: [], duplicates: 1 });
	});

	it.each(CONFIRM)('%s: the same news under another delivery id (a second subscription) is a duplicate', async (platform, topic) => {
		const store = new MemoryStore();
		const first = delivery(platform, topic, fixture(platform, 'order'));
		const second = delivery(platform, topic, fixture(platform, 'order'));

		expect(ok(await ingest(platform, first.body, first.headers, store)).events).toHaveLength(1);
		expect(ok(await ingest(platform, second.body, second.headers, store))).toMatchObject({ events: [], duplicates: 1 });
	});

	it('Shopify: an unchanged orders/updated resent is dropped; a later change passes', async () => {
		const store = new MemoryStore();
		const order = fixture('shopify', 'order');
		const once = delivery('shopify', 'orders/updated', order);
		const resent = delivery('shopify', 'orders/updated', order);
		const changed = delivery('shopify', 'orders/updated', { ...order, updated_at: '2025-03-08T12:00:00-05:00' });

		expect(ok(await ingest('shopify', once.body, once.headers, store)).events).toHaveLength(1);
		expect(ok(await ingest('shopify', resent.body, resent.headers, store)).duplicates).toBe(1);
		expect(ok(await ingest('shopify', changed.body, changed.headers, store)).events).toHaveLength(1);
	});

	it('Shopify: a delivery id is scoped to its shop platform', async () => {
		const store = new MemoryStore();
		const shop = delivery('shopify', 'orders/create', fixture('shopify', 'order'), { deliveryId: 'same-id' });
		const woo = delivery('woocommerce', 'order.created', fixture('woocommerce', 'order'), { deliveryId: 'same-id' });

		expect(ok(await ingest('shopify', shop.body, shop.headers, store)).events).toHaveLength(1);
		expect(ok(await ingest('woocommerce', woo.body, woo.headers, store)).events).toHaveLength(1);
	});

	it('WooCommerce: two deliveries in one second share a delivery id header but not their news', async () => {
		const store = new MemoryStore();
		const id = 'a6c1f0e9d8b7a6c5f4e3d2c1b0a9f8e7d6c5b4a3';
		const confirmed = delivery('woocommerce', 'order.updated', fixture('woocommerce', 'order'), { deliveryId: id });
		const other = delivery('woocommerce', 'order.updated', { ...fixture('woocommerce', 'order'), id: 7312, number: '7312' }, { deliveryId: id });

		expect(ok(await ingest('woocommerce', confirmed.body, confirmed.headers, store)).events).toHaveLength(1);
		expect(ok(await ingest('woocommerce', other.body, other.headers, store)).events).toHaveLength(1);
		expect(ok(await ingest('woocommerce', other.body, other.headers, store)).duplicates).toBe(1);
	});

	it('WooCommerce: a pending order confirmed on payment is told once, then shipped once', async () => {
		const store = new MemoryStore();
		const pending = delivery('woocommerce', 'order.created', { ...fixture('woocommerce', 'order'), status: 'pending' });
		const paid = delivery('woocommerce', 'order.updated', { ...fixture('woocommerce', 'order'), date_modified_gmt: '2025-03-08T10:20:00' });
		const noted = delivery('woocommerce', 'order.updated', { ...fixture('woocommerce', 'order'), date_modified_gmt: '2025-03-08T16:00:00' });
		const shipped = delivery('woocommerce', 'order.updated', fixture('woocommerce', 'order-completed-tracking'));
		const shippedAgain = delivery('woocommerce', 'order.updated', { ...fixture('woocommerce', 'order-completed-tracking'), date_modified_gmt: '2025-03-10T09:00:00' });

		const triggers = [];
		for (const { body, headers } of [pending, paid, noted, shipped, shippedAgain]) {
			triggers.push(ok(await ingest('woocommerce', body, headers, store)).events.map((event) => event.trigger));
		}
		expect(triggers).toEqual([[null], ['order_confirmed'], [], ['shipped'], []]);
	});

	it('topics with nothing to tell are acknowledged without claiming anything', async () => {
		const store = new MemoryStore();
		const claims = jest.spyOn(store, 'claim');
		const { body, headers } = delivery('shopify', 'products/update', { id: 1, title: 'Trail Mug' });

		expect(ok(await ingest('shopify', body, headers, store))).toEqual({ status: 200, events: [], duplicates: 0 });
		expect(claims).not.toHaveBeenCalled();
	});

	it('dedupe lasts dedupeTtlMs: after it, the same news passes again', async () => {
		const store = new MemoryStore();
		const { body, headers } = delivery('shopify', 'orders/create', fixture('shopify', 'order'));
		const options = { now: NOW, dedupeTtlMs: 60_000 };

		expect(ok(await ingestOrderWebhook('shopify', body, headers, SECRET, store, options)).events).toHaveLength(1);
		const later = { now: new Date(NOW.getTime() + 61_000), dedupeTtlMs: 60_000 };
		expect(ok(await ingestOrderWebhook('shopify', body, headers, SECRET, store, later)).events).toHaveLength(1);
	});
});

describe('ingestOrderWebhook: refusals', () => {
	it('a signed delivery without a topic header is 400 naming the header', async () => {
		const { body, headers } = delivery('shopify', 'orders/create', fixture('shopify', 'order'));
		delete headers['X-Shopify-Topic'];
		expect(await ingest('shopify', body, headers, new MemoryStore())).toEqual({
			status: 400,
			error: expect.stringContaining('x-shopify-topic'),
			field: 'x-shopify-topic',
		});
	});

	it.each([
		['shopify', 'orders/create', { ...fixture('shopify', 'order'), line_items: undefined }, 'line_items'],
		['woocommerce', 'order.updated', { ...fixture('woocommerce', 'order'), id: null }, 'id'],
	] as const)('%s: a malformed payload is 400 naming the field, nothing claimed, no customer data', async (platform, topic, payload, field) => {
		const store = new MemoryStore();
		const claims = jest.spyOn(store, 'claim');
		const { body, headers } = delivery(platform, topic, payload);

		const result = await ingest(platform, body, headers, store);

		expect(result).toMatchObject({ status: 400, field });
		for (const value of PERSONAL) expect(JSON.stringify(result)).not.toContain(value);
		expect(claims).not.toHaveBeenCalled();
	});

	it('an unknown platform is a programming error, thrown', async () => {
		await expect(ingestOrderWebhook('magento', Buffer.from('{}'), {}, SECRET, new MemoryStore())).rejects.toThrow('Unknown shop platform');
	});
});

describe('ingestOrderWebhook: concurrent copies against SQLite', () => {
	let dir: string;
	const stores: SqliteStore[] = [];
	let files = 0;
	// A new file per test: claims from one test must not leak into the next.
	const open = () => {
		const store = openSqliteStore(join(dir, `orders-${++files}.sqlite`));
		stores.push(store);
		return store;
	};

	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'pp-order-ingest-'));
	});
	afterEach(async () => {
		await Promise.all(stores.splice(0).map((store) => store.close()));
	});
	afterAll(() => {
		rmSync(dir, { recursive: true, force: true });
	});

	it.each(CONFIRM)('%s: 20 copies of one delivery let exactly one event through', async (platform, topic) => {
		const store = open();
		const { body, headers } = delivery(platform, topic, fixture(platform, 'order'));

		const results = (await Promise.all(Array.from({ length: 20 }, () => ingest(platform, body, headers, store)))).map(ok);

		expect(results.flatMap((result) => result.events)).toHaveLength(1);
		expect(results.reduce((sum, result) => sum + result.duplicates, 0)).toBe(19);
	});

	it('Shopify: the same news under 10 delivery ids, on two connections to one file, passes once', async () => {
		const path = join(dir, 'shared.sqlite');
		const a = openSqliteStore(path);
		const b = openSqliteStore(path);
		stores.push(a, b);
		const copies = Array.from({ length: 10 }, () => delivery('shopify', 'fulfillments/create', fixture('shopify', 'fulfillment')));

		const results = (await Promise.all(copies.map(({ body, headers }, i) => ingest('shopify', body, headers, i % 2 ? a : b)))).map(ok);

		expect(results.flatMap((result) => result.events).map((event) => event.trigger)).toEqual(['shipped']);
	});

	it('the signature is checked before any claim: forged copies claim nothing', async () => {
		const store = open();
		const { body, headers } = delivery('shopify', 'orders/create', fixture('shopify', 'order'));
		const forged = { ...headers, 'X-Shopify-Hmac-Sha256': sign(body, 'not-the-secret') };

		const refused = await Promise.all(Array.from({ length: 5 }, () => ingest('shopify', body, forged, store)));
		expect(refused.map((result) => result.status)).toEqual([401, 401, 401, 401, 401]);
		expect(ok(await ingest('shopify', body, headers, store)).events).toHaveLength(1);
	});
});
