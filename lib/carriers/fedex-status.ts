import type { ShipmentStatus, StatusDetail } from '../model/event';

export interface MappedStatus {
	status: ShipmentStatus;
	detail?: StatusDetail;
}

/**
 * FedEx track status codes (latestStatusDetail.code, scanEvents[].derivedStatusCode), as listed
 * in the Track Service guide's status code table and carried over by the Track API (REST);
 * derivedCode is the same vocabulary, coarser (e.g. AR/DP derive to IT).
 */
export const FEDEX_STATUS_CODES: Record<string, MappedStatus> = {
	// Before FedEx has the parcel
	OC: { status: 'info_received' }, // order created: label printed, shipment data sent
	IN: { status: 'info_received' }, // initiated (derived code for OC)
	AP: { status: 'info_received' }, // at pickup: courier at the shipper's
	EP: { status: 'info_received' }, // enroute to pickup
	DS: { status: 'info_received' }, // vehicle dispatched for pickup
	DR: { status: 'info_received' }, // vehicle furnished but not used
	PD: { status: 'info_received', detail: 'carrier_delay' }, // pickup delay
	RP: { status: 'info_received' }, // return label link emailed to the return sender
	LP: { status: 'info_received' }, // return label link cancelled by the originator
	RG: { status: 'info_received' }, // return label link expiring soon
	RD: { status: 'info_received' }, // return label link expired
	// Moving
	PU: { status: 'in_transit', detail: 'picked_up' },
	PX: { status: 'in_transit', detail: 'picked_up' }, // picked up (see details)
	IT: { status: 'in_transit' },
	IX: { status: 'in_transit' }, // in transit (see details)
	AR: { status: 'in_transit', detail: 'arrived_at_facility' },
	AF: { status: 'in_transit', detail: 'arrived_at_facility' }, // at FedEx facility
	OF: { status: 'in_transit', detail: 'arrived_at_facility' }, // at FedEx origin facility
	FD: { status: 'in_transit', detail: 'arrived_at_facility' }, // at FedEx destination
	SF: { status: 'in_transit', detail: 'arrived_at_facility' }, // at sort facility
	AA: { status: 'in_transit', detail: 'arrived_at_facility' }, // at airport
	AC: { status: 'in_transit', detail: 'arrived_at_facility' }, // at Canada Post facility
	AX: { status: 'in_transit', detail: 'arrived_at_facility' }, // at USPS facility
	DP: { status: 'in_transit', detail: 'departed' },
	LO: { status: 'in_transit', detail: 'departed' }, // left origin
	EA: { status: 'in_transit' }, // enroute to airport / export approved
	EO: { status: 'in_transit' }, // enroute to origin airport
	PF: { status: 'in_transit' }, // plane in flight
	PL: { status: 'in_transit' }, // plane landed
	PM: { status: 'in_transit' }, // in progress
	TR: { status: 'in_transit' }, // transfer
	CH: { status: 'in_transit' }, // location changed
	SP: { status: 'in_transit' }, // split status: pieces of one shipment move apart
	OX: { status: 'in_transit' }, // shipment information sent to USPS (handed over)
	CC: { status: 'in_transit' }, // cleared customs
	CP: { status: 'in_transit' }, // clearance in progress
	BR: { status: 'in_transit' }, // broker
	RR: { status: 'in_transit', detail: 'rescheduled' }, // delivery option requested by the recipient
	RM: { status: 'in_transit', detail: 'rescheduled' }, // delivery option modified
	RC: { status: 'in_transit' }, // delivery option cancelled: back to the original plan
	DY: { status: 'in_transit', detail: 'delay' }, // delay, cause not given
	DD: { status: 'in_transit', detail: 'delay' }, // delivery delay, cause not given
	// Delivery
	ED: { status: 'out_for_delivery' }, // enroute to delivery
	OD: { status: 'out_for_delivery' },
	AD: { status: 'out_for_delivery' }, // at delivery
	DL: { status: 'delivered' },
	HL: { status: 'available_for_pickup', detail: 'pickup_point' }, // hold at location
	HP: { status: 'available_for_pickup', detail: 'pickup_point' }, // ready for recipient pickup
	// Trouble
	DE: { status: 'attempt_failed' }, // delivery exception: the attempt did not succeed
	SE: { status: 'exception', detail: 'unknown_exception' }, // shipment exception
	CD: { status: 'exception', detail: 'customs_hold' }, // clearance delay
	CA: { status: 'cancelled', detail: 'cancelled' },
	RS: { status: 'returning', detail: 'return_to_sender' },
};

/**
 * Why, from the words FedEx attaches (ancillaryDetails reasonDescription, exceptionDescription):
 * the reason codes (e.g. "15", "IN001") are undocumented, their descriptions are stable English
 * with X-locale en_US. First match wins, most specific first.
 */
const REASON_PATTERNS: ReadonlyArray<[RegExp, StatusDetail]> = [
	[/refus|rejected/, 'refused'],
	[/damage/, 'damaged'],
	[/\blost\b|unable to locate|cannot be located/, 'lost'],
	[/dut(y|ies)|tax(es)? due|import fees|payment (is )?required/, 'duties_due'],
	[/customs|clearance|regulatory agency|import documentation/, 'customs_hold'],
	[/address|(recipient|customer) (has )?moved|unable to locate (the )?recipient/, 'address_issue'],
	[/weather|natural disaster|storm|snow|flood|hurricane/, 'weather'],
	// "Customer not available or business closed" (FedEx's one wording for both) reads as the first.
	[/not (available|home|in)\b|no one|nobody|unavailable|customer not/, 'recipient_unavailable'],
	[/business (was )?closed|closed (on|for)/, 'business_closed'],
	[/future delivery|delivery (date )?(requested|rescheduled|changed)|reschedul/, 'rescheduled'],
	[/held|hold at|holding/, 'held_at_carrier'],
	[/missed|mechanical|operational|late (arriving )?flight|sort|local delivery restriction|delay/, 'carrier_delay'],
];

export function detailFromReason(text: string | undefined): StatusDetail | undefined {
	if (!text) return undefined;
	const lower = text.toLowerCase();
	return REASON_PATTERNS.find(([pattern]) => pattern.test(lower))?.[1];
}

/** delayDetail.type WEATHER/CLEARANCE says why a delay happens; others are FedEx's own. */
const DELAY_TYPES: Record<string, StatusDetail> = {
	WEATHER: 'weather',
	CLEARANCE: 'customs_hold',
	OPERATIONAL: 'carrier_delay',
	LOCAL: 'carrier_delay',
	GENERAL: 'carrier_delay',
};

/** Details a reason may add to each status (those the classifier reads for it). */
const REASONS_APPLY: Partial<Record<ShipmentStatus, ReadonlySet<StatusDetail>>> = {
	in_transit: new Set(['weather', 'carrier_delay', 'delay', 'rescheduled', 'customs_hold', 'duties_due', 'address_issue', 'damaged', 'lost']),
	attempt_failed: new Set(['refused', 'address_issue', 'recipient_unavailable', 'business_closed', 'weather', 'rescheduled', 'damaged', 'duties_due']),
	exception: new Set(['refused', 'damaged', 'lost', 'duties_due', 'customs_hold', 'address_issue', 'weather', 'recipient_unavailable', 'business_closed', 'held_at_carrier', 'carrier_delay', 'delay']),
	out_for_delivery: new Set(['weather', 'carrier_delay', 'delay']),
	returning: new Set(['refused', 'address_issue', 'damaged']),
};

export interface FedexStatusInput {
	code?: string;
	derivedCode?: string;
	/** ancillaryDetails[].reasonDescription and the like, most telling first. */
	reasons?: Array<string | undefined>;
	delayType?: string;
	delayStatus?: string;
}

/**
 * Status plus detail: the specific code first (AR, not its derived IT), the derived code when the
 * code is new to us; the reason FedEx gives refines the detail where it says more than the code.
 */
export function mapFedexStatus(input: FedexStatusInput): MappedStatus {
	const base = FEDEX_STATUS_CODES[input.code?.toUpperCase() ?? ''] ?? FEDEX_STATUS_CODES[input.derivedCode?.toUpperCase() ?? ''];
	if (!base) return { status: 'unknown' };
	const allowed = REASONS_APPLY[base.status];
	let detail = base.detail;
	if (allowed) {
		const fromReason = input.reasons?.map(detailFromReason).find((found) => found && allowed.has(found));
		const fromDelay = input.delayStatus === 'DELAYED' ? DELAY_TYPES[input.delayType ?? 'GENERAL'] : undefined;
		// A picked_up/arrived/departed milestone stays unless a reason or a delay says more.
		const refined = fromReason ?? (fromDelay && allowed.has(fromDelay) ? fromDelay : undefined);
		if (refined) detail = refined;
	}
	// A shipment exception because nobody was there is a failed delivery attempt.
	if (base.status === 'exception' && detail === 'recipient_unavailable') return { status: 'attempt_failed', detail };
	return detail ? { status: base.status, detail } : { status: base.status };
}
