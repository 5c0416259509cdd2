import type { Assessment, ClassifyContext } from '../model/assessment';
import type { ShipmentEvent, ShipmentStatus } from '../model/event';
import type { JourneyTrigger } from '../model/triggers';
import { calendarDate, instant } from './dates';
import { enrich } from './enrich';
import {
	compareEstimate,
	deliveryCalendar,
	earlyReason,
	isUnchangedRevision,
	lateness,
	lateReason,
	onPromiseReason,
	type DeliveryCalendar,
	type EstimateChange,
} from './estimates';
import { FIRST_SCAN, STATUS_RULES, ruleFor, type Rule } from './rules';
import { packageOutlook, withOutlook } from './transit';

/** Statuses whose estimate means nothing any more: the parcel arrived, is going back, or tracking ended. */
const NO_ESTIMATE: ReadonlySet<ShipmentStatus> = new Set(['delivered', 'returning', 'returned', 'expired', 'cancelled']);

/** Triggers a later estimate replaces with 'delayed': nothing, or routine movement. */
const REPLACED_BY_DELAY: ReadonlySet<JourneyTrigger | null> = new Set([null, 'shipped', 'in_transit']);

/** Triggers an earlier estimate replaces; 'shipped' stays, as the better news of the two. */
const REPLACED_BY_EARLIER: ReadonlySet<JourneyTrigger | null> = new Set([null, 'in_transit']);

/** Triggers told before the parcel leaves: after them, the first carrier scan is 'shipped'. */
const BEFORE_SHIPPING: ReadonlySet<JourneyTrigger> = new Set(['order_confirmed', 'payment_issue', 'preparation_delayed']);

/** The triggers an estimate alone can give. */
const ESTIMATE_TRIGGERS: ReadonlySet<JourneyTrigger | null> = new Set(['delayed', 'eta_earlier']);

/** A delay this long (business days of the destination) needs the merchant, not just an apology. */
const LONG_DELAY_BUSINESS_DAYS = 3;

/**
 * What one event means for the customer. Reads only the neutral status, detail and dates, never
 * a provider's own codes, so a new carrier never changes this. Throws (naming the field, never its
 * value) only for a date that does not parse.
 */
export function classify(event: ShipmentEvent, context: ClassifyContext = {}): Assessment {
	return enrich(decide(event, context), event, context);
}

/** The rules' decision: trigger, notify, escalate, severity; enrich() adds cause, words, actions, priority. */
/**
 * Where a delivery without a detail was left, from the carrier's words: a locker, a neighbour, a
 * safe place (porch, front door, mailbox) is "left for you", not "handed to you".
 */
const LEFT_SOMEWHERE = /\b(parcel ?locker|locker|neighbou?r|concierge|reception|front door|porch|mail ?box|safe ?place|letterbox)\b/i;

function detailOf(event: ShipmentEvent): ShipmentEvent['detail'] {
	if (event.detail || event.status !== 'delivered' || !event.carrierMessage) return event.detail;
	return LEFT_SOMEWHERE.test(event.carrierMessage) ? 'delivered_to_third_party' : undefined;
}

function decide(event: ShipmentEvent, context: ClassifyContext): Assessment {
	const rule = ruleFor(event.status, detailOf(event));
	if (isOlderThanLastKnown(event, context)) return silent(rule, 'older than the last known event');

	const where = deliveryCalendar(event, context);
	const change: EstimateChange = NO_ESTIMATE.has(event.status)
		? { kind: 'none' }
		: compareEstimate(event, context.promisedDate, where.zone);
	// A revision back onto the promise after a delay was told is news (eta_earlier), not "unchanged".
	const backOnPromise = delayTold(context) && change.kind !== 'none' && change.revisedEta !== context.lastRevisedEta;
	if (!backOnPromise && isUnchangedRevision(event, change, where.zone)) return silent(rule, 'estimate unchanged');

	const fromStatus = fromRule(withFirstScan(rule, context.lastTrigger));
	const estimateOnly = event.estimateRevision === true;
	const dated = withEstimate(fromStatus, change, { estimateOnly, delayTold: delayTold(context), where });
	const assessment = withOutlook(dated, packageOutlook(event, context, where));
	// An estimate-only event carries no new scan: its estimate is the only news in it.
	if (estimateOnly && !ESTIMATE_TRIGGERS.has(assessment.trigger)) return silent(rule, 'estimate unchanged');
	// The same scan seen again (a replay, a re-sent state) is no news unless its estimate is.
	if (isSameScan(event, context) && !ESTIMATE_TRIGGERS.has(assessment.trigger)) {
		return { ...assessment, notify: false, escalate: false, suppressedBecause: 'repeated status' };
	}
	return withHistory(assessment, context);
}

/** Nothing to tell; the reason still says what the event was about. */
function silent(rule: Rule, suppressedBecause: string): Assessment {
	return {
		trigger: null,
		notify: false,
		escalate: false,
		severity: 'info',
		reason: rule.reason,
		customerAction: 'none',
		suppressedBecause,
	};
}

function isOlderThanLastKnown(event: ShipmentEvent, context: ClassifyContext): boolean {
	if (!context.lastOccurredAt) return false;
	return instant(event.occurredAt, 'occurredAt') < instant(context.lastOccurredAt, 'context.lastOccurredAt');
}

function isSameScan(event: ShipmentEvent, context: ClassifyContext): boolean {
	if (!context.lastOccurredAt || context.lastStatus !== event.status) return false;
	return instant(event.occurredAt, 'occurredAt') === instant(context.lastOccurredAt, 'context.lastOccurredAt');
}

/** The first carrier scan is 'shipped'; once told, later scans are routine transit. */
function withFirstScan(rule: Rule, lastTrigger: JourneyTrigger | null | undefined): Rule {
	if (rule.trigger !== 'shipped' && rule.trigger !== 'in_transit') return rule;
	const alreadyShipped = lastTrigger != null && !BEFORE_SHIPPING.has(lastTrigger);
	return alreadyShipped ? STATUS_RULES.in_transit : FIRST_SCAN;
}

function fromRule(rule: Rule): Assessment {
	return {
		trigger: rule.trigger,
		notify: false,
		escalate: rule.escalate,
		severity: rule.severity,
		reason: rule.reason,
		...(rule.reasonCode && { reasonCode: rule.reasonCode }),
		customerAction: rule.customerAction,
		...(rule.suppressedBecause && { suppressedBecause: rule.suppressedBecause }),
	};
}

/** The customer was told a dated delay, so an estimate back on the promise is news. */
function delayTold(context: ClassifyContext): boolean {
	return context.lastTrigger === 'delayed' && Boolean(context.lastRevisedEta);
}

interface EstimateOptions {
	estimateOnly: boolean;
	delayTold: boolean;
	where: DeliveryCalendar;
}

function withEstimate(assessment: Assessment, change: EstimateChange, options: EstimateOptions): Assessment {
	if (change.kind === 'none') return assessment;
	const promisedDate = change.against === 'promise' ? { promisedDate: change.baseline } : {};
	const mayTellEarlier = options.estimateOnly || REPLACED_BY_EARLIER.has(assessment.trigger);

	if (change.kind === 'unchanged') {
		const backOnPromise = options.delayTold && change.against === 'promise' && mayTellEarlier;
		return backOnPromise ? earlier(onPromiseReason(change.revisedEta), change.revisedEta, promisedDate) : assessment;
	}

	if (change.kind === 'later') {
		const { businessDaysLate, closedDay } = lateness(change.baseline, change.revisedEta, options.where.calendar);
		const dates = { revisedEta: change.revisedEta, etaSource: 'carrier' as const, daysLate: change.days, businessDaysLate, ...promisedDate };
		const detailSaysDelayed = assessment.trigger === 'delayed';
		if (!detailSaysDelayed && !options.estimateOnly && !REPLACED_BY_DELAY.has(assessment.trigger)) {
			// A stronger status keeps its trigger; templates still get the dates.
			return { ...assessment, ...dates };
		}
		const carrierCode = detailSaysDelayed ? (assessment.reasonCode ?? 'unknown') : 'unknown';
		// A public holiday that alone explains the gap is the cause, unless the carrier named one.
		const reasonCode = carrierCode === 'unknown' && closedDay?.holiday ? 'holiday' : carrierCode;
		return {
			trigger: 'delayed',
			notify: false,
			escalate: businessDaysLate >= LONG_DELAY_BUSINESS_DAYS,
			severity: 'warning',
			reason: lateReason(change.revisedEta, change.days, change.against, carrierCode, closedDay),
			reasonCode,
			customerAction: 'none',
			...dates,
		};
	}

	if (!mayTellEarlier) return assessment;
	return earlier(earlyReason(change.revisedEta, -change.days, change.against), change.revisedEta, promisedDate);
}

function earlier(reason: string, revisedEta: string, promisedDate: { promisedDate?: string }): Assessment {
	return {
		trigger: 'eta_earlier',
		notify: false,
		escalate: false,
		severity: 'info',
		reason,
		customerAction: 'none',
		revisedEta,
		etaSource: 'carrier',
		...promisedDate,
	};
}

/** Decides `notify` from what was already told, so repeats and routine scans stay quiet. */
function withHistory(assessment: Assessment, context: ClassifyContext): Assessment {
	if (assessment.trigger === null) return { ...assessment, notify: false };
	// Critical news is never swallowed here; the send log still stops duplicate messages.
	const repeated = assessment.trigger === context.lastTrigger && assessment.severity !== 'critical';
	if (repeated && !delayGrew(assessment, context)) {
		return { ...assessment, notify: false, escalate: false, suppressedBecause: 'repeated status' };
	}
	if (assessment.trigger === 'in_transit' && !context.notifyInTransit) {
		return { ...assessment, notify: false, suppressedBecause: 'routine transit scan' };
	}
	return { ...assessment, notify: true };
}

function delayGrew(assessment: Assessment, context: ClassifyContext): boolean {
	if (assessment.trigger !== 'delayed' || !assessment.revisedEta || !context.lastRevisedEta) return false;
	return assessment.revisedEta > calendarDate(context.lastRevisedEta, 'context.lastRevisedEta');
}
