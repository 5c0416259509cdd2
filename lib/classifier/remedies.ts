import type { Assessment, ClassifyContext, Remedy, RemedyPolicy } from '../model/assessment';
import { calendarDate, daysBetween } from './dates';
import { dayCount } from './words';

export type { DelayRemedy, LossRemedy, RemedyPolicy } from '../model/assessment';

/** 10% refund from 3 days late; an expedited replacement for a lost or damaged order. */
export const DEFAULT_REMEDY_POLICY: RemedyPolicy = {
	delayDays: 3,
	delay: { kind: 'refund_percent', value: 10 },
	lostOrDamaged: { kind: 'expedited_replacement' },
};

/**
 * The remedy the merchant's policy offers (README "Remedies"):
 *
 * - lost or damaged (as the rules decided, not a word in the carrier's text): `lostOrDamaged`;
 * - delayed at least `delayDays` calendar days: `delay`; a VIP (lifetime value at least
 *   `vipLifetimeValue`) from `vipDelayDays` (default 1);
 * - anything else: none (undefined).
 *
 * Only news earns a remedy (a repeat or a silent event does not), and only once: lost or damaged
 * already told, or a delay that was already past the threshold when last told, gives kind 'none'
 * saying so. An order below `minOrderValue` gives 'none' too, except for a VIP. 'none' is for the
 * agent: the case qualifies, the policy holds it back.
 */
export function remedyFor(assessment: Assessment, context: ClassifyContext): Remedy | undefined {
	if (!assessment.notify && !assessment.escalate) return undefined;
	const policy = context.remedyPolicy ?? DEFAULT_REMEDY_POLICY;
	const vip = isVip(policy, context.customerLifetimeValue);
	const earned = earnedRemedy(assessment, context, policy, vip);
	if (!earned || earned.kind === 'none') return earned;
	const { minOrderValue } = policy;
	if (!vip && minOrderValue !== undefined && context.orderValue !== undefined && context.orderValue < minOrderValue) {
		return { kind: 'none', because: `order value below the policy minimum of ${minOrderValue}` };
	}
	return earned;
}

function isVip(policy: RemedyPolicy, lifetimeValue: number | undefined): boolean {
	return policy.vipLifetimeValue !== undefined && lifetimeValue !== undefined && lifetimeValue >= policy.vipLifetimeValue;
}

function earnedRemedy(assessment: Assessment, context: ClassifyContext, policy: RemedyPolicy, vip: boolean): Remedy | undefined {
	const { trigger } = assessment;
	if (trigger === 'lost' || trigger === 'damaged') {
		if (!policy.lostOrDamaged) return undefined;
		if (context.lastTrigger === trigger) return { kind: 'none', because: `already offered when the order was first reported ${trigger}` };
		return { ...policy.lostOrDamaged, because: `the carrier reports the order ${trigger}` };
	}
	if (trigger !== 'delayed' || assessment.daysLate === undefined || !policy.delay) return undefined;
	const from = vip ? (policy.vipDelayDays ?? 1) : policy.delayDays;
	if (assessment.daysLate < from) return undefined;
	const before = lateWhenLastTold(assessment, context);
	if (before !== undefined && before >= from) {
		return { kind: 'none', because: `already offered when the order was ${dayCount(before)} late` };
	}
	const who = vip ? 'for a VIP customer ' : '';
	return { ...policy.delay, because: `${dayCount(assessment.daysLate)} late; the policy offers it ${who}from ${dayCount(from)}` };
}

/** Days late the delay told last time was, against the same promise; unknown without one. */
function lateWhenLastTold(assessment: Assessment, context: ClassifyContext): number | undefined {
	if (context.lastTrigger !== 'delayed' || !context.lastRevisedEta || !assessment.promisedDate) return undefined;
	return daysBetween(assessment.promisedDate, calendarDate(context.lastRevisedEta, 'context.lastRevisedEta'));
}
