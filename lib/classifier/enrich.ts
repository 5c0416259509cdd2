import type { Assessment, ClassifyContext, MerchantAction } from '../model/assessment';
import type { ShipmentEvent } from '../model/event';
import { customerActionFor, pickupDeadline } from './actions';
import { priorityOf } from './priority';
import { causeOf, PROBLEMS } from './reasons';
import { remedyFor } from './remedies';
import { agentReason, customerReason } from './words';

/**
 * Adds to what the rules decided: the cause (reasonCode), the customer's words and what they are
 * asked to do (customerAction, actionBy), the agent's words and the carrier's own (agentReason,
 * carrierText), and what the merchant should do (merchantActions, remedy, priority).
 *
 * trigger, notify and severity stay as the rules decided. escalate stays too, with one opt-in
 * exception: with `context.escalateAtPriority` set, news whose priority reaches it is escalated
 * as well (a merchant's "a 2-day delay on a big order needs a person"); the node routes escalations,
 * so this is the one place that decision can be made. Without it, priority only orders the queue.
 */
export function enrich(assessment: Assessment, event: ShipmentEvent, context: ClassifyContext = {}): Assessment {
	const cause = causeOf(assessment, event);
	const customerAction = customerActionFor(assessment, cause);
	const actionBy = customerAction === 'pick_up' ? pickupDeadline(event, context) : undefined;
	const priority = priorityOf(assessment, context);
	const threshold = context.escalateAtPriority;
	const escalate = assessment.escalate || (threshold !== undefined && priority > 0 && priority >= threshold);
	const remedy = remedyFor(assessment, context);
	// Every problem says its cause, 'unknown' when nobody named one: consistent for filters and reports.
	const problem = assessment.trigger !== null && PROBLEMS.has(assessment.trigger);
	const reasonCode = cause?.code ?? assessment.reasonCode ?? (problem ? 'unknown' : undefined);

	const enriched: Assessment = {
		...assessment,
		escalate,
		reason: customerReason(assessment, cause, actionBy),
		...(reasonCode && { reasonCode }),
		customerAction,
		...(actionBy && { actionBy }),
		...(event.carrierMessage && { carrierText: event.carrierMessage }),
		merchantActions: merchantActions(assessment.notify, escalate, remedy),
		...(remedy && { remedy }),
		priority,
	};
	return { ...enriched, agentReason: agentReason(enriched, event, cause) };
}

function merchantActions(notify: boolean, escalate: boolean, remedy: Assessment['remedy']): MerchantAction[] {
	const actions: MerchantAction[] = [];
	if (notify) actions.push('notify');
	if (escalate) actions.push('escalate');
	if (remedy && remedy.kind !== 'none') actions.push('offer_remedy');
	return actions;
}
