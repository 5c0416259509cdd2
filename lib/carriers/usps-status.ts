import type { ShipmentStatus, StatusDetail } from '../model/event';

export interface MappedStatus {
	status: ShipmentStatus;
	detail?: StatusDetail;
}

/**
 * USPS Tracking v3 `statusCategory` (TrackingDetails), keyed lowercase without spaces or dashes
 * because USPS writes the same category as "In Transit", "In-Transit" and "in transit".
 */
export const USPS_STATUS_CATEGORIES: Record<string, MappedStatus> = {
	preshipment: { status: 'info_received' }, // label created, USPS awaits the item
	accepted: { status: 'in_transit', detail: 'picked_up' },
	intransit: { status: 'in_transit' },
	outfordelivery: { status: 'out_for_delivery' },
	delivered: { status: 'delivered' },
	availableforpickup: { status: 'available_for_pickup', detail: 'pickup_point' },
	deliveryattempt: { status: 'attempt_failed' },
	alert: { status: 'exception', detail: 'unknown_exception' },
	returntosender: { status: 'returning', detail: 'return_to_sender' },
};

const RETURN: MappedStatus = { status: 'returning', detail: 'return_to_sender' };

/**
 * USPS tracking event codes (`trackingEvents[].eventCode`, the Publication 199 / IMpb event codes
 * Web Tools already returned). A known code of the latest event decides over the category
 * because it says why (an Alert is an address problem, a refusal, a dead letter...).
 */
export const USPS_EVENT_CODES: Record<string, MappedStatus> = {
	MA: { status: 'info_received' }, // manifest acknowledgement: electronic shipping info received
	GX: { status: 'cancelled', detail: 'cancelled' }, // shipping label cancelled
	'03': { status: 'in_transit', detail: 'picked_up' }, // accept or pickup
	TM: { status: 'in_transit', detail: 'picked_up' }, // truck manifest: shipment acceptance
	PA: { status: 'in_transit', detail: 'picked_up' }, // passive acceptance: shipment acceptance
	'80': { status: 'in_transit', detail: 'picked_up' }, // picked up by shipping partner
	'10': { status: 'in_transit', detail: 'arrived_at_facility' }, // processed
	PC: { status: 'in_transit', detail: 'arrived_at_facility' }, // sorting / processing complete
	'07': { status: 'in_transit', detail: 'arrived_at_facility' }, // arrival at unit (delivery office)
	'19': { status: 'in_transit', detail: 'arrived_at_facility' }, // destination centre eVS arrive
	'41': { status: 'in_transit', detail: 'arrived_at_facility' }, // received at opening unit
	'81': { status: 'in_transit', detail: 'arrived_at_facility' }, // arrived shipping partner facility
	EF: { status: 'in_transit', detail: 'departed' }, // departed sort facility
	SF: { status: 'in_transit', detail: 'departed' }, // departed post office
	'82': { status: 'in_transit', detail: 'departed' }, // departed shipping partner facility
	'42': { status: 'in_transit' }, // USPS hand-off to shipping partner
	'06': { status: 'in_transit' }, // forwarded to a new address
	'08': { status: 'in_transit', detail: 'carrier_delay' }, // missent
	'15': { status: 'in_transit', detail: 'carrier_delay' }, // mis-shipped
	DX: { status: 'in_transit', detail: 'carrier_delay' }, // delivery status not updated
	'71': { status: 'in_transit', detail: 'rescheduled' }, // rescheduled to next delivery day
	OF: { status: 'out_for_delivery' },
	'01': { status: 'delivered' },
	'17': { status: 'delivered', detail: 'delivered_to_third_party' }, // picked up by agent
	'43': { status: 'delivered' }, // picked up (by the addressee, at the post office)
	'14': { status: 'available_for_pickup', detail: 'pickup_point' }, // arrival at pickup point
	'16': { status: 'available_for_pickup', detail: 'pickup_point' },
	'02': { status: 'attempt_failed', detail: 'recipient_unavailable' }, // attempted / notice left
	'52': { status: 'attempt_failed', detail: 'recipient_unavailable' }, // notice left
	'56': { status: 'attempt_failed', detail: 'recipient_unavailable' }, // no authorized recipient
	'51': { status: 'attempt_failed', detail: 'business_closed' },
	'53': { status: 'attempt_failed' }, // receptacle blocked
	'54': { status: 'attempt_failed' }, // receptacle full / item oversized
	'55': { status: 'attempt_failed' }, // no secure location available
	'30': { status: 'attempt_failed' }, // no access to delivery location
	'04': { status: 'exception', detail: 'refused' },
	'05': { status: 'exception', detail: 'address_issue' }, // undeliverable as addressed
	'11': { status: 'exception', detail: 'lost' }, // dead letter: neither deliverable nor returnable
	'09': RETURN,
	'21': RETURN, // no such number
	'22': RETURN, // insufficient address
	'23': RETURN, // moved, left no address
	'24': RETURN, // forward expired
	'25': RETURN, // addressee unknown
	'26': RETURN, // vacant
	'27': RETURN, // unclaimed
	'28': RETURN, // deceased
	'29': RETURN, // other
	'31': RETURN, // not picked up
	'44': RETURN, // customer (sender) recall
};

function categoryKey(category: string): string {
	return category.toLowerCase().replace(/[^a-z]/g, '');
}

/** Status plus detail: the latest event's code when known, else the status category, else 'unknown'. */
export function mapUspsStatus(statusCategory: string | undefined, eventCode: string | undefined): MappedStatus {
	const byCode = eventCode ? USPS_EVENT_CODES[eventCode.trim().toUpperCase()] : undefined;
	if (byCode) return byCode;
	const byCategory = statusCategory ? USPS_STATUS_CATEGORIES[categoryKey(statusCategory)] : undefined;
	return byCategory ?? { status: 'unknown' };
}
