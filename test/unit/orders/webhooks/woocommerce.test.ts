import { woocommerceOrders } from '../../../../lib/orders/webhooks/woocommerce';
import { PayloadError } from '../../../../lib/model/errors';
import { PERSONAL, fixture } from './helpers';

const normalize = (topic: string, payload: unknown) => woocommerceOrders.normalize(topic, payload);
const order = () => fixture('woocommerce', 'order');
const shipped = () => fixture('woocommerce', 'order-completed-tracking');

describe('WooCommerce order topics', () => {
	it('order.created in processing is order_confirmed; *_gmt times are read as UTC', () => {
		expect(normalize('order.created', order())).toEqual([
			{
				id: expect.stringMatching(/^woocommerce:[0-9a-f]{32}$/),
				source: 'woocommerce',
				topic: 'order.created',
				trigger: 'order_confirmed',
				orderId: '7311',
				orderNumber: '7311',
				occurredAt: '2025-03-08T10:15:00Z',
				customer: { name: 'Jonas Beispiel', firstName: 'Jonas', email: 'jonas.beispiel@example.com', phone: '+4922155501234' },
				order: {
					number: '7311',
					items: [
						{ title: 'Espresso Beans 1kg', quantity: 2 },
						{ title: 'Milk Jug', quantity: 1 },
					],
					totalPrice: '59.90',
					currency: 'EUR',
					createdAt: '2025-03-08T10:15:00Z',
				},
				destination: { city: 'Köln', state: 'NW', postalCode: '50667', country: 'DE' },
				fulfillmentStatus: 'processing',
			},
		]);
	});

	it.each([
		['order.created', 'on-hold', 'order_confirmed'],
		['order.created', 'pending', null],
		['order.created', 'checkout-draft', null],
		['order.created', 'failed', 'payment_issue'],
		['order.updated', 'failed', 'payment_issue'],
		['order.updated', 'processing', 'order_confirmed'],
		['order.updated', 'cancelled', null],
		['order.updated', 'refunded', null],
		['order.updated', 'completed', 'order_confirmed'],
	])('%s with status %s (no tracking) → %s', (topic, status, trigger) => {
		expect(normalize(topic, { ...order(), status })[0]?.trigger).toBe(trigger);
	});

	it('a pending order later paid confirms under the same id as one created paid: told once per order', () => {
		const created = normalize('order.created', order())[0];
		const paid = normalize('order.updated', { ...order(), date_modified_gmt: '2025-03-08T10:20:00' })[0];
		expect(paid?.id).toBe(created?.id);
	});

	it('order.updated completed with shipment tracking meta is shipped, with number, carrier and link', () => {
		expect(normalize('order.updated', shipped())[0]).toMatchObject({
			trigger: 'shipped',
			occurredAt: '2025-03-09T15:40:00Z',
			trackingNumbers: ['00340434161094000001'],
			carrier: 'DHL',
			trackingUrl: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094000001',
			order: { number: '7311', items: [{ title: 'Espresso Beans 1kg', quantity: 2 }, { title: 'Milk Jug', quantity: 1 }] },
		});
	});

	it.each(['shipped', 'partial-shipped'])('the tracking plugins\' %s status with tracking is shipped too', (status) => {
		expect(normalize('order.updated', { ...shipped(), status })[0]?.trigger).toBe('shipped');
	});

	it('a custom carrier names itself and its link; a second parcel is new news', () => {
		const payload = shipped();
		const items = payload.meta_data[1].value;
		items.push({ tracking_provider: '', custom_tracking_provider: 'Kurier Nord', custom_tracking_link: 'https://kurier-nord.example/t/KN123', tracking_number: 'KN123' });
		const [event] = normalize('order.updated', payload);
		expect(event).toMatchObject({ trackingNumbers: ['00340434161094000001', 'KN123'], carrier: 'Kurier Nord', trackingUrl: 'https://kurier-nord.example/t/KN123' });
		expect(event?.id).not.toBe(normalize('order.updated', shipped())[0]?.id);
	});

	it('order.created carrying tracking is still a confirmation, not shipped', () => {
		expect(normalize('order.created', shipped())[0]?.trigger).toBe('order_confirmed');
	});

	it('the shipping country falls back to billing when the order has no shipping address', () => {
		const [event] = normalize('order.created', { ...order(), shipping: { first_name: '', last_name: '', country: '' } });
		expect(event?.destination).toEqual({ city: 'Köln', state: 'NW', postalCode: '50667', country: 'DE' });
	});

	it.each(['order.deleted', 'order.restored', 'product.updated', 'customer.created', 'action.woocommerce_payment_complete'])('%s tells nothing', (topic) => {
		expect(normalize(topic, { id: 7311 })).toEqual([]);
	});
});

describe('WooCommerce payloads', () => {
	function caught(topic: string, payload: unknown): PayloadError {
		try {
			normalize(topic, payload);
		} catch (error) {
			if (error instanceof PayloadError) return error;
			throw error;
		}
		throw new Error('expected a PayloadError');
	}

	it.each([
		[() => ({ ...order(), status: '' }), 'status', 'must not be empty'],
		[() => ({ ...order(), date_created_gmt: '08/03/2025' }), 'date_created_gmt', 'invalid value'],
		[() => ({ ...order(), line_items: [{ name: 'Milk Jug', quantity: -1 }] }), 'line_items[0].quantity', 'too small'],
		[() => ({ ...order(), billing: 'Jonas Beispiel' }), 'billing', 'expected object, got string'],
	])('a bad field is named without its value', (build, field, message) => {
		const error = caught('order.created', build());
		expect(error).toMatchObject({ field, message: `woocommerce payload: ${field}: ${message}` });
		for (const value of PERSONAL) expect(error.message).not.toContain(value);
	});

	it('malformed tracking meta is named by its place in meta_data', () => {
		const payload = shipped();
		payload.meta_data[1].value = [{ tracking_number: 340434161094 }];
		expect(caught('order.updated', payload)).toMatchObject({ field: 'meta_data[1].value[0].tracking_number' });
	});

	it('a legacy API payload says which API version to choose', () => {
		const error = caught('order.created', { order: { id: 7311, customer: { email: 'jonas.beispiel@example.com' } } });
		expect(error.field).toBe('order');
		expect(error.message).toContain('WP REST API Integration v3');
		expect(error.message).not.toContain('jonas');
	});
});
