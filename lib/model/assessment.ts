import type { JourneyTrigger, Severity } from './triggers';

export const REASON_CODES = [
	'weather',
	'customs',
	'carrier_capacity',
	'address',
	'recipient_unavailable',
	'damaged',
	'lost',
	'holiday',
	'processing',
	'unknown',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const CUSTOMER_ACTIONS = [
	'none',
	'correct_address',
	'pick_up',
	'pay_duties_or_send_documents',
	'reschedule',
	'contact_carrier',
] as const;
export type CustomerAction = (typeof CUSTOMER_ACTIONS)[number];

/** What the classifier says about one event: whether and what to tell the customer. */
export interface Assessment {
	/** The journey step to tell the customer about, or null when nothing is worth telling. */
	trigger: JourneyTrigger | null;
	notify: boolean;
	/** True when the merchant should look at it (lost, damaged, returned, long delays...). */
	escalate: boolean;
	severity: Severity;
	/** Plain language, safe to show a customer. */
	reason: string;
	reasonCode?: ReasonCode;
	customerAction: CustomerAction;
	/** For delays: the new expected delivery date (YYYY-MM-DD). */
	revisedEta?: string;
	daysLate?: number;
	/** The promise the delay is measured against (YYYY-MM-DD). */
	promisedDate?: string;
	/** Why no notification, when notify is false (e.g. "routine transit scan"). */
	suppressedBecause?: string;
}

/** What the classifier may know beyond the event. */
export interface ClassifyContext {
	/** The date promised at checkout (YYYY-MM-DD or ISO), overrides the event's own. */
	promisedDate?: string;
	/** The last status seen for this shipment and when, so older events do not move it backwards. */
	lastStatus?: string;
	lastOccurredAt?: string;
	/** The last trigger already sent for this shipment, so a repeated status is no new trigger. */
	lastTrigger?: JourneyTrigger | null;
	/** The revised ETA (YYYY-MM-DD) last told with 'delayed', so a delay that grew is told again. */
	lastRevisedEta?: string;
	/** Notify on routine in-transit scans too (off by default: noise). */
	notifyInTransit?: boolean;
	/** The reference "now", for tests and replay. */
	now?: Date;
}
