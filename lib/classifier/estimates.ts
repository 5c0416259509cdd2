import type { ReasonCode } from '../model/assessment';
import type { ShipmentEvent } from '../model/event';
import { calendarDate, daysBetween, spokenDate } from './dates';

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
export function compareEstimate(event: ShipmentEvent, promisedDate?: string): EstimateChange {
	const estimateField = event.estimatedDeliveryLatest ? 'estimatedDeliveryLatest' : 'estimatedDelivery';
	const estimate = event.estimatedDeliveryLatest ?? event.estimatedDelivery;
	if (!estimate) return { kind: 'none' };
	const revisedEta = calendarDate(estimate, estimateField);

	let baseline: string;
	let against: Baseline;
	if (promisedDate) {
		baseline = calendarDate(promisedDate, 'context.promisedDate');
		against = 'promise';
	} else if (event.promisedDelivery) {
		baseline = calendarDate(event.promisedDelivery, 'promisedDelivery');
		against = 'promise';
	} else if (event.previousEstimatedDelivery) {
		baseline = calendarDate(event.previousEstimatedDelivery, 'previousEstimatedDelivery');
		against = 'previous_estimate';
	} else {
		return { kind: 'none' };
	}

	const days = daysBetween(baseline, revisedEta);
	const kind = days > 0 ? 'later' : days < 0 ? 'earlier' : 'unchanged';
	return { kind, revisedEta, days, against, baseline };
}

/** True when an estimate-only event (AfterShip edd_revise) repeats the previous estimate. */
export function isUnchangedRevision(event: ShipmentEvent, change: EstimateChange): boolean {
	if (!event.estimateRevision) return false;
	if (change.kind === 'none') return true;
	if (event.previousEstimatedDelivery) {
		return calendarDate(event.previousEstimatedDelivery, 'previousEstimatedDelivery') === change.revisedEta;
	}
	return change.kind === 'unchanged';
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

/** "The carrier now expects to deliver on Thursday 14 March, 2 days later than promised." */
export function lateReason(revisedEta: string, days: number, against: Baseline, reasonCode?: ReasonCode): string {
	const cause = reasonCode ? CAUSES[reasonCode] : undefined;
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
