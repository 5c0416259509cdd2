import type { CustomerAction, ReasonCode } from '../model/assessment';
import type { ShipmentStatus, StatusDetail } from '../model/event';
import type { JourneyTrigger, Severity } from '../model/triggers';

/** What one (status, detail) means for the customer, before context (dates, history) is applied. */
export interface Rule {
	trigger: JourneyTrigger | null;
	severity: Severity;
	/** The merchant should look at it. */
	escalate: boolean;
	customerAction: CustomerAction;
	reasonCode?: ReasonCode;
	/** Plain language, safe to show a customer. */
	reason: string;
	/** Why nothing is worth telling; set exactly when trigger is null. */
	suppressedBecause?: string;
}

/**
 * Severity and escalation, kept deliberately simple:
 *
 * | severity | triggers                                                                   |
 * |----------|----------------------------------------------------------------------------|
 * | info     | shipped, in_transit, out_for_delivery, delivered(_to_third_party),         |
 * |          | available_for_pickup, eta_earlier; silent statuses (label created, ...)    |
 * | warning  | delayed, attempt_failed, address_issue, customs_hold, stalled, exception,  |
 * |          | returning_to_sender                                                        |
 * | critical | lost, damaged, refused, returned_to_sender                                 |
 *
 * Escalated to the merchant: every critical trigger, returning_to_sender, stalled (tracking ended
 * without delivery), cancelled labels, and delays of 3 days or more (decided in classify.ts).
 */
export const STATUS_RULES: Record<ShipmentStatus, Rule> = {
	pending: {
		trigger: null,
		severity: 'info',
		escalate: false,
		customerAction: 'none',
		reason: 'The carrier has not reported on your order yet.',
		suppressedBecause: 'no carrier scan yet',
	},
	info_received: {
		trigger: null,
		severity: 'info',
		escalate: false,
		customerAction: 'none',
		reason: 'The shipping label has been created; the carrier has not collected the parcel yet.',
		suppressedBecause: 'label created, the carrier does not have the parcel yet',
	},
	// Becomes 'shipped' on the first carrier scan (see classify.ts).
	in_transit: {
		trigger: 'in_transit',
		severity: 'info',
		escalate: false,
		customerAction: 'none',
		reason: 'Your order is on its way.',
	},
	out_for_delivery: {
		trigger: 'out_for_delivery',
		severity: 'info',
		escalate: false,
		customerAction: 'none',
		reason: 'Your order is out for delivery and should arrive today.',
	},
	available_for_pickup: {
		trigger: 'available_for_pickup',
		severity: 'info',
		escalate: false,
		customerAction: 'pick_up',
		reason: 'Your order is waiting for you to pick up.',
	},
	attempt_failed: {
		trigger: 'attempt_failed',
		severity: 'warning',
		escalate: false,
		customerAction: 'reschedule',
		reason: 'The carrier tried to deliver your order but could not.',
	},
	delivered: {
		trigger: 'delivered',
		severity: 'info',
		escalate: false,
		customerAction: 'none',
		reason: 'Your order has been delivered.',
	},
	exception: {
		trigger: 'exception',
		severity: 'warning',
		escalate: false,
		customerAction: 'none',
		reasonCode: 'unknown',
		reason: 'The carrier has reported a problem with your shipment. We are looking into it.',
	},
	returning: {
		trigger: 'returning_to_sender',
		severity: 'warning',
		escalate: true,
		customerAction: 'none',
		reason: 'Your order is on its way back to us. We will be in touch about what happens next.',
	},
	returned: {
		trigger: 'returned_to_sender',
		severity: 'critical',
		escalate: true,
		customerAction: 'none',
		reason: 'Your order has been returned to us. We will be in touch about what happens next.',
	},
	expired: {
		trigger: 'stalled',
		severity: 'warning',
		escalate: true,
		customerAction: 'none',
		reasonCode: 'unknown',
		reason: 'The carrier has stopped updating the tracking of your order. We are looking into it.',
	},
	cancelled: {
		trigger: 'exception',
		severity: 'warning',
		escalate: true,
		customerAction: 'none',
		reasonCode: 'processing',
		reason: 'The shipping label for your order was cancelled. We are looking into it.',
	},
	unknown: {
		trigger: null,
		severity: 'info',
		escalate: false,
		customerAction: 'none',
		reason: 'The carrier sent an update we could not interpret.',
		suppressedBecause: 'status not recognised',
	},
};

/** A detail's own meaning and the statuses it refines; elsewhere the status decides. */
export interface DetailRule {
	rule: Rule;
	appliesTo: readonly ShipmentStatus[];
}

const ADDRESS_ISSUE: Rule = {
	trigger: 'address_issue',
	severity: 'warning',
	escalate: false,
	customerAction: 'correct_address',
	reasonCode: 'address',
	reason: 'The carrier cannot deliver your order to the address given. Please check and correct it.',
};

const CUSTOMS: Rule = {
	trigger: 'customs_hold',
	severity: 'warning',
	escalate: false,
	customerAction: 'pay_duties_or_send_documents',
	reasonCode: 'customs',
	reason: 'Your order is held at customs. Duties or documents may be needed before it can continue.',
};

const RECIPIENT_UNAVAILABLE: Rule = {
	trigger: 'attempt_failed',
	severity: 'warning',
	escalate: false,
	customerAction: 'reschedule',
	reasonCode: 'recipient_unavailable',
	reason: 'The carrier tried to deliver your order but nobody was available to receive it.',
};

/** The first carrier scan: the parcel has left. classify.ts also uses it for a first in_transit scan. */
export const FIRST_SCAN: Rule = {
	trigger: 'shipped',
	severity: 'info',
	escalate: false,
	customerAction: 'none',
	reason: 'Your order has been handed to the carrier and is on its way.',
};

/** Delay details: the carrier says why; classify.ts adds the dates when it knows them. */
function delayRule(reasonCode: ReasonCode, reason: string): Rule {
	return { trigger: 'delayed', severity: 'warning', escalate: false, customerAction: 'none', reasonCode, reason };
}

/** Statuses where the carrier has the parcel and has not finished with it. */
const MOVING: readonly ShipmentStatus[] = ['in_transit', 'exception', 'unknown'];

export const DETAIL_RULES: Record<StatusDetail, DetailRule | null> = {
	picked_up: { appliesTo: ['in_transit', 'unknown'], rule: FIRST_SCAN },
	departed: null,
	arrived_at_facility: null,
	delivered_signed: null,
	address_issue: { appliesTo: [...MOVING, 'attempt_failed'], rule: ADDRESS_ISSUE },
	customs_hold: { appliesTo: MOVING, rule: CUSTOMS },
	duties_due: { appliesTo: [...MOVING, 'attempt_failed', 'available_for_pickup'], rule: CUSTOMS },
	damaged: {
		appliesTo: [...MOVING, 'attempt_failed', 'delivered', 'returning'],
		rule: {
			trigger: 'damaged',
			severity: 'critical',
			escalate: true,
			customerAction: 'none',
			reasonCode: 'damaged',
			reason: 'The carrier reports that your order was damaged. We will be in touch to put it right.',
		},
	},
	lost: {
		appliesTo: [...MOVING, 'expired'],
		rule: {
			trigger: 'lost',
			severity: 'critical',
			escalate: true,
			customerAction: 'none',
			reasonCode: 'lost',
			reason: 'The carrier reports that your order has been lost. We will be in touch to put it right.',
		},
	},
	refused: {
		appliesTo: [...MOVING, 'attempt_failed', 'returning'],
		rule: {
			trigger: 'refused',
			severity: 'critical',
			escalate: true,
			customerAction: 'none',
			reason: 'The delivery of your order was refused, so it will come back to us.',
		},
	},
	recipient_unavailable: { appliesTo: ['attempt_failed', 'exception', 'unknown'], rule: RECIPIENT_UNAVAILABLE },
	business_closed: {
		appliesTo: ['attempt_failed', 'exception', 'unknown'],
		rule: {
			...RECIPIENT_UNAVAILABLE,
			reason: 'The carrier tried to deliver your order but the business was closed.',
		},
	},
	weather: { appliesTo: MOVING, rule: delayRule('weather', 'Severe weather is delaying your delivery.') },
	carrier_delay: {
		appliesTo: MOVING,
		rule: delayRule('carrier_capacity', 'A delay at the carrier is holding up your delivery.'),
	},
	// Delayed with no stated cause: the carrier's words may still name one; none is invented.
	delay: { appliesTo: MOVING, rule: delayRule('unknown', 'The carrier reports a delay.') },
	// A new date with no stated cause: no cause is invented.
	rescheduled: { appliesTo: MOVING, rule: delayRule('unknown', 'The carrier has set a new delivery date.') },
	held_at_carrier: {
		appliesTo: ['exception', 'unknown'],
		rule: {
			trigger: 'exception',
			severity: 'warning',
			escalate: false,
			customerAction: 'contact_carrier',
			reasonCode: 'unknown',
			reason: 'The carrier is holding your order at one of its facilities.',
		},
	},
	delivered_to_third_party: {
		appliesTo: ['delivered'],
		rule: {
			trigger: 'delivered_to_third_party',
			severity: 'info',
			escalate: false,
			customerAction: 'none',
			reason: 'Your order has been delivered and left with someone else or in a safe place.',
		},
	},
	pickup_point: {
		appliesTo: ['attempt_failed', 'exception', 'unknown'],
		rule: { ...STATUS_RULES.available_for_pickup, reason: 'Your order is waiting for you at a pickup point.' },
	},
	return_to_sender: {
		appliesTo: [...MOVING, 'attempt_failed', 'returning'],
		rule: STATUS_RULES.returning,
	},
	no_information: {
		appliesTo: ['pending', 'info_received', 'unknown'],
		rule: {
			trigger: null,
			severity: 'info',
			escalate: false,
			customerAction: 'none',
			reason: 'The carrier has no information about your order yet.',
			suppressedBecause: 'carrier has no information for this tracking number yet',
		},
	},
	cancelled: {
		appliesTo: ['pending', 'info_received', 'exception', 'unknown', 'cancelled'],
		rule: STATUS_RULES.cancelled,
	},
	unknown_exception: { appliesTo: ['exception', 'unknown'], rule: STATUS_RULES.exception },
};

/** The rule for a (status, detail): the detail's own meaning where it refines the status. */
export function ruleFor(status: ShipmentStatus, detail?: StatusDetail): Rule {
	const detailRule = detail ? DETAIL_RULES[detail] : null;
	if (detailRule && detailRule.appliesTo.includes(status)) return detailRule.rule;
	return STATUS_RULES[status];
}
