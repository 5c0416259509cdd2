import { OrderContextSchema } from '../../../lib/orders/model';
import { woocommerceSource } from '../../../lib/orders/woocommerce';
import { fixture, startStandIn, type Recorded, type Reply, type StandIn } from './server';

let api: StandIn;
let handler: (req: Recorded, index: number) => Reply;
const order = fixture('woocommerce-order');
const invalidId = { code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.', data: { status: 404 } };

beforeEach(async () => {
	api = await startStandIn((req, index) => handler(req, index));
});
afterEach(() => api.close());

const ctx = () => api.ctx({ siteUrl: `${api.url}/`, consumerKey: 'ck_test', consumerSecret: 'cs_test' });

describe('WooCommerce source (REST v3)', () => {
	it('gets an order by id with Basic auth and maps billing, shipping and Shipment Tracking meta', async () => {
		handler = () => ({ body: order });
		const context = await woocommerceSource.getOrder({ id: '727' }, ctx());
		const [req] = api.requests;
		expect([req!.method, req!.path, req!.headers.authorization]).toEqual(['GET', '/wp-json/wc/v3/orders/727', `Basic ${Buffer.from('ck_test:cs_test').toString('base64')}`]);
		expect(OrderContextSchema.safeParse(context).success).toBe(true);
		expect(context).toEqual({
			source: 'woocommerce',
			order: {
				id: '727',
				number: '727',
				createdAt: '2026-11-02T14:05:11Z',
				currency: 'EUR',
				totalPrice: '54.80',
				financialStatus: 'paid',
				fulfillmentStatus: 'partially_fulfilled',
				items: [{ title: 'Espresso Cups (set of 2)', quantity: 2, sku: 'CUP-2', imageUrl: 'https://shop.example.test/wp-content/uploads/cups.jpg', price: '24.95' }],
				shippingAddress: { city: 'München', regionCode: 'BY', countryCode: 'DE', zip: '80331' },
				promise: {},
				fulfillments: [{ id: 'a3f1c2d4e5b6', status: 'success', trackingNumber: '00340434161094042557', trackingCompany: 'dhl-de', createdAt: '2026-11-03T09:00:00Z' }],
			},
			customer: { id: '26', name: 'Lena Käufer', firstName: 'Lena', email: 'lena.kaeufer@example.test', phone: '+49 89 5550142' },
			timeZone: 'Europe/Berlin',
			sources: ['woocommerce'],
		});
	});

	it('finds an order by number (the id by default) and by a search when a plugin renames it', async () => {
		handler = () => ({ body: order });
		await expect(woocommerceSource.getOrder({ number: '#727' }, ctx())).resolves.toMatchObject({ order: { number: '727' } });
		api.requests.length = 0;
		handler = (req) => (req.path.startsWith('/wp-json/wc/v3/orders?') ? { body: [{ ...order, number: 'WC-727' }] } : { status: 404, body: invalidId });
		await expect(woocommerceSource.getOrder({ number: 'WC-727' }, ctx())).resolves.toMatchObject({ order: { number: 'WC-727' } });
		expect(api.requests.map((r) => r.path)).toEqual(['/wp-json/wc/v3/orders?search=WC-727&per_page=10&page=1']);
	});

	it('finds an order by tracking number among recently modified orders, page by page', async () => {
		const other = { ...order, id: 700, number: '700', meta_data: [] };
		handler = (req) => ({ body: req.path.includes('page=1') ? Array.from({ length: 50 }, () => other) : [order] });
		const context = await woocommerceSource.getOrder({ trackingNumber: '00340434161094042557' }, ctx());
		expect(context?.order?.id).toBe('727');
		expect(api.requests.map((r) => new URL(r.path, api.url).searchParams.get('page'))).toEqual(['1', '2']);
		expect(new URL(api.requests[0]!.path, api.url).searchParams.get('modified_after')).toBe('2026-09-06T12:00:00');
	});

	it('answers null for an unknown id, an unmatched number and an email without orders', async () => {
		handler = (req) => (req.path.includes('?') ? { body: [] } : { status: 404, body: invalidId });
		await expect(woocommerceSource.getOrder({ id: '999' }, ctx())).resolves.toBeNull();
		await expect(woocommerceSource.getOrder({ number: '999' }, ctx())).resolves.toBeNull();
		await expect(woocommerceSource.getOrder({ email: 'nobody@example.test' }, ctx())).resolves.toBeNull();
	});

	it('maps 401, a missing REST route (404) and 429 with Retry-After', async () => {
		handler = () => ({ status: 401, body: { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot view this resource.', data: { status: 401 } } });
		await expect(woocommerceSource.getOrder({ id: '727' }, ctx())).rejects.toMatchObject({ code: 'auth', details: { providerCode: 'woocommerce_rest_cannot_view' } });
		handler = () => ({ status: 404, body: { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } } });
		await expect(woocommerceSource.getOrder({ id: '727' }, ctx())).rejects.toMatchObject({ code: 'not_found', details: { providerCode: 'rest_no_route' } });
		let limited = true;
		handler = () => (limited ? ((limited = false), { status: 429, headers: { 'retry-after': '3' }, body: {} }) : { body: order });
		await expect(woocommerceSource.getOrder({ id: '727' }, ctx())).resolves.not.toBeNull();
		expect(api.waits).toEqual([3000]);
	});

	it('calls missing fields and a bad tracking meta malformed, naming the field', async () => {
		const { currency, ...noCurrency } = order;
		handler = () => ({ body: noCurrency });
		await expect(woocommerceSource.getOrder({ id: '727' }, ctx())).rejects.toMatchObject({ code: 'malformed', message: 'woocommerce: unexpected response: currency: required' });
		handler = () => ({ body: { ...order, meta_data: [{ id: 1, key: '_wc_shipment_tracking_items', value: [{ tracking_number: 42 }] }] } });
		await expect(woocommerceSource.getOrder({ id: '727' }, ctx())).rejects.toMatchObject({ code: 'malformed', details: { field: 'meta_data[0].value[0].tracking_number' } });
	});

	it('refuses plain HTTP to a remote site, and gets a customer by email', async () => {
		await expect(woocommerceSource.getOrder({ id: '1' }, api.ctx({ siteUrl: 'http://shop.example.test', consumerKey: 'k', consumerSecret: 's' }))).rejects.toMatchObject({ code: 'invalid_request' });
		handler = () => ({ body: fixture('woocommerce-customer') });
		const context = await woocommerceSource.getCustomer!({ email: 'lena.kaeufer@example.test' }, ctx());
		expect(api.requests[0]!.path).toBe('/wp-json/wc/v3/customers?email=lena.kaeufer%40example.test&role=all');
		expect(context).toEqual({ source: 'woocommerce', customer: { id: '26', name: 'Lena Käufer', firstName: 'Lena', email: 'lena.kaeufer@example.test', phone: '+49 89 5550142' }, sources: ['woocommerce'] });
	});
});
