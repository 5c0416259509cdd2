import type { ShipmentStatus, StatusDetail } from '../model/event';

export interface MappedStatus {
	status: ShipmentStatus;
	detail?: StatusDetail;
}

/** 17TRACK `latest_status.status` values (API v2.2), each meaning without a sub-status. */
export const SEVENTEENTRACK_STATUSES: Record<string, MappedStatus> = {
	NotFound: { status: 'pending', detail: 'no_information' },
	InfoReceived: { status: 'info_received' },
	InTransit: { status: 'in_transit' },
	Expired: { status: 'expired' }, // in transit too long without a final scan
	AvailableForPickup: { status: 'available_for_pickup', detail: 'pickup_point' },
	OutForDelivery: { status: 'out_for_delivery' },
	DeliveryFailure: { status: 'attempt_failed' },
	Delivered: { status: 'delivered' },
	Exception: { status: 'exception', detail: 'unknown_exception' },
};

/** 17TRACK `sub_status` values (API v2.2 "Sub-status" list), by the documented meaning of each. */
export const SEVENTEENTRACK_SUB_STATUSES: Record<string, MappedStatus> = {
	NotFound_Other: { status: 'pending', detail: 'no_information' }, // carrier returned nothing yet
	NotFound_InvalidCode: { status: 'unknown', detail: 'no_information' }, // the number is not valid
	InfoReceived: { status: 'info_received' },
	InTransit_PickedUp: { status: 'in_transit', detail: 'picked_up' },
	InTransit_Other: { status: 'in_transit' },
	InTransit_Departure: { status: 'in_transit', detail: 'departed' },
	InTransit_Arrival: { status: 'in_transit', detail: 'arrived_at_facility' },
	InTransit_CustomsProcessing: { status: 'in_transit' }, // routine clearance, not a hold
	InTransit_CustomsReleased: { status: 'in_transit' },
	InTransit_CustomsRequiringInformation: { status: 'exception', detail: 'customs_hold' }, // customs wait for documents
	Expired_Other: { status: 'expired' },
	AvailableForPickup_Other: { status: 'available_for_pickup', detail: 'pickup_point' },
	OutForDelivery_Other: { status: 'out_for_delivery' },
	DeliveryFailure_Other: { status: 'attempt_failed' },
	DeliveryFailure_NoBody: { status: 'attempt_failed', detail: 'recipient_unavailable' },
	DeliveryFailure_Security: { status: 'attempt_failed', detail: 'held_at_carrier' }, // security reasons
	DeliveryFailure_Rejected: { status: 'attempt_failed', detail: 'refused' },
	DeliveryFailure_InvalidAddress: { status: 'attempt_failed', detail: 'address_issue' },
	Delivered_Other: { status: 'delivered' },
	Exception_Other: { status: 'exception', detail: 'unknown_exception' },
	Exception_Returning: { status: 'returning', detail: 'return_to_sender' },
	Exception_Returned: { status: 'returned', detail: 'return_to_sender' },
	Exception_NoBody: { status: 'exception', detail: 'recipient_unavailable' },
	Exception_Security: { status: 'exception', detail: 'customs_hold' }, // held for security or customs
	Exception_Damage: { status: 'exception', detail: 'damaged' },
	Exception_Rejected: { status: 'exception', detail: 'refused' },
	Exception_Delayed: { status: 'exception', detail: 'delay' },
	Exception_Lost: { status: 'exception', detail: 'lost' },
	Exception_Destroyed: { status: 'exception', detail: 'lost' }, // destroyed: it will not arrive
	Exception_Cancel: { status: 'cancelled', detail: 'cancelled' },
};

/** The sub-status's meaning, else the status's, else unknown (a code newer than these tables). */
export function mapSeventeenTrackStatus(status: string, subStatus: string | undefined): MappedStatus {
	const sub = subStatus ? SEVENTEENTRACK_SUB_STATUSES[subStatus] : undefined;
	return sub ?? SEVENTEENTRACK_STATUSES[status] ?? { status: 'unknown' };
}
