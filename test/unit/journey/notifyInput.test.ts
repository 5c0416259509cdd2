import { journeyItemToNotifyInput, type JourneyItemFields } from '../../../lib/journey/notifyInput';
import { shipmentKey } from '../../../lib/store/types';

type Json = Record<string, unknown>;

const BRAND = { name: 'Acme Outfitters', supportEmail: 'help@acme.example' };

/** A journey item as it leaves the Delivery Classifier: the event, the raw payload, the assessment. */
function item(overrides: Json = {}): Json {
	return {
		id: 'aftership:6f1c0b9e-2d4a-4c1e-9b7f-0a1b2c3d4e10',
		provider: 'aftership',
		trackingNumber: '1Z999AA10123456784',
		carrier: 'ups',
		status: 'exception',
		occurredAt: '2025-03-06T22:30:00-06:00',
		trackingUrl: 'https://example.aftership.com/1Z999AA10123456784',
		location: { city: 'Chicago', state: 'IL', country: 'USA' },
		destination: { city: 'Oak Park', state: 'IL', country: 'USA' },
		orderNumber: '1042',
		customer: { name: 'Ada Lovelace Example', email: 'ada@example.com', phone: '+13125550142', locale: 'en' },
		raw: {
			event: 'tracking_update',
			msg: {
				tracking_number: '1Z999AA10123456784',
				note: 'RAW-ONLY-NOTE gate code 4411',
				customers: [{ name: 'Ada Lovelace Example', email: 'ada@example.com', phone_number: '+13125550142' }],
			},
		},
		assessment: {
			trigger: 'delayed',
			notify: true,
			escalate: false,
			severity: 'warning',
			reason: 'Your order is running late.',
			customerAction: 'none',
			revisedEta: '2025-03-10',
			daysLate: 3,
			promisedDate: '2025-03-07',
		},
		...overrides,
	};
}

const FIELDS: JourneyItemFields = { email: 'ada@example.com', phone: '+13125550142' };

function errorFor(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('expected an error');
}

describe('journeyItemToNotifyInput: the trigger', () => {
	it('comes from the assessment, with its severity', () => {
		const input = journeyItemToNotifyInput(item(), FIELDS, BRAND);
		expect(input.trigger).toBe('delayed');
		expect(input.severity).toBe('warning');
		expect(input.trackingNumber).toBe('1Z999AA10123456784');
		expect(input.shipmentKey).toBe(shipmentKey('1Z999AA10123456784', 'ups'));
	});

	it('a `trigger` field on the item wins over the assessment', () => {
		const input = journeyItemToNotifyInput(item({ trigger: 'delivered', severity: 'info' }), FIELDS, BRAND);
		expect(input.trigger).toBe('delivered');
		expect(input.severity).toBe('info');
	});

	it('defaults severity to info when neither says', () => {
		const input = journeyItemToNotifyInput(item({ assessment: { trigger: 'shipped' } }), FIELDS, BRAND);
		expect(input.severity).toBe('info');
	});

	it.each([
		['no assessment', { assessment: undefined }],
		['an assessment with a null trigger', { assessment: { trigger: null, notify: false } }],
		['a trigger outside the journey vocabulary', { assessment: { trigger: 'Ada Example' } }],
	])('%s is a clear error', (_case, overrides) => {
		const message = errorFor(() => journeyItemToNotifyInput(item(overrides), FIELDS, BRAND));
		expect(message).toMatch(/no journey trigger/);
		expect(message).toContain('assessment.trigger');
		expect(message).toMatch(/Delivery Classifier/);
		expect(message).not.toContain('Ada Example');
	});

	it('an item with neither a tracking number nor an order is a clear error', () => {
		const message = errorFor(() => journeyItemToNotifyInput(item({ trackingNumber: '  ', orderNumber: undefined }), FIELDS, BRAND));
		expect(message).toContain('trackingNumber');
		expect(message).toContain('orderId');
	});

	it('an order-level item (no parcel yet) is keyed by its order, so each step goes out once per order', () => {
		const input = journeyItemToNotifyInput(item({ trigger: 'order_confirmed', trackingNumber: undefined, shipmentKey: undefined, source: 'shopify', orderId: '820982911946154508' }), FIELDS, BRAND);
		expect(input.trackingNumber).toBeUndefined();
		expect(input.shipmentKey).toBe('order:shopify:820982911946154508');
	});
});

describe('journeyItemToNotifyInput: the recipient', () => {
	it('takes contact data from the fields, trimmed', () => {
		const input = journeyItemToNotifyInput(item(), { email: ' ada@example.com ', phone: '+13125550142 ', timeZone: 'America/Chicago' }, BRAND);
		expect(input.recipient).toMatchObject({
			email: 'ada@example.com',
			phone: '+13125550142',
			timeZone: 'America/Chicago',
			name: 'Ada Lovelace Example',
			locale: 'en',
			emailOptOut: false,
			smsOptOut: false,
		});
	});

	it.each(['email', 'sms', 'both', 'none'])('accepts preference %s', (preference) => {
		expect(journeyItemToNotifyInput(item(), { ...FIELDS, preference }, BRAND).recipient.preference).toBe(preference);
	});

	it('reads the preference case-insensitively and treats empty as none given', () => {
		expect(journeyItemToNotifyInput(item(), { ...FIELDS, preference: ' SMS ' }, BRAND).recipient.preference).toBe('sms');
		expect(journeyItemToNotifyInput(item(), { ...FIELDS, preference: '' }, BRAND).recipient.preference).toBeUndefined();
	});

	it('a bad preference is an error listing the allowed values, not quoting the bad one', () => {
		const message = errorFor(() => journeyItemToNotifyInput(item(), { ...FIELDS, preference: 'ada@example.com' }, BRAND));
		expect(message).toMatch(/Channel Preference/);
		expect(message).toContain('email, sms, both, none');
		expect(message).not.toContain('ada@example.com');
	});

	it.each(['emailOptOut', 'smsOptOut'] as const)('customer.%s on the item counts as an opt-out', (flag) => {
		const base = item();
		const input = journeyItemToNotifyInput(
			{ ...base, customer: { ...(base.customer as Json), [flag]: true } },
			FIELDS,
			BRAND,
		);
		expect(input.recipient[flag]).toBe(true);
		const other = flag === 'emailOptOut' ? 'smsOptOut' : 'emailOptOut';
		expect(input.recipient[other]).toBe(false);
	});

	it('the node fields opt out too, and an item cannot opt back in', () => {
		const base = item();
		const input = journeyItemToNotifyInput(
			{ ...base, customer: { ...(base.customer as Json), emailOptOut: false } },
			{ ...FIELDS, emailOptOut: true, smsOptOut: true },
			BRAND,
		);
		expect(input.recipient).toMatchObject({ emailOptOut: true, smsOptOut: true });
	});

	it('does not pass an alpha-3 destination country as the phone region', () => {
		const input = journeyItemToNotifyInput(item({ destination: { country: 'USA' } }), FIELDS, BRAND);
		expect(input.recipient.country).toBeUndefined();
	});

	it('passes an alpha-2 destination country, upper-cased', () => {
		expect(journeyItemToNotifyInput(item({ destination: { country: 'gb' } }), FIELDS, BRAND).recipient.country).toBe('GB');
	});

	it('the country field wins over the destination', () => {
		const input = journeyItemToNotifyInput(item({ destination: { country: 'GB' } }), { ...FIELDS, country: 'US' }, BRAND);
		expect(input.recipient.country).toBe('US');
	});
});

describe('journeyItemToNotifyInput: template data', () => {
	it('carries the named parts: customer, order, shipment, assessment, brand', () => {
		const { data } = journeyItemToNotifyInput(item({ order: { number: 'A-77', items: [{ title: 'Tee', quantity: 1 }] } }), FIELDS, BRAND);
		expect(data.customer).toEqual({ name: 'Ada Lovelace Example', firstName: 'Ada' });
		expect(data.order).toEqual({ number: 'A-77', items: [{ title: 'Tee', quantity: 1 }] });
		expect(data.shipment).toMatchObject({
			trackingNumber: '1Z999AA10123456784',
			trackingUrl: 'https://example.aftership.com/1Z999AA10123456784',
			status: 'exception',
			location: { city: 'Chicago', country: 'USA' },
		});
		expect(data.assessment).toMatchObject({
			trigger: 'delayed',
			reason: 'Your order is running late.',
			revisedEta: '2025-03-10',
			daysLate: 3,
			promisedDate: '2025-03-07',
			customerAction: 'none',
		});
		expect(data.brand).toEqual(BRAND);
	});

	it('falls back to the item orderNumber', () => {
		expect(journeyItemToNotifyInput(item(), FIELDS, BRAND).data.order.number).toBe('1042');
	});

	it('contains nothing of the raw payload, nor contact data', () => {
		const { data } = journeyItemToNotifyInput(item(), FIELDS, BRAND);
		const text = JSON.stringify(data);
		expect(data).not.toHaveProperty('raw');
		expect(text).not.toContain('RAW-ONLY-NOTE');
		expect(text).not.toContain('gate code');
		expect(text).not.toContain('ada@example.com');
		expect(text).not.toContain('3125550142');
		expect(text).not.toContain('tracking_update');
	});

	it('is a copy: changing the item afterwards does not change it', () => {
		const source = item();
		const { data } = journeyItemToNotifyInput(source, FIELDS, BRAND);
		(source.assessment as Json).reason = 'changed';
		(source.location as Json).city = 'changed';
		expect(data.assessment.reason).toBe('Your order is running late.');
		expect(data.shipment.location.city).toBe('Chicago');
	});
});
