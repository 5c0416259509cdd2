import type { ShipmentStatus, StatusDetail } from '../model/event';

export interface MappedStatus {
	status: ShipmentStatus;
	detail?: StatusDetail;
}

/** status.statusCode, the high-level grouping of Shipment Tracking - Unified (OpenAPI 1.5.8, StatusCode). */
export const DHL_STATUS_CODES: Record<string, ShipmentStatus> = {
	'pre-transit': 'info_received',
	transit: 'in_transit',
	delivered: 'delivered',
	failure: 'exception',
	unknown: 'unknown',
};

interface TextRule {
	pattern: RegExp;
	/** The status the words imply, where they say more than statusCode. */
	status?: ShipmentStatus;
	detail?: StatusDetail;
	/** statusCodes the rule may override; by default all but delivered. */
	over?: ReadonlyArray<ShipmentStatus>;
}

const NOT_DONE: ReadonlyArray<ShipmentStatus> = ['info_received', 'in_transit', 'exception', 'unknown'];

/**
 * The unified API groups every division's events into five codes; the words (status, statusDetailed,
 * description, remark, asked for with language=en) tell the rest. Phrases from the divisions'
 * English texts (Express, Parcel Germany, eCommerce). First match wins, most specific first.
 */
const TEXT_RULES: ReadonlyArray<TextRule> = [
	{ pattern: /return(ed|ing)? to (the )?(sender|shipper|origin)|on (its|the) way back to the sender|being returned|return shipment/, status: 'returning', detail: 'return_to_sender', over: [...NOT_DONE, 'attempt_failed'] },
	{ pattern: /refus|rejected|acceptance (was )?denied/, status: 'exception', detail: 'refused' },
	{ pattern: /damage/, detail: 'damaged', status: 'exception' },
	{ pattern: /\blost\b|cannot be located|could not be located/, status: 'exception', detail: 'lost' },
	{ pattern: /dut(y|ies)|import (fees|charges|tax)|payment (of|is required)|awaiting payment/, detail: 'duties_due' },
	{ pattern: /(customs|clearance).*(hold|held|delay|pending|awaiting|inspection|required|documents)|(held|hold|delay).*(customs|clearance)/, detail: 'customs_hold' },
	{ pattern: /address (information |details )?(is |was )?(incorrect|incomplete|insufficient|wrong|unknown|invalid)|(incorrect|incomplete|insufficient|wrong|bad) address|recipient (has )?moved|address (correction|issue|query)/, detail: 'address_issue' },
	{ pattern: /weather|natural disaster|storm/, detail: 'weather' },
	{ pattern: /business (was )?closed|premises closed|closed on arrival/, status: 'attempt_failed', detail: 'business_closed' },
	{ pattern: /not (at home|present|available)\b|no one|nobody|recipient (was )?unavailable/, status: 'attempt_failed', detail: 'recipient_unavailable' },
	{ pattern: /could not be delivered|delivery attempt|attempted delivery|unsuccessful delivery|delivery (was )?not possible/, status: 'attempt_failed' },
	{ pattern: /neighbou?r|safe ?place|reception|concierge|mailbox|letter ?box|front door|porch|drop-?off location/, detail: 'delivered_to_third_party', over: ['delivered'] },
	{ pattern: /packstation|parcel locker|locker|service ?point|retail outlet|post office|parcel ?shop|access point/, detail: 'delivered_to_third_party', over: ['delivered'] },
	{ pattern: /signed for by|signature/, detail: 'delivered_signed', over: ['delivered'] },
	{ pattern: /ready for (pick-?up|collection)|available for (pick-?up|collection)|awaiting collection|can be picked up|to be picked up|packstation|parcel locker|service ?point|retail outlet|parcel ?shop/, status: 'available_for_pickup', detail: 'pickup_point' },
	{ pattern: /reschedul|new delivery date|postponed/, detail: 'rescheduled' },
	{ pattern: /delay|late arrival|missed (connection|flight)|capacity/, detail: 'carrier_delay' },
	{ pattern: /on hold|held at|being held|hold at/, status: 'exception', detail: 'held_at_carrier' },
	{ pattern: /out for delivery|with delivery courier|loaded onto the delivery vehicle|in delivery|on (its|the) way to the recipient/, status: 'out_for_delivery' },
	{ pattern: /label created|electronically|instruction data|shipment information received|awaiting shipment|data (has been )?received|pre-?advice/, status: 'info_received', over: ['unknown', 'info_received'] },
	{ pattern: /picked up|collected|accepted|posted|dropped off|handed over to dhl|received by dhl|received at (the )?(origin|dhl ecommerce distribution)/, detail: 'picked_up', over: ['in_transit', 'unknown'] },
	{ pattern: /departed|departure|left (the )?|forwarded/, detail: 'departed', over: ['in_transit', 'unknown'] },
	{ pattern: /arrived|arrival|processed|sorted|received at/, detail: 'arrived_at_facility', over: ['in_transit', 'unknown'] },
];

/** Details the classifier reads for each status; others are dropped rather than mislead. */
const DETAILS_FOR: Partial<Record<ShipmentStatus, ReadonlySet<StatusDetail>>> = {
	delivered: new Set(['delivered_to_third_party', 'delivered_signed', 'damaged']),
	info_received: new Set(['cancelled']),
	out_for_delivery: new Set(['weather', 'carrier_delay', 'delay']),
	available_for_pickup: new Set(['pickup_point', 'duties_due']),
};

/**
 * Status plus detail from statusCode and the event's words. An in-transit "unknown" with no
 * telling words stays 'unknown': DHL uses it for bag and container scans it does not classify.
 * `returnFlag` (the shipment goes back to the consignor) makes a delivery a delivery home.
 */
export function mapDhlStatus(statusCode: string | undefined, words: string, returnFlag = false): MappedStatus {
	let status: ShipmentStatus = DHL_STATUS_CODES[statusCode ?? ''] ?? 'unknown';
	let detail: StatusDetail | undefined = status === 'exception' ? 'unknown_exception' : undefined;
	const lower = words.toLowerCase();
	let statusSet = false;
	for (const rule of TEXT_RULES) {
		const over = rule.over ?? [...NOT_DONE, 'attempt_failed', 'out_for_delivery'];
		if (!over.includes(status) || !rule.pattern.test(lower)) continue;
		if (rule.status && !statusSet) {
			status = rule.status;
			statusSet = true;
		}
		if (rule.detail && (!detail || detail === 'unknown_exception')) detail = rule.detail;
		if (statusSet && detail) break;
	}
	if (returnFlag && status === 'delivered') return { status: 'returned', detail: 'return_to_sender' };
	if (returnFlag && NOT_DONE.includes(status)) status = 'returning';
	if (status === 'returning') return { status, detail: detail === 'refused' || detail === 'damaged' ? detail : 'return_to_sender' };
	if (detail === 'unknown_exception' && status !== 'exception') detail = undefined;
	const allowed = DETAILS_FOR[status];
	if (allowed && detail && !allowed.has(detail)) detail = undefined;
	return detail ? { status, detail } : { status };
}
