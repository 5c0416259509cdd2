import { mergeContexts } from '../../../lib/orders/merge';
import { OrderContextSchema, toNotifyRecipient, type OrderContext } from '../../../lib/orders/model';
import { getOrderSource, listOrderSources } from '../../../lib/orders/registry';

const shopify: OrderContext = {
	source: 'shopify',
	order: {
		id: 'gid://shopify/Order/1',
		number: '#1001',
		createdAt: '2026-11-02T14:05:11Z',
		currency: 'USD',
		totalPrice: '129.90',
		financialStatus: 'paid',
		fulfillmentStatus: 'fulfilled',
		items: [{ title: 'Trail Runner 2', quantity: 1 }],
		shippingAddress: { city: 'Brooklyn', regionCode: 'NY', countryCode: 'US', zip: '11201' },
		promise: { promisedDate: '2026-11-08' },
		fulfillments: [],
	},
	customer: { id: 'gid://shopify/Customer/8', name: 'Jane', email: 'jane@example.test', locale: 'en', emailConsent: 'subscribed', smsConsent: 'not_subscribed', ordersCount: 4 },
	timeZone: 'America/New_York',
	sources: ['shopify'],
};

const hubspot: OrderContext = {
	source: 'hubspot',
	customer: { id: '51', name: 'Jane Buyer', email: 'jane.crm@example.test', phone: '+16195550142', locale: 'en-US', preference: 'sms', emailConsent: 'unsubscribed', lifetimeValue: 640.5 },
	sources: ['hubspot'],
};

const woo: OrderContext = { ...shopify, source: 'woocommerce', order: { ...shopify.order!, id: '727', number: '727' }, timeZone: 'Europe/Berlin', sources: ['woocommerce'] };

describe('mergeContexts', () => {
	it('takes order facts from the order system and preferences and consent from the CRM', () => {
		const merged = mergeContexts([hubspot, shopify]);
		expect(OrderContextSchema.safeParse(merged).success).toBe(true);
		expect(merged).toEqual({
			source: 'shopify',
			order: shopify.order,
			customer: {
				id: 'gid://shopify/Customer/8',
				// More specific wins over precedence: a full name, a locale with a region.
				name: 'Jane Buyer',
				email: 'jane@example.test',
				phone: '+16195550142',
				locale: 'en-US',
				lifetimeValue: 640.5,
				ordersCount: 4,
				preference: 'sms',
				emailConsent: 'unsubscribed',
				smsConsent: 'not_subscribed',
			},
			timeZone: 'America/New_York',
			sources: ['shopify', 'hubspot'],
		});
	});

	it('keeps the order system’s consent when the CRM has none, and lists only contributors', () => {
		const bare: OrderContext = { source: 'hubspot', customer: { email: 'jane@example.test' }, sources: ['hubspot'] };
		const merged = mergeContexts([shopify, bare, null]);
		expect(merged?.customer).toMatchObject({ emailConsent: 'subscribed', email: 'jane@example.test' });
		expect(merged?.sources).toEqual(['shopify']);
	});

	it('takes one order whole from the first order system, by precedence or as configured', () => {
		expect(mergeContexts([woo, shopify])?.order?.id).toBe('gid://shopify/Order/1');
		const merged = mergeContexts([shopify, woo], { orders: ['woocommerce', 'shopify'] });
		expect([merged?.source, merged?.order?.id, merged?.timeZone]).toEqual(['woocommerce', '727', 'Europe/Berlin']);
	});

	it('merges a CRM alone into a customer-only context, and nothing into null', () => {
		expect(mergeContexts([hubspot])).toEqual(hubspot);
		expect(mergeContexts([null, undefined])).toBeNull();
	});

	it('gives Customer Notify its recipient', () => {
		expect(toNotifyRecipient(mergeContexts([shopify, hubspot])!)).toEqual({
			email: 'jane@example.test',
			phone: '+16195550142',
			preference: 'sms',
			timeZone: 'America/New_York',
			country: 'US',
			name: 'Jane Buyer',
			locale: 'en-US',
		});
	});
});

describe('order source registry', () => {
	it('lists the sources and finds each by id', () => {
		expect(listOrderSources().map((s) => [s.id, s.credentialType, s.hasOrders])).toEqual([
			['shopify', 'shopifyAdminApi', true],
			['woocommerce', 'wooCommerceStoreApi', true],
			['hubspot', 'hubSpotCrmApi', false],
		]);
		expect(getOrderSource(' Shopify ').id).toBe('shopify');
		expect(() => getOrderSource('magento')).toThrow('Unknown order source "magento": use one of shopify, woocommerce, hubspot.');
	});
});
