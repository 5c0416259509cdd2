import { writeHubSpotPreference } from '../../../lib/orders/writeback-hubspot';
import { writeShopifyPreference } from '../../../lib/orders/writeback-shopify';
import { startStandIn, type Recorded, type Reply, type StandIn } from '../orders/server';

let api: StandIn;
let handler: (req: Recorded) => Reply;
beforeEach(async () => {
	api = await startStandIn((req) => handler(req));
});
afterEach(() => api.close());

const PREF = { channel: 'sms' as const, language: 'de', updatedAt: '2026-03-01T12:00:00Z' };

describe('Shopify write-back (metafieldsSet)', () => {
	const ctx = () => api.ctx({ shopDomain: api.url, accessToken: 'shpat_test' });

	it('sets postpurchase.channel_preference on the customer', async () => {
		handler = () => ({ body: { data: { metafieldsSet: { metafields: [{ namespace: 'postpurchase', key: 'channel_preference' }], userErrors: [] } } } });
		await writeShopifyPreference(ctx(), '207119551', PREF);
		const [req] = api.requests;
		expect([req!.method, req!.path, req!.headers['x-shopify-access-token']]).toEqual(['POST', '/admin/api/2026-07/graphql.json', 'shpat_test']);
		expect(req!.body.query).toMatch(/mutation \w+\(\$metafields: \[MetafieldsSetInput!\]!\) \{\s+metafieldsSet\(metafields: \$metafields\)/);
		expect(req!.body.variables).toEqual({
			metafields: [{ ownerId: 'gid://shopify/Customer/207119551', namespace: 'postpurchase', key: 'channel_preference', type: 'single_line_text_field', value: 'sms' }],
		});
	});

	it('reports user errors by field and code, and a missing scope as auth', async () => {
		handler = () => ({ body: { data: { metafieldsSet: { metafields: [], userErrors: [{ field: ['metafields', '0', 'value'], message: 'Value sms is bad', code: 'INVALID_VALUE' }] } } } });
		await expect(writeShopifyPreference(ctx(), 'gid://shopify/Customer/1', PREF)).rejects.toThrow('shopify: metafieldsSet user errors at metafields.0.value (INVALID_VALUE)');
		handler = () => ({ body: { errors: [{ message: 'Access denied', extensions: { code: 'ACCESS_DENIED' } }] } });
		await expect(writeShopifyPreference(ctx(), '1', PREF)).rejects.toMatchObject({ code: 'auth' });
		await expect(writeShopifyPreference(ctx(), 'ada@example.com', PREF)).rejects.toMatchObject({ code: 'invalid_request', message: expect.not.stringContaining('ada') });
	});
});

describe('HubSpot write-back (PATCH contact)', () => {
	const ctx = (extra: Record<string, string> = {}) => api.ctx({ accessToken: 'pat-test', baseUrl: api.url, ...extra });

	it("patches the contact's preference property by email", async () => {
		handler = () => ({ body: { id: '51', properties: { postpurchase_channel_preference: 'sms' } } });
		expect(await writeHubSpotPreference(ctx(), 'ada@example.com', PREF)).toBe(true);
		const [req] = api.requests;
		const url = new URL(req!.path, api.url);
		expect([req!.method, url.pathname, url.searchParams.get('idProperty'), req!.headers.authorization]).toEqual(['PATCH', '/crm/v3/objects/contacts/ada%40example.com', 'email', 'Bearer pat-test']);
		expect(req!.body).toEqual({ properties: { postpurchase_channel_preference: 'sms' } });
	});

	it('uses the configured property, answers false for no contact, maps refusals', async () => {
		handler = () => ({ status: 404, body: { status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND' } });
		expect(await writeHubSpotPreference(ctx({ preferenceProperty: 'channel_pref' }), 'nobody@example.com', PREF)).toBe(false);
		expect(api.requests[0]!.body).toEqual({ properties: { channel_pref: 'sms' } });
		handler = () => ({ status: 403, body: { status: 'error', message: 'missing scopes', category: 'MISSING_SCOPES' } });
		await expect(writeHubSpotPreference(ctx(), 'ada@example.com', PREF)).rejects.toMatchObject({ code: 'auth', message: expect.not.stringContaining('ada') });
	});
});
