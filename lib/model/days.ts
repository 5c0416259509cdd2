/**
 * Calendar dates as epoch-day integers (days since 1970-01-01, proleptic Gregorian) and a strict
 * reader of the common ISO 8601 shapes. The classifier and the providers handle a few dates per
 * event, and luxon costs microseconds per parse or format where integer arithmetic costs
 * nanoseconds. Every reader here answers exactly as luxon would or returns undefined, so callers
 * fall back to luxon for the shapes it does not cover; nothing here depends on a time zone.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date; no range check (see isCivilDate). */
export function dayFromCivil(year: number, month: number, day: number): number {
	// Hinnant's days_from_civil: exact integer arithmetic for any year, unlike Date.UTC, which
	// maps years 0-99 to 1900-1999.
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146097 + dayOfEra - 719468;
}

export interface CivilDate {
	year: number;
	month: number;
	day: number;
}

/** The proleptic Gregorian date of an epoch day (Hinnant's civil_from_days). */
export function civilFromDay(dayNumber: number): CivilDate {
	const z = dayNumber + 719468;
	const era = Math.floor(z / 146097);
	const dayOfEra = z - era * 146097;
	const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const mp = Math.floor((5 * dayOfYear + 2) / 153);
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
}

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
	return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

export function isCivilDate(year: number, month: number, day: number): boolean {
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** ISO weekday of an epoch day: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: number): number {
	return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The epoch day of a YYYY-MM-DD that names a real date; undefined for anything else. */
export function dayNumber(date: string): number | undefined {
	const match = DATE_ONLY.exec(date);
	if (!match) return undefined;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	return isCivilDate(year, month, day) ? dayFromCivil(year, month, day) : undefined;
}

function pad(value: number, width: number): string {
	return String(value).padStart(width, '0');
}

/** An epoch day as YYYY-MM-DD, written as luxon's toISODate writes it (±YYYYYY beyond 0-9999). */
export function dayDate(dayNumber: number): string {
	const { year, month, day } = civilFromDay(dayNumber);
	const y = year >= 0 && year <= 9999 ? pad(year, 4) : `${year < 0 ? '-' : '+'}${pad(Math.abs(year), 6)}`;
	return `${y}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The fields of an ISO date or date-time as written, for the shapes isoParts reads. */
export interface IsoParts {
	/** Epoch day of the written date. */
	day: number;
	/** The written YYYY-MM-DD. */
	date: string;
	/** Whether a time was written at all (a bare date has none). */
	hasTime: boolean;
	hour: number;
	minute: number;
	second: number;
	/** Milliseconds as luxon reads a fraction: truncated, not rounded. */
	millisecond: number;
	/** Minutes east of UTC when an offset (Z or ±hh[:mm]) was written; undefined without one. */
	offset?: number;
}

// The shapes providers actually send. Anything else (week dates, basic format, hour-only times,
// comma fractions, lowercase separators, 24:00, unusual offsets) is left to luxon.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * Reads `YYYY-MM-DD` or `YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh[:mm]]` with every field in range; undefined
 * for any other shape or an impossible date or time. Years are limited to 1000-9999.
 */
export function isoParts(value: string): IsoParts | undefined {
	const m = ISO.exec(value);
	if (!m) return undefined;
	const year = Number(m[1]);
	const month = Number(m[2]);
	const dayOfMonth = Number(m[3]);
	if (year < 1000 || !isCivilDate(year, month, dayOfMonth)) return undefined;
	const hasTime = m[4] !== undefined;
	const hour = hasTime ? Number(m[4]) : 0;
	const minute = hasTime ? Number(m[5]) : 0;
	const second = m[6] !== undefined ? Number(m[6]) : 0;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	// luxon's parseMillis, to the bit.
	const millisecond = m[7] !== undefined ? Math.floor(parseFloat(`0.${m[7]}`) * 1000) : 0;
	let offset: number | undefined;
	if (m[8]) offset = 0;
	else if (m[9]) {
		const offsetHours = Number(m[10]);
		const offsetMinutes = m[11] !== undefined ? Number(m[11]) : 0;
		if (offsetHours > 23 || offsetMinutes > 59) return undefined;
		offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
	}
	return {
		day: dayFromCivil(year, month, dayOfMonth),
		date: value.slice(0, 10),
		hasTime,
		hour,
		minute,
		second,
		millisecond,
		offset,
	};
}

/** The instant the parts stand for, in epoch milliseconds; a missing offset counts as UTC. */
export function isoMillis(parts: IsoParts): number {
	const local = parts.day * MS_PER_DAY + ((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000 + parts.millisecond;
	return local - (parts.offset ?? 0) * 60_000;
}

/** An offset in minutes as luxon's toISO writes it: Z for zero, else ±hh:mm. */
function offsetText(offset: number): string {
	if (offset === 0) return 'Z';
	const abs = Math.abs(offset);
	return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

/**
 * The parts as luxon's `toISO({ suppressMilliseconds: true })` writes a date-time parsed with
 * `setZone: true` in UTC: the wall time as written, milliseconds only when not zero, the written
 * offset (Z when zero or absent).
 */
export function isoDateTimeText(parts: IsoParts): string {
	const ms = parts.millisecond === 0 ? '' : `.${pad(parts.millisecond, 3)}`;
	return `${parts.date}T${pad(parts.hour, 2)}:${pad(parts.minute, 2)}:${pad(parts.second, 2)}${ms}${offsetText(parts.offset ?? 0)}`;
}
