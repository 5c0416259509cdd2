import { DateTime } from 'luxon';
import { isTimeZone } from '../model/zones';

/**
 * The calendar date (YYYY-MM-DD) a date or date-time stands for. With the destination's IANA
 * `zone`, a date-time is read there; without, in the calendar it was written in:
 * '2024-03-14T23:30:00-05:00' is the 14th, because carriers write estimates in the destination's
 * local time and converting to UTC would move late-evening times to the next day. A date alone is
 * that date either way. Throws naming `field` (never the value) when it is not a date.
 */
export function calendarDate(value: string, field: string, zone?: string): string {
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

/** The calendar day after a YYYY-MM-DD. */
export function nextDay(date: string): string {
	return DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate() as string;
}

/** A YYYY-MM-DD as a customer reads it: "Thursday 14 March". */
export function spokenDate(date: string): string {
	return DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB').toFormat('cccc d LLLL');
}
