/**
 * The journey vocabulary: what a customer can be told. Fixed: later versions may add keys, never
 * rename one, because workflows and templates are keyed by them.
 */
export const JOURNEY_TRIGGERS = [
	'order_confirmed',
	'payment_issue',
	'preparation_delayed',
	'shipped',
	'in_transit',
	'out_for_delivery',
	'delivered',
	'delivered_to_third_party',
	'available_for_pickup',
	'attempt_failed',
	'delayed',
	'eta_earlier',
	'stalled',
	'address_issue',
	'customs_hold',
	'damaged',
	'lost',
	'refused',
	'returning_to_sender',
	'returned_to_sender',
	'exception',
] as const;

export type JourneyTrigger = (typeof JOURNEY_TRIGGERS)[number];

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isJourneyTrigger(value: unknown): value is JourneyTrigger {
	return typeof value === 'string' && (JOURNEY_TRIGGERS as readonly string[]).includes(value);
}
