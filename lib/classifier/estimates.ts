import { addBusinessDays, businessDaysBetween, holidayName, isBusinessDay, type CalendarOptions } from '../calendar';
import type { ClassifyContext, ReasonCode } from '../model/assessment';
import type { ShipmentEvent } from '../model/event';
import { now as clockNow } from '../clock';
import { calendarDate, checkZone, daysBetween, nextDay, spokenDate, today } from './dates';

/** Where the parcel goes, as the calendar sees it: business days, time zone, and today there. */
export interface DeliveryCalendar {
	calendar: CalendarOptions;
	/** IANA zone of the destination, when known; dates are read there. */
	zone?: string;
	today: string;
}

/** The destination from the context, else from the event; the carrier for its own days off. */
export function deliveryCalendar(event: ShipmentEvent, context: ClassifyContext): DeliveryCalendar {
	const zone = checkZone(context.destinationTimeZone, 'context.destinationTimeZone');
	const calendar: CalendarOptions = {
		country: context.destinationCountry ?? event.destination?.country,
		region: context.destinationRegion ?? event.destination?.state,
		carrier: event.carrier,
	};
	return { calendar, zone, today: today(context.now ?? clockNow(), zone, event.occurredAt) };
}

/** The promise as a calendar date: the context's, else the event's own. */
export function promiseOf(event: ShipmentEvent, context: ClassifyContext, zone?: string): string | undefined {
	if (context.promisedDate) return calendarDate(context.promisedDate, 'context.promisedDate', zone);
	return event.promisedDelivery ? calendarDate(event.promisedDelivery, 'promisedDelivery', zone) : undefined;
}

/** What an estimate is measured against: the promise, or without one the previous estimate. */
type Baseline = 'promise' | 'previous_estimate';

/** What the carrier's latest estimate says compared with what the customer was told. */
export type EstimateChange =
	| { kind: 'none' }
	| {
			kind: 'later' | 'earlier' | 'unchanged';
			/** The estimate as a calendar date; the window's latest bound when it is a window. */
			revisedEta: string;
			/** Calendar days the estimate moved (positive = later). */
			days: number;
			against: Baseline;
			/** The date compared against. */
			baseline: string;
	  };

/**
 * Compares the estimate with the promise (`promisedDate` ?? the event's), or without a promise
 * with the previous estimate. A window counts by its latest bound: a delivery that may come after
 * the promise is late for the customer.
 */
export function compareEstimate(event: ShipmentEvent, promisedDate?: string, zone?: string): EstimateChange {
	const estimateField = event.estimatedDeliveryLatest ? 'estimatedDeliveryLatest' : 'estimatedDelivery';
	const estimate = event.estimatedDeliveryLatest ?? event.estimatedDelivery;
	if (!estimate) return { kind: 'none' };
	const revisedEta = calendarDate(estimate, estimateField, zone);

	let baseline: string;
	let against: Baseline;
	if (promisedDate) {
		baseline = calendarDate(promisedDate, 'context.promisedDate', zone);
		against = 'promise';
	} else if (event.promisedDelivery) {
		baseline = calendarDate(event.promisedDelivery, 'promisedDelivery', zone);
		against = 'promise';
	} else if (event.previousEstimatedDelivery) {
		baseline = calendarDate(event.previousEstimatedDelivery, 'previousEstimatedDelivery', zone);
		against = 'previous_estimate';
	} else {
		return { kind: 'none' };
	}

	const days = daysBetween(baseline, revisedEta);
	const kind = days > 0 ? 'later' : days < 0 ? 'earlier' : 'unchanged';
	return { kind, revisedEta, days, against, baseline };
}

/** True when an estimate-only event (AfterShip edd_revise) repeats the previous estimate. */
export function isUnchangedRevision(event: ShipmentEvent, change: EstimateChange, zone?: string): boolean {
	if (!event.estimateRevision) return false;
	if (change.kind === 'none') return true;
	if (event.previousEstimatedDelivery) {
		return calendarDate(event.previousEstimatedDelivery, 'previousEstimatedDelivery', zone) === change.revisedEta;
	}
	return change.kind === 'unchanged';
}

/** How late in the destination's business days, and the closed day that alone explains it. */
export interface Lateness {
	businessDaysLate: number;
	/** Set when the baseline fell on a day without deliveries and the new date is the first day after it. */
	closedDay?: { date: string; holiday?: string };
}

/**
 * Business days late, counted from the first delivery day on or after the baseline: a parcel
 * promised for Thanksgiving and delivered the Friday after is 1 calendar day but 0 business days
 * late, and the reason says why instead of blaming the carrier.
 */
export function lateness(baseline: string, revisedEta: string, calendar: CalendarOptions): Lateness {
	const open = isBusinessDay(baseline, calendar);
	const firstOpen = open ? baseline : addBusinessDays(baseline, 1, calendar);
	const businessDaysLate = Math.max(0, businessDaysBetween(firstOpen, revisedEta, calendar));
	if (open || revisedEta !== firstOpen) return { businessDaysLate };
	for (let day = baseline; day < revisedEta; day = nextDay(day)) {
		const holiday = holidayName(day, calendar);
		if (holiday) return { businessDaysLate, closedDay: { date: day, holiday } };
	}
	return { businessDaysLate, closedDay: { date: baseline } };
}

/** Causes worth naming to a customer; any other code gets no invented cause. */
const CAUSES: Partial<Record<ReasonCode, string>> = {
	weather: 'due to severe weather',
	carrier_capacity: 'due to a delay at the carrier',
	customs: 'due to customs clearance',
};

function dayCount(days: number): string {
	return days === 1 ? '1 day' : `${days} days`;
}

function comparedWith(against: Baseline): string {
	return against === 'promise' ? 'than promised' : 'than previously expected';
}

function expectsOn(revisedEta: string): string {
	return `now expects to deliver on ${spokenDate(revisedEta)}`;
}

/** Why a closed day explains the delay: a public holiday by name, or a weekend. */
function closedBecause(closedDay: { date: string; holiday?: string }): string {
	return closedDay.holiday
		? `as ${spokenDate(closedDay.date)} is a public holiday, ${closedDay.holiday}`
		: 'the first delivery day after the weekend';
}

/**
 * "The carrier now expects to deliver on Thursday 14 March, 2 days later than promised." A
 * carrier's cause is named; else a closed day that explains the gap; else no cause is invented.
 */
export function lateReason(
	revisedEta: string,
	days: number,
	against: Baseline,
	reasonCode?: ReasonCode,
	closedDay?: Lateness['closedDay'],
): string {
	const cause = (reasonCode && CAUSES[reasonCode]) ?? (closedDay && closedBecause(closedDay));
	const base = `The carrier ${expectsOn(revisedEta)}, ${dayCount(days)} later ${comparedWith(against)}`;
	return cause ? `${base}, ${cause}.` : `${base}.`;
}

export function earlyReason(revisedEta: string, days: number, against: Baseline): string {
	return `Good news: the carrier ${expectsOn(revisedEta)}, ${dayCount(days)} earlier ${comparedWith(against)}.`;
}

/** After a delay was told: "Good news: the carrier now expects to deliver on Tuesday 12 March, as promised." */
export function onPromiseReason(revisedEta: string): string {
	return `Good news: the carrier ${expectsOn(revisedEta)}, as promised.`;
}
