import { DateTime } from 'luxon';
import { addBusinessDays, businessDaysBetween, holidayName, isBusinessDay, type CalendarOptions } from '../../../lib/calendar';
import { carrierDays } from '../../../lib/calendar/carriers';
import { countryAlpha2, regionCode } from '../../../lib/calendar/countries';
import { publicHolidays } from '../../../lib/calendar/holidays';
import { calendarDate, daysBetween, instant, nextDay, spokenDate, today } from '../../../lib/classifier/dates';
import { compact, toDateOrDateTime, toIsoDateTime } from '../../../lib/model/build';

// The integer-day fast paths must answer exactly as the luxon code they replaced: ids and content
// keys hash the normalized strings. The `luxon*` functions below are that code, kept as reference.

function luxonLoose(value: string): DateTime | undefined {
	const text = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
	const parsed = DateTime.fromISO(text, { zone: 'utc', setZone: true });
	return parsed.isValid ? parsed : undefined;
}
function luxonIsoDateTime(value: string | null | undefined): string | undefined {
	if (!value) return undefined;
	return luxonLoose(value)?.toISO({ suppressMilliseconds: true }) ?? undefined;
}
function luxonDateOrDateTime(value: string | null | undefined): string | undefined {
	if (!value) return undefined;
	const text = value.trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return luxonLoose(text) ? text : undefined;
	const parsed = luxonLoose(text);
	if (!parsed) return undefined;
	return /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/.test(text) ? (parsed.toISO({ suppressMilliseconds: true }) ?? undefined) : (parsed.toISODate() ?? undefined);
}
function luxonCalendarDate(value: string, field: string, zone?: string): string {
	const parsed = DateTime.fromISO(value, { setZone: true, zone: zone ?? 'utc' });
	const local = zone && parsed.isValid ? parsed.setZone(zone) : parsed;
	const date = local.isValid ? local.toISODate() : null;
	if (!date) throw new Error(`${field}: not a date (YYYY-MM-DD) or ISO date-time`);
	return date;
}
function luxonToday(now: Date, zone: string | undefined, reference: string): string {
	const where = zone ?? DateTime.fromISO(reference, { setZone: true }).zone;
	const date = DateTime.fromJSDate(now, { zone: where }).toISODate();
	if (!date) throw new Error('now: not a valid date');
	return date;
}
function luxonInstant(value: string, field: string): number {
	const parsed = DateTime.fromISO(value, { setZone: true, zone: 'utc' });
	if (!parsed.isValid) throw new Error(`${field}: not an ISO date-time`);
	return parsed.toMillis();
}
const luxonDaysBetween = (from: string, to: string) =>
	Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
const luxonNextDay = (date: string) => DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate() as string;
const luxonSpoken = (date: string) => DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB').toFormat('cccc d LLLL');

function luxonParse(date: string, name: string): DateTime {
	const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
	if (!parsed?.isValid) throw new Error(`${name}: not a date (YYYY-MM-DD)`);
	return parsed;
}
function luxonClosure(day: DateTime, opts: CalendarOptions): { holiday?: string } | undefined {
	const date = day.toISODate() as string;
	const country = countryAlpha2(opts.country);
	const holiday = country ? publicHolidays(country, regionCode(opts.region), day.year).get(date) : undefined;
	if (holiday) return { holiday };
	const carrier = carrierDays(opts.carrier);
	if (carrier.closedOnHolidaysOf) {
		const carrierHoliday = publicHolidays(carrier.closedOnHolidaysOf, undefined, day.year).get(date);
		if (carrierHoliday) return { holiday: carrierHoliday };
	}
	return carrier.weekend.includes(day.weekday) ? {} : undefined;
}
function luxonAddBusinessDays(date: string, days: number, opts: CalendarOptions): string {
	let day = luxonParse(date, 'date');
	const step = days < 0 ? -1 : 1;
	for (let left = Math.abs(days); left > 0; ) {
		day = day.plus({ days: step });
		if (!luxonClosure(day, opts)) left -= 1;
	}
	return day.toISODate() as string;
}
function luxonBusinessDaysBetween(from: string, to: string, opts: CalendarOptions): number {
	const start = luxonParse(from, 'from');
	const end = luxonParse(to, 'to');
	const sign = end < start ? -1 : 1;
	const [low, high] = sign > 0 ? [start, end] : [end, start];
	let count = 0;
	for (let day = low.plus({ days: 1 }); day <= high; day = day.plus({ days: 1 })) if (!luxonClosure(day, opts)) count += 1;
	return sign * count;
}

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

const pick = <T>(next: () => number, options: readonly T[]): T => options[Math.floor(next() * options.length)];
const two = (n: number) => String(n).padStart(2, '0');

/** Dates and date-times in the shapes providers send, and many they should not. */
function randomValue(next: () => number): string {
	const year = pick(next, ['2024', '2025', '2023', '1999', '2100', '0999', '1000', '9999', '0000']);
	const month = two(pick(next, [1, 2, 3, 6, 10, 11, 12, 0, 13]));
	const day = two(pick(next, [1, 14, 28, 29, 30, 31, 0, 32]));
	const date = `${year}-${month}-${day}`;
	if (next() < 0.2) return pick(next, [date, ` ${date} `, `${date}\n`, date.replace(/-/g, ''), `${year}-${Number(month)}-${day}`]);
	const hour = two(pick(next, [0, 9, 12, 23, 24, 25]));
	const minute = two(pick(next, [0, 30, 59, 60]));
	const second = pick(next, ['', ':00', ':45', ':59', ':60', ':07.5', ':07.123', ':07.1239', ':07.000', ':07,5', ':07.999999999', ':07.0000000001', ':07.05', ':07.007', ':07.0123', ':07.29', ':07.57', ':07.001']);
	const offset = pick(next, ['', '', 'Z', 'z', '+00:00', '-00:00', '+05:30', '-05:00', '+0530', '-08', '+14:00', '-12:00', '+23:59', '+24:00', '+99:00', '+05:60', ' +05:00', '+05:00:00', 'UTC']);
	const sep = pick(next, ['T', 'T', 'T', ' ', 't', '  ']);
	const time = next() < 0.05 ? hour : `${hour}:${minute}${second}`;
	return `${date}${sep}${time}${offset}`;
}

function outcome<T>(f: () => T): T | string {
	try {
		return f();
	} catch (error) {
		return `throws ${(error as Error).message}`;
	}
}

describe('luxon parity of the fast date paths', () => {
	const next = random(20240314);
	const values = Array.from({ length: 6000 }, () => randomValue(next));
	values.push('', 'not a date', '2024-W11-4', '2024-074', '2024-03-14T10:00:00.5', '2024-03-14 10:00:00 +05:00');

	it('normalizes provider dates to the same strings', () => {
		const wrong = values.filter(
			(value) => toIsoDateTime(value) !== luxonIsoDateTime(value) || toDateOrDateTime(value) !== luxonDateOrDateTime(value),
		);
		expect(wrong).toEqual([]);
		expect(toIsoDateTime(null)).toBeUndefined();
		expect(toDateOrDateTime(undefined)).toBeUndefined();
	});

	it('reads calendar dates, instants and today the same, errors included', () => {
		const wrong = values.filter(
			(value) =>
				outcome(() => calendarDate(value, 'field')) !== outcome(() => luxonCalendarDate(value, 'field')) ||
				outcome(() => calendarDate(value, 'field', 'America/New_York')) !== outcome(() => luxonCalendarDate(value, 'field', 'America/New_York')) ||
				outcome(() => instant(value, 'field')) !== outcome(() => luxonInstant(value, 'field')),
		);
		expect(wrong).toEqual([]);
		const nows = [new Date('2024-03-14T23:30:00Z'), new Date('2024-12-31T20:00:00Z'), new Date('2025-01-01T03:00:00Z'), new Date(Number.NaN)];
		const wrongToday = values.flatMap((reference) =>
			nows
				.filter((now) => outcome(() => today(now, undefined, reference)) !== outcome(() => luxonToday(now, undefined, reference)))
				.map((now) => `${reference} @ ${now.getTime()}`),
		);
		expect(wrongToday).toEqual([]);
	});

	it('counts, steps and speaks dates the same', () => {
		const dates = values.map((value) => value.slice(0, 10)).concat(values.slice(0, 200));
		const wrong: string[] = [];
		for (let i = 0; i + 1 < dates.length; i += 1) {
			const [a, b] = [dates[i], dates[i + 1]];
			if (!Object.is(daysBetween(a, b), luxonDaysBetween(a, b))) wrong.push(`between ${a} ${b}`);
			if (outcome(() => nextDay(a)) !== outcome(() => luxonNextDay(a))) wrong.push(`next ${a}`);
			if (spokenDate(a) !== luxonSpoken(a)) wrong.push(`spoken ${a}`);
		}
		expect(wrong).toEqual([]);
	});

	it('walks business days the same, holidays and carriers included', () => {
		const calendars: CalendarOptions[] = [
			{},
			{ country: 'USA', region: 'CA', carrier: 'usps' },
			{ country: 'US', carrier: 'ups' },
			{ country: 'DEU', region: 'DE-BY' },
			{ country: 'GBR', region: 'SCT' },
			{ country: 'CAN', region: 'QC', carrier: 'usps' },
			{ country: 'XXX', carrier: 'USPS ' },
		];
		const rnd = random(7);
		const wrong: string[] = [];
		for (let i = 0; i < 400; i += 1) {
			const opts = pick(rnd, calendars);
			const from = DateTime.fromObject({ year: 2023 + Math.floor(rnd() * 4), month: 1, day: 1 }, { zone: 'utc' })
				.plus({ days: Math.floor(rnd() * 365) })
				.toISODate() as string;
			const days = Math.floor(rnd() * 41) - 20;
			const to = addBusinessDays(from, days, opts);
			if (to !== luxonAddBusinessDays(from, days, opts)) wrong.push(`add ${from} ${days}`);
			if (businessDaysBetween(from, to, opts) !== luxonBusinessDaysBetween(from, to, opts)) wrong.push(`between ${from} ${to}`);
			if (isBusinessDay(from, opts) !== (luxonClosure(luxonParse(from, 'date'), opts) === undefined)) wrong.push(`is ${from}`);
			if (holidayName(from, opts) !== luxonClosure(luxonParse(from, 'date'), opts)?.holiday) wrong.push(`holiday ${from}`);
		}
		expect(wrong).toEqual([]);
		// Across year ends (holiday sets change years mid-walk) and the edges of the date range.
		expect(addBusinessDays('2025-12-19', 10, { country: 'USA', carrier: 'usps' })).toBe(luxonAddBusinessDays('2025-12-19', 10, { country: 'USA', carrier: 'usps' }));
		expect(businessDaysBetween('2026-01-09', '2025-12-20', { country: 'DEU' })).toBe(luxonBusinessDaysBetween('2026-01-09', '2025-12-20', { country: 'DEU' }));
		expect(addBusinessDays('9999-12-30', 5)).toBe(luxonAddBusinessDays('9999-12-30', 5, {}));
		expect(addBusinessDays('0000-01-04', -5)).toBe(luxonAddBusinessDays('0000-01-04', -5, {}));
	});

	it('keeps the errors, naming fields only', () => {
		expect(() => calendarDate('soon', 'promisedDelivery')).toThrow('promisedDelivery: not a date (YYYY-MM-DD) or ISO date-time');
		expect(() => instant('2024-02-30T10:00Z', 'occurredAt')).toThrow('occurredAt: not an ISO date-time');
		expect(() => addBusinessDays('2024-02-30', 1)).toThrow('date: not a date (YYYY-MM-DD)');
		expect(() => businessDaysBetween('2024-01-01', '2024-1-2')).toThrow('to: not a date (YYYY-MM-DD)');
		expect(() => businessDaysBetween('2000-01-01', '2024-01-02')).toThrow('from, to: more than ten years apart');
		expect(() => addBusinessDays('2024-01-01', 1.5)).toThrow('days: not a whole number of days');
	});

	it('compacts like entries/filter/fromEntries did', () => {
		const proto = { inherited: 1 };
		const value = Object.assign(Object.create(proto) as Record<string, unknown>, { b: 1, a: undefined, 2: 'two', c: null, d: 0, e: '' });
		const expected = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
		expect(compact(value)).toEqual(expected);
		expect(Object.keys(compact(value))).toEqual(Object.keys(expected));
		const parsed = JSON.parse('{"__proto__": {"polluted": true}, "x": 1, "y": null}') as object;
		const kept = compact(parsed) as Record<string, unknown>;
		expect(Object.keys(kept)).toEqual(['__proto__', 'x', 'y']);
		expect(kept.polluted).toBeUndefined();
		expect(kept).toEqual(Object.fromEntries(Object.entries(parsed)));
	});
});
