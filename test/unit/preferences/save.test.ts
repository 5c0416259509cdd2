import { applyStoredPreference } from '../../../lib/preferences/apply';
import { signPreferenceLink } from '../../../lib/preferences/link';
import { savePreference } from '../../../lib/preferences/save';
import { savePreferenceRequest } from '../../../lib/preferences/handle';
import { emailSubject, orderKeyOf } from '../../../lib/preferences/subjects';
import { MemoryStore } from '../../../lib/store/memory';

const SECRET = 'test-secret-0123456789abcdef';
const NOW = new Date('2026-03-01T12:00:00Z');
const query = (orderKey = 'shopify:1001') =>
	Object.fromEntries(new URL(signPreferenceLink({ baseUrl: 'https://n8n.example/p', orderKey, expiresAt: new Date('2026-04-01T00:00:00Z') }, SECRET)).searchParams);

describe('savePreference', () => {
	let store: MemoryStore;
	beforeEach(() => {
		store = new MemoryStore();
	});

	it('saves under the order and, when the customer is known, the email hash', async () => {
		const result = await savePreference({ query: query(), form: { channel: 'sms', language: 'de' }, secret: SECRET, store, now: NOW, customer: async () => ({ email: ' Ada@Example.com ' }) });
		expect(result).toMatchObject({ ok: true, orderKey: 'shopify:1001', savedFor: ['order', 'email'], preference: { channel: 'sms', language: 'de', updatedAt: NOW.toISOString() } });
		expect(await store.getPreference(['order:shopify:1001'])).toMatchObject({ channel: 'sms' });
		expect(await store.getPreference([emailSubject('ada@example.com')])).toMatchObject({ channel: 'sms', language: 'de' });
		expect(emailSubject('ada@example.com')).toMatch(/^email:[0-9a-f]{64}$/);
	});

	it('keeps the choice for the order when the customer lookup fails, and says so without customer data', async () => {
		const result = await savePreference({
			query: query(),
			form: { channel: 'sms' },
			secret: SECRET,
			store,
			now: NOW,
			customer: async () => {
				throw new Error('connect ECONNREFUSED ada@example.com');
			},
		});
		expect(result).toMatchObject({ ok: true, savedFor: ['order'] });
		expect(await store.getPreference(['order:shopify:1001'])).toMatchObject({ channel: 'sms' });
		expect(JSON.stringify(result)).toContain('customer lookup failed');
		expect(JSON.stringify(result)).not.toContain('ada@example.com');
	});

	it('saves for the order only without a customer', async () => {
		expect(await savePreference({ query: query(), form: { channel: 'none' }, secret: SECRET, store, now: NOW })).toMatchObject({ ok: true, savedFor: ['order'] });
	});

	it('refuses an invalid form naming the field, and saves nothing', async () => {
		expect(await savePreference({ query: query(), form: {}, secret: SECRET, store, now: NOW })).toEqual({
			ok: false,
			reason: 'invalid',
			errors: [{ field: 'channel', message: 'Please choose how you want to receive updates' }],
		});
		expect(await savePreference({ query: query(), form: { channel: 'pigeon', language: 'xx' }, secret: SECRET, store, now: NOW })).toMatchObject({
			errors: [{ field: 'channel' }, { field: 'language', message: 'Please choose one of the languages listed' }],
		});
		expect(await store.getPreference(['order:shopify:1001'])).toBeUndefined();
	});

	it('looks nothing up and saves nothing for a forged link', async () => {
		const customer = jest.fn();
		expect(await savePreference({ query: { ...query(), o: 'shopify:1002' }, form: { channel: 'sms' }, secret: SECRET, store, now: NOW, customer })).toEqual({ ok: false, reason: 'bad_signature' });
		expect(customer).not.toHaveBeenCalled();
		expect(await store.getPreference(['order:shopify:1002'])).toBeUndefined();
	});

	it('writes back through the hooks; a failed write-back is reported and the save stands', async () => {
		const shopify = jest.fn(async () => undefined);
		const hubspot = jest.fn(async () => {
			throw new Error('hubspot: credentials refused (HTTP 401)');
		});
		const result = await savePreference({
			query: query(),
			form: { channel: 'both' },
			secret: SECRET,
			store,
			now: NOW,
			customer: async () => ({ email: 'ada@example.com', shopifyCustomerId: 'gid://shopify/Customer/7' }),
			writeBack: { shopify, hubspot },
		});
		expect(shopify).toHaveBeenCalledWith('gid://shopify/Customer/7', expect.objectContaining({ channel: 'both' }));
		expect(hubspot).toHaveBeenCalledWith('ada@example.com', expect.objectContaining({ channel: 'both' }));
		expect(result).toMatchObject({ ok: true, writeBack: { shopify: 'ok', hubspot: 'failed' }, writeBackErrors: ['hubspot: credentials refused (HTTP 401)'] });
		expect(await store.getPreference(['order:shopify:1001'])).toMatchObject({ channel: 'both' });
	});

	it('answers a POST with the confirmation, the form again (422) or a link error (404, 410)', async () => {
		const base = { secret: SECRET, store, now: NOW };
		expect(await savePreferenceRequest({ ...base, query: query(), form: { channel: 'sms' } })).toMatchObject({ statusCode: 200, html: expect.stringContaining('by text message') });
		expect(await savePreferenceRequest({ ...base, query: query(), form: {} })).toMatchObject({ statusCode: 422, html: expect.stringContaining('role="alert"') });
		expect(await savePreferenceRequest({ ...base, query: { ...query(), s: 'x'.repeat(43) }, form: { channel: 'sms' } })).toMatchObject({ statusCode: 404 });
		expect(await savePreferenceRequest({ ...base, now: new Date('2026-05-01T00:00:00Z'), query: query(), form: { channel: 'sms' } })).toMatchObject({ statusCode: 410 });
	});
});

describe('applyStoredPreference', () => {
	const item = { source: 'shopify', orderId: '1001', trigger: 'shipped' };
	const input = { recipient: { email: 'ada@example.com', phone: '+13125550142', preference: 'email' as const } };

	it('finds the order by the same key the order-level send uses', () => {
		expect(orderKeyOf(item)).toBe('shopify:1001');
		expect(orderKeyOf({ order: { number: '#7' } })).toBe('shop:#7');
		expect(orderKeyOf({ trackingNumber: '1Z' })).toBeUndefined();
	});

	it("lets the customer's stored choice override the item's preference, with its language", async () => {
		const store = new MemoryStore();
		expect(await applyStoredPreference(input, item, store)).toBe(input);
		await store.setPreference(['order:shopify:1001'], { channel: 'sms', language: 'de', updatedAt: '2026-03-01T12:00:00Z' });
		expect((await applyStoredPreference(input, item, store)).recipient).toEqual({ ...input.recipient, preference: 'sms', locale: 'de' });
	});

	it('finds a choice by the email hash for a shipment of another order, and the newer one wins', async () => {
		const store = new MemoryStore();
		await store.setPreference([emailSubject('ada@example.com')], { channel: 'none', updatedAt: '2026-03-01T12:00:00Z' });
		expect((await applyStoredPreference(input, { trackingNumber: '1Z' }, store)).recipient.preference).toBe('none');
		await store.setPreference(['order:shopify:1001'], { channel: 'both', updatedAt: '2026-03-02T12:00:00Z' });
		expect((await applyStoredPreference(input, item, store)).recipient.preference).toBe('both');
		await store.setPreference([emailSubject('ada@example.com')], { channel: 'sms', updatedAt: '2026-03-03T12:00:00Z' });
		expect((await applyStoredPreference(input, item, store)).recipient.preference).toBe('sms');
	});
});
