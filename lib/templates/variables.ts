/**
 * What a template can read. Every template (subject, html, text, sms) gets the same data:
 *
 *   customer.firstName, customer.name
 *   order.number, order.items[] (title, quantity), order.promisedDelivery
 *   shipment.trackingNumber, shipment.carrier, shipment.trackingUrl, shipment.status,
 *   shipment.location.city, shipment.estimatedDelivery, shipment.estimatedDeliveryLatest
 *   assessment.reason, assessment.revisedEta (YYYY-MM-DD), assessment.daysLate,
 *   assessment.customerAction, assessment.etaSource, assessment.actionBy
 *   brand.name, brand.supportUrl, brand.supportEmail, brand.supportPhone
 *   preferences.url (the signed preference-center link, on order_confirmed)
 *
 * Any of them may be missing; templates use `{% if %}` and `| default:` so nothing reads "Hi ,".
 * Besides the standard Liquid filters there is `sentence` (capitalise, end with a full stop).
 * Dates: `{{ assessment.revisedEta | date: '%A, %B %-d' }}` gives "Thursday, March 14".
 */
export interface TemplateVariable {
	path: string;
	description: string;
	example: string;
}

export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = [
	{ path: 'customer.firstName', description: "Customer's first name (taken from the name when not given)", example: 'Anna' },
	{ path: 'customer.name', description: "Customer's full name", example: 'Anna Schmidt' },
	{ path: 'order.number', description: 'Order number as the shop shows it', example: '#1001' },
	{ path: 'order.items', description: 'Ordered items, each with title and quantity', example: '[{ "title": "Blue Mug", "quantity": 2 }]' },
	{ path: 'order.promisedDelivery', description: 'The delivery date promised at checkout (YYYY-MM-DD), when known', example: '2024-03-15' },
	{ path: 'shipment.trackingNumber', description: 'Carrier tracking number', example: '1Z999AA10123456784' },
	{ path: 'shipment.carrier', description: 'Carrier name', example: 'UPS' },
	{ path: 'shipment.trackingUrl', description: 'Tracking page (http/https only; anything else is dropped)', example: 'https://track.example.com/1Z999' },
	{ path: 'shipment.status', description: 'Normalized shipment status', example: 'in_transit' },
	{ path: 'shipment.location.city', description: 'City of the latest scan', example: 'Leipzig' },
	{ path: 'shipment.estimatedDelivery', description: "The carrier's own delivery estimate from the event (YYYY-MM-DD)", example: '2024-03-14' },
	{ path: 'shipment.estimatedDeliveryLatest', description: "The end of the carrier's delivery window, when it gives one (YYYY-MM-DD)", example: '2024-03-15' },
	{ path: 'assessment.reason', description: 'Plain-language reason from the classifier', example: 'Severe weather is slowing deliveries in your area.' },
	{ path: 'assessment.revisedEta', description: "New expected delivery date (YYYY-MM-DD); format with | date: '%A, %B %-d'", example: '2024-03-14' },
	{ path: 'assessment.daysLate', description: 'Days later than promised', example: '2' },
	{ path: 'assessment.etaSource', description: "Where revisedEta comes from: 'carrier' (its own estimate) or 'estimated' (typical transit time)", example: 'carrier' },
	{ path: 'assessment.actionBy', description: 'The date the customer must act by, e.g. collect the parcel (YYYY-MM-DD)', example: '2024-03-18' },
	{ path: 'assessment.customerAction', description: 'What the customer should do: none, correct_address, pick_up, pay_duties_or_send_documents, reschedule, contact_carrier', example: 'pick_up' },
	{ path: 'brand.name', description: 'Shop name', example: 'Acme Coffee' },
	{ path: 'brand.supportUrl', description: 'Help page (http/https only)', example: 'https://acme.example/help' },
	{ path: 'brand.supportEmail', description: 'Support email address', example: 'help@acme.example' },
	{ path: 'brand.supportPhone', description: 'Support phone number (digits, spaces, + - . ( ) only)', example: '+1 555 010 0199' },
	{ path: 'preferences.url', description: 'Signed link to the preference center (Preference Center → Create Link; http/https only)', example: 'https://n8n.example/webhook/postpurchase/preferences?o=shopify%3A1001&e=1767225600&s=…' },
];
