import { classify } from '../../../lib/classifier';
import { shipmentEvent } from './shipmentEvent';

// Already told 'shipped', so a scan without date news is routine transit.
const afterShipped = { lastTrigger: 'shipped' as const };

describe('classify: estimate later than the promise', () => {
	it('is a delay with the revised date, days late and an honest reason', () => {
		const assessment = classify(
			shipmentEvent({ promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-14' }),
			afterShipped,
		);
		expect(assessment).toEqual({
			trigger: 'delayed',
			notify: true,
			escalate: false,
			severity: 'warning',
			reason: 'The carrier now expects to deliver on Thursday 14 March, 2 days later than promised. The carrier has not said why.',
			reasonCode: 'unknown',
			customerAction: 'none',
			revisedEta: '2024-03-14',
			etaSource: 'carrier',
			daysLate: 2,
			businessDaysLate: 2,
			promisedDate: '2024-03-12',
			agentReason: expect.stringContaining('Promised 2024-03-12.'),
			merchantActions: ['notify'],
			priority: 43,
		});
	});

	it("uses the context's promise over the event's own", () => {
		const assessment = classify(
			shipmentEvent({ promisedDelivery: '2024-03-14', estimatedDelivery: '2024-03-14' }),
			{ ...afterShipped, promisedDate: '2024-03-13' },
		);
		expect(assessment).toMatchObject({ trigger: 'delayed', daysLate: 1, promisedDate: '2024-03-13' });
		expect(assessment.reason).toBe(
			'The carrier now expects to deliver on Thursday 14 March, 1 day later than promised. The carrier has not said why.',
		);
	});

	it('beats the first-scan "shipped": the delay is the news', () => {
		const assessment = classify(shipmentEvent({ detail: 'picked_up', promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-13' }));
		expect(assessment).toMatchObject({ trigger: 'delayed', notify: true, daysLate: 1 });
	});

	it('is news even before the carrier has the parcel', () => {
		const assessment = classify(
			shipmentEvent({ status: 'info_received', promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-15' }),
		);
		expect(assessment).toMatchObject({ trigger: 'delayed', notify: true, daysLate: 3 });
	});

	it('escalates from 3 days late', () => {
		const twoDays = classify(shipmentEvent({ promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-14' }), afterShipped);
		const threeDays = classify(shipmentEvent({ promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-15' }), afterShipped);
		expect(twoDays.escalate).toBe(false);
		expect(threeDays.escalate).toBe(true);
	});

	it('counts calendar days across a month end in a leap year and across a DST change', () => {
		const leap = classify(shipmentEvent({ promisedDelivery: '2024-02-28', estimatedDelivery: '2024-03-01' }), afterShipped);
		expect(leap).toMatchObject({ daysLate: 2, revisedEta: '2024-03-01' });
		const dst = classify(
			shipmentEvent({ promisedDelivery: '2024-03-09T18:00:00-05:00', estimatedDelivery: '2024-03-11T09:00:00-04:00' }),
			afterShipped,
		);
		expect(dst).toMatchObject({ daysLate: 2, revisedEta: '2024-03-11', promisedDate: '2024-03-09' });
	});

	it('names the cause when the carrier gives it, and invents none otherwise', () => {
		const weather = classify(
			shipmentEvent({ status: 'exception', detail: 'weather', promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-14' }),
		);
		expect(weather).toMatchObject({ trigger: 'delayed', reasonCode: 'weather', daysLate: 2 });
		expect(weather.reason).toBe(
			'The carrier now expects to deliver on Thursday 14 March, 2 days later than promised, due to severe weather.',
		);
		const rescheduled = classify(
			shipmentEvent({ detail: 'rescheduled', promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-14' }),
		);
		expect(rescheduled).toMatchObject({ trigger: 'delayed', reasonCode: 'unknown' });
		expect(rescheduled.reason).toBe(
			'The carrier now expects to deliver on Thursday 14 March, 2 days later than promised. The carrier has not said why.',
		);
	});
});

describe('classify: calendar dates in the destination calendar', () => {
	it('reads a late-evening local estimate as that local day, not the UTC one', () => {
		// 23:30 at UTC-5 is the 15th in UTC, but still the promised 14th where the parcel goes.
		const assessment = classify(
			shipmentEvent({ promisedDelivery: '2024-03-14', estimatedDelivery: '2024-03-14T23:30:00-05:00' }),
			afterShipped,
		);
		expect(assessment).toMatchObject({ trigger: 'in_transit', notify: false });
		expect(assessment.daysLate).toBeUndefined();
	});

	it('compares the date parts as written even when UTC would reverse the order', () => {
		// In UTC the estimate (14th 23:30Z) is before the promise (15th 00:00Z); locally it is a day after.
		const assessment = classify(
			shipmentEvent({
				promisedDelivery: '2024-03-14T20:00:00-04:00',
				estimatedDelivery: '2024-03-15T00:30:00+01:00',
			}),
			afterShipped,
		);
		expect(assessment).toMatchObject({ trigger: 'delayed', daysLate: 1, revisedEta: '2024-03-15', promisedDate: '2024-03-14' });
	});

	it('treats a date-only and a date-time on the same day as the same day', () => {
		const assessment = classify(
			shipmentEvent({ promisedDelivery: '2024-03-14T00:00:00+09:00', estimatedDelivery: '2024-03-14' }),
			afterShipped,
		);
		expect(assessment.trigger).toBe('in_transit');
	});
});

describe('classify: estimate windows', () => {
	it('measures a window by its latest day', () => {
		const assessment = classify(
			shipmentEvent({
				promisedDelivery: '2024-03-14',
				estimatedDelivery: '2024-03-13',
				estimatedDeliveryLatest: '2024-03-15',
			}),
			afterShipped,
		);
		expect(assessment).toMatchObject({ trigger: 'delayed', daysLate: 1, revisedEta: '2024-03-15' });
	});

	it('is on time when the whole window ends by the promise', () => {
		const assessment = classify(
			shipmentEvent({
				promisedDelivery: '2024-03-14',
				estimatedDelivery: '2024-03-12',
				estimatedDeliveryLatest: '2024-03-14',
			}),
			afterShipped,
		);
		expect(assessment.trigger).toBe('in_transit');
	});
});

describe('classify: estimate earlier', () => {
	it('is eta_earlier against the promise', () => {
		// `now` before the promise: a promise already past would add atRisk.
		const now = new Date('2024-03-11T15:00:00Z');
		const assessment = classify(shipmentEvent({ promisedDelivery: '2024-03-14', estimatedDelivery: '2024-03-12' }), { ...afterShipped, now });
		expect(assessment).toEqual({
			trigger: 'eta_earlier',
			notify: true,
			escalate: false,
			severity: 'info',
			reason: 'Good news: the carrier now expects to deliver on Tuesday 12 March, 2 days earlier than promised.',
			customerAction: 'none',
			revisedEta: '2024-03-12',
			etaSource: 'carrier',
			promisedDate: '2024-03-14',
			agentReason: expect.stringContaining('Customer message: eta_earlier'),
			merchantActions: ['notify'],
			priority: 0,
		});
	});

	it('leaves the first-scan "shipped" in place', () => {
		const assessment = classify(shipmentEvent({ promisedDelivery: '2024-03-14', estimatedDelivery: '2024-03-12' }));
		expect(assessment.trigger).toBe('shipped');
	});

	it('without a promise, compares with the previous estimate', () => {
		const assessment = classify(
			shipmentEvent({ previousEstimatedDelivery: '2024-03-14', estimatedDelivery: '2024-03-13' }),
			afterShipped,
		);
		expect(assessment).toMatchObject({ trigger: 'eta_earlier', revisedEta: '2024-03-13' });
		expect(assessment.promisedDate).toBeUndefined();
		expect(assessment.reason).toBe(
			'Good news: the carrier now expects to deliver on Wednesday 13 March, 1 day earlier than previously expected.',
		);
	});

	it('keeps a carrier-reported delay even when the estimate looks early', () => {
		const assessment = classify(
			shipmentEvent({ detail: 'weather', promisedDelivery: '2024-03-14', estimatedDelivery: '2024-03-12' }),
			afterShipped,
		);
		expect(assessment).toMatchObject({ trigger: 'delayed', reasonCode: 'weather' });
	});
});

describe('classify: back on the promised date after a delay was told', () => {
	const delayTold = { lastTrigger: 'delayed' as const, lastRevisedEta: '2024-03-15' };

	it('is eta_earlier', () => {
		const assessment = classify(shipmentEvent({ promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-12' }), delayTold);
		expect(assessment).toMatchObject({
			trigger: 'eta_earlier',
			notify: true,
			revisedEta: '2024-03-12',
			promisedDate: '2024-03-12',
			reason: 'Good news: the carrier now expects to deliver on Tuesday 12 March, as promised.',
		});
	});

	it('is eta_earlier from an estimate revision too', () => {
		const assessment = classify(
			shipmentEvent({
				estimateRevision: true,
				previousEstimatedDelivery: '2024-03-15',
				estimatedDelivery: '2024-03-12',
				promisedDelivery: '2024-03-12',
			}),
			delayTold,
		);
		expect(assessment).toMatchObject({ trigger: 'eta_earlier', notify: true });
	});

	it('is nothing when no dated delay was told', () => {
		const event = shipmentEvent({
			estimateRevision: true,
			previousEstimatedDelivery: '2024-03-15',
			estimatedDelivery: '2024-03-12',
			promisedDelivery: '2024-03-12',
		});
		expect(classify(event, { lastTrigger: 'shipped' })).toMatchObject({ trigger: null, suppressedBecause: 'estimate unchanged' });
		expect(classify(event, { lastTrigger: 'delayed' })).toMatchObject({ trigger: null, suppressedBecause: 'estimate unchanged' });
	});
});

describe('classify: no promise', () => {
	it('is a delay against the previous estimate when the new one is later', () => {
		const assessment = classify(
			shipmentEvent({ previousEstimatedDelivery: '2024-03-12', estimatedDelivery: '2024-03-14' }),
			afterShipped,
		);
		expect(assessment).toMatchObject({ trigger: 'delayed', daysLate: 2, revisedEta: '2024-03-14' });
		expect(assessment.promisedDate).toBeUndefined();
		expect(assessment.reason).toBe(
			'The carrier now expects to deliver on Thursday 14 March, 2 days later than previously expected. The carrier has not said why.',
		);
	});

	it('is routine when there is an estimate but nothing to compare it with', () => {
		const assessment = classify(shipmentEvent({ estimatedDelivery: '2024-03-14' }), afterShipped);
		expect(assessment).toMatchObject({ trigger: 'in_transit', notify: false });
		expect(assessment.revisedEta).toBeUndefined();
	});
});

describe('classify: estimate revisions (AfterShip edd_revise)', () => {
	it('is nothing when the estimate did not change', () => {
		const assessment = classify(
			shipmentEvent({
				estimateRevision: true,
				previousEstimatedDelivery: '2024-03-14',
				estimatedDelivery: '2024-03-14T17:00:00-05:00',
				promisedDelivery: '2024-03-12',
			}),
			afterShipped,
		);
		expect(assessment).toMatchObject({ trigger: null, notify: false, suppressedBecause: 'estimate unchanged' });
	});

	it('is nothing when it matches the promise and there is no previous estimate', () => {
		const assessment = classify(
			shipmentEvent({ estimateRevision: true, estimatedDelivery: '2024-03-14', promisedDelivery: '2024-03-14' }),
		);
		expect(assessment).toMatchObject({ trigger: null, suppressedBecause: 'estimate unchanged' });
	});

	it('is a delay when it moved later, whatever the status', () => {
		const assessment = classify(
			shipmentEvent({
				status: 'out_for_delivery',
				estimateRevision: true,
				previousEstimatedDelivery: '2024-03-12',
				estimatedDelivery: '2024-03-13',
				promisedDelivery: '2024-03-12',
			}),
			{ lastTrigger: 'out_for_delivery' },
		);
		expect(assessment).toMatchObject({ trigger: 'delayed', notify: true, daysLate: 1 });
	});
});

describe('classify: statuses with their own stronger news', () => {
	it('keep their trigger but carry the delay dates', () => {
		const event = { promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-14' };
		expect(classify(shipmentEvent({ ...event, status: 'out_for_delivery' }))).toMatchObject({
			trigger: 'out_for_delivery',
			revisedEta: '2024-03-14',
			daysLate: 2,
			promisedDate: '2024-03-12',
		});
		expect(classify(shipmentEvent({ ...event, status: 'exception', detail: 'address_issue' }))).toMatchObject({
			trigger: 'address_issue',
			daysLate: 2,
		});
	});

	it('ignore the estimate once delivered or returned', () => {
		const event = { promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-14' };
		for (const status of ['delivered', 'returning', 'returned'] as const) {
			const assessment = classify(shipmentEvent({ ...event, status }));
			expect(assessment.daysLate).toBeUndefined();
			expect(assessment.revisedEta).toBeUndefined();
		}
	});
});

describe('classify: dates that do not parse', () => {
	it('throw naming the field, not the value', () => {
		const call = () => classify(shipmentEvent({ estimatedDelivery: '2024-03-14' }), { promisedDate: 'next Tuesday' });
		expect(call).toThrow('context.promisedDate');
		expect(call).not.toThrow('Tuesday');
	});
});
