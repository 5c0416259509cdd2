import type { ShipmentStatus, StatusDetail } from '../model/event';

export interface MappedStatus {
	status: ShipmentStatus;
	detail?: StatusDetail;
}

/** Each AfterShip tag's meaning when the subtag is missing or one this table does not know. */
export const AFTERSHIP_TAGS: Record<string, MappedStatus> = {
	Pending: { status: 'pending', detail: 'no_information' },
	InfoReceived: { status: 'info_received' },
	InTransit: { status: 'in_transit' },
	OutForDelivery: { status: 'out_for_delivery' },
	AttemptFail: { status: 'attempt_failed' },
	Delivered: { status: 'delivered' },
	AvailableForPickup: { status: 'available_for_pickup', detail: 'pickup_point' },
	Exception: { status: 'exception', detail: 'unknown_exception' },
	Expired: { status: 'expired' },
};

/**
 * AfterShip's delivery sub-statuses (Tracking API enum "Delivery Sub-statuses", plus the codes its
 * help centre announced for 2026), by the documented meaning of each code.
 */
export const AFTERSHIP_SUBTAGS: Record<string, MappedStatus> = {
	// Pending: no carrier information yet, whatever the reason the carrier gives.
	Pending_001: { status: 'pending', detail: 'no_information' },
	Pending_002: { status: 'pending', detail: 'no_information' },
	Pending_003: { status: 'pending', detail: 'no_information' },
	Pending_004: { status: 'pending', detail: 'no_information' },
	Pending_005: { status: 'pending', detail: 'no_information' },
	Pending_006: { status: 'pending', detail: 'no_information' },
	InfoReceived_001: { status: 'info_received' }, // carrier has the request, about to pick up
	InTransit_001: { status: 'in_transit' }, // shipment on the way
	InTransit_002: { status: 'in_transit', detail: 'picked_up' }, // acceptance scan
	InTransit_003: { status: 'in_transit', detail: 'arrived_at_facility' }, // arrival scan at a hub
	InTransit_004: { status: 'in_transit', detail: 'arrived_at_facility' }, // arrived in destination country
	InTransit_005: { status: 'in_transit' }, // customs clearance completed
	InTransit_006: { status: 'in_transit' }, // handed to customs for clearance (routine, not a hold)
	InTransit_007: { status: 'in_transit', detail: 'departed' }, // departure scan
	InTransit_008: { status: 'in_transit' }, // problem resolved
	InTransit_009: { status: 'in_transit' }, // forwarded to a different delivery address
	OutForDelivery_001: { status: 'out_for_delivery' },
	// Older API versions used this code for "arrived at sorting center, available for pickup".
	OutForDelivery_002: { status: 'available_for_pickup', detail: 'pickup_point' },
	OutForDelivery_003: { status: 'out_for_delivery' }, // customer contacted before delivery
	OutForDelivery_004: { status: 'out_for_delivery', detail: 'rescheduled' }, // appointment scheduled
	AttemptFail_001: { status: 'attempt_failed' }, // failed, notice left, will retry
	AttemptFail_002: { status: 'attempt_failed', detail: 'recipient_unavailable' },
	AttemptFail_003: { status: 'attempt_failed', detail: 'business_closed' },
	Delivered_001: { status: 'delivered' },
	Delivered_002: { status: 'delivered', detail: 'pickup_point' }, // picked up by the customer
	Delivered_003: { status: 'delivered', detail: 'delivered_signed' }, // signed by the customer
	Delivered_004: { status: 'delivered' }, // delivered, cash on delivery collected
	Delivered_005: { status: 'delivered', detail: 'delivered_to_third_party' }, // to a neighbour
	AvailableForPickup_001: { status: 'available_for_pickup', detail: 'pickup_point' },
	Exception_001: { status: 'exception', detail: 'unknown_exception' },
	Exception_002: { status: 'exception', detail: 'address_issue' }, // customer moved
	Exception_003: { status: 'exception', detail: 'refused' },
	Exception_004: { status: 'exception', detail: 'customs_hold' }, // delayed in customs clearance
	Exception_005: { status: 'exception', detail: 'delay' }, // delayed, external factors (cause not given)
	Exception_006: { status: 'exception', detail: 'duties_due' }, // held for payment
	Exception_007: { status: 'exception', detail: 'address_issue' }, // incorrect address
	Exception_008: { status: 'exception', detail: 'pickup_point' }, // not collected from pickup point
	Exception_009: { status: 'exception', detail: 'unknown_exception' }, // rejected by carrier
	Exception_010: { status: 'returning', detail: 'return_to_sender' },
	Exception_011: { status: 'returned', detail: 'return_to_sender' },
	Exception_012: { status: 'exception', detail: 'damaged' },
	Exception_013: { status: 'exception', detail: 'lost' },
	Exception_016: { status: 'exception', detail: 'carrier_delay' }, // processing issue, misroute
	Exception_017: { status: 'exception', detail: 'weather' },
	Exception_018: { status: 'exception', detail: 'customs_hold' }, // incorrect or missing documents
	Exception_019: { status: 'exception', detail: 'carrier_delay' }, // late flight
	Exception_020: { status: 'cancelled', detail: 'cancelled' },
	Exception_021: { status: 'exception', detail: 'lost' }, // disposed of: it will not arrive
	Expired_001: { status: 'expired' },
};

/** The subtag's meaning, else the tag's, else unknown (a code newer than this table). */
export function mapAftershipStatus(tag: string, subtag: string | undefined): MappedStatus {
	return (subtag && AFTERSHIP_SUBTAGS[subtag]) || AFTERSHIP_TAGS[tag] || { status: 'unknown' };
}
