import { ingestOrderWebhook } from '../../../../lib/orders/webhooks/ingest';
import { MemoryStore } from '../../../../lib/store/memory';
import { NOW, SECRET, delivery, fixture, ingest, ok, rawFixture, sign, type Platform } from './helpers';

const CASES: Array<[Platform, string, string, string]> = [
	['shopify', 'orders/create', 'order', 'X-Shopify-Hmac-Sha256'],
	['woocommerce', 'order.created', 'order', 'X-WC-Webhook-Signature'],
];

/** A MemoryStore whose claims are spied, so a test can say nothing was claimed. */
function spiedStore() {
	const store = new MemoryStore();
	return { store, claims: jest.spyOn(store, 'claim') };
}

describe.each(CASES)('%s signature', (platform, topic, name, signatureHeader) => {
	it('a correct signature on the raw bytes is accepted', async () => {
		const { body, headers } = delivery(platform, topic, fixture(platform, name));
		expect(ok(await ingest(platform, body, headers, new MemoryStore())).events).toHaveLength(1);
	});

	it('a missing signature is 401 and nothing is claimed', async () => {
		const { store, claims } = spiedStore();
		const { body, headers } = delivery(platform, topic, fixture(platform, name));
		delete headers[signatureHeader];

		const result = await ingest(platform, body, headers, store);

		expect(result).toEqual({ status: 401, error: expect.stringContaining(signatureHeader.toLowerCase()) });
		expect(claims).not.toHaveBeenCalled();
	});

	it('a signature made with another secret is 401', async () => {
		const { store, claims } = spiedStore();
		const { body, headers } = delivery(platform, topic, fixture(platform, name), { secret: 'someone-elses-secret' });

		expect((await ingest(platform, body, headers, store)).status).toBe(401);
		expect(claims).not.toHaveBeenCalled();
	});

	it('a body changed after signing is 401', async () => {
		const { body, headers } = delivery(platform, topic, fixture(platform, name));
		const tampered = Buffer.from(body.toString('utf8').replace('"quantity":2', '"quantity":20'), 'utf8');
		expect(tampered.equals(body)).toBe(false);

		expect((await ingest(platform, tampered, headers, new MemoryStore())).status).toBe(401);
	});

	it('the same JSON re-serialised (other whitespace) is 401: the signature is over the raw bytes', async () => {
		const { body, headers } = delivery(platform, topic, fixture(platform, name));
		const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 2), 'utf8');

		expect((await ingest(platform, reformatted, headers, new MemoryStore())).status).toBe(401);
	});

	it('an empty secret never verifies, even against a signature made with an empty key', async () => {
		const { body, headers } = delivery(platform, topic, fixture(platform, name), { secret: '' });
		expect((await ingest(platform, body, headers, new MemoryStore(), '')).status).toBe(401);
	});

	it('a signature that is not base64 of the right length is 401, not an exception', async () => {
		const { body, headers } = delivery(platform, topic, fixture(platform, name));
		headers[signatureHeader] = 'short';
		expect((await ingest(platform, body, headers, new MemoryStore())).status).toBe(401);
	});

	it('header names match whatever their case', async () => {
		const { body, headers } = delivery(platform, topic, fixture(platform, name));
		const lower = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
		expect(ok(await ingest(platform, body, lower, new MemoryStore())).events).toHaveLength(1);
	});

	it('an invalid body is refused only after the signature: unsigned garbage is 401, signed garbage 400', async () => {
		const garbage = Buffer.from('{not json', 'utf8');
		const { headers } = delivery(platform, topic, {});
		expect((await ingest(platform, garbage, headers, new MemoryStore())).status).toBe(401);

		headers[signatureHeader] = sign(garbage);
		expect(await ingest(platform, garbage, headers, new MemoryStore())).toEqual({ status: 400, error: expect.any(String), field: 'body' });
	});
});

describe('WooCommerce ping (sent when a webhook is saved)', () => {
	it('the unsigned form body webhook_id=<id> is answered 200 with no events and nothing claimed', async () => {
		const { store, claims } = spiedStore();
		const body = rawFixture('woocommerce', 'ping.txt');

		const result = await ingestOrderWebhook('woocommerce', body, { 'user-agent': 'WooCommerce/9.6.0 Hookshot (WordPress/6.7.2)' }, SECRET, store, { now: NOW });

		expect(result).toEqual({ status: 200, events: [], duplicates: 0, ping: true });
		expect(claims).not.toHaveBeenCalled();
	});

	it('a body that only looks like a ping but carries topic or signature headers is verified as a delivery', async () => {
		const body = rawFixture('woocommerce', 'ping.txt');
		expect((await ingest('woocommerce', body, { 'X-WC-Webhook-Topic': 'order.created' }, new MemoryStore())).status).toBe(401);
		expect((await ingest('woocommerce', body, { 'X-WC-Webhook-Signature': 'forged' }, new MemoryStore())).status).toBe(401);
	});

	it('any other unsigned body is 401', async () => {
		const body = Buffer.from('webhook_id=42&order=7311', 'utf8');
		expect((await ingest('woocommerce', body, {}, new MemoryStore())).status).toBe(401);
	});

	it('Shopify has no ping: the same body is 401', async () => {
		expect((await ingest('shopify', rawFixture('woocommerce', 'ping.txt'), {}, new MemoryStore())).status).toBe(401);
	});
});
