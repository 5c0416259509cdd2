import { assessPreparation, InvalidOrderError, type PreparationOrder } from '../../../lib/classifier/preparation';

/** Placed Thursday 5 March 2026 in New York, 2 business days to prepare: ship by Monday 9. */
const order = (changes: Partial<PreparationOrder> = {}): PreparationOrder => ({
	id: 'gid://shopify/Order/1',
	number: '#1001',
	createdAt: '2026-03-05T10:00:00-05:00',
	handlingDays: 2,
	country: 'US',
	region: 'NY',
	...changes,
});
/** 10:00 in New York on a 2026 day. */
const at = (date: string) => new Date(`${date}T15:00:00Z`);

describe('assessPreparation', () => {
	it('is not late over the weekend nor on the ship-by day', () => {
		for (const date of ['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']) expect(assessPreparation(order(), at(date))).toBeNull();
	});

	it('is preparation_delayed the next business day, counted in business days', () => {
		expect(assessPreparation(order(), at('2026-03-10'))).toEqual({
			trigger: 'preparation_delayed',
			notify: true,
			escalate: false,
			severity: 'warning',
			reason: 'Your order is taking longer to prepare than we promised: it should have left us by Monday 9 March. We will let you know as soon as it ships.',
			reasonCode: 'processing',
			customerAction: 'none',
			daysLate: 1,
			businessDaysLate: 1,
			promisedDate: '2026-03-09',
			agentReason: 'Not fulfilled 1 business day(s) after the ship-by date 2026-03-09 (2 handling days from 2026-03-05).',
		});
	});

	it('escalates once the wait is twice the promise', () => {
		expect(assessPreparation(order(), at('2026-03-11'))).toMatchObject({ daysLate: 2, escalate: true });
		// Friday's order with 1 day ships by Monday; the weekend is no lateness.
		const friday = order({ createdAt: '2026-03-06T16:00:00-05:00', handlingDays: 1 });
		expect(assessPreparation(friday, at('2026-03-08'))).toBeNull();
		expect(assessPreparation(friday, at('2026-03-10'))).toMatchObject({ daysLate: 1, escalate: true });
	});

	it('skips the shipping country’s holidays (Memorial Day)', () => {
		const beforeHoliday = order({ createdAt: '2026-05-22T10:00:00-04:00', handlingDays: 1 });
		expect(assessPreparation(beforeHoliday, new Date('2026-05-26T14:00:00Z'))).toBeNull();
		expect(assessPreparation(beforeHoliday, new Date('2026-05-27T14:00:00Z'))).toMatchObject({ promisedDate: '2026-05-26', daysLate: 1 });
		expect(assessPreparation({ ...beforeHoliday, country: 'CA', region: 'ON' }, new Date('2026-05-26T14:00:00Z'))).toMatchObject({ promisedDate: '2026-05-25' });
	});

	it('a same-day promise made on a Saturday is due on Monday', () => {
		const saturday = order({ createdAt: '2026-03-07T11:00:00-05:00', handlingDays: 0 });
		expect(assessPreparation(saturday, at('2026-03-09'))).toBeNull();
		expect(assessPreparation(saturday, at('2026-03-10'))).toMatchObject({ promisedDate: '2026-03-09', daysLate: 1, escalate: true });
	});

	it('reads today where the order was placed', () => {
		// 21:00 in New York on Monday 9 is already Tuesday in UTC, but not yet late there.
		expect(assessPreparation(order(), new Date('2026-03-10T02:00:00Z'))).toBeNull();
	});

	it('nothing once fulfilled or cancelled; null fields count as absent', () => {
		expect(assessPreparation(order({ fulfilledAt: '2026-03-10T09:00:00-05:00' }), at('2026-03-12'))).toBeNull();
		expect(assessPreparation(order({ cancelledAt: '2026-03-08' }), at('2026-03-12'))).toBeNull();
		expect(assessPreparation(order({ fulfilledAt: null, cancelledAt: null, id: null, number: null, country: null, region: null }), at('2026-03-12'))).toMatchObject({
			trigger: 'preparation_delayed',
		});
	});

	it('refuses an unreadable order, naming every bad field and quoting none', () => {
		const bad = { createdAt: 'ada@example.com', handlingDays: -1, fulfilledAt: 'soon' } as unknown as PreparationOrder;
		let error: unknown;
		try {
			assessPreparation(bad, at('2026-03-12'));
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(InvalidOrderError);
		const { fields, message } = error as InvalidOrderError;
		expect(fields.map((f) => f.split(':')[0])).toEqual(['createdAt', 'fulfilledAt', 'handlingDays']);
		expect(message).not.toMatch(/ada@example\.com|soon|-1/);
		expect(() => assessPreparation({ createdAt: '2026-03-05' } as PreparationOrder, at('2026-03-12'))).toThrow('Invalid order: handlingDays: required');
	});
});
