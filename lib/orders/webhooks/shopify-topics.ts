import type { JourneyTrigger } from '../../model/triggers';

/**
 * Shopify's topic → journey trigger table (README "Order events"). Shopify has no "payment failed"
 * order topic: a checkout whose payment fails creates no order at all. A payment fails on an
 * existing order when a later capture or sale is refused (authorisations captured at shipping,
 * deferred payment, payment terms); order_transactions/create reports it with status 'failure' or
 * 'error'. The merchant's own verdict is orders/cancelled with cancel_reason 'declined'. Both become
 * payment_issue, told once per order. orders/updated is never one: 'pending' is normal for manual
 * payment methods, and 'voided' is the merchant releasing an authorisation.
 */
export const SHOPIFY_ORDER_TOPICS = new Map<string, (order: { cancel_reason?: string | null }) => JourneyTrigger | null>([
	['orders/create', () => 'order_confirmed'],
	// Payment confirmed: order_confirmed was told on create, whatever the payment status then.
	['orders/paid', () => null],
	['orders/updated', () => null],
	['orders/fulfilled', () => null],
	['orders/partially_fulfilled', () => null],
	['orders/cancelled', (order) => (order.cancel_reason === 'declined' ? 'payment_issue' : null)],
]);

export const SHOPIFY_FULFILLMENT_TOPICS = new Set(['fulfillments/create', 'fulfillments/update']);
export const SHOPIFY_FULFILLMENT_EVENT_TOPIC = 'fulfillment_events/create';
export const SHOPIFY_TRANSACTION_TOPIC = 'order_transactions/create';

/** Transaction kinds that take money; a refused refund or void is the merchant's problem, not the customer's. */
const CHARGING_KINDS = new Set(['authorization', 'capture', 'sale']);
const FAILED_STATUSES = new Set(['failure', 'error']);

export function isFailedCharge(kind: string, status: string): boolean {
	return CHARGING_KINDS.has(kind) && FAILED_STATUSES.has(status);
}

/**
 * A fulfillment tells 'shipped' once it succeeded, unless Shopify already knows it arrived (a
 * fulfillment recorded after delivery); its later progress comes from fulfillment_events/create.
 */
export function fulfillmentTrigger(status: string, shipmentStatus: string | undefined): JourneyTrigger | null {
	if (status !== 'success') return null; // pending, open, cancelled, error, failure
	return shipmentStatus === 'delivered' || shipmentStatus === 'picked_up' ? null : 'shipped';
}

/**
 * Fulfillment event statuses (REST spelling of FulfillmentEventStatus) onto the journey. Label and
 * confirmation events come before the carrier has the parcel and tell nothing new after 'shipped'.
 */
const FULFILLMENT_EVENT_TRIGGERS = new Map<string, JourneyTrigger | null>([
	['label_purchased', null],
	['label_printed', null],
	['confirmed', null],
	['carrier_picked_up', 'in_transit'],
	['in_transit', 'in_transit'],
	['out_for_delivery', 'out_for_delivery'],
	['attempted_delivery', 'attempt_failed'],
	['ready_for_pickup', 'available_for_pickup'],
	['ready_for_recipient_pickup', 'available_for_pickup'],
	// The customer collected it from the pickup point.
	['picked_up', 'delivered'],
	['delivered', 'delivered'],
	['delayed', 'delayed'],
	['returning_to_sender', 'returning_to_sender'],
	['buyer_action_required', 'exception'],
	['failure', 'exception'],
]);

/** Unknown statuses (Shopify adds some in unstable versions first) tell nothing rather than guess. */
export function fulfillmentEventTrigger(status: string): JourneyTrigger | null {
	return FULFILLMENT_EVENT_TRIGGERS.get(status) ?? null;
}
