import { quietHoursDecision } from '../../../lib/notify/quietHours';

const NIGHT = { start: '21:00', end: '08:00' };

describe('quietHoursDecision', () => {
	it('is not quiet during the day', () => {
		expect(quietHoursDecision(new Date('2024-06-12T12:00:00Z'), 'UTC', NIGHT)).toEqual({ quiet: false });
	});

	it('before midnight defers to 08:00 the next morning', () => {
		const decision = quietHoursDecision(new Date('2024-06-12T21:30:00Z'), 'UTC', NIGHT);
		expect(decision).toEqual({ quiet: true, sendAt: new Date('2024-06-13T08:00:00Z') });
	});

	it('after midnight defers to 08:00 the same morning', () => {
		const decision = quietHoursDecision(new Date('2024-06-13T03:00:00Z'), 'UTC', NIGHT);
		expect(decision.sendAt).toEqual(new Date('2024-06-13T08:00:00Z'));
	});

	it('the window edges: start is quiet, end is not', () => {
		expect(quietHoursDecision(new Date('2024-06-12T21:00:00Z'), 'UTC', NIGHT).quiet).toBe(true);
		expect(quietHoursDecision(new Date('2024-06-12T08:00:00Z'), 'UTC', NIGHT).quiet).toBe(false);
		expect(quietHoursDecision(new Date('2024-06-12T07:59:00Z'), 'UTC', NIGHT).quiet).toBe(true);
	});

	it("is computed on the customer's clock, not the server's", () => {
		// 12:00 UTC is 21:00 in Tokyo.
		const decision = quietHoursDecision(new Date('2024-06-12T12:00:00Z'), 'Asia/Tokyo', NIGHT);
		expect(decision).toEqual({ quiet: true, sendAt: new Date('2024-06-12T23:00:00Z') });
	});

	it('supports a window within one day', () => {
		const lunch = { start: '12:00', end: '14:00' };
		expect(quietHoursDecision(new Date('2024-06-12T13:00:00Z'), 'UTC', lunch).sendAt).toEqual(new Date('2024-06-12T14:00:00Z'));
		expect(quietHoursDecision(new Date('2024-06-12T15:00:00Z'), 'UTC', lunch).quiet).toBe(false);
	});

	it('an empty window (start equals end) is never quiet', () => {
		expect(quietHoursDecision(new Date('2024-06-12T03:00:00Z'), 'UTC', { start: '08:00', end: '08:00' }).quiet).toBe(false);
	});

	describe('across daylight-saving changes, sendAt is 08:00 local wall time', () => {
		it.each([
			// Evening before the change, and in the small hours right after it.
			['Europe/Berlin spring (CET to CEST)', 'Europe/Berlin', '2024-03-30T22:00:00+01:00', '2024-03-31T06:00:00Z'],
			['Europe/Berlin spring, after the jump', 'Europe/Berlin', '2024-03-31T03:30:00+02:00', '2024-03-31T06:00:00Z'],
			['Europe/Berlin autumn (CEST to CET)', 'Europe/Berlin', '2024-10-26T22:00:00+02:00', '2024-10-27T07:00:00Z'],
			['Europe/Berlin autumn, the repeated hour', 'Europe/Berlin', '2024-10-27T02:30:00+01:00', '2024-10-27T07:00:00Z'],
			['America/New_York spring (EST to EDT)', 'America/New_York', '2024-03-09T22:00:00-05:00', '2024-03-10T12:00:00Z'],
			['America/New_York spring, after the jump', 'America/New_York', '2024-03-10T03:15:00-04:00', '2024-03-10T12:00:00Z'],
			['America/New_York autumn (EDT to EST)', 'America/New_York', '2024-11-02T22:00:00-04:00', '2024-11-03T13:00:00Z'],
			['America/New_York autumn, the repeated hour', 'America/New_York', '2024-11-03T01:30:00-05:00', '2024-11-03T13:00:00Z'],
		])('%s', (_name, zone, now, expected) => {
			const decision = quietHoursDecision(new Date(now), zone, NIGHT);
			expect(decision).toEqual({ quiet: true, sendAt: new Date(expected) });
		});
	});

	it('an unknown zone is an error naming the field and an example', () => {
		expect(() => quietHoursDecision(new Date(), 'Mars/Olympus', NIGHT)).toThrow(/timeZone.*'Europe\/Berlin'/);
	});

	it('a malformed time is an error naming the field', () => {
		expect(() => quietHoursDecision(new Date(), 'UTC', { start: '9pm', end: '08:00' })).toThrow(/quietHours\.start/);
		expect(() => quietHoursDecision(new Date(), 'UTC', { start: '21:00', end: '24:00' })).toThrow(/quietHours\.end/);
	});
});
