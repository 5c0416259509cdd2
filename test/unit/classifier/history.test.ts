import { classify } from '../../../lib/classifier';
import { shipmentEvent } from './shipmentEvent';

describe('classify: first carrier scan is "shipped"', () => {
	it.each([undefined, null, 'order_confirmed', 'payment_issue', 'preparation_delayed'] as const)(
		'after lastTrigger %s',
		(lastTrigger) => {
			const assessment = classify(shipmentEvent({ status: 'in_transit' }), { lastTrigger });
			expect(assessment).toMatchObject({ trigger: 'shipped', notify: true, severity: 'info' });
			expect(assessment.reason).toBe('Your order has been handed to the carrier and is on its way.');
		},
	);

	it('also from a pick-up scan', () => {
		expect(classify(shipmentEvent({ detail: 'picked_up' })).trigger).toBe('shipped');
	});

	it.each(['shipped', 'delayed', 'address_issue'] as const)('is routine transit after %s', (lastTrigger) => {
		const assessment = classify(shipmentEvent({ detail: 'picked_up' }), { lastTrigger });
		expect(assessment).toMatchObject({ trigger: 'in_transit', notify: false, suppressedBecause: 'routine transit scan' });
	});
});

describe('classify: routine transit scans', () => {
	it('stay quiet by default', () => {
		const assessment = classify(shipmentEvent({ detail: 'arrived_at_facility' }), { lastTrigger: 'shipped' });
		expect(assessment).toMatchObject({ trigger: 'in_transit', notify: false, suppressedBecause: 'routine transit scan' });
	});

	it('notify when in-transit updates are switched on', () => {
		const assessment = classify(shipmentEvent({ detail: 'departed' }), { lastTrigger: 'shipped', notifyInTransit: true });
		expect(assessment).toMatchObject({ trigger: 'in_transit', notify: true });
		expect(assessment.suppressedBecause).toBeUndefined();
	});

	it('stay quiet when repeated even with in-transit updates on', () => {
		const assessment = classify(shipmentEvent(), { lastTrigger: 'in_transit', notifyInTransit: true });
		expect(assessment).toMatchObject({ trigger: 'in_transit', notify: false, suppressedBecause: 'repeated status' });
	});
});

describe('classify: events older than the last known one', () => {
	const lastOccurredAt = '2024-03-12T09:30:00Z';

	it('never move the journey backwards', () => {
		const assessment = classify(shipmentEvent({ status: 'in_transit', occurredAt: '2024-03-11T09:15:00-05:00' }), {
			lastOccurredAt,
			lastTrigger: 'out_for_delivery',
		});
		expect(assessment).toMatchObject({
			trigger: null,
			notify: false,
			escalate: false,
			suppressedBecause: 'older than the last known event',
		});
	});

	it('are silent even when they carry bad news', () => {
		const assessment = classify(shipmentEvent({ status: 'exception', detail: 'lost', occurredAt: '2024-03-12T10:00:00+01:00' }), {
			lastOccurredAt,
		});
		expect(assessment).toMatchObject({ trigger: null, notify: false, escalate: false });
	});

	it('are compared as instants, across offsets', () => {
		// 10:45 at UTC+1 is 09:45Z: after the last event, though its clock reads earlier in UTC-5 terms.
		const later = classify(shipmentEvent({ status: 'out_for_delivery', occurredAt: '2024-03-12T10:45:00+01:00' }), {
			lastOccurredAt,
		});
		expect(later).toMatchObject({ trigger: 'out_for_delivery', notify: true });
	});

	it('do not include an event at the same instant', () => {
		const same = classify(shipmentEvent({ status: 'delivered', occurredAt: '2024-03-12T05:30:00-04:00' }), { lastOccurredAt });
		expect(same).toMatchObject({ trigger: 'delivered', notify: true });
	});
});

describe('classify: repeated status', () => {
	it('is no new notification', () => {
		const assessment = classify(shipmentEvent({ status: 'out_for_delivery' }), { lastTrigger: 'out_for_delivery' });
		expect(assessment).toMatchObject({ trigger: 'out_for_delivery', notify: false, suppressedBecause: 'repeated status' });
	});

	it('does not escalate again', () => {
		const assessment = classify(shipmentEvent({ status: 'returning' }), { lastTrigger: 'returning_to_sender' });
		expect(assessment).toMatchObject({ trigger: 'returning_to_sender', notify: false, escalate: false });
	});

	it('still notifies critical news', () => {
		const assessment = classify(shipmentEvent({ status: 'exception', detail: 'lost' }), { lastTrigger: 'lost' });
		expect(assessment).toMatchObject({ trigger: 'lost', notify: true, escalate: true, severity: 'critical' });
	});
});

describe('classify: a repeated delay', () => {
	const late = (estimatedDelivery: string) =>
		shipmentEvent({ promisedDelivery: '2024-03-12', estimatedDelivery });

	it('is told again when it grew', () => {
		const assessment = classify(late('2024-03-16'), { lastTrigger: 'delayed', lastRevisedEta: '2024-03-14' });
		expect(assessment).toMatchObject({ trigger: 'delayed', notify: true, daysLate: 4, escalate: true });
	});

	it('is quiet when it did not grow', () => {
		const same = classify(late('2024-03-14'), { lastTrigger: 'delayed', lastRevisedEta: '2024-03-14' });
		const shrank = classify(late('2024-03-13'), { lastTrigger: 'delayed', lastRevisedEta: '2024-03-14' });
		expect(same).toMatchObject({ trigger: 'delayed', notify: false, suppressedBecause: 'repeated status' });
		expect(shrank).toMatchObject({ trigger: 'delayed', notify: false, suppressedBecause: 'repeated status' });
	});

	it('is quiet when the last revised date is not known', () => {
		const assessment = classify(late('2024-03-16'), { lastTrigger: 'delayed' });
		expect(assessment).toMatchObject({ notify: false, suppressedBecause: 'repeated status' });
	});

	it('compares the last revised date as a calendar date', () => {
		const assessment = classify(late('2024-03-15'), { lastTrigger: 'delayed', lastRevisedEta: '2024-03-14T23:00:00-07:00' });
		expect(assessment.notify).toBe(true);
	});
});
