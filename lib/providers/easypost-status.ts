import type { ShipmentStatus, StatusDetail } from '../model/event';

/** EasyPost Tracker `status` values (API docs, Tracker object). */
export const EASYPOST_STATUSES: Record<string, ShipmentStatus> = {
	unknown: 'pending', // the carrier has no data for the code yet
	pre_transit: 'info_received', // label created, parcel not yet with the carrier
	in_transit: 'in_transit',
	out_for_delivery: 'out_for_delivery',
	delivered: 'delivered',
	available_for_pickup: 'available_for_pickup',
	return_to_sender: 'returning',
	failure: 'exception',
	cancelled: 'cancelled',
	error: 'unknown', // EasyPost could not track the code: nothing is known about the parcel
};

/** EasyPost Tracker `status_detail` values (API docs, Tracker object). */
export const EASYPOST_STATUS_DETAILS: Record<string, StatusDetail | undefined> = {
	address_correction: 'address_issue',
	arrived_at_destination: 'arrived_at_facility',
	arrived_at_facility: 'arrived_at_facility',
	arrived_at_pickup_location: 'pickup_point',
	awaiting_information: 'held_at_carrier', // carrier waits for information before moving it
	cancelled: 'cancelled',
	damaged: 'damaged',
	delayed: 'delay',
	delivery_exception: 'unknown_exception',
	departed_facility: 'departed',
	departed_origin_facility: 'departed',
	expired: undefined, // a status of its own, see below
	failure: 'unknown_exception',
	held: 'held_at_carrier',
	in_transit: undefined,
	label_created: undefined,
	lost: 'lost',
	missorted: 'carrier_delay',
	out_for_delivery: undefined,
	received_at_destination_facility: 'arrived_at_facility',
	received_at_origin_facility: 'picked_up',
	refused: 'refused',
	return: 'return_to_sender',
	status_update: undefined,
	transferred_to_destination_carrier: undefined,
	transit_exception: 'unknown_exception',
	unknown: undefined,
	weather_delay: 'weather',
};

/** Details that mean the parcel is in trouble whatever the headline status still says. */
const TROUBLE_DETAILS = new Set(['damaged', 'lost', 'refused', 'transit_exception', 'delivery_exception', 'failure']);
/** Headline statuses a trouble detail must not override: the outcome is already known. */
const SETTLED = new Set<ShipmentStatus>(['delivered', 'returning', 'returned', 'cancelled']);

export interface MappedStatus {
	status: ShipmentStatus;
	detail?: StatusDetail;
}

/**
 * Status plus detail. EasyPost has no "attempt failed" status: a failure with a delivery exception
 * is the carrier's failed attempt. A delivered return label (`is_return`) is a parcel back home.
 */
export function mapEasypostStatus(status: string, statusDetail: string | undefined, isReturn: boolean): MappedStatus {
	const detailCode = statusDetail ?? 'unknown';
	const detail = EASYPOST_STATUS_DETAILS[detailCode];
	let mapped: ShipmentStatus = EASYPOST_STATUSES[status] ?? 'unknown';
	if (detailCode === 'expired') mapped = 'expired';
	else if (detailCode === 'cancelled') mapped = 'cancelled';
	else if (status === 'failure' && detailCode === 'delivery_exception') mapped = 'attempt_failed';
	else if (TROUBLE_DETAILS.has(detailCode) && !SETTLED.has(mapped)) mapped = 'exception';
	else if (isReturn && mapped === 'delivered') mapped = 'returned';
	if (mapped === 'returning' || mapped === 'returned') return { status: mapped, detail: detail ?? 'return_to_sender' };
	if (mapped === 'pending' && detail === undefined) return { status: mapped, detail: 'no_information' };
	return detail ? { status: mapped, detail } : { status: mapped };
}
