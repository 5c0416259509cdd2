import { civilFromDay, dayDate, dayNumber, isoWeekday } from '../model/days';
import { carrierDays } from './carriers';
import { countryAlpha2, regionCode } from './countries';
import { publicHolidaysByDay } from './holidays';

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

/** Days are epoch-day integers (lib/model/days.ts): a luxon DateTime per walked day cost ~15 µs. */
function parse(date: string, name: string): number {
	const day = dayNumber(date);
	if (day === undefined) throw new Error(`${name}: not a date (YYYY-MM-DD)`);
	return day;
}

/** The options resolved once per call, not once per walked day. */
interface Resolved {
	country?: string;
	region?: string;
	weekend: readonly number[];
	closedOnHolidaysOf?: string;
}

function resolve(opts: CalendarOptions): Resolved {
	const carrier = carrierDays(opts.carrier);
	const country = countryAlpha2(opts.country);
	return {
		country,
		region: country ? regionCode(opts.region) : undefined,
		weekend: carrier.weekend,
		closedOnHolidaysOf: carrier.closedOnHolidaysOf,
	};
}

/** Why the day is not a business day, if it is not: the holiday's name, or 'weekend'. */
function closure(day: number, calendar: Resolved): { holiday?: string } | undefined {
	if (calendar.country || calendar.closedOnHolidaysOf) {
		const year = civilFromDay(day).year;
		const holiday = calendar.country ? publicHolidaysByDay(calendar.country, calendar.region, year).get(day) : undefined;
		if (holiday) return { holiday };
		if (calendar.closedOnHolidaysOf) {
			const carrierHoliday = publicHolidaysByDay(calendar.closedOnHolidaysOf, undefined, year).get(day);
			if (carrierHoliday) return { holiday: carrierHoliday };
		}
	}
	return calendar.weekend.includes(isoWeekday(day)) ? {} : undefined;
}

export function isBusinessDay(date: string, opts: CalendarOptions = {}): boolean {
	return closure(parse(date, 'date'), resolve(opts)) === undefined;
}

/** The public holiday (of the destination, or one the carrier closes on) on a date, by name. */
export function holidayName(date: string, opts: CalendarOptions = {}): string | undefined {
	return closure(parse(date, 'date'), resolve(opts))?.holiday;
}

/**
 * The date `days` business days after `date` (before it when negative); 0 gives `date` itself
 * even when it is no business day, so callers decide whether a start date counts.
 */
export function addBusinessDays(date: string, days: number, opts: CalendarOptions = {}): string {
	if (!Number.isInteger(days) || Math.abs(days) > MAX_DAYS) throw new Error('days: not a whole number of days');
	let day = parse(date, 'date');
	const calendar = resolve(opts);
	const step = days < 0 ? -1 : 1;
	for (let left = Math.abs(days); left > 0; ) {
		day += step;
		if (!closure(day, calendar)) left -= 1;
	}
	return dayDate(day);
}

/** Business days in (from, to]: the day after `from` through `to`; negative when `to` is earlier. */
export function businessDaysBetween(from: string, to: string, opts: CalendarOptions = {}): number {
	const start = parse(from, 'from');
	const end = parse(to, 'to');
	const sign = end < start ? -1 : 1;
	const [low, high] = sign > 0 ? [start, end] : [end, start];
	if (high - low > MAX_DAYS) throw new Error('from, to: more than ten years apart');
	const calendar = resolve(opts);
	let count = 0;
	for (let day = low + 1; day <= high; day += 1) {
		if (!closure(day, calendar)) count += 1;
	}
	return sign * count;
}
