import { DateTime } from 'luxon';
import { z, type ZodIssue } from 'zod';

import { addBusinessDays, businessDaysBetween, isBusinessDay, type CalendarOptions } from '../calendar';
import type { Assessment } from '../model/assessment';
import { calendarDate, spokenDate } from './dates';

const DATE_OR_DATE_TIME = 'expected a date (YYYY-MM-DD) or an ISO date-time with offset';
const dateOrDateTime = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string().datetime({ offset: true })]);

/** An order as the shop gives it; null counts as absent (n8n expressions give null), other keys are ignored. */
const OrderSchema = z.object({
	id: z.string().nullish(),
	number: z.string().nullish(),
	createdAt: dateOrDateTime,
	fulfilledAt: dateOrDateTime.nullish(),
	cancelledAt: dateOrDateTime.nullish(),
	/** Business days promised at checkout to prepare the order. */
	handlingDays: z.number().int().nonnegative(),
	/** Where it is prepared and shipped from, for public holidays (ISO alpha-2 or alpha-3, region code). */
	country: z.string().nullish(),
	region: z.string().nullish(),
});
export type PreparationOrder = z.input<typeof OrderSchema>;

/** An order the check cannot read. Names the fields, never their values. */
export class InvalidOrderError extends Error {
	constructor(readonly fields: string[]) {
		super(`Invalid order: ${fields.join('; ')}`);
		this.name = 'InvalidOrderError';
	}
}

function describeIssue(issue: ZodIssue): string {
	const field = issue.path.join('.') || '(order)';
	if (issue.code === 'invalid_type') return `${field}: ${issue.received === 'undefined' ? 'required' : `expected ${issue.expected}, got ${issue.received}`}`;
	if (issue.code === 'invalid_union' || issue.code === 'invalid_string') return `${field}: ${DATE_OR_DATE_TIME}`;
	if (field === 'handlingDays') return `${field}: expected a whole number of business days, 0 or more`;
	return `${field}: invalid value`;
}

/**
 * 'preparation_delayed' when the order is still unfulfilled after its ship-by date: createdAt plus
 * handlingDays business days of the shipping country (a ship-by date that is no business day, as
 * with 0 days on a Saturday, moves to the next one). daysLate counts the business days after it
 * up to today; escalated once the wait reaches twice the promise (late by handlingDays, at least
 * 1). Null when fulfilled, cancelled, or not late. Today is read in createdAt's offset.
 */
export function assessPreparation(order: PreparationOrder, now: Date): Assessment | null {
	const parsed = OrderSchema.safeParse(order);
	if (!parsed.success) throw new InvalidOrderError(parsed.error.issues.map(describeIssue));
	const { createdAt, fulfilledAt, cancelledAt, handlingDays, country, region } = parsed.data;
	if (fulfilledAt || cancelledAt) return null;

	const calendar: CalendarOptions = { country: country ?? undefined, region: region ?? undefined };
	const ordered = calendarDate(createdAt, 'createdAt');
	const due = addBusinessDays(ordered, handlingDays, calendar);
	const shipBy = isBusinessDay(due, calendar) ? due : addBusinessDays(due, 1, calendar);
	const zone = DateTime.fromISO(createdAt, { setZone: true, zone: 'utc' }).zone;
	const today = DateTime.fromJSDate(now, { zone }).toISODate() as string;
	const late = businessDaysBetween(shipBy, today, calendar);
	if (late < 1) return null;

	return {
		trigger: 'preparation_delayed',
		notify: true,
		escalate: late >= Math.max(1, handlingDays),
		severity: 'warning',
		reason: `Your order is taking longer to prepare than we promised: it should have left us by ${spokenDate(shipBy)}. We will let you know as soon as it ships.`,
		reasonCode: 'processing',
		customerAction: 'none',
		daysLate: late,
		businessDaysLate: late,
		promisedDate: shipBy,
		agentReason: `Not fulfilled ${late} business day(s) after the ship-by date ${shipBy} (${handlingDays} handling days from ${ordered}).`,
	};
}
