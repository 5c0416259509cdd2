import type { ShipmentStatus, StatusDetail } from '../model/event';

export interface MappedStatus {
	status: ShipmentStatus;
	detail?: StatusDetail;
}

/**
 * UPS status `type` (Track API `Status.type`). The OpenAPI spec (UPS-API/api-documentation
 * Tracking.yaml) names the field without listing values; these are the values of UPS's Tracking
 * developer guide (status type codes), which the JSON API still returns.
 */
export const UPS_STATUS_TYPES: Record<string, MappedStatus> = {
	M: { status: 'info_received' }, // manifest / billing information received: label created
	MV: { status: 'cancelled', detail: 'cancelled' }, // billing information voided: label voided
	P: { status: 'in_transit', detail: 'picked_up' },
	I: { status: 'in_transit' }, // out for delivery is also type I: see the codes below
	O: { status: 'out_for_delivery' },
	X: { status: 'exception', detail: 'unknown_exception' },
	D: { status: 'delivered' },
	RS: { status: 'returning', detail: 'return_to_sender' }, // returned to shipper
	DO: { status: 'in_transit', detail: 'arrived_at_facility' }, // delivered origin CFS (freight)
	DD: { status: 'in_transit', detail: 'arrived_at_facility' }, // delivered destination CFS (freight)
	W: { status: 'in_transit', detail: 'held_at_carrier' }, // warehousing
	NA: { status: 'unknown' }, // not available
};

/**
 * UPS 3-digit `statusCode` (the "activity package detail status code"). UPS documents it only as
 * "see API codes"; these are the codes its JSON responses carry with a stable meaning.
 */
export const UPS_STATUS_CODES: Record<string, MappedStatus> = {
	'003': { status: 'info_received' }, // shipper created a label, UPS has not received the package
	'005': { status: 'in_transit' },
	'011': { status: 'delivered' },
	'012': { status: 'in_transit' }, // "On the Way"
	'021': { status: 'out_for_delivery' },
};

/**
 * UPS 2-letter activity `code`, for the few whose meaning the type does not carry (out for
 * delivery is type I; a customs release is sometimes type X although nothing is wrong).
 */
export const UPS_ACTIVITY_CODES: Record<string, MappedStatus> = {
	MP: { status: 'info_received' }, // manifest pickup: label created
	OT: { status: 'out_for_delivery' }, // out for delivery today
	FS: { status: 'delivered' }, // final scan: delivered
	SR: { status: 'in_transit' }, // released by the customs agency: moving again, nothing to do
};

/**
 * UPS exceptions carry their reason only in words (no published reason code in the Track API), so
 * the detail of an exception is read from the description. First match wins.
 */
const EXCEPTION_REASONS: ReadonlyArray<[RegExp, StatusDetail]> = [
	[/address|incorrect|incomplete|insufficient/i, 'address_issue'],
	[/weather|storm|flood|hurricane|snow/i, 'weather'],
	[/customs|clearance|brokerage|import/i, 'customs_hold'],
	[/duties|duty|taxes|\bpaid\b|payment/i, 'duties_due'],
	[/damage/i, 'damaged'],
	[/refus/i, 'refused'],
	[/business (?:was )?closed|closed on/i, 'business_closed'],
	[/not (?:available|home|in)|no one|receiver was not/i, 'recipient_unavailable'],
	[/return(?:ed|ing)? to (?:the )?(?:shipper|sender)/i, 'return_to_sender'],
	[/\bhold\b|\bheld\b/i, 'held_at_carrier'],
	[/delay|missed|mechanical|\blate\b/i, 'carrier_delay'],
	[/reschedul/i, 'rescheduled'],
	[/lost|cannot be located|unable to locate/i, 'lost'],
];

/**
 * A failed delivery attempt: the driver came, nobody could take it (UPS marks these type X). Not
 * any "attempt": "attempting to obtain the correct address" is an address exception.
 */
const ATTEMPT = /\b(?:first|second|third|final|another|next|delivery) attempt|attempted (?:to deliver|delivery)/i;
/** Left at an access point for the recipient to collect: UPS scans it as in transit or delivered. */
const AT_ACCESS_POINT = /(?:access point|pickup point|customer counter).*(?:await|ready for)|ready for (?:customer )?pick ?up/i;

export interface UpsStatusInput {
	type?: string;
	code?: string;
	statusCode?: string;
	description?: string;
}

/**
 * Status plus detail for one UPS status container: the 2-letter code, then the 3-digit status
 * code, then the type decide the status; an unknown code falls back to the type. Exceptions are
 * refined from the description.
 */
export function mapUpsStatus(input: UpsStatusInput): MappedStatus {
	const type = input.type?.trim().toUpperCase() ?? '';
	const known =
		UPS_ACTIVITY_CODES[input.code?.trim().toUpperCase() ?? ''] ??
		UPS_STATUS_CODES[input.statusCode?.trim() ?? ''] ??
		UPS_STATUS_TYPES[type];
	if (!known) return { status: 'unknown' };
	const description = input.description ?? '';
	if ((known.status === 'in_transit' || known.status === 'delivered') && AT_ACCESS_POINT.test(description)) {
		return { status: 'available_for_pickup', detail: 'pickup_point' };
	}
	if (known.status !== 'exception') return known;
	const reason = EXCEPTION_REASONS.find(([pattern]) => pattern.test(description))?.[1];
	if (ATTEMPT.test(description)) return { status: 'attempt_failed', detail: reason ?? 'recipient_unavailable' };
	if (reason === 'return_to_sender') return { status: 'returning', detail: reason };
	return { status: 'exception', detail: reason ?? 'unknown_exception' };
}
