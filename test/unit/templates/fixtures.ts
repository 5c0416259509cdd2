/** Template data as the Customer Notify node would pass it, everything filled in. */
export const FULL_DATA = {
	customer: { firstName: 'Anna', name: 'Anna Schmidt' },
	order: { number: '#1001', items: [{ title: 'Blue Mug', quantity: 2 }, { title: 'Green Tea' }] },
	shipment: {
		trackingNumber: '1Z999AA10123456784',
		carrier: 'UPS',
		trackingUrl: 'https://track.example.com/1Z999AA10123456784',
		status: 'exception',
		location: { city: 'Leipzig' },
	},
	assessment: {
		reason: 'Severe weather is slowing deliveries in your area.',
		revisedEta: '2024-03-14',
		daysLate: 2,
		customerAction: 'pay_duties_or_send_documents',
	},
	brand: { name: 'Acme Coffee', supportUrl: 'https://acme.example/help', supportEmail: 'help@acme.example' },
};

/** What a node knows at the least: nothing but the trigger. */
export const MINIMAL_DATA = {};
