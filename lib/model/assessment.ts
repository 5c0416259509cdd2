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
	/** Late counted in business days of the destination (weekends, public holidays, carrier days off). */
	businessDaysLate?: number;
	/** Where revisedEta came from: the carrier's own estimate, or the package's from transit-time standards. */
	etaSource?: 'carrier' | 'estimated';
	/** Still moving, but can no longer make the promise (not yet reported late by the carrier). */
	atRisk?: boolean;
	/** For the support agent: what is known, with carrier, codes and dates; never shown to customers. */
	agentReason?: string;
	/** The carrier's own words, unchanged. */
	carrierText?: string;
	/** The date by which the customer must act (collect the parcel, pay duties), YYYY-MM-DD. */
	actionBy?: string;
	/** What the merchant should do about it. */
	merchantActions?: MerchantAction[];
	/** The remedy the merchant's policy offers for this case, if any. */
	remedy?: Remedy;
	/** 0-100: how urgently a person should look at it (README "Escalation priority"). */
	priority?: number;
}

export const MERCHANT_ACTIONS = ['notify', 'escalate', 'offer_remedy'] as const;
export type MerchantAction = (typeof MERCHANT_ACTIONS)[number];

export interface Remedy {
	kind: 'refund_percent' | 'coupon' | 'expedited_replacement' | 'reship' | 'none';
	/** Percent for refund_percent, amount or code for coupon. */
	value?: number | string;
	/** Why this remedy applies, for the agent. */
	because: string;
}

/** What a merchant offers for a late order; value is the percent, or the coupon's amount or code. */
export interface DelayRemedy {
	kind: 'refund_percent' | 'coupon';
	value: number | string;
}

/** What a merchant offers for a lost or damaged order; a refund says its percent. */
export type LossRemedy = { kind: 'expedited_replacement' | 'reship' } | { kind: 'refund_percent'; value: number };

/** The merchant's remedy policy (README "Remedies"); lib/classifier/remedies.ts has the default. */
export interface RemedyPolicy {
	/** Calendar days late from which a delay earns `delay`. */
	delayDays: number;
	/** null: delays earn nothing. */
	delay: DelayRemedy | null;
	/** null: lost or damaged orders earn nothing automatically. */
	lostOrDamaged: LossRemedy | null;
	/** Orders below this value earn nothing (when the order value is known). */
	minOrderValue?: number;
	/** Customers with at least this lifetime value earn the delay remedy from `vipDelayDays`, whatever the order value. */
	vipLifetimeValue?: number;
	/** Days late from which a VIP earns the delay remedy (default 1). */
	vipDelayDays?: number;
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
	/** Destination country (ISO alpha-2 or alpha-3) and region, for its public holidays. */
	destinationCountry?: string;
	destinationRegion?: string;
	/** IANA zone of the destination, for calendar dates (default: the offset the dates carry). */
	destinationTimeZone?: string;
	/** When the carrier first had the parcel (ISO), for the package's own estimate. */
	shippedAt?: string;
	/** Order value and the customer's lifetime value (same currency), for priority and remedies. */
	orderValue?: number;
	customerLifetimeValue?: number;
	/** The merchant's remedy policy (default DEFAULT_REMEDY_POLICY). */
	remedyPolicy?: RemedyPolicy;
	/** The carrier's own last day to collect a parcel (YYYY-MM-DD or ISO), when the caller knows it. */
	pickupDeadline?: string;
	/** Escalate news whose priority is at least this too (default: only what the rules escalate). */
	escalateAtPriority?: number;
}
