'use strict';
// Shopify webhook deliveries for the demo's preference-center journey, in Shopify's REST webhook
// shape (orders/create, fulfillments/create), signed as Shopify signs them.
const crypto = require('node:crypto');

const SHOPIFY_SECRET = 'demo-shopify-webhook-secret';

function shopOrder({ orderId, number, customer, now }) {
	const at = now.toISOString().replace(/\.\d{3}Z$/, '+00:00');
	return {
		id: orderId,
		admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
		name: `#${number}`,
		order_number: number,
		email: customer.email,
		contact_email: customer.email,
		phone: null,
		customer_locale: 'en',
		created_at: at,
		updated_at: at,
		processed_at: at,
		cancelled_at: null,
		cancel_reason: null,
		financial_status: 'paid',
		fulfillment_status: null,
		currency: 'USD',
		total_price: '64.00',
		test: false,
		line_items: [{ id: orderId + 1, title: 'Trail Mug', name: 'Trail Mug - Green', quantity: 2, sku: 'MUG-TR-01', price: '32.00', variant_id: 4401234567 }],
		customer: { id: 7012345001, email: customer.email, first_name: customer.name.split(' ')[0], last_name: customer.name.split(' ')[1], phone: customer.phone, accepts_marketing: false },
		shipping_address: { name: customer.name, address1: '1200 Example Ave', city: 'Chicago', province: 'Illinois', province_code: 'IL', zip: '60614', country: 'United States', country_code: 'US', phone: customer.phone },
		fulfillments: [],
		shipping_lines: [{ code: 'Standard', title: 'Standard', price: '0.00' }],
	};
}

function shopFulfillment({ orderId, number, customer, trackingNumber, now }) {
	const at = now.toISOString().replace(/\.\d{3}Z$/, '+00:00');
	return {
		id: orderId + 7,
		order_id: orderId,
		status: 'success',
		created_at: at,
		updated_at: at,
		service: 'manual',
		shipment_status: null,
		email: customer.email,
		destination: { name: customer.name, address1: '1200 Example Ave', city: 'Chicago', province_code: 'IL', zip: '60614', country_code: 'US', phone: customer.phone },
		tracking_company: 'UPS',
		tracking_number: trackingNumber,
		tracking_numbers: [trackingNumber],
		tracking_url: `https://tracking.example/${trackingNumber}`,
		tracking_urls: [`https://tracking.example/${trackingNumber}`],
		name: `#${number}.1`,
		admin_graphql_api_id: `gid://shopify/Fulfillment/${orderId + 7}`,
		line_items: [{ id: orderId + 1, title: 'Trail Mug', quantity: 2, sku: 'MUG-TR-01' }],
	};
}

/** Headers as Shopify sends them: topic, delivery id and the base64 HMAC-SHA256 of the raw body. */
function shopifyHeaders(topic, body, secret = SHOPIFY_SECRET) {
	return {
		'x-shopify-topic': topic,
		'x-shopify-hmac-sha256': crypto.createHmac('sha256', secret).update(body).digest('base64'),
		'x-shopify-webhook-id': crypto.randomUUID(),
		'x-shopify-shop-domain': 'acme-outfitters.myshopify.com',
		'x-shopify-api-version': '2026-07',
	};
}

module.exports = { SHOPIFY_SECRET, shopOrder, shopFulfillment, shopifyHeaders };
