import { classify } from '../../../lib/classifier';
import { transitTime } from '../../../lib/classifier/transit';
import { shipmentEvent } from './shipmentEvent';

describe('transitTime: typical business days per carrier and service', () => {
	it.each([
		['ups', 'UPS Ground', 1, 5],
		['ups', 'UPS Next Day Air Saver', 1, 1],
		['ups', 'NextDayAir', 1, 1],
		['ups', '2nd Day Air A.M.', 2, 2],
		['ups', 'UPS SurePost', 2, 7],
		['fedex', 'FEDEX_GROUND', 1, 5],
		['fedex', 'FedEx Home Delivery', 1, 5],
		['fedex', 'FEDEX_EXPRESS_SAVER', 3, 3],
		['fedex', 'FEDEX_2_DAY', 2, 2],
		['fedex', 'Priority Overnight', 1, 1],
		['usps', 'USPS Ground Advantage', 2, 5],
		['usps', 'Priority Mail 2-Day', 1, 3],
		['usps', 'Priority Mail Express 1-Day', 1, 2],
		['usps', 'usps_priority_express', 1, 2],
		['usps', 'Express', 1, 2],
		['dhl', 'EXPRESS WORLDWIDE', 1, 3],
	])('%s %s: %i to %i', (carrier, service, min, max) => {
		expect(transitTime(carrier, service)).toEqual({ min, max });
	});

	it("falls back to the carrier's standard service, and knows nothing of carriers not listed", () => {
		expect(transitTime('UPS', undefined)).toEqual({ min: 1, max: 5 });
		expect(transitTime('usps', 'Something New')).toEqual({ min: 2, max: 5 });
		expect(transitTime('ontrac', 'Ground')).toBeUndefined();
		expect(transitTime(undefined, 'Ground')).toBeUndefined();
	});
});

describe("classify: the package's own estimate when the carrier gives none", () => {
	// First scan on Friday 20 November 2026; Thanksgiving is Thursday 26th.
	const firstScan = shipmentEvent({
		carrier: 'ups',
		service: 'UPS Ground',
		detail: 'picked_up',
		occurredAt: '2026-11-20T17:40:00-05:00',
	});
	const context = { now: new Date('2026-11-20T23:00:00Z'), destinationCountry: 'US' };

	it('counts UPS Ground in business days from the first scan, over Thanksgiving', () => {
		const assessment = classify(firstScan, context);
		expect(assessment).toMatchObject({ trigger: 'shipped', revisedEta: '2026-11-30', etaSource: 'estimated' });
		expect(assessment.atRisk).toBeUndefined();
		expect(assessment.daysLate).toBeUndefined();
	});

	it("counts the destination region's holidays too", () => {
		expect(classify(firstScan, { ...context, destinationRegion: 'CA' }).revisedEta).toBe('2026-12-01');
	});

	it('counts from context.shippedAt on a later scan', () => {
		const scan = shipmentEvent({ carrier: 'usps', service: 'Priority Mail', occurredAt: '2026-11-23T08:00:00-05:00' });
		const assessment = classify(scan, { ...context, lastTrigger: 'shipped', shippedAt: '2026-11-20T17:40:00-05:00' });
		// USPS delivers Saturdays: Sat 21, Mon 23, Tue 24.
		expect(assessment).toMatchObject({ trigger: 'in_transit', revisedEta: '2026-11-24', etaSource: 'estimated' });
	});

	it("prefers the carrier's estimate, and estimates nothing without a ship date or a known carrier", () => {
		const dated = classify({ ...firstScan, estimatedDelivery: '2026-11-24' }, context);
		expect(dated.revisedEta).toBeUndefined();
		const noShipDate = classify({ ...firstScan, detail: undefined }, { ...context, lastTrigger: 'shipped' });
		expect(noShipDate.revisedEta).toBeUndefined();
		const unknownCarrier = classify({ ...firstScan, carrier: 'ontrac' }, context);
		expect(unknownCarrier.revisedEta).toBeUndefined();
	});

	it('does not put its own estimate against a promise that can still be kept', () => {
		// UPS Ground from Friday: Monday at the earliest, Monday 30th at the latest; promised Wednesday 25th.
		const assessment = classify({ ...firstScan, promisedDelivery: '2026-11-25' }, context);
		expect(assessment.revisedEta).toBeUndefined();
		expect(assessment.atRisk).toBeUndefined();
	});
});

describe('classify: at risk', () => {
	const inTransit = { lastTrigger: 'shipped' as const, destinationCountry: 'US' };

	it('is at risk when even the fastest typical transit lands after the promise', () => {
		// FedEx Express Saver (3 business days) from Monday 23rd: Tue, Wed, Fri 27th; promised Wednesday.
		const event = shipmentEvent({ carrier: 'fedex', service: 'FEDEX_EXPRESS_SAVER', promisedDelivery: '2026-11-25' });
		const assessment = classify(event, { ...inTransit, shippedAt: '2026-11-23T10:00:00-05:00', now: new Date('2026-11-23T20:00:00Z') });
		expect(assessment).toMatchObject({
			trigger: 'in_transit',
			notify: false,
			escalate: false,
			atRisk: true,
			promisedDate: '2026-11-25',
			revisedEta: '2026-11-27',
			etaSource: 'estimated',
		});
		expect(assessment.daysLate).toBeUndefined();
	});

	it('is at risk before pickup when transit from today can no longer make it', () => {
		const event = shipmentEvent({ status: 'info_received', carrier: 'ups', service: 'Ground', promisedDelivery: '2026-11-27' });
		const thursday = classify(event, { destinationCountry: 'US', now: new Date('2026-11-26T15:00:00Z') });
		expect(thursday.atRisk).toBeUndefined();
		const friday = classify(event, { destinationCountry: 'US', now: new Date('2026-11-27T15:00:00Z') });
		expect(friday).toMatchObject({ atRisk: true, notify: false, promisedDate: '2026-11-27' });
		// Not yet shipped: no own estimate to give.
		expect(friday.revisedEta).toBeUndefined();
	});

	it("is at risk once today is past the promise, even with the carrier's stale on-time estimate", () => {
		const event = shipmentEvent({ promisedDelivery: '2026-11-25', estimatedDelivery: '2026-11-25', occurredAt: '2026-11-24T09:00:00-05:00' });
		expect(classify(event, { ...inTransit, now: new Date('2026-11-25T22:00:00Z') }).atRisk).toBeUndefined();
		const assessment = classify(event, { ...inTransit, now: new Date('2026-11-26T15:00:00Z') });
		expect(assessment).toMatchObject({ trigger: 'in_transit', atRisk: true, escalate: false, notify: false });
	});

	it("reads today in the destination's zone", () => {
		const event = shipmentEvent({ promisedDelivery: '2026-11-25', occurredAt: '2026-11-24T09:00:00Z' });
		// 06:00 UTC on the 26th is still the 25th in Los Angeles.
		const now = new Date('2026-11-26T06:00:00Z');
		expect(classify(event, { ...inTransit, now }).atRisk).toBe(true);
		expect(classify(event, { ...inTransit, now, destinationTimeZone: 'America/Los_Angeles' }).atRisk).toBeUndefined();
	});

	it("trusts the carrier's on-time estimate over the table", () => {
		const event = shipmentEvent({
			carrier: 'fedex',
			service: 'FEDEX_EXPRESS_SAVER',
			promisedDelivery: '2026-11-25',
			estimatedDelivery: '2026-11-25',
		});
		const assessment = classify(event, { ...inTransit, shippedAt: '2026-11-23T10:00:00-05:00', now: new Date('2026-11-23T20:00:00Z') });
		expect(assessment.atRisk).toBeUndefined();
	});

	it('is no risk but a delay when the carrier already says later, and none once the parcel stopped moving', () => {
		const now = new Date('2026-11-27T15:00:00Z');
		const delayed = classify(shipmentEvent({ promisedDelivery: '2026-11-25', estimatedDelivery: '2026-11-30' }), { ...inTransit, now });
		expect(delayed).toMatchObject({ trigger: 'delayed' });
		expect(delayed.atRisk).toBeUndefined();
		for (const status of ['delivered', 'returned', 'exception', 'available_for_pickup'] as const) {
			expect(classify(shipmentEvent({ status, promisedDelivery: '2026-11-25' }), { ...inTransit, now }).atRisk).toBeUndefined();
		}
	});

	it('is no risk out for delivery on the promised day, whatever the table says', () => {
		const event = shipmentEvent({ status: 'out_for_delivery', carrier: 'fedex', service: 'FEDEX_EXPRESS_SAVER', promisedDelivery: '2026-11-24' });
		const assessment = classify(event, { ...inTransit, shippedAt: '2026-11-23T10:00:00-05:00', now: new Date('2026-11-24T14:00:00Z') });
		expect(assessment).toMatchObject({ trigger: 'out_for_delivery' });
		expect(assessment.atRisk).toBeUndefined();
	});
});
