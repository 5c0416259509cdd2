import { classify } from '../../../lib/classifier';
import { PICKUP_HOLD_DAYS } from '../../../lib/classifier/actions';
import { shipmentEvent } from './shipmentEvent';

const waiting = (carrier?: string, occurredAt = '2024-03-11T09:15:00-05:00') =>
	shipmentEvent({ status: 'available_for_pickup', carrier, occurredAt });

describe('pickup deadline (actionBy)', () => {
	it.each([
		['usps', '2024-03-26'],
		['ups', '2024-03-18'],
		['fedex', '2024-03-16'],
		['dhl', '2024-03-18'],
		['UPS', '2024-03-18'],
	])('%s: arrival plus its hold days', (carrier, actionBy) => {
		expect(classify(waiting(carrier))).toMatchObject({ customerAction: 'pick_up', actionBy });
	});

	it('documents the hold days it uses', () => {
		expect(PICKUP_HOLD_DAYS).toEqual({ usps: 15, ups: 7, fedex: 5, dhl: 7 });
	});

	it('tells the customer the day, in words', () => {
		expect(classify(waiting('ups')).reason).toBe('Your order is waiting for you to pick up. Please collect it by Monday 18 March.');
	});

	it('gives no date for a carrier it does not know, or no carrier', () => {
		for (const carrier of ['acme-express', undefined]) {
			const assessment = classify(waiting(carrier));
			expect(assessment.customerAction).toBe('pick_up');
			expect(assessment.actionBy).toBeUndefined();
			expect(assessment.reason).toBe('Your order is waiting for you to pick up.');
		}
	});

	it("uses the carrier's own deadline when the caller knows it", () => {
		expect(classify(waiting('ups'), { pickupDeadline: '2024-03-20' }).actionBy).toBe('2024-03-20');
		expect(classify(waiting(), { pickupDeadline: '2024-03-20T23:59:00-05:00' }).actionBy).toBe('2024-03-20');
	});

	it('counts from the calendar day where the parcel is, not UTC', () => {
		expect(classify(waiting('fedex', '2024-03-11T23:30:00-05:00')).actionBy).toBe('2024-03-16');
	});

	it('counts from the earlier scan when the parcel was already waiting', () => {
		const since9th = { lastStatus: 'available_for_pickup', lastOccurredAt: '2024-03-09T10:00:00-05:00' };
		expect(classify(waiting('ups'), since9th).actionBy).toBe('2024-03-16');
		const afterTransit = { lastStatus: 'in_transit', lastOccurredAt: '2024-03-09T10:00:00-05:00' };
		expect(classify(waiting('ups'), afterTransit).actionBy).toBe('2024-03-18');
	});

	it('covers a failed attempt that left the parcel at a pickup point', () => {
		const assessment = classify(shipmentEvent({ carrier: 'dhl', status: 'attempt_failed', detail: 'pickup_point' }));
		expect(assessment).toMatchObject({ trigger: 'available_for_pickup', customerAction: 'pick_up', actionBy: '2024-03-18' });
	});

	it('is set only when the customer is asked to pick up', () => {
		for (const event of [
			shipmentEvent({ carrier: 'ups', status: 'exception', detail: 'customs_hold' }),
			shipmentEvent({ carrier: 'ups', status: 'attempt_failed' }),
			shipmentEvent({ carrier: 'ups', status: 'delivered' }),
		]) {
			expect(classify(event).actionBy).toBeUndefined();
		}
	});
});

describe('customerAction from the cause', () => {
	it('asks to correct the address or pay duties when the carrier says so in words', () => {
		expect(classify(shipmentEvent({ status: 'exception', carrierMessage: 'Insufficient address' })).customerAction).toBe(
			'correct_address',
		);
		expect(classify(shipmentEvent({ status: 'exception', carrierMessage: 'Import duties owed' })).customerAction).toBe(
			'pay_duties_or_send_documents',
		);
		expect(classify(shipmentEvent({ status: 'exception', carrierMessage: 'Business closed' })).customerAction).toBe('reschedule');
	});

	it('replaces the generic "reschedule" of a failed attempt that failed on the address', () => {
		const assessment = classify(shipmentEvent({ status: 'attempt_failed', carrierMessage: 'Incorrect address' }));
		expect(assessment).toMatchObject({ trigger: 'attempt_failed', customerAction: 'correct_address', reasonCode: 'address' });
	});

	it("keeps the rules' action when they knew the cause, or the cause asks nothing", () => {
		const unavailable = classify(
			shipmentEvent({ status: 'attempt_failed', detail: 'recipient_unavailable', carrierMessage: 'Address unclear' }),
		);
		expect(unavailable.customerAction).toBe('reschedule');
		const held = classify(shipmentEvent({ status: 'exception', detail: 'held_at_carrier', carrierMessage: 'Weather' }));
		expect(held.customerAction).toBe('contact_carrier');
		const weather = classify(shipmentEvent({ status: 'exception', carrierMessage: 'Severe weather' }));
		expect(weather.customerAction).toBe('none');
	});

	it('asks nothing of the customer for a delay, a return or a loss, whatever the cause', () => {
		for (const event of [
			shipmentEvent({ promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-14', carrierMessage: 'Customs clearance' }),
			shipmentEvent({ status: 'returning', carrierMessage: 'Undeliverable as addressed' }),
			shipmentEvent({ status: 'exception', detail: 'lost', carrierMessage: 'Address unknown' }),
		]) {
			expect(classify(event).customerAction).toBe('none');
		}
	});
});
