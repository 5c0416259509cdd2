import type { Assessment, ClassifyContext } from '../model/assessment';
import type { Severity } from '../model/triggers';

/**
 * Escalation priority, 0-100: how urgently a person should look at it (README "Escalation priority").
 *
 *   priority = round(base + late + order + customer)
 *   base     = info 10, warning 35, critical 60
 *   late     = min(20, 4 × daysLate)                           5 days late or more → 20
 *   order    = min(10, 10 × log10(1 + orderValue / 100))        100 → 3, 900 or more → 10
 *   customer = min(10, 10 × log10(1 + lifetimeValue / 1000))   1,000 → 3, 9,000 or more → 10
 *
 * The parts add up to 100 at most. A missing, negative or non-finite input adds 0, so the score
 * never guesses; each part grows with its input and never falls. The logarithms let the first
 * hundreds count and keep a very large order from outranking a lost parcel.
 *
 * 0 when nothing needs a person: not escalated, and either info (good news) or no news at all (a
 * repeat, a silent scan). Escalated cases are always above 0, whatever their severity.
 */
const BASE: Record<Severity, number> = { info: 10, warning: 35, critical: 60 };

type Scored = Pick<Assessment, 'severity' | 'escalate' | 'notify' | 'daysLate'>;
type Values = Pick<ClassifyContext, 'orderValue' | 'customerLifetimeValue'>;

export function priorityOf(assessment: Scored, values: Values): number {
	const needsPerson = assessment.escalate || (assessment.notify && assessment.severity !== 'info');
	if (!needsPerson) return 0;
	const late = Math.min(20, 4 * positive(assessment.daysLate));
	const order = Math.min(10, 10 * Math.log10(1 + positive(values.orderValue) / 100));
	const customer = Math.min(10, 10 * Math.log10(1 + positive(values.customerLifetimeValue) / 1000));
	return Math.round(BASE[assessment.severity] + late + order + customer);
}

/** The input where it is a usable positive number, else 0: missing inputs contribute nothing. */
function positive(value: number | undefined): number {
	return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}
