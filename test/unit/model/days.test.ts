import { DateTime } from 'luxon';
import {
	civilFromDay,
	dayDate,
	dayFromCivil,
	dayNumber,
	daysInMonth,
	isCivilDate,
	isLeapYear,
	isoDateTimeText,
	isoMillis,
	isoParts,
	isoWeekday,
} from '../../../lib/model/days';

/** Deterministic pseudo-random numbers (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const utc = (date: string) => DateTime.fromISO(date, { zone: 'utc' });

describe('days: epoch-day numbers', () => {
	it('counts from 1970-01-01, negative before it', () => {
		expect(dayNumber('1970-01-01')).toBe(0);
		expect(dayNumber('1970-01-02')).toBe(1);
		expect(dayNumber('1969-12-31')).toBe(-1);
		expect(dayNumber('2000-03-01')).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
		expect(dayNumber('2024-03-14')).toBe(Date.UTC(2024, 2, 14) / 86_400_000);
	});

	it('knows leap years: every 4th, not every 100th, every 400th', () => {
		expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
		expect(daysInMonth(2024, 2)).toBe(29);
		expect(daysInMonth(2023, 2)).toBe(28);
		expect(daysInMonth(1900, 2)).toBe(28);
		expect(daysInMonth(2000, 2)).toBe(29);
		expect(dayNumber('2024-02-29')).toBe((dayNumber('2024-03-01') as number) - 1);
		expect(dayNumber('2023-02-29')).toBeUndefined();
		expect(dayNumber('1900-02-29')).toBeUndefined();
		expect(dayNumber('2000-02-29')).toBeDefined();
		expect((dayNumber('2025-01-01') as number) - (dayNumber('2024-01-01') as number)).toBe(366);
		expect((dayNumber('2024-01-01') as number) - (dayNumber('2023-01-01') as number)).toBe(365);
	});

	it('rejects what is no YYYY-MM-DD date', () => {
		for (const bad of ['', '2024-3-14', '2024-03-14T00:00', '20240314', '2024-00-10', '2024-13-01', '2024-04-31', '2024-01-00', ' 2024-01-01', 'abcd-ef-gh']) {
			expect(dayNumber(bad)).toBeUndefined();
		}
		expect(isCivilDate(2024, 12, 31)).toBe(true);
		expect(isCivilDate(2024, 12, 32)).toBe(false);
	});

	it('crosses year boundaries both ways', () => {
		const newYearsEve = dayNumber('2024-12-31') as number;
		expect(dayDate(newYearsEve + 1)).toBe('2025-01-01');
		expect(dayDate((dayNumber('2025-01-01') as number) - 1)).toBe('2024-12-31');
		expect(dayDate(newYearsEve + 365)).toBe('2025-12-31');
		expect(dayDate(newYearsEve - 366)).toBe('2023-12-31');
		expect(dayDate(-1)).toBe('1969-12-31');
	});

	it('gives negative spans when counting backwards', () => {
		const from = dayNumber('2024-03-01') as number;
		const to = dayNumber('2024-02-01') as number;
		expect(to - from).toBe(-29);
		expect(dayDate(from - 29)).toBe('2024-02-01');
	});

	it('is free of time zones and DST: a day is a day across the clock changes', () => {
		// 2024-03-10 (US) and 2024-03-31 (EU) are 23-hour days in local time, not here.
		expect((dayNumber('2024-03-11') as number) - (dayNumber('2024-03-10') as number)).toBe(1);
		expect((dayNumber('2024-04-01') as number) - (dayNumber('2024-03-31') as number)).toBe(1);
		expect((dayNumber('2024-11-04') as number) - (dayNumber('2024-11-03') as number)).toBe(1);
		expect(dayDate(dayNumber('2024-03-31') as number)).toBe('2024-03-31');
	});

	it('names ISO weekdays, Monday 1 to Sunday 7, before 1970 too', () => {
		expect(isoWeekday(0)).toBe(4); // 1970-01-01, a Thursday
		expect(isoWeekday(dayNumber('2024-03-14') as number)).toBe(4);
		expect(isoWeekday(dayNumber('2024-03-17') as number)).toBe(7);
		expect(isoWeekday(dayNumber('2024-03-18') as number)).toBe(1);
		expect(isoWeekday(dayNumber('1969-12-28') as number)).toBe(7);
		expect(isoWeekday(dayNumber('1900-01-01') as number)).toBe(1);
	});

	it('round-trips every day of four centuries, matching luxon', () => {
		const first = dayFromCivil(1800, 1, 1);
		const last = dayFromCivil(2200, 12, 31);
		const start = utc('1800-01-01');
		const wrong: string[] = [];
		for (let day = first; day <= last; day += 1) {
			const date = dayDate(day);
			// luxon is slow: compared every 401st day, the integer round trip every day.
			if ((day - first) % 401 === 0) {
				const expected = start.plus({ days: day - first });
				if (date !== expected.toISODate() || isoWeekday(day) !== expected.weekday) wrong.push(date);
			}
			const civil = civilFromDay(day);
			if (dayNumber(date) !== day || dayFromCivil(civil.year, civil.month, civil.day) !== day) wrong.push(date);
		}
		expect(wrong).toEqual([]);
	});

	it('writes years as luxon does, extended beyond 0-9999', () => {
		for (const [date, days] of [
			['9999-12-31', 400],
			['0000-01-01', -400],
			['0000-01-01', 0],
			['0099-03-01', -60],
			['0001-01-01', 0],
		] as const) {
			expect(dayDate((dayNumber(date) as number) + days)).toBe(utc(date).plus({ days }).toISODate());
		}
	});

	it('matches luxon on random dates, years 0-9999', () => {
		const next = random(11);
		for (let i = 0; i < 3000; i += 1) {
			const year = Math.floor(next() * 10000);
			const month = 1 + Math.floor(next() * 13); // 13: some invalid
			const day = 1 + Math.floor(next() * 31);
			const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
			const luxon = utc(date);
			const ours = dayNumber(date);
			expect(ours !== undefined).toBe(luxon.isValid);
			if (ours !== undefined) {
				expect(ours * 86_400_000).toBe(luxon.toMillis());
				expect(isoWeekday(ours)).toBe(luxon.weekday);
				expect(dayDate(ours)).toBe(luxon.toISODate());
			}
		}
	});
});

describe('days: strict ISO reader', () => {
	it('reads dates and date-times with their offset as written', () => {
		expect(isoParts('2024-03-14')).toMatchObject({ date: '2024-03-14', hasTime: false, offset: undefined });
		expect(isoParts('2024-03-14T23:30:00-05:00')).toMatchObject({ date: '2024-03-14', hour: 23, minute: 30, second: 0, offset: -300 });
		expect(isoParts('2024-03-14T23:30Z')).toMatchObject({ hour: 23, minute: 30, offset: 0 });
		expect(isoParts('2024-03-14T10:00:00.1239+0530')).toMatchObject({ millisecond: 123, offset: 330 });
		expect(isoParts('2024-03-14T10:00:00-00:30')).toMatchObject({ offset: -30 });
		expect(isoParts('2024-03-14T10:00:00+05')).toMatchObject({ offset: 300 });
	});

	it('leaves unusual or impossible shapes to luxon', () => {
		for (const other of [
			'2024-03-14T24:00:00Z',
			'2024-03-14T10:60Z',
			'2024-03-14T10:00:60Z',
			'2024-03-14T10',
			'2024-03-14t10:00',
			'2024-03-14 10:00',
			'2024-03-14T10:00:00,5Z',
			'2024-03-14T10:00:00+24:00',
			'2024-02-30T10:00:00Z',
			'0999-01-01',
			'20240314T100000Z',
			'2024-W11-4',
		]) {
			expect(isoParts(other)).toBeUndefined();
		}
	});

	it('gives the instant and the text luxon gives', () => {
		const cases = [
			'2024-03-14',
			'2024-03-14T23:30:00-05:00',
			'2024-03-14T23:30:00.5-05:00',
			'2024-03-14T23:30:00.000+00:00',
			'2024-03-14T23:30:00-00:00',
			'2024-12-31T23:59:59.999999999+14:00',
			'2024-01-01T00:00:00+0100',
			'2024-06-01T12:00',
			'1000-01-01T00:00Z',
			'9999-12-31T23:59:59-23:59',
		];
		for (const value of cases) {
			const parts = isoParts(value);
			const luxon = DateTime.fromISO(value, { zone: 'utc', setZone: true });
			expect(parts).toBeDefined();
			expect(isoMillis(parts!)).toBe(luxon.toMillis());
			expect(isoDateTimeText(parts!)).toBe(luxon.toISO({ suppressMilliseconds: true }));
		}
	});
});
