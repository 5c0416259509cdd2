import { OrderContextSchema } from '../../../lib/orders/model';
import { SHOPIFY_API_VERSION, shopifySource } from '../../../lib/orders/shopify';
import { OrderSourceError } from '../../../lib/orders/types';
import { fixture, startStandIn, type Recorded, type Reply, type StandIn } from './server';

let api: StandIn;
let handler: (req: Recorded, index: number) => Reply;
const orderResponse = fixture('shopify-order');
const order = orderResponse.data.order;

beforeEach(async () => {
	api = await startStandIn((req, index) => handler(req, index));
});
afterEach(() => api.close());

const ctx = () => api.ctx({ shopDomain: api.url, accessToken: 'shpat_test' });
const throttled = (available: number) => ({
	errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
	extensions: { cost: { requestedQueryCost: 92, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: 100 } } },
});

describe(`Shopify source (Admin GraphQL ${SHOPIFY_API_VERSION})`, () => {
	it('gets an order by id with the access token and maps it', async () => {
		handler = () => ({ body: orderResponse });
		const context = await shopifySource.getOrder({ id: '5550001001' }, ctx());
		const [req] = api.requests;
		expect([req!.method, req!.path, req!.headers['x-shopify-access-token']]).toEqual(['POST', `/admin/api/${SHOPIFY_API_VERSION}/graphql.json`, 'shpat_test']);
		expect(req!.body.variables).toEqual({ id: 'gid://shopify/Order/5550001001' });
		expect(OrderContextSchema.safeParse(context).success).toBe(true);
		expect(context).toEqual({
			source: 'shopify',
			order: {
				id: 'gid://shopify/Order/5550001001',
				number: '#1001',
				createdAt: '2026-11-02T14:05:11Z',
				currency: 'USD',
				totalPrice: '129.90',
				financialStatus: 'paid',
				fulfillmentStatus: 'partially_fulfilled',
				tags: ['vip', 'gift'],
				items: [
					{ title: 'Trail Runner 2', quantity: 1, sku: 'TR2-42', imageUrl: 'https://cdn.shopify.com/s/files/tr2.png', price: '99.90' },
					{ title: 'Wool Socks', quantity: 2, price: '15.00' },
				],
				shippingAddress: { city: 'San Diego', regionCode: 'CA', countryCode: 'US', zip: '92101' },
				promise: { promisedDate: '2026-11-08T23:59:59Z' },
				fulfillments: [
					{
						id: 'gid://shopify/Fulfillment/7770001',
						status: 'success',
						trackingNumber: '1Z999AA10123456784',
						trackingCompany: 'UPS',
						trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
						estimatedDeliveryAt: '2026-11-07T20:00:00Z',
						createdAt: '2026-11-03T09:00:00Z',
					},
				],
			},
			customer: {
				id: 'gid://shopify/Customer/8880001',
				name: 'Jane Buyer',
				firstName: 'Jane',
				email: 'jane.buyer@example.test',
				phone: '+16195550142',
				locale: 'en',
				emailConsent: 'subscribed',
				smsConsent: 'not_subscribed',
				lifetimeValue: 512.4,
				ordersCount: 4,
			},
			timeZone: 'America/Los_Angeles',
			sources: ['shopify'],
		});
	});

	it('finds an order by name with the documented name: filter, adding the # to a bare number', async () => {
		handler = () => ({ body: { data: { orders: { nodes: [order] } } } });
		const context = await shopifySource.getOrder({ number: '1001' }, ctx());
		expect(api.requests[0]!.body.variables).toEqual({ query: 'name:"#1001"' });
		expect(context?.order?.number).toBe('#1001');
	});

	it('calls a search hit with another name not found', async () => {
		handler = () => ({ body: { data: { orders: { nodes: [order] } } } });
		await expect(shopifySource.getOrder({ number: '#10010' }, ctx())).resolves.toBeNull();
	});

	it('finds an order by tracking number by scanning recent orders, then reads it by id', async () => {
		handler = (req) => {
			if (req.body.query.includes('TrackingScan')) {
				const page = req.body.variables.after
					? { nodes: [{ id: order.id, fulfillments: [{ trackingInfo: [{ number: '1Z999AA10123456784' }] }] }], pageInfo: { hasNextPage: false, endCursor: null } }
					: { nodes: [{ id: 'gid://shopify/Order/1', fulfillments: [] }], pageInfo: { hasNextPage: true, endCursor: 'c1' } };
				return { body: { data: { orders: page } } };
			}
			return { body: orderResponse };
		};
		const context = await shopifySource.getOrder({ trackingNumber: '1z999aa10123456784', email: 'jane.buyer@example.test' }, ctx());
		expect(context?.order?.id).toBe(order.id);
		expect(api.requests.map((r) => r.body.variables)).toEqual([
			{ query: 'updated_at:>=2026-09-06 AND email:"jane.buyer@example.test"' },
			{ query: 'updated_at:>=2026-09-06 AND email:"jane.buyer@example.test"', after: 'c1' },
			{ id: order.id },
		]);
	});

	it('answers null for an unknown order, a number nobody has and a tracking number not found', async () => {
		handler = (req) => {
			if (req.body.query.includes('TrackingScan')) return { body: { data: { orders: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } } };
			if (req.body.query.includes('OrdersByQuery')) return { body: { data: { orders: { nodes: [] } } } };
			return { body: { data: { order: null } } };
		};
		await expect(shopifySource.getOrder({ id: 'gid://shopify/Order/404' }, ctx())).resolves.toBeNull();
		await expect(shopifySource.getOrder({ number: '#9999' }, ctx())).resolves.toBeNull();
		await expect(shopifySource.getOrder({ trackingNumber: 'NOPE' }, ctx())).resolves.toBeNull();
	});

	it('refuses a bad token (401) as auth, and an endpoint that is not there (404) as not_found', async () => {
		handler = () => ({ status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } });
		const error = await shopifySource.getOrder({ id: '1' }, ctx()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(OrderSourceError);
		expect(error).toMatchObject({ source: 'shopify', code: 'auth', details: { httpStatus: 401 } });
		handler = () => ({ status: 404, body: { errors: 'Not Found' } });
		await expect(shopifySource.getOrder({ id: '1' }, ctx())).rejects.toMatchObject({ code: 'not_found' });
	});

	it('waits out THROTTLED (HTTP 200) for (requested - available) / restoreRate, then succeeds', async () => {
		handler = (_req, index) => ({ body: index === 0 ? throttled(12) : index === 1 ? throttled(42) : orderResponse });
		const context = await shopifySource.getOrder({ id: '5550001001' }, ctx());
		expect(context?.order?.number).toBe('#1001');
		expect(api.waits).toEqual([800, 500]);
		expect(api.requests).toHaveLength(3);
	});

	it('waits what Retry-After says on HTTP 429, and gives up after the bounded attempts', async () => {
		handler = (_req, index) => (index === 0 ? { status: 429, headers: { 'retry-after': '2' }, body: { errors: 'Exceeded 2 calls per second for api client.' } } : { body: orderResponse });
		await expect(shopifySource.getOrder({ id: '5550001001' }, ctx())).resolves.not.toBeNull();
		expect(api.waits).toEqual([2000]);

		api.waits.length = 0;
		handler = () => ({ body: throttled(0) });
		await expect(shopifySource.getOrder({ id: '5550001001' }, ctx())).rejects.toMatchObject({ code: 'rate_limited', details: { providerCode: 'THROTTLED', retryAfterMs: 920 } });
		expect(api.waits).toEqual([920, 920, 920]);
	});

	it('reports ACCESS_DENIED as auth, but only hides the promise when fulfillment orders are denied', async () => {
		handler = () => ({ body: { data: { order: null }, errors: [{ message: 'Access denied for customer field.', path: ['order', 'customer'], extensions: { code: 'ACCESS_DENIED' } }] } });
		await expect(shopifySource.getOrder({ id: '1' }, ctx())).rejects.toMatchObject({ code: 'auth', message: expect.stringContaining('order.customer') });
		const denied = { ...order, fulfillmentOrders: null };
		handler = () => ({ body: { data: { order: denied }, errors: [{ message: 'Access denied', path: ['order', 'fulfillmentOrders'], extensions: { code: 'ACCESS_DENIED' } }] } });
		const context = await shopifySource.getOrder({ id: '1' }, ctx());
		expect(context?.order?.promise).toEqual({});
	});

	it('calls missing fields malformed, naming the field and never a value', async () => {
		const { name, ...nameless } = order;
		handler = () => ({ body: { data: { order: nameless } } });
		const error = (await shopifySource.getOrder({ id: '1' }, ctx()).catch((e: unknown) => e)) as OrderSourceError;
		expect(error).toMatchObject({ code: 'malformed', details: { field: 'data.order.name' } });
		expect(error.message).toBe('shopify: unexpected response: data.order.name: required');
		handler = () => ({ body: { data: { order: { ...order, createdAt: 'yesterday' } } } });
		await expect(shopifySource.getOrder({ id: '1' }, ctx())).rejects.toMatchObject({ code: 'malformed', message: expect.not.stringContaining('jane') });
		handler = () => ({ body: 'Service Unavailable' });
		await expect(shopifySource.getOrder({ id: '1' }, ctx())).rejects.toMatchObject({ code: 'malformed', details: { field: 'data' } });
	});

	it('gets a customer by email, and needs a reference and a token', async () => {
		handler = () => ({ body: { data: { customers: { nodes: [order.customer] } } } });
		const context = await shopifySource.getCustomer!({ email: 'jane.buyer@example.test' }, ctx());
		expect(api.requests[0]!.body.variables).toEqual({ query: 'email:"jane.buyer@example.test"' });
		expect(context).toMatchObject({ source: 'shopify', customer: { email: 'jane.buyer@example.test', emailConsent: 'subscribed', ordersCount: 4 }, sources: ['shopify'] });
		expect(context?.order).toBeUndefined();
		await expect(shopifySource.getOrder({}, ctx())).rejects.toMatchObject({ code: 'invalid_request' });
		await expect(shopifySource.getOrder({ id: '1' }, api.ctx({ shopDomain: api.url }))).rejects.toMatchObject({ code: 'auth' });
	});
});
