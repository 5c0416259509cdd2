import { classify } from '../../../lib/classifier';
import { shipmentEvent } from './shipmentEvent';

// Already told 'shipped', so only the estimate can be news; `now` before every promise below.
const told = { lastTrigger: 'shipped' as const, now: new Date('2026-06-20T12:00:00Z') };

describe('classify: delays in business days of the destination', () => {
	it('counts a delay over the Independence Day weekend in business days, and escalates by them', () => {
		// Thursday 2 July to Tuesday 7 July 2026: 5 calendar days; Friday 3rd is the observed holiday.
		const event = shipmentEvent({ promisedDelivery: '2026-07-02', estimatedDelivery: '2026-07-07' });
		const inUs = classify(event, { ...told, destinationCountry: 'US' });
		expect(inUs).toMatchObject({ trigger: 'delayed', daysLate: 5, businessDaysLate: 2, escalate: false, reasonCode: 'unknown' });
		expect(inUs.etaSource).toBe('carrier');
		// Without the destination, only the weekend is known: Friday counts.
		const unknown = classify(event, told);
		expect(unknown).toMatchObject({ daysLate: 5, businessDaysLate: 3, escalate: true });
	});

	it('says a delay is the public holiday when the promise fell on it', () => {
		const assessment = classify(shipmentEvent({ promisedDelivery: '2026-11-26', estimatedDelivery: '2026-11-27' }), {
			lastTrigger: 'shipped',
			now: new Date('2026-11-24T12:00:00Z'),
			destinationCountry: 'USA',
		});
		expect(assessment).toMatchObject({ trigger: 'delayed', notify: true, daysLate: 1, businessDaysLate: 0, reasonCode: 'holiday', escalate: false });
		expect(assessment.reason).toContain(
			'The carrier now expects to deliver on Friday 27 November, 1 day later than promised, as Thursday 26 November is a public holiday, Thanksgiving Day.',
		);
	});

	it('says a delay is the weekend when the promise fell on a day without deliveries', () => {
		const saturday = shipmentEvent({ promisedDelivery: '2026-06-27', estimatedDelivery: '2026-06-29' });
		const assessment = classify(saturday, { ...told, destinationCountry: 'US' });
		expect(assessment).toMatchObject({ daysLate: 2, businessDaysLate: 0, reasonCode: 'unknown' });
		expect(assessment.reason).toContain('2 days later than promised, the first delivery day after the weekend.');
		// USPS delivers on Saturdays: Monday is a real business day late, and no weekend excuse.
		const usps = classify({ ...saturday, carrier: 'usps' }, { ...told, destinationCountry: 'US' });
		expect(usps).toMatchObject({ daysLate: 2, businessDaysLate: 1 });
		expect(usps.reason).not.toContain('weekend');
	});

	it('gives no closed-day excuse when the new date is later than the first delivery day after it', () => {
		const assessment = classify(shipmentEvent({ promisedDelivery: '2026-11-26', estimatedDelivery: '2026-11-30' }), {
			...told,
			destinationCountry: 'US',
		});
		expect(assessment).toMatchObject({ daysLate: 4, businessDaysLate: 1, reasonCode: 'unknown' });
		expect(assessment.reason).not.toContain('holiday');
	});

	it("keeps the carrier's own cause over a holiday", () => {
		const assessment = classify(
			shipmentEvent({ status: 'exception', detail: 'weather', promisedDelivery: '2026-11-26', estimatedDelivery: '2026-11-27' }),
			{ ...told, destinationCountry: 'US' },
		);
		expect(assessment).toMatchObject({ reasonCode: 'weather', businessDaysLate: 0 });
		expect(assessment.reason).toContain('due to severe weather.');
	});

	it('uses the holidays of the destination region', () => {
		const epiphany = shipmentEvent({ promisedDelivery: '2026-01-06', estimatedDelivery: '2026-01-07' });
		const context = { lastTrigger: 'shipped' as const, now: new Date('2026-01-02T12:00:00Z'), destinationCountry: 'DEU' };
		const bavaria = classify(epiphany, { ...context, destinationRegion: 'BY' });
		expect(bavaria).toMatchObject({ businessDaysLate: 0, reasonCode: 'holiday' });
		expect(bavaria.reason).toContain('is a public holiday, Epiphany.');
		const berlin = classify(epiphany, { ...context, destinationRegion: 'BE' });
		expect(berlin).toMatchObject({ businessDaysLate: 1, reasonCode: 'unknown' });
	});

	it("takes the destination from the event when the context has none", () => {
		const event = shipmentEvent({
			promisedDelivery: '2026-01-06',
			estimatedDelivery: '2026-01-07',
			destination: { country: 'DE', state: 'BY' },
		});
		expect(classify(event, { ...told, now: new Date('2026-01-02T12:00:00Z') })).toMatchObject({ reasonCode: 'holiday' });
	});

	it('carries business days on a stronger status that keeps its trigger', () => {
		const assessment = classify(
			shipmentEvent({ status: 'out_for_delivery', promisedDelivery: '2026-07-02', estimatedDelivery: '2026-07-07' }),
			{ ...told, destinationCountry: 'US' },
		);
		expect(assessment).toMatchObject({ trigger: 'out_for_delivery', daysLate: 5, businessDaysLate: 2, etaSource: 'carrier' });
	});
});

describe("classify: dates in the destination's time zone", () => {
	// 02:00 UTC on the 27th is still the evening of the 26th in Los Angeles.
	const event = shipmentEvent({ promisedDelivery: '2026-11-26', estimatedDelivery: '2026-11-27T02:00:00Z' });
	const context = { ...told, now: new Date('2026-11-20T12:00:00Z') };

	it('reads a date-time in the destination zone when it is given', () => {
		const assessment = classify(event, { ...context, destinationTimeZone: 'America/Los_Angeles' });
		expect(assessment.trigger).toBe('in_transit');
		expect(assessment.daysLate).toBeUndefined();
	});

	it('reads it as written without one', () => {
		expect(classify(event, context)).toMatchObject({ trigger: 'delayed', revisedEta: '2026-11-27' });
	});

	it('throws naming the field, not the value, for a zone that does not exist', () => {
		const call = () => classify(event, { ...context, destinationTimeZone: 'Mars/Olympus_Mons' });
		expect(call).toThrow('context.destinationTimeZone: not an IANA time zone');
		expect(call).not.toThrow('Olympus');
	});
});
