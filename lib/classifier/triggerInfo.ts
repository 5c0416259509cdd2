import type { JourneyTrigger, Severity } from '../model/triggers';

export interface TriggerInfo {
	/** Customer-facing headline, e.g. for an email subject. */
	title: string;
	/** The severity the trigger usually carries (an assessment may differ, see rules.ts). */
	severity: Severity;
	/** When the trigger fires, for the README and node docs. */
	description: string;
}

/** One entry per journey trigger, for templates and documentation. */
export const TRIGGER_INFO: Record<JourneyTrigger, TriggerInfo> = {
	order_confirmed: {
		title: 'Your order is confirmed',
		severity: 'info',
		description: 'Set by the order workflow when the order is placed; never from a carrier event.',
	},
	payment_issue: {
		title: 'There is a problem with your payment',
		severity: 'warning',
		description: 'Set by the order workflow when payment fails; never from a carrier event.',
	},
	preparation_delayed: {
		title: 'Your order is taking longer to prepare',
		severity: 'warning',
		description: 'Set by the order workflow when the order has not shipped in time; never from a carrier event.',
	},
	shipped: {
		title: 'Your order has shipped',
		severity: 'info',
		description:
			'The first carrier scan (picked up, or the first in-transit scan) while nothing past order confirmation has been told.',
	},
	in_transit: {
		title: 'Your order is on its way',
		severity: 'info',
		description: 'A routine in-transit scan after "shipped"; notifies only when in-transit updates are switched on.',
	},
	out_for_delivery: {
		title: 'Your order is out for delivery',
		severity: 'info',
		description: 'The carrier has the parcel on a vehicle for delivery today.',
	},
	delivered: {
		title: 'Your order has been delivered',
		severity: 'info',
		description: 'The carrier reports delivery (signed for, or with no further detail).',
	},
	delivered_to_third_party: {
		title: 'Your order was left with someone else',
		severity: 'info',
		description: 'Delivered to a neighbour, concierge, reception, safe place or locker.',
	},
	available_for_pickup: {
		title: 'Your order is ready to pick up',
		severity: 'info',
		description: 'The parcel waits at a pickup point or carrier counter, including after a failed delivery attempt.',
	},
	attempt_failed: {
		title: 'We missed you',
		severity: 'warning',
		description: 'A delivery attempt failed: nobody available, business closed, or no reason given.',
	},
	delayed: {
		title: 'Your order is delayed',
		severity: 'warning',
		description:
			"The carrier's latest estimate (the window's latest day) is after the promised date, or after its previous estimate when nothing was promised; or the carrier reports weather, a carrier delay or a rescheduled delivery. Told again when the delay grows. Escalated at 3 days or more.",
	},
	eta_earlier: {
		title: 'Your order is arriving sooner',
		severity: 'info',
		description:
			"The carrier's latest estimate is before the promised date (or before its previous estimate when nothing was promised), or back on the promised date after a delay was told.",
	},
	stalled: {
		title: 'Your tracking has stopped updating',
		severity: 'warning',
		description: 'The carrier stopped tracking the parcel without a final status. Escalated.',
	},
	address_issue: {
		title: 'We need to check your address',
		severity: 'warning',
		description: 'The carrier cannot deliver to the address given; the customer is asked to correct it.',
	},
	customs_hold: {
		title: 'Your order is held at customs',
		severity: 'warning',
		description: 'The parcel is held at customs, or duties are due; the customer may need to pay or send documents.',
	},
	damaged: {
		title: 'Your order was damaged',
		severity: 'critical',
		description: 'The carrier reports the parcel damaged, in transit or on delivery. Escalated.',
	},
	lost: {
		title: 'Your order has been lost',
		severity: 'critical',
		description: 'The carrier reports the parcel lost. Escalated.',
	},
	refused: {
		title: 'Your delivery was refused',
		severity: 'critical',
		description: 'The delivery was refused at the door; the parcel goes back to the sender. Escalated.',
	},
	returning_to_sender: {
		title: 'Your order is on its way back to us',
		severity: 'warning',
		description: 'The carrier is returning the parcel to the sender. Escalated.',
	},
	returned_to_sender: {
		title: 'Your order has been returned to us',
		severity: 'critical',
		description: 'The parcel is back with the sender. Escalated.',
	},
	exception: {
		title: 'There is a problem with your delivery',
		severity: 'warning',
		description:
			'Any other carrier exception: an unexplained one, a parcel held at the carrier, or a cancelled label (the last one escalated).',
	},
};
