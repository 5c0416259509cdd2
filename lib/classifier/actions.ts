import { DateTime } from 'luxon';
import type { Assessment, ClassifyContext, CustomerAction, ReasonCode } from '../model/assessment';
import type { ShipmentEvent } from '../model/event';
import type { JourneyTrigger } from '../model/triggers';
import { calendarDate, instant } from './dates';
import { causeIsNew, type Cause } from './reasons';

/**
 * Days a carrier keeps a parcel at a pickup point before sending it back, counted here in calendar
 * days from its arrival there. Where the carrier counts business days (FedEx Hold at Location) the
 * calendar count ends earlier, never later: the customer is never told a day the parcel is gone.
 *
 * | carrier | days | where                                                    |
 * |---------|------|----------------------------------------------------------|
 * | usps    | 15   | Post Office hold (notice left, Hold for Pickup)          |
 * | ups     | 7    | UPS Access Point                                         |
 * | fedex   | 5    | FedEx Hold at Location                                   |
 * | dhl     | 7    | DHL service point, Packstation                           |
 *
 * Other carriers: no date (a made-up deadline could send the customer too late).
 */
export const PICKUP_HOLD_DAYS: Readonly<Record<string, number>> = { usps: 15, ups: 7, fedex: 5, dhl: 7 };

/** Triggers where the parcel waits on the customer, so a cause in the carrier's words can say what to do. */
const WAITING: ReadonlySet<JourneyTrigger> = new Set(['exception', 'attempt_failed']);

/** What the customer can do about each cause; other causes ask nothing of them. */
const ACTION_FOR_CAUSE: Partial<Record<ReasonCode, CustomerAction>> = {
	address: 'correct_address',
	customs: 'pay_duties_or_send_documents',
	recipient_unavailable: 'reschedule',
};

/**
 * The rules' action, unless they knew no cause and the cause found since asks something specific
 * of the customer while the parcel waits (an attempt that failed on the address: correct it, not
 * reschedule). Delays, returns and losses ask nothing of the customer whatever their cause.
 */
export function customerActionFor(assessment: Assessment, cause: Cause | undefined): CustomerAction {
	if (!assessment.trigger || !WAITING.has(assessment.trigger) || !causeIsNew(assessment)) return assessment.customerAction;
	return (cause?.code && ACTION_FOR_CAUSE[cause.code]) || assessment.customerAction;
}

/**
 * The last day to collect the parcel (YYYY-MM-DD): the caller's `pickupDeadline` when it knows
 * the carrier's own, else arrival at the pickup point plus the carrier's hold days. The same
 * status seen before means the parcel was already waiting then, so the earlier time counts.
 */
export function pickupDeadline(event: ShipmentEvent, context: ClassifyContext): string | undefined {
	if (context.pickupDeadline) return calendarDate(context.pickupDeadline, 'context.pickupDeadline');
	const days = event.carrier ? PICKUP_HOLD_DAYS[event.carrier.toLowerCase()] : undefined;
	if (days === undefined) return undefined;
	const arrived = waitingSince(event, context);
	return DateTime.fromISO(calendarDate(arrived.value, arrived.field), { zone: 'utc' }).plus({ days }).toISODate() ?? undefined;
}

function waitingSince(event: ShipmentEvent, context: ClassifyContext): { value: string; field: string } {
	const seen = { value: event.occurredAt, field: 'occurredAt' };
	if (context.lastStatus !== event.status || !context.lastOccurredAt) return seen;
	const before = { value: context.lastOccurredAt, field: 'context.lastOccurredAt' };
	return instant(before.value, before.field) < instant(seen.value, seen.field) ? before : seen;
}
