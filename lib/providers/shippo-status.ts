import type { ShipmentStatus, StatusDetail } from '../model/event';

export interface MappedStatus {
	status: ShipmentStatus;
	detail?: StatusDetail;
}

/** Shippo `tracking_status.status` values (Track object), each meaning without a substatus. */
export const SHIPPO_STATUSES: Record<string, MappedStatus> = {
	UNKNOWN: { status: 'pending', detail: 'no_information' }, // not found at the carrier, or not scanned yet
	PRE_TRANSIT: { status: 'info_received' }, // label created, carrier does not have the parcel
	TRANSIT: { status: 'in_transit' },
	DELIVERED: { status: 'delivered' },
	RETURNED: { status: 'returned', detail: 'return_to_sender' },
	FAILURE: { status: 'exception', detail: 'unknown_exception' },
};

/**
 * Shippo `tracking_status.substatus.code` values (Tracking "Event definitions"). `undefined` means
 * the code adds nothing to its parent status (e.g. `other`).
 */
export const SHIPPO_SUBSTATUSES: Record<string, MappedStatus | undefined> = {
	information_received: { status: 'info_received' },
	address_issue: { status: 'exception', detail: 'address_issue' },
	contact_carrier: { status: 'exception', detail: 'held_at_carrier' }, // carrier asks to be contacted
	delayed: { status: 'in_transit', detail: 'delay' },
	delivery_attempted: { status: 'attempt_failed' },
	delivery_rescheduled: { status: 'in_transit', detail: 'rescheduled' },
	delivery_scheduled: { status: 'in_transit' }, // a date is set: routine, not a change
	location_inaccessible: { status: 'attempt_failed', detail: 'address_issue' },
	notice_left: { status: 'attempt_failed', detail: 'recipient_unavailable' },
	out_for_delivery: { status: 'out_for_delivery' },
	package_accepted: { status: 'in_transit', detail: 'picked_up' },
	package_arrived: { status: 'in_transit', detail: 'arrived_at_facility' },
	package_damaged: { status: 'exception', detail: 'damaged' },
	package_departed: { status: 'in_transit', detail: 'departed' },
	package_forwarded: { status: 'in_transit' }, // forwarded to a new address at the recipient's request
	package_held: { status: 'in_transit', detail: 'held_at_carrier' },
	package_processed: { status: 'in_transit' },
	package_processing: { status: 'in_transit' },
	package_unclaimed: { status: 'exception', detail: 'pickup_point' }, // not collected in time
	package_undeliverable: { status: 'exception', detail: 'unknown_exception' },
	pickup_available: { status: 'available_for_pickup', detail: 'pickup_point' },
	reschedule_delivery: { status: 'attempt_failed', detail: 'rescheduled' }, // recipient must rebook
	return_to_sender: { status: 'returning', detail: 'return_to_sender' },
	delivered: { status: 'delivered' },
	package_lost: { status: 'exception', detail: 'lost' },
	package_disposed: { status: 'exception', detail: 'lost' }, // destroyed: it will not arrive
	other: undefined,
};

/** Outcomes a substatus must not overturn: only its detail is kept. */
const SETTLED = new Set<ShipmentStatus>(['delivered', 'returned']);

/** The substatus's meaning where it has one, else the status's, else unknown (a newer code). */
export function mapShippoStatus(status: string, substatus: string | undefined): MappedStatus {
	const base = SHIPPO_STATUSES[status] ?? { status: 'unknown' };
	const sub = substatus ? SHIPPO_SUBSTATUSES[substatus] : undefined;
	if (!sub) return base;
	if (SETTLED.has(base.status)) return sub.detail ? { status: base.status, detail: sub.detail } : base;
	return sub;
}
