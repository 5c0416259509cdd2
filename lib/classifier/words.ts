import type { Assessment, CustomerAction, ReasonCode, Remedy } from '../model/assessment';
import { carrierDisplayName } from '../model/carriers';
import type { ShipmentEvent } from '../model/event';
import type { JourneyTrigger } from '../model/triggers';
import { spokenDate } from './dates';
import { causeIsNew, type Cause } from './reasons';

/**
 * Never the carrier's text itself, here or in the agent's words: it can name the person who signed
 * or was not at home. The customer hears the cause as one of these fixed sentences; the agent
 * gets the cause's code and the carrier's words separately, unchanged, in `carrierText`.
 */
export const CAUSE_SENTENCES: Record<ReasonCode, string> = {
	weather: 'The carrier reports severe weather in the area.',
	customs: 'The carrier reports that your order is held for customs clearance.',
	carrier_capacity: 'The carrier reports a delay in its own network.',
	address: 'The carrier reports a problem with the delivery address.',
	recipient_unavailable: 'The carrier reports that nobody was available to receive it.',
	damaged: 'The carrier reports that your order was damaged.',
	lost: 'The carrier reports that your order was lost.',
	holiday: 'The carrier reports that a public holiday is slowing its deliveries.',
	processing: 'The carrier reports that the shipping label was cancelled.',
	unknown: 'The carrier has not said why.',
};

/** Problems where the customer wonders why; the others' reasons already say all there is to say. */
const WHY_MATTERS: ReadonlySet<JourneyTrigger> = new Set([
	'delayed',
	'exception',
	'attempt_failed',
	'returning_to_sender',
	'returned_to_sender',
]);

/**
 * The customer's reason: the rules' words, plus the cause after their first sentence where the
 * rules named none ("The carrier has not said why." when nobody did), plus the day to collect a
 * parcel by. Never the carrier's own text.
 */
export function customerReason(assessment: Assessment, cause: Cause | undefined, actionBy?: string): string {
	let reason = assessment.reason;
	if (assessment.trigger && WHY_MATTERS.has(assessment.trigger) && causeIsNew(assessment)) {
		reason = afterFirstSentence(reason, CAUSE_SENTENCES[cause?.code ?? 'unknown']);
	}
	if (actionBy) reason = `${reason} Please collect it by ${spokenDate(actionBy)}.`;
	return reason;
}

function afterFirstSentence(text: string, sentence: string): string {
	const end = text.search(/\. (?=[A-Z])/);
	if (end < 0) return `${text} ${sentence}`;
	return `${text.slice(0, end + 1)} ${sentence}${text.slice(end + 1)}`;
}

const ASKS: Record<Exclude<CustomerAction, 'none'>, string> = {
	correct_address: 'correct the address',
	pick_up: 'pick up the parcel',
	pay_duties_or_send_documents: 'pay duties or send documents',
	reschedule: 'reschedule delivery',
	contact_carrier: 'contact the carrier',
};

/** A provider's status as a code ('Exception_011', '05', 'weather_delay'); with spaces it is words, and words may name people. */
const CODE = /^[\w.:/-]{1,40}$/;

/**
 * For the support agent: carrier, provider and codes, when, cause and where it came from, dates
 * and lateness, what the customer was told and asked, escalation, priority and remedy. Built
 * from codes, dates and fixed words only: no carrier text, no customer detail.
 */
export function agentReason(assessment: Assessment, event: ShipmentEvent, cause: Cause | undefined): string {
	return [
		scan(event),
		cause && causeWords(cause),
		dates(assessment),
		told(assessment),
		merchant(assessment),
	]
		.filter((part): part is string => Boolean(part))
		.join(' ');
}

function scan(event: ShipmentEvent): string {
	const carrier = carrierDisplayName(event.carrier) ?? 'Carrier unknown';
	const via = event.carrier?.toLowerCase() === event.provider.toLowerCase() ? '' : ` via ${event.provider}`;
	const codes = [event.providerStatus, event.providerSubStatus].filter((code): code is string => Boolean(code && CODE.test(code)));
	const coded = codes.length > 0 ? `, codes ${codes.join(' / ')}` : '';
	const status = event.detail ? `${event.status} (${event.detail})` : event.status;
	return `${carrier}${via}: ${status}${coded}, at ${event.occurredAt}.`;
}

function causeWords(cause: Cause): string {
	if (cause.from === 'not_given') return 'Cause: not given by the carrier.';
	const from = cause.from === 'carrier_words' ? "the carrier's words" : 'the status';
	return `Cause: ${cause.code} (from ${from}).`;
}

/** '1 day', '3 days'. */
export function dayCount(count: number): string {
	return count === 1 ? '1 day' : `${count} days`;
}

function dates(assessment: Assessment): string | undefined {
	const parts: string[] = [];
	if (assessment.promisedDate) parts.push(`Promised ${assessment.promisedDate}.`);
	if (assessment.revisedEta) {
		const source = assessment.etaSource === 'estimated' ? ' (our estimate)' : assessment.etaSource === 'carrier' ? " (carrier's estimate)" : '';
		const business = assessment.businessDaysLate !== undefined ? ` (${assessment.businessDaysLate} business)` : '';
		const late = assessment.daysLate && assessment.daysLate > 0 ? `, ${dayCount(assessment.daysLate)} late${business}` : '';
		parts.push(`Expected ${assessment.revisedEta}${source}${late}.`);
	}
	if (assessment.atRisk) parts.push('At risk of missing the promise.');
	return parts.length > 0 ? parts.join(' ') : undefined;
}

function told(assessment: Assessment): string {
	if (!assessment.notify || !assessment.trigger) return `No customer message: ${assessment.suppressedBecause ?? 'nothing new'}.`;
	if (assessment.customerAction === 'none') return `Customer message: ${assessment.trigger}; asks nothing of them.`;
	const by = assessment.actionBy ? ` by ${assessment.actionBy}` : '';
	return `Customer message: ${assessment.trigger}; asks them to ${ASKS[assessment.customerAction]}${by}.`;
}

function merchant(assessment: Assessment): string | undefined {
	const parts: string[] = [];
	if (assessment.escalate) parts.push(`Escalated, priority ${assessment.priority ?? 0}.`);
	else if (assessment.priority) parts.push(`Priority ${assessment.priority}.`);
	if (assessment.remedy) parts.push(remedyWords(assessment.remedy));
	return parts.length > 0 ? parts.join(' ') : undefined;
}

function remedyWords(remedy: Remedy): string {
	if (remedy.kind === 'none') return `No remedy: ${remedy.because}.`;
	const offer =
		remedy.kind === 'refund_percent'
			? `refund ${remedy.value}%`
			: remedy.kind === 'coupon'
				? `coupon ${remedy.value}`
				: remedy.kind.replace('_', ' ');
	return `Remedy: ${offer} (${remedy.because}).`;
}
