import { DateTime } from 'luxon';

/**
 * The calendar date (YYYY-MM-DD) a date or date-time stands for, in the calendar it was written
 * in: '2024-03-14T23:30:00-05:00' is the 14th, because carriers write estimates in the
 * destination's local time and converting to UTC would move late-evening times to the next day.
 * Throws naming `field` (never the value) when it is not a date.
 */
export function calendarDate(value: string, field: string): string {
	const parsed = DateTime.fromISO(value, { setZone: true, zone: 'utc' });
	const date = parsed.isValid ? parsed.toISODate() : null;
	if (!date) throw new Error(`${field}: not a date (YYYY-MM-DD) or ISO date-time`);
	return date;
}

/** The instant a date-time stands for, in milliseconds; throws naming `field` when invalid. */
export function instant(value: string, field: string): number {
	const parsed = DateTime.fromISO(value, { setZone: true, zone: 'utc' });
	if (!parsed.isValid) throw new Error(`${field}: not an ISO date-time`);
	return parsed.toMillis();
}

/** Whole calendar days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	const start = DateTime.fromISO(from, { zone: 'utc' });
	const end = DateTime.fromISO(to, { zone: 'utc' });
	return Math.round(end.diff(start, 'days').days);
}

/** A YYYY-MM-DD as a customer reads it: "Thursday 14 March". */
export function spokenDate(date: string): string {
	return DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB').toFormat('cccc d LLLL');
}
