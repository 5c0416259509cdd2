import { shopifyOrders } from '../../../../lib/orders/webhooks/shopify';
import { PayloadError } from '../../../../lib/model/errors';
import { PERSONAL, fixture } from './helpers';

const normalize = (topic: string, payload: unknown) => shopifyOrders.normalize(topic, payload);
const order = () => fixture('shopify', 'order');

describe('Shopify order topics', () => {
	it('orders/create is order_confirmed, with the order, its customer and destination', () => {
		expect(normalize('orders/create', order())).toEqual([
			{
				id: expect.stringMatching(/^shopify:[0-9a-f]{32}$/),
				source: 'shopify',
				topic: 'orders/create',
				trigger: 'order_confirmed',
				orderId: '5512345678901',
				orderNumber: '#1042',
				occurredAt: '2025-03-08T10:15:00-05:00',
				customer: { name: 'Lena Muster', firstName: 'Lena', email: 'lena.muster@example.com', phone: '+13125550199', locale: 'de' },
				order: {
					number: '#1042',
					items: [
						{ title: 'Trail Mug', quantity: 2 },
						{ title: 'Camp Blanket', quantity: 1 },
					],
					totalPrice: '84.50',
					currency: 'USD',
					createdAt: '2025-03-08T10:15:00-05:00',
				},
				destination: { city: 'Chicago', state: 'IL', postalCode: '60614', country: 'US' },
				financialStatus: 'paid',
			},
		]);
	});

	it('orders/create confirms an order whose payment is still pending (manual payment methods)', () => {
		const [event] = normalize('orders/create', { ...order(), financial_status: 'pending' });
		expect(event).toMatchObject({ trigger: 'order_confirmed', financialStatus: 'pending' });
	});

	it.each(['orders/paid', 'orders/updated', 'orders/fulfilled', 'orders/partially_fulfilled'])('%s tells nothing new (trigger null), stamped by updated_at', (topic) => {
		const [event] = normalize(topic, order());
		expect(event).toMatchObject({ topic, trigger: null, occurredAt: '2025-03-08T10:15:02-05:00' });
	});

	it('orders/updated with a voided or pending payment is no payment_issue', () => {
		for (const financial_status of ['voided', 'pending']) {
			expect(normalize('orders/updated', { ...order(), financial_status })[0]?.trigger).toBeNull();
		}
	});

	it("orders/cancelled with cancel_reason 'declined' is payment_issue at cancelled_at", () => {
		const [event] = normalize('orders/cancelled', fixture('shopify', 'order-cancelled-declined'));
		expect(event).toMatchObject({
			trigger: 'payment_issue',
			reason: 'declined',
			occurredAt: '2025-03-09T09:30:00-05:00',
			financialStatus: 'voided',
			customer: { name: 'Lena Muster', email: 'lena.muster@example.com' },
		});
		expect(event?.destination).toBeUndefined();
	});

	it.each(['customer', 'fraud', 'inventory', 'staff', 'other'])('orders/cancelled for %s is no payment_issue', (cancel_reason) => {
		const [event] = normalize('orders/cancelled', { ...fixture('shopify', 'order-cancelled-declined'), cancel_reason });
		expect(event).toMatchObject({ trigger: null, reason: cancel_reason });
	});

	it('the order id comes from admin_graphql_api_id, which keeps the digits JSON numbers lose', () => {
		const body = JSON.stringify(order()).replace(/5512345678901/g, '9007199254740993');
		expect(normalize('orders/create', JSON.parse(body))[0]?.orderId).toBe('9007199254740993');
	});

	it('confirming is one event id per order, whatever the topic or time; other changes differ by time', () => {
		const first = normalize('orders/create', order())[0];
		const again = normalize('orders/create', { ...order(), updated_at: '2025-03-08T11:00:00-05:00' })[0];
		const update1 = normalize('orders/updated', order())[0];
		const update2 = normalize('orders/updated', { ...order(), updated_at: '2025-03-08T11:00:00-05:00' })[0];
		expect(again?.id).toBe(first?.id);
		expect(update1?.id).not.toBe(update2?.id);
	});
});

describe('Shopify fulfillments', () => {
	it('fulfillments/create is shipped, with tracking, carrier, the shipped items and the order number', () => {
		expect(normalize('fulfillments/create', fixture('shopify', 'fulfillment'))).toEqual([
			{
				id: expect.stringMatching(/^shopify:/),
				source: 'shopify',
				topic: 'fulfillments/create',
				trigger: 'shipped',
				orderId: '5512345678901',
				orderNumber: '#1042',
				occurredAt: '2025-03-09T14:02:00-05:00',
				trackingNumbers: ['1Z999AA10123456784'],
				carrier: 'UPS',
				trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
				customer: { name: 'Lena Muster', firstName: 'Lena', email: 'lena.muster@example.com', phone: '+13125550199' },
				order: { number: '#1042', items: [{ title: 'Trail Mug', quantity: 2 }] },
				destination: { city: 'Chicago', state: 'IL', postalCode: '60614', country: 'US' },
			},
		]);
	});

	it('fulfillments/update with the same tracking is the same news; new tracking numbers are new news', () => {
		const created = normalize('fulfillments/create', fixture('shopify', 'fulfillment'))[0];
		const moved = normalize('fulfillments/update', { ...fixture('shopify', 'fulfillment'), shipment_status: 'in_transit', updated_at: '2025-03-10T08:00:00-05:00' })[0];
		const retracked = normalize('fulfillments/update', { ...fixture('shopify', 'fulfillment'), tracking_numbers: ['1Z999AA10123456785'], tracking_number: '1Z999AA10123456785' })[0];
		expect(moved).toMatchObject({ trigger: 'shipped', shipmentStatus: 'in_transit', id: created?.id });
		expect(retracked?.id).not.toBe(created?.id);
	});

	it('a fulfillment without tracking is still shipped, and an estimate is kept when Shopify sends one', () => {
		const [event] = normalize('fulfillments/create', {
			...fixture('shopify', 'fulfillment'),
			tracking_number: null,
			tracking_numbers: [],
			tracking_url: null,
			tracking_urls: [],
			tracking_company: null,
			estimated_delivery_at: '2025-03-12T18:00:00-05:00',
		});
		expect(event).toMatchObject({ trigger: 'shipped', estimatedDeliveryAt: '2025-03-12T18:00:00-05:00' });
		expect(event?.trackingNumbers).toBeUndefined();
	});

	it.each([
		['cancelled', null],
		['error', null],
		['failure', null],
		['pending', null],
		['open', null],
	])('a fulfillment with status %s tells nothing', (status, trigger) => {
		expect(normalize('fulfillments/update', { ...fixture('shopify', 'fulfillment'), status })[0]?.trigger).toBe(trigger);
	});

	it('a fulfillment recorded after delivery is not announced as shipped', () => {
		expect(normalize('fulfillments/create', { ...fixture('shopify', 'fulfillment'), shipment_status: 'delivered' })[0]?.trigger).toBeNull();
	});

	it.each([
		['label_purchased', null],
		['label_printed', null],
		['confirmed', null],
		['carrier_picked_up', 'in_transit'],
		['in_transit', 'in_transit'],
		['out_for_delivery', 'out_for_delivery'],
		['attempted_delivery', 'attempt_failed'],
		['ready_for_pickup', 'available_for_pickup'],
		['picked_up', 'delivered'],
		['delivered', 'delivered'],
		['delayed', 'delayed'],
		['failure', 'exception'],
		['some_future_status', null],
	])('fulfillment_events/create %s → %s', (status, trigger) => {
		const [event] = normalize('fulfillment_events/create', { ...fixture('shopify', 'fulfillment-event'), status });
		expect(event).toMatchObject({ trigger, shipmentStatus: status, orderId: '5512345678901' });
	});

	it('a fulfillment event carries where and when, and the carrier estimate', () => {
		expect(normalize('fulfillment_events/create', fixture('shopify', 'fulfillment-event'))[0]).toMatchObject({
			occurredAt: '2025-03-11T07:45:00-05:00',
			estimatedDeliveryAt: '2025-03-11T20:00:00-05:00',
			destination: { city: 'Chicago', state: 'Illinois', postalCode: '60614', country: 'United States' },
		});
	});
});

describe('Shopify order transactions', () => {
	it('a failed capture is payment_issue with the error code, keyed once per order', () => {
		const [event] = normalize('order_transactions/create', fixture('shopify', 'transaction-failed'));
		const [cancelled] = normalize('orders/cancelled', { ...fixture('shopify', 'order-cancelled-declined'), id: 5512345678901, admin_graphql_api_id: null });
		expect(event).toMatchObject({ trigger: 'payment_issue', orderId: '5512345678901', reason: 'card_declined', financialStatus: 'failure' });
		expect(event?.order).toBeUndefined();
		expect(cancelled?.id).toBe(event?.id);
	});

	it.each([
		['sale', 'error', 1],
		['authorization', 'failure', 1],
		['capture', 'success', 0],
		['refund', 'failure', 0],
		['void', 'failure', 0],
	])('a %s transaction with status %s gives %i event(s)', (kind, status, count) => {
		expect(normalize('order_transactions/create', { ...fixture('shopify', 'transaction-failed'), kind, status })).toHaveLength(count);
	});
});

describe('Shopify payloads', () => {
	it('topics it does not map are acknowledged with no events', () => {
		expect(normalize('products/update', { id: 1, title: 'Trail Mug' })).toEqual([]);
	});

	it.each([
		['orders/create', () => ({ ...order(), name: undefined }), 'name', 'required'],
		['orders/create', () => ({ ...order(), created_at: 'yesterday' }), 'created_at', 'invalid value'],
		['orders/create', () => ({ ...order(), line_items: [{ title: 'Trail Mug', quantity: 'two' }] }), 'line_items[0].quantity', 'expected number, got string'],
		['fulfillments/create', () => ({ ...fixture('shopify', 'fulfillment'), tracking_numbers: 'x' }), 'tracking_numbers', 'expected array, got string'],
		['fulfillment_events/create', () => ({ ...fixture('shopify', 'fulfillment-event'), happened_at: null }), 'happened_at', 'expected string, got null'],
		['order_transactions/create', () => ({ ...fixture('shopify', 'transaction-failed'), order_id: undefined }), 'order_id', 'invalid value'],
	])('%s with a bad %s names the field and never a value', (topic, build, field, message) => {
		let caught: unknown;
		try {
			normalize(topic, build());
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(PayloadError);
		expect(caught).toMatchObject({ field, message: `shopify payload: ${field}: ${message}` });
		for (const value of PERSONAL) expect((caught as Error).message).not.toContain(value);
	});
});
