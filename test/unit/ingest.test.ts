import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEDUPE_TTL_MS, ingestWebhook, type IngestResult } from '../../lib/ingest';
import { getProvider } from '../../lib/providers/registry';
import { MemoryStore } from '../../lib/store/memory';
import { openSqliteStore, type SqliteStore } from '../../lib/store/sqlite';
import type { Store } from '../../lib/store/types';

const FIXTURES = join(__dirname, '..', 'fixtures');
const SECRET = 'whsec_ingest_7c1d2e3f4a5b';
const NOW = new Date('2025-03-08T12:00:00Z');

type Provider = 'aftership' | 'easypost';
type Json = Record<string, any>;

function fixture(provider: Provider, name: string): Json {
	return JSON.parse(readFileSync(join(FIXTURES, provider, `${name}.json`), 'utf8'));
}

function aftershipHeaders(body: Buffer, secret = SECRET): Record<string, string> {
	return { 'aftership-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64') };
}

function easypostHeaders(body: Buffer, secret = SECRET): Record<string, string> {
	const key = Buffer.from(secret.normalize('NFKD'), 'utf8');
	return { 'x-hmac-signature': `hmac-sha256-hex=${createHmac('sha256', key).update(body).digest('hex')}` };
}

/** A delivery as the provider would send it: exact bytes plus a correct signature header. */
function delivery(provider: Provider, payload: unknown, secret = SECRET): { body: Buffer; headers: Record<string, string> } {
	const body = Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload), 'utf8');
	return { body, headers: provider === 'aftership' ? aftershipHeaders(body, secret) : easypostHeaders(body, secret) };
}

function ingest(provider: Provider, body: Buffer, headers: Record<string, string>, store: Store, secret = SECRET) {
	return ingestWebhook(provider, body, headers, { webhookSecret: secret }, store, { now: NOW });
}

function ok(result: IngestResult): Extract<IngestResult, { status: 200 }> {
	if (result.status !== 200) throw new Error(`expected 200, got ${result.status}: ${result.error}`);
	return result;
}

/** A MemoryStore whose every method is spied, so a test can say the store was never touched. */
function spiedStore(): { store: MemoryStore; touched: () => number } {
	const store = new MemoryStore();
	const spies = (['claim', 'release', 'getShipment', 'putShipment', 'reserveSend', 'logSend'] as const).map((method) =>
		jest.spyOn(store, method),
	);
	return { store, touched: () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0) };
}

/** Values from the AfterShip fixtures' customer block that must never appear in an error. */
const PERSONAL = ['Ada Example', 'ada@example.com', '+13125550142', '3125550142'];

describe('ingestWebhook: signature first', () => {
	it.each(['aftership', 'easypost'] as const)('%s: a missing signature is 401 and the store is not touched', async (provider) => {
		const { store, touched } = spiedStore();
		const { body, headers } = delivery(provider, fixture(provider, 'in-transit'));

		const result = await ingest(provider, body, {}, store);

		expect(result.status).toBe(401);
		expect(touched()).toBe(0);
		// Nothing was claimed: the same bytes, correctly signed, are still fresh.
		const later = ok(await ingest(provider, body, headers, store));
		expect(later.events).toHaveLength(1);
		expect(later.duplicates).toBe(0);
	});

	it.each(['aftership', 'easypost'] as const)('%s: a signature made with another secret is 401, nothing claimed', async (provider) => {
		const { store, touched } = spiedStore();
		const payload = fixture(provider, 'in-transit');
		const forged = delivery(provider, payload, 'not-the-secret');

		const result = await ingest(provider, forged.body, forged.headers, store);

		expect(result.status).toBe(401);
		expect(touched()).toBe(0);
		const genuine = delivery(provider, payload);
		expect(ok(await ingest(provider, genuine.body, genuine.headers, store)).events).toHaveLength(1);
	});

	it('401 names the header and the credential, and quotes nothing from the body', async () => {
		const { body } = delivery('aftership', fixture('aftership', 'in-transit'));
		const result = await ingest('aftership', body, { 'aftership-hmac-sha256': 'bm90IGEgc2lnbmF0dXJl' }, new MemoryStore());
		expect(result.status).toBe(401);
		if (result.status !== 401) return;
		expect(result.error).toContain('aftership-hmac-sha256');
		expect(result.error).toContain('AfterShip');
		for (const value of [...PERSONAL, '1Z999AA10123456784', 'bm90IGEgc2lnbmF0dXJl']) expect(result.error).not.toContain(value);
	});

	it('checks the signature on the raw bytes: the same JSON re-serialised is refused', async () => {
		const payload = fixture('aftership', 'in-transit');
		const { headers } = delivery('aftership', payload);
		const reformatted = Buffer.from(JSON.stringify(payload, null, 2), 'utf8');
		const result = await ingest('aftership', reformatted, headers, new MemoryStore());
		expect(result.status).toBe(401);
	});

	it('refuses a delivery signed with the right secret in the other provider\'s scheme', async () => {
		const { body } = delivery('easypost', fixture('easypost', 'in-transit'));
		const result = await ingest('easypost', body, aftershipHeaders(body), new MemoryStore());
		expect(result.status).toBe(401);
	});

	it('keys the EasyPost HMAC with the NFKD form of the secret', async () => {
		const secret = 'ﬁlé-sécret-Ω';
		expect(secret.normalize('NFKD')).not.toBe(secret);
		const body = Buffer.from(JSON.stringify(fixture('easypost', 'in-transit')), 'utf8');
		const unnormalised = {
			'x-hmac-signature': `hmac-sha256-hex=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex')}`,
		};

		expect((await ingest('easypost', body, unnormalised, new MemoryStore(), secret)).status).toBe(401);
		expect((await ingest('easypost', body, easypostHeaders(body, secret), new MemoryStore(), secret)).status).toBe(200);
	});
});

describe('ingestWebhook: bodies that are not the provider\'s', () => {
	it.each(['aftership', 'easypost'] as const)('%s: a signed body that is not JSON is 400 naming the body', async (provider) => {
		const { store, touched } = spiedStore();
		const { body, headers } = delivery(provider, '{"event": "tracking_update", "msg": {"name": "Ada Example"');

		const result = await ingest(provider, body, headers, store);

		expect(result).toMatchObject({ status: 400, field: 'body' });
		if (result.status !== 400) return;
		expect(result.error).toMatch(/JSON/);
		expect(result.error).not.toContain('Ada Example');
		expect(touched()).toBe(0);
	});

	it('a JSON value that is not an object is 400 naming the body', async () => {
		const { body, headers } = delivery('aftership', '"Ada Example ada@example.com"');
		const result = await ingest('aftership', body, headers, new MemoryStore());
		expect(result).toMatchObject({ status: 400, field: 'body' });
		if (result.status !== 400) return;
		for (const value of PERSONAL) expect(result.error).not.toContain(value);
	});

	it('AfterShip without msg.tracking_number is 400 naming that field, quoting nothing', async () => {
		const { store, touched } = spiedStore();
		const payload = fixture('aftership', 'in-transit');
		delete payload.msg.tracking_number;
		const { body, headers } = delivery('aftership', payload);

		const result = await ingest('aftership', body, headers, store);

		expect(result).toMatchObject({ status: 400, field: 'msg.tracking_number' });
		if (result.status !== 400) return;
		expect(result.error).toContain('msg.tracking_number');
		for (const value of PERSONAL) expect(result.error).not.toContain(value);
		expect(touched()).toBe(0);
	});

	it('AfterShip with a wrongly typed field carrying personal data names the field, not the value', async () => {
		const payload = fixture('aftership', 'in-transit');
		payload.msg.customers = 'Ada Example <ada@example.com> +13125550142';
		const { body, headers } = delivery('aftership', payload);

		const result = await ingest('aftership', body, headers, new MemoryStore());

		expect(result).toMatchObject({ status: 400, field: 'msg.customers' });
		if (result.status !== 400) return;
		expect(result.error).toContain('msg.customers');
		for (const value of [...PERSONAL, '1Z999AA10123456784']) expect(result.error).not.toContain(value);
	});

	it('AfterShip with a tracking number of the wrong type names msg.tracking_number without its value', async () => {
		const payload = fixture('aftership', 'in-transit');
		payload.msg.tracking_number = 4155550199;
		const { body, headers } = delivery('aftership', payload);
		const result = await ingest('aftership', body, headers, new MemoryStore());
		expect(result).toMatchObject({ status: 400, field: 'msg.tracking_number' });
		if (result.status !== 400) return;
		expect(result.error).not.toContain('4155550199');
	});

	it('EasyPost without result.tracking_code is 400 naming that field', async () => {
		const payload = fixture('easypost', 'in-transit');
		delete payload.result.tracking_code;
		const { body, headers } = delivery('easypost', payload);

		const result = await ingest('easypost', body, headers, new MemoryStore());

		expect(result).toMatchObject({ status: 400, field: 'result.tracking_code' });
		if (result.status !== 400) return;
		expect(result.error).toContain('result.tracking_code');
		expect(result.error).not.toContain('9400100000000000000000');
	});

	it('a valid notification without a shipment change (AfterShip non-tracking event) is 200 with nothing', async () => {
		const payload = { ...fixture('aftership', 'in-transit'), event: 'pending_time_alert' };
		const { body, headers } = delivery('aftership', payload);
		const result = ok(await ingest('aftership', body, headers, new MemoryStore()));
		expect(result.events).toEqual([]);
		expect(result.duplicates).toBe(0);
	});
});

describe('ingestWebhook: fresh events and duplicates', () => {
	it.each(['aftership', 'easypost'] as const)('%s: a valid delivery is 200 with the normalized event', async (provider) => {
		const payload = fixture(provider, 'in-transit');
		const { body, headers } = delivery(provider, payload);

		const result = ok(await ingest(provider, body, headers, new MemoryStore()));

		expect(result.duplicates).toBe(0);
		expect(result.payload).toEqual(payload);
		expect(result.events).toEqual(getProvider(provider).normalize(payload));
		expect(result.events).toHaveLength(1);
		const [event] = result.events;
		expect(event).toMatchObject({ provider, status: 'in_transit' });
		expect(event.id).toBe(`${provider}:${provider === 'aftership' ? payload.event_id : payload.id}`);
		expect(event.trackingNumber).toBe(provider === 'aftership' ? payload.msg.tracking_number : payload.result.tracking_code);
	});

	it('AfterShip normalization carries the checkpoint time, carrier and destination', async () => {
		const { body, headers } = delivery('aftership', fixture('aftership', 'in-transit'));
		const [event] = ok(await ingest('aftership', body, headers, new MemoryStore())).events;
		expect(event).toMatchObject({
			trackingNumber: '1Z999AA10123456784',
			carrier: 'ups',
			status: 'in_transit',
			occurredAt: '2025-03-06T07:22:00-06:00',
			providerEventId: '6f1c0b9e-2d4a-4c1e-9b7f-0a1b2c3d4e02',
			destination: { city: 'Oak Park', state: 'IL', postalCode: '60302', country: 'USA' },
		});
	});

	it.each(['aftership', 'easypost'] as const)('%s: the same delivery again is 200 with 0 events and 1 duplicate', async (provider) => {
		const store = new MemoryStore();
		const { body, headers } = delivery(provider, fixture(provider, 'in-transit'));

		expect(ok(await ingest(provider, body, headers, store)).events).toHaveLength(1);
		const again = ok(await ingest(provider, body, headers, store));

		expect(again.events).toEqual([]);
		expect(again.duplicates).toBe(1);
	});

	it.each(['aftership', 'easypost'] as const)(
		'%s: the same content under a new event id (the provider re-sent the state) is a duplicate',
		async (provider) => {
			const store = new MemoryStore();
			const first = fixture(provider, 'in-transit');
			const resent = fixture(provider, 'in-transit');
			if (provider === 'aftership') resent.event_id = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';
			else resent.id = 'evt_ffeeddccbbaa99887766';
			const a = delivery(provider, first);
			const b = delivery(provider, resent);
			expect(b.body.equals(a.body)).toBe(false);

			expect(ok(await ingest(provider, a.body, a.headers, store)).events).toHaveLength(1);
			const again = ok(await ingest(provider, b.body, b.headers, store));

			expect(again.events).toEqual([]);
			expect(again.duplicates).toBe(1);
		},
	);

	it.each(['aftership', 'easypost'] as const)('%s: a new status for the same shipment is fresh', async (provider) => {
		const store = new MemoryStore();
		const transit = delivery(provider, fixture(provider, 'in-transit'));
		const outForDelivery = delivery(provider, fixture(provider, 'out-for-delivery'));

		const first = ok(await ingest(provider, transit.body, transit.headers, store));
		const second = ok(await ingest(provider, outForDelivery.body, outForDelivery.headers, store));

		expect(second.events).toHaveLength(1);
		expect(second.duplicates).toBe(0);
		expect(second.events[0].status).toBe('out_for_delivery');
		expect(second.events[0].trackingNumber).toBe(first.events[0].trackingNumber);
	});

	it('a new scan time for the same status under a new id is fresh (only identical content is a repeat)', async () => {
		const store = new MemoryStore();
		const first = fixture('aftership', 'in-transit');
		const next = fixture('aftership', 'in-transit');
		next.event_id = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6b';
		next.msg.checkpoints.push({ ...next.msg.checkpoints[3], checkpoint_time: '2025-03-06T15:40:00-06:00', message: 'Departed from Facility' });
		const a = delivery('aftership', first);
		const b = delivery('aftership', next);

		await ingest('aftership', a.body, a.headers, store);
		const result = ok(await ingest('aftership', b.body, b.headers, store));

		expect(result.events).toHaveLength(1);
		expect(result.duplicates).toBe(0);
	});

	it('remembers a delivery for the dedupe window, then lets it through again', async () => {
		const store = new MemoryStore();
		const { body, headers } = delivery('aftership', fixture('aftership', 'in-transit'));
		const secrets = { webhookSecret: SECRET };
		const at = (ms: number) => ({ now: new Date(NOW.getTime() + ms), dedupeTtlMs: DEDUPE_TTL_MS });

		ok(await ingestWebhook('aftership', body, headers, secrets, store, at(0)));
		const withinWindow = ok(await ingestWebhook('aftership', body, headers, secrets, store, at(DEDUPE_TTL_MS - 1)));
		const afterWindow = ok(await ingestWebhook('aftership', body, headers, secrets, store, at(DEDUPE_TTL_MS)));

		expect(withinWindow.duplicates).toBe(1);
		expect(afterWindow.events).toHaveLength(1);
	});

	it('throws for an unknown provider before reading anything', async () => {
		const { store, touched } = spiedStore();
		await expect(ingestWebhook('ship24', Buffer.from('{}'), {}, { webhookSecret: SECRET }, store)).rejects.toThrow(/aftership, easypost, shippo, seventeentrack/);
		expect(touched()).toBe(0);
	});
});

describe('ingestWebhook: concurrent copies against SQLite', () => {
	let dir: string;
	let files = 0;
	const stores: SqliteStore[] = [];
	const open = (path: string) => {
		const store = openSqliteStore(path);
		stores.push(store);
		return store;
	};
	const freshPath = () => join(dir, `ingest-${++files}.sqlite`);

	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'pp-ingest-'));
	});
	afterEach(async () => {
		await Promise.all(stores.splice(0).map((store) => store.close()));
	});
	afterAll(() => {
		rmSync(dir, { recursive: true, force: true });
	});

	it.each(['aftership', 'easypost'] as const)('%s: 20 copies of one delivery on one store let exactly one event through', async (provider) => {
		const store = open(freshPath());
		const { body, headers } = delivery(provider, fixture(provider, 'in-transit'));

		const results = (await Promise.all(Array.from({ length: 20 }, () => ingest(provider, body, headers, store)))).map(ok);

		expect(results.map((r) => r.events.length).reduce((a, b) => a + b, 0)).toBe(1);
		expect(results.filter((r) => r.events.length === 1)).toHaveLength(1);
		expect(results.filter((r) => r.duplicates === 1)).toHaveLength(19);
	});

	it('20 re-sends of one state under different event ids let exactly one through', async () => {
		const store = open(freshPath());
		const deliveries = Array.from({ length: 20 }, (_, i) => {
			const payload = fixture('aftership', 'in-transit');
			payload.event_id = `resend-${i}`;
			return delivery('aftership', payload);
		});

		const results = (await Promise.all(deliveries.map(({ body, headers }) => ingest('aftership', body, headers, store)))).map(ok);

		expect(results.filter((r) => r.events.length === 1)).toHaveLength(1);
		expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(19);
	});

	it('two stores on the same file racing on copies of one delivery: exactly one winner', async () => {
		const path = freshPath();
		const first = open(path);
		const second = open(path);
		const { body, headers } = delivery('aftership', fixture('aftership', 'in-transit'));

		const results = (
			await Promise.all(Array.from({ length: 10 }, (_, i) => ingest('aftership', body, headers, i % 2 === 0 ? first : second)))
		).map(ok);

		expect(results.filter((r) => r.events.length === 1)).toHaveLength(1);
		expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(9);
		// And the winner's claim is visible to both connections afterwards.
		expect(ok(await ingest('aftership', body, headers, first)).duplicates).toBe(1);
		expect(ok(await ingest('aftership', body, headers, second)).duplicates).toBe(1);
	});

	it('two stores on the same file, one delivery each: one winner', async () => {
		const path = freshPath();
		const a = open(path);
		const b = open(path);
		const { body, headers } = delivery('easypost', fixture('easypost', 'in-transit'));

		const [x, y] = (await Promise.all([ingest('easypost', body, headers, a), ingest('easypost', body, headers, b)])).map(ok);

		expect(x.events.length + y.events.length).toBe(1);
		expect(x.duplicates + y.duplicates).toBe(1);
	});
});
