import { DateTime } from 'luxon';
import { isTimeZone } from '../model/zones';

export interface QuietWindow {
	/** Local wall time 'HH:mm' the quiet period starts. */
	start: string;
	/** Local wall time 'HH:mm' it ends; earlier than start means it crosses midnight. */
	end: string;
}

export interface QuietHoursDecision {
	quiet: boolean;
	/** When quiet: the real instant the window ends, at the customer's local wall time. */
	sendAt?: Date;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOfDay(value: string, field: string): number {
	const match = HH_MM.exec(value);
	if (!match) throw new Error(`${field} must be a 24-hour time 'HH:mm' such as '21:00'`);
	return Number(match[1]) * 60 + Number(match[2]);
}

export function assertTimeZone(timeZone: string, field = 'timeZone'): void {
	if (!isTimeZone(timeZone)) {
		throw new Error(`${field} is not a known IANA time zone: use a name such as 'Europe/Berlin' or 'America/New_York'`);
	}
}

/**
 * Whether `now` falls into the quiet window in the customer's zone, and if so when it ends. The
 * end is built from the local calendar date and wall time, so across a daylight-saving change it
 * is still 08:00 on the customer's clock, whatever the UTC offset became overnight.
 */
export function quietHoursDecision(now: Date, timeZone: string, window: QuietWindow): QuietHoursDecision {
	assertTimeZone(timeZone);
	const start = minutesOfDay(window.start, 'quietHours.start');
	const end = minutesOfDay(window.end, 'quietHours.end');
	// An empty window (start == end) means no quiet hours at all, not a whole quiet day.
	if (start === end) return { quiet: false };

	const local = DateTime.fromJSDate(now, { zone: timeZone });
	const minute = local.hour * 60 + local.minute;
	const crossesMidnight = start > end;
	const quiet = crossesMidnight ? minute >= start || minute < end : minute >= start && minute < end;
	if (!quiet) return { quiet: false };

	const endsTomorrow = crossesMidnight && minute >= start;
	const day = endsTomorrow ? local.plus({ days: 1 }) : local;
	const sendAt = DateTime.fromObject(
		{ year: day.year, month: day.month, day: day.day, hour: Math.floor(end / 60), minute: end % 60 },
		{ zone: timeZone },
	);
	return { quiet: true, sendAt: sendAt.toJSDate() };
}
