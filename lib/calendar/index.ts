import { DateTime } from 'luxon';
import { carrierDays } from './carriers';
import { countryAlpha2, regionCode } from './countries';
import { publicHolidays } from './holidays';

/**
 * Business days of a destination: no weekend (per carrier), no public holiday of the destination
 * country and region, no day the carrier closes. Dates are calendar dates (YYYY-MM-DD) in the
 * destination's calendar; callers convert date-times first (lib/classifier/dates.ts).
 */
export interface CalendarOptions {
	/** ISO 3166-1 alpha-2 or alpha-3; unknown or absent → weekends only. */
	country?: string;
	/** State/province code ('BY', 'CA', or 'DE-BY'); unknown → the country's holidays. */
	region?: string;
	/** Courier code (usps, ups...), for the carrier's own non-delivery days. */
	carrier?: string;
}

/** Bounds the day-by-day walk: no shipment is late or in transit by more than this. */
const MAX_DAYS = 3660;

function parse(date: string, name: string): DateTime {
	const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
	if (!parsed?.isValid) throw new Error(`${name}: not a date (YYYY-MM-DD)`);
	return parsed;
}

function format(day: DateTime): string {
	return day.toISODate() as string;
}

/** Why the day is not a business day, if it is not: the holiday's name, or 'weekend'. */
function closure(day: DateTime, opts: CalendarOptions): { holiday?: string } | undefined {
	const date = format(day);
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

export function isBusinessDay(date: string, opts: CalendarOptions = {}): boolean {
	return closure(parse(date, 'date'), opts) === undefined;
}

/** The public holiday (of the destination, or one the carrier closes on) on a date, by name. */
export function holidayName(date: string, opts: CalendarOptions = {}): string | undefined {
	return closure(parse(date, 'date'), opts)?.holiday;
}

/**
 * The date `days` business days after `date` (before it when negative); 0 gives `date` itself
 * even when it is no business day, so callers decide whether a start date counts.
 */
export function addBusinessDays(date: string, days: number, opts: CalendarOptions = {}): string {
	if (!Number.isInteger(days) || Math.abs(days) > MAX_DAYS) throw new Error('days: not a whole number of days');
	let day = parse(date, 'date');
	const step = days < 0 ? -1 : 1;
	for (let left = Math.abs(days); left > 0; ) {
		day = day.plus({ days: step });
		if (!closure(day, opts)) left -= 1;
	}
	return format(day);
}

/** Business days in (from, to]: the day after `from` through `to`; negative when `to` is earlier. */
export function businessDaysBetween(from: string, to: string, opts: CalendarOptions = {}): number {
	const start = parse(from, 'from');
	const end = parse(to, 'to');
	const sign = end < start ? -1 : 1;
	const [low, high] = sign > 0 ? [start, end] : [end, start];
	if (high.diff(low, 'days').days > MAX_DAYS) throw new Error('from, to: more than ten years apart');
	let count = 0;
	for (let day = low.plus({ days: 1 }); day <= high; day = day.plus({ days: 1 })) {
		if (!closure(day, opts)) count += 1;
	}
	return sign * count;
}
