import { hubspotSource } from '../../../lib/orders/hubspot';
import { fixture, startStandIn, type Recorded, type Reply, type StandIn } from './server';

let api: StandIn;
let handler: (req: Recorded, index: number) => Reply;
const contact = fixture('hubspot-contact');

beforeEach(async () => {
	api = await startStandIn((req, index) => handler(req, index));
});
afterEach(() => api.close());

const ctx = (extra: Record<string, string> = {}) => api.ctx({ accessToken: 'pat-test', baseUrl: api.url, ...extra });

describe('HubSpot source (CRM v3 contacts)', () => {
	it('reads a contact by email with idProperty=email and a bearer token', async () => {
		handler = () => ({ body: contact });
		const context = await hubspotSource.getCustomer!({ email: 'jane.buyer@example.test' }, ctx());
		const [req] = api.requests;
		const url = new URL(req!.path, api.url);
		expect([req!.method, url.pathname, req!.headers.authorization]).toEqual(['GET', '/crm/v3/objects/contacts/jane.buyer%40example.test', 'Bearer pat-test']);
		expect(url.searchParams.get('idProperty')).toBe('email');
		expect(url.searchParams.get('properties')).toBe('firstname,lastname,email,phone,mobilephone,hs_language,hs_email_optout,postpurchase_channel_preference,total_revenue');
		expect(context).toEqual({
			source: 'hubspot',
			customer: { id: '51', name: 'Jane Buyer', firstName: 'Jane', email: 'jane.buyer@example.test', phone: '+16195550142', locale: 'en-us', preference: 'sms', lifetimeValue: 640.5 },
			sources: ['hubspot'],
		});
	});

	it('reads the configured preference property and the email opt-out', async () => {
		handler = () => ({ body: { id: '7', properties: { email: 'a@example.test', hs_email_optout: 'true', channel_pref: 'none', total_revenue: null } } });
		const context = await hubspotSource.getOrder({ email: 'a@example.test' }, ctx({ preferenceProperty: 'channel_pref' }));
		expect(new URL(api.requests[0]!.path, api.url).searchParams.get('properties')).toContain('channel_pref');
		expect(context?.customer).toEqual({ id: '7', email: 'a@example.test', emailConsent: 'unsubscribed', preference: 'none' });
	});

	it('answers null for an unknown contact, and maps 401 and 429 with the category', async () => {
		handler = () => ({ status: 404, body: { status: 'error', message: 'Object not found.  objectId are usually numeric.', correlationId: 'c-1', category: 'OBJECT_NOT_FOUND' } });
		await expect(hubspotSource.getOrder({ email: 'nobody@example.test' }, ctx())).resolves.toBeNull();
		handler = () => ({ status: 401, body: { status: 'error', message: 'Authentication credentials not found.', correlationId: 'c-2', category: 'INVALID_AUTHENTICATION' } });
		await expect(hubspotSource.getOrder({ email: 'a@example.test' }, ctx())).rejects.toMatchObject({ code: 'auth', details: { providerCode: 'INVALID_AUTHENTICATION' } });
		handler = () => ({ status: 429, body: { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', policyName: 'SECONDLY', category: 'RATE_LIMITS' } });
		await expect(hubspotSource.getOrder({ email: 'a@example.test' }, ctx())).rejects.toMatchObject({ code: 'rate_limited', details: { providerCode: 'RATE_LIMITS' } });
		// No Retry-After: exponential backoff between the bounded attempts.
		expect(api.waits).toEqual([1000, 2000, 4000]);
	});

	it('calls a contact without properties malformed, and needs an email', async () => {
		handler = () => ({ body: { id: '7' } });
		await expect(hubspotSource.getOrder({ email: 'a@example.test' }, ctx())).rejects.toMatchObject({ code: 'malformed', message: 'hubspot: unexpected response: properties: required' });
		await expect(hubspotSource.getOrder({ number: '#1001' }, ctx())).rejects.toMatchObject({ code: 'invalid_request' });
	});
});
