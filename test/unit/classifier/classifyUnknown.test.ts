import { classify, classifyUnknown, InvalidEventError } from '../../../lib/classifier';
import { shipmentEvent } from './shipmentEvent';

function errorOf(call: () => unknown): InvalidEventError {
	try {
		call();
	} catch (error) {
		if (error instanceof InvalidEventError) return error;
		throw error;
	}
	throw new Error('expected an InvalidEventError');
}

const customer = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+447700900123' };

describe('classifyUnknown', () => {
	it('classifies valid JSON like classify', () => {
		const event = shipmentEvent({ status: 'out_for_delivery', customer });
		const json: unknown = JSON.parse(JSON.stringify(event));
		expect(classifyUnknown(json, { lastTrigger: 'shipped' })).toEqual(classify(event, { lastTrigger: 'shipped' }));
	});

	it('names an unknown status without quoting it', () => {
		const error = errorOf(() => classifyUnknown({ ...shipmentEvent(), status: 'teleported', customer }));
		expect(error.fields).toEqual(['status']);
		expect(error.message).toMatch(/^Invalid shipment event: status: expected one of pending, /);
		expect(error.message).not.toContain('teleported');
	});

	it('names a missing field', () => {
		const { occurredAt, ...withoutTime } = shipmentEvent();
		const error = errorOf(() => classifyUnknown(withoutTime));
		expect(error.message).toBe('Invalid shipment event: occurredAt: required');
	});

	it('names every bad field, dates and nested ones included, without their values', () => {
		const error = errorOf(() =>
			classifyUnknown({
				...shipmentEvent(),
				trackingNumber: '',
				estimatedDelivery: '14/03/2024 ada@example.com',
				occurredAt: 'yesterday at 5',
				customer: { ...customer, phone: 447700900123 },
			}),
		);
		expect(error.fields.sort()).toEqual(['customer.phone', 'estimatedDelivery', 'occurredAt', 'trackingNumber']);
		expect(error.message).toContain('estimatedDelivery: expected a date (YYYY-MM-DD) or an ISO date-time with offset');
		expect(error.message).toContain('customer.phone: expected string, got number');
		expect(error.message).toContain('trackingNumber: must not be empty');
		for (const value of ['14/03', 'ada@example.com', 'yesterday', '447700900123', 'Ada']) {
			expect(error.message).not.toContain(value);
		}
	});

	it('ignores fields it does not know, at any level (items carry more than the event)', () => {
		const input = { ...shipmentEvent(), raw: { any: 'thing' }, customer: { ...customer, emailOptOut: true } };
		expect(classifyUnknown(input)).toEqual(classifyUnknown(shipmentEvent()));
	});

	it('says so when the input is not an object at all', () => {
		const error = errorOf(() => classifyUnknown('ada@example.com'));
		expect(error.message).toBe('Invalid shipment event: (event): expected object, got string');
	});
});
