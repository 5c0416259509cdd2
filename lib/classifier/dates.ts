import { DateTime } from 'luxon';
import { civilFromDay, dayDate, dayNumber, isoMillis, isoParts, isoWeekday } from '../model/days';
import { isTimeZone } from '../model/zones';

// Each function reads the usual shapes with lib/model/days.ts (integer day arithmetic, no luxon
// parse or format per call, which cost µs on the per-event path) and hands anything else, and
// every IANA zone conversion, to luxon, whose answers the fast paths match exactly.

/**
 * The calendar date (YYYY-MM-DD) a date or date-time stands for. With the destination's IANA
 * `zone`, a date-time is read there; without, in the calendar it was written in:
 * '2024-03-14T23:30:00-05:00' is the 14th, because carriers write estimates in the destination's
 * local time and converting to UTC would move late-evening times to the next day. A date alone is
 * that date either way. Throws naming `field` (never the value) when it is not a date.
 */
export function calendarDate(value: string, field: string, zone?: string): string {
	// Without a zone, luxon keeps the written offset (or reads UTC): the written date is the answer.
	// With one, even a bare date can move (a zone that skipped a day), so luxon decides.
	if (!zone) {
		const parts = isoParts(value);
		if (parts) return parts.date;
	}
	const parsed = DateTime.fromISO(value, { setZone: true, zone: zone ?? 'utc' });
	const local = zone && parsed.isValid ? parsed.setZone(zone) : parsed;
	const date = local.isValid ? local.toISODate() : null;
	if (!date) throw new Error(`${field}: not a date (YYYY-MM-DD) or ISO date-time`);
	return date;
}

/**
 * Today's date at the destination: in `zone` when known, else in the offset `reference` (an ISO
 * date-time, the event's own time) was written with, the best hint of local time the event has.
 */
export function today(now: Date, zone: string | undefined, reference: string): string {
	if (zone === undefined) {
		// A written offset is a fixed zone: today there is plain arithmetic. Without one luxon would
		// use the process's zone, so that case stays with luxon.
		const offset = isoParts(reference)?.offset;
		const ms = now.getTime();
		if (offset !== undefined && Number.isFinite(ms)) {
			const day = Math.floor((ms + offset * 60_000) / 86_400_000);
			const year = civilFromDay(day).year;
			if (year >= 0 && year <= 9999) return dayDate(day);
		}
	}
	const where = zone ?? DateTime.fromISO(reference, { setZone: true }).zone;
	const date = DateTime.fromJSDate(now, { zone: where }).toISODate();
	if (!date) throw new Error('now: not a valid date');
	return date;
}

/** Throws naming `field` (never the value) when `zone` is no IANA time zone luxon knows. */
export function checkZone(zone: string | undefined, field: string): string | undefined {
	if (zone !== undefined && !isTimeZone(zone)) throw new Error(`${field}: not an IANA time zone`);
	return zone;
}

/** The instant a date-time stands for, in milliseconds; throws naming `field` when invalid. */
export function instant(value: string, field: string): number {
	const parts = isoParts(value);
	if (parts) return isoMillis(parts);
	const parsed = DateTime.fromISO(value, { setZone: true, zone: 'utc' });
	if (!parsed.isValid) throw new Error(`${field}: not an ISO date-time`);
	return parsed.toMillis();
}

/** Whole calendar days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	const start = dayNumber(from);
	const end = dayNumber(to);
	if (start !== undefined && end !== undefined) return end - start;
	// Other shapes (date-times, invalid values giving NaN) as before.
	const startTime = DateTime.fromISO(from, { zone: 'utc' });
	const endTime = DateTime.fromISO(to, { zone: 'utc' });
	return Math.round(endTime.diff(startTime, 'days').days);
}

/** The calendar day after a YYYY-MM-DD. */
export function nextDay(date: string): string {
	const day = dayNumber(date);
	if (day !== undefined) return dayDate(day + 1);
	return DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate() as string;
}

// luxon's en-GB names ('cccc', 'LLLL'), fixed: rebuilding a localized DateTime per call cost ~15 µs.
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A YYYY-MM-DD as a customer reads it: "Thursday 14 March". */
export function spokenDate(date: string): string {
	const day = dayNumber(date);
	if (day !== undefined) {
		const civil = civilFromDay(day);
		return `${WEEKDAYS[isoWeekday(day) - 1]} ${civil.day} ${MONTHS[civil.month - 1]}`;
	}
	return DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB').toFormat('cccc d LLLL');
}
