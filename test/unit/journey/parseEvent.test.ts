import { parseEvent } from '../../../lib/journey/parseEvent';
import type { ShipmentEvent } from '../../../lib/model/event';

const EVENT: ShipmentEvent = {
	id: 'aftership:6f1c0b9e-2d4a-4c1e-9b7f-0a1b2c3d4e02',
	provider: 'aftership',
	trackingNumber: '1Z999AA10123456784',
	carrier: 'ups',
	status: 'in_transit',
	detail: 'arrived_at_facility',
	occurredAt: '2025-03-06T07:22:00-06:00',
	estimatedDelivery: '2025-03-07',
	customer: { name: 'Ada Example', email: 'ada@example.com', phone: '+13125550142' },
};

/** The message parseEvent throws for `input`; fails the test when it does not throw. */
function errorFor(input: unknown, where?: string): string {
	try {
		parseEvent(input, where);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('parseEvent accepted the input');
}

describe('parseEvent: what it accepts', () => {
	it('returns the event as given', () => {
		expect(parseEvent({ ...EVENT })).toEqual(EVENT);
	});

	it('ignores the keys a journey item carries besides the event', () => {
		const item = {
			...EVENT,
			raw: { msg: { tracking_number: EVENT.trackingNumber, customers: [{ email: 'ada@example.com' }] } },
			assessment: { trigger: 'shipped', notify: true },
			order: { number: '1042', items: [{ sku: 'TEE-M' }] },
			somethingElse: 42,
		};

		const event = parseEvent(item);

		expect(event).toEqual(EVENT);
		expect(event).not.toHaveProperty('raw');
		expect(event).not.toHaveProperty('assessment');
		expect(event).not.toHaveProperty('order');
		expect(event).not.toHaveProperty('somethingElse');
	});

	it('accepts the minimal event', () => {
		const minimal = { id: 'x:1', provider: 'x', trackingNumber: 'T1', status: 'delivered', occurredAt: '2025-03-07T13:58:00Z' };
		expect(parseEvent(minimal)).toEqual(minimal);
	});

	// Customer Notify documents `customer.emailOptOut: true` / `customer.smsOptOut: true` on the item as
	// opt-outs, and parseEvent says items may carry customer preferences. Such an item, enriched before
	// the Delivery Classifier, must still parse. Today the nested customer object is strict and throws.
	test('ignores customer preferences the item adds inside `customer` (documented opt-out fields)', () => {
		const item = { ...EVENT, customer: { ...EVENT.customer, emailOptOut: true, smsOptOut: false } };
		const event = parseEvent(item);
		expect(event.customer).toEqual(EVENT.customer);
	});
});

describe('parseEvent: what it refuses', () => {
	it.each(['trackingNumber', 'status', 'occurredAt'] as const)('names a missing %s, and the fields required', (field) => {
		const input: Record<string, unknown> = { ...EVENT };
		delete input[field];

		const message = errorFor(input);

		expect(message).toContain(`${field}:`);
		expect(message).toMatch(/trackingNumber, status, occurredAt are required/);
	});

	it.each(['trackingNumber', 'status', 'occurredAt'] as const)('quotes no value when %s is missing', (field) => {
		const input: Record<string, unknown> = { ...EVENT };
		delete input[field];
		const message = errorFor(input);
		for (const value of ['Ada Example', 'ada@example.com', '+13125550142', '1Z999AA10123456784', '2025-03-06T07:22:00-06:00']) {
			expect(message).not.toContain(value);
		}
	});

	it('names where the event came from', () => {
		const input: Record<string, unknown> = { ...EVENT };
		delete input.status;
		expect(errorFor(input, 'input item 3')).toMatch(/^The input item 3 is not a shipment event/);
	});

	it('names an empty tracking number', () => {
		expect(errorFor({ ...EVENT, trackingNumber: '' })).toContain('trackingNumber:');
	});

	it('names an occurredAt that is not a date-time with offset, without quoting it', () => {
		const message = errorFor({ ...EVENT, occurredAt: 'Ada Example, 12 Elm St' });
		expect(message).toContain('occurredAt:');
		expect(message).not.toContain('Ada Example');
		expect(message).not.toContain('Elm St');
	});

	it('refuses something that is not an object', () => {
		expect(errorFor(null)).toMatch(/not a shipment event/);
		expect(errorFor('1Z999AA10123456784')).not.toContain('1Z999AA10123456784');
	});

	// The doc promises "a missing or malformed field is named, its value never quoted"; zod's enum
	// message embeds the received value ("..., received 'ada@example.com'").
	test('quotes no value when status is malformed', () => {
		const message = errorFor({ ...EVENT, status: 'ada@example.com' });
		expect(message).toContain('status:');
		expect(message).not.toContain('ada@example.com');
	});

	test('quotes no value when customer.preference is malformed', () => {
		const message = errorFor({ ...EVENT, customer: { preference: '+13125550142' } });
		expect(message).toContain('customer.preference:');
		expect(message).not.toContain('+13125550142');
	});
});
