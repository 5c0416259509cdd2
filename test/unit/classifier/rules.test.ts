import { classify } from '../../../lib/classifier';
import type { Assessment } from '../../../lib/model/assessment';
import type { ShipmentStatus, StatusDetail } from '../../../lib/model/event';
import { shipmentEvent } from './shipmentEvent';
import { PROBLEMS } from '../../../lib/classifier/reasons';

type Expected = Pick<Assessment, 'trigger' | 'severity' | 'escalate' | 'customerAction'> &
	Partial<Pick<Assessment, 'reasonCode' | 'suppressedBecause'>>;

const silent = (suppressedBecause: string): Expected => ({
	trigger: null,
	severity: 'info',
	escalate: false,
	customerAction: 'none',
	suppressedBecause,
});

// Every status alone, on a fresh shipment (nothing told yet, no dates).
const BY_STATUS: Array<[ShipmentStatus, Expected]> = [
	['pending', silent('no carrier scan yet')],
	['info_received', silent('label created, the carrier does not have the parcel yet')],
	['in_transit', { trigger: 'shipped', severity: 'info', escalate: false, customerAction: 'none' }],
	['out_for_delivery', { trigger: 'out_for_delivery', severity: 'info', escalate: false, customerAction: 'none' }],
	['available_for_pickup', { trigger: 'available_for_pickup', severity: 'info', escalate: false, customerAction: 'pick_up' }],
	['attempt_failed', { trigger: 'attempt_failed', severity: 'warning', escalate: false, customerAction: 'reschedule' }],
	['delivered', { trigger: 'delivered', severity: 'info', escalate: false, customerAction: 'none' }],
	['exception', { trigger: 'exception', severity: 'warning', escalate: false, customerAction: 'none', reasonCode: 'unknown' }],
	['returning', { trigger: 'returning_to_sender', severity: 'warning', escalate: true, customerAction: 'none' }],
	['returned', { trigger: 'returned_to_sender', severity: 'critical', escalate: true, customerAction: 'none' }],
	['expired', { trigger: 'stalled', severity: 'warning', escalate: true, customerAction: 'none', reasonCode: 'unknown' }],
	['cancelled', { trigger: 'exception', severity: 'warning', escalate: true, customerAction: 'none', reasonCode: 'processing' }],
	['unknown', silent('status not recognised')],
];

const ADDRESS: Expected = { trigger: 'address_issue', severity: 'warning', escalate: false, customerAction: 'correct_address', reasonCode: 'address' };
const CUSTOMS: Expected = {
	trigger: 'customs_hold',
	severity: 'warning',
	escalate: false,
	customerAction: 'pay_duties_or_send_documents',
	reasonCode: 'customs',
};
const DAMAGED: Expected = { trigger: 'damaged', severity: 'critical', escalate: true, customerAction: 'none', reasonCode: 'damaged' };
const LOST: Expected = { trigger: 'lost', severity: 'critical', escalate: true, customerAction: 'none', reasonCode: 'lost' };
const REFUSED: Expected = { trigger: 'refused', severity: 'critical', escalate: true, customerAction: 'none' };
const UNAVAILABLE: Expected = {
	trigger: 'attempt_failed',
	severity: 'warning',
	escalate: false,
	customerAction: 'reschedule',
	reasonCode: 'recipient_unavailable',
};
const delay = (reasonCode: Expected['reasonCode']): Expected => ({
	trigger: 'delayed',
	severity: 'warning',
	escalate: false,
	customerAction: 'none',
	reasonCode,
});
const PICKUP: Expected = { trigger: 'available_for_pickup', severity: 'info', escalate: false, customerAction: 'pick_up' };
const RETURNING: Expected = { trigger: 'returning_to_sender', severity: 'warning', escalate: true, customerAction: 'none' };
const CANCELLED: Expected = { trigger: 'exception', severity: 'warning', escalate: true, customerAction: 'none', reasonCode: 'processing' };
const EXCEPTION: Expected = { trigger: 'exception', severity: 'warning', escalate: false, customerAction: 'none', reasonCode: 'unknown' };
const SHIPPED: Expected = { trigger: 'shipped', severity: 'info', escalate: false, customerAction: 'none' };

// Every detail where it refines its status, and where the status wins over it.
const BY_DETAIL: Array<[ShipmentStatus, StatusDetail, Expected]> = [
	['in_transit', 'picked_up', SHIPPED],
	['unknown', 'picked_up', SHIPPED],
	['in_transit', 'departed', SHIPPED],
	['in_transit', 'arrived_at_facility', SHIPPED],
	['delivered', 'delivered_signed', { trigger: 'delivered', severity: 'info', escalate: false, customerAction: 'none' }],
	['exception', 'address_issue', ADDRESS],
	['in_transit', 'address_issue', ADDRESS],
	['attempt_failed', 'address_issue', ADDRESS],
	['exception', 'customs_hold', CUSTOMS],
	['in_transit', 'customs_hold', CUSTOMS],
	['exception', 'duties_due', CUSTOMS],
	['available_for_pickup', 'duties_due', CUSTOMS],
	['exception', 'damaged', DAMAGED],
	['delivered', 'damaged', DAMAGED],
	['returning', 'damaged', DAMAGED],
	['exception', 'lost', LOST],
	['expired', 'lost', LOST],
	['exception', 'refused', REFUSED],
	['attempt_failed', 'refused', REFUSED],
	['returning', 'refused', REFUSED],
	['attempt_failed', 'recipient_unavailable', UNAVAILABLE],
	['exception', 'recipient_unavailable', UNAVAILABLE],
	['attempt_failed', 'business_closed', UNAVAILABLE],
	['exception', 'weather', delay('weather')],
	['in_transit', 'weather', delay('weather')],
	['exception', 'carrier_delay', delay('carrier_capacity')],
	['in_transit', 'rescheduled', delay('unknown')],
	['exception', 'held_at_carrier', { ...EXCEPTION, customerAction: 'contact_carrier' }],
	['delivered', 'delivered_to_third_party', { trigger: 'delivered_to_third_party', severity: 'info', escalate: false, customerAction: 'none' }],
	['available_for_pickup', 'pickup_point', PICKUP],
	['attempt_failed', 'pickup_point', PICKUP],
	['exception', 'pickup_point', PICKUP],
	['in_transit', 'return_to_sender', RETURNING],
	['exception', 'return_to_sender', RETURNING],
	['returning', 'return_to_sender', RETURNING],
	['pending', 'no_information', silent('carrier has no information for this tracking number yet')],
	['info_received', 'no_information', silent('carrier has no information for this tracking number yet')],
	['info_received', 'cancelled', CANCELLED],
	['exception', 'cancelled', CANCELLED],
	['exception', 'unknown_exception', EXCEPTION],
	['unknown', 'unknown_exception', EXCEPTION],
	// The status says more than the detail here.
	['out_for_delivery', 'weather', { trigger: 'out_for_delivery', severity: 'info', escalate: false, customerAction: 'none' }],
	['delivered', 'pickup_point', { trigger: 'delivered', severity: 'info', escalate: false, customerAction: 'none' }],
	['available_for_pickup', 'held_at_carrier', PICKUP],
	['in_transit', 'held_at_carrier', SHIPPED],
	['returned', 'refused', { trigger: 'returned_to_sender', severity: 'critical', escalate: true, customerAction: 'none' }],
	['expired', 'no_information', { trigger: 'stalled', severity: 'warning', escalate: true, customerAction: 'none', reasonCode: 'unknown' }],
	['out_for_delivery', 'address_issue', { trigger: 'out_for_delivery', severity: 'info', escalate: false, customerAction: 'none' }],
];

function expectMatches(actual: Assessment, expected: Expected): void {
	expect(actual).toMatchObject(expected);
	// A problem whose rule names no cause says 'unknown' (enrich); good news has none.
	const problem = expected.trigger !== null && PROBLEMS.has(expected.trigger);
	expect(actual.reasonCode).toBe(expected.reasonCode ?? (problem ? 'unknown' : undefined));
	expect(actual.suppressedBecause).toBe(expected.suppressedBecause);
	expect(actual.notify).toBe(expected.trigger !== null);
	expect(actual.reason.length).toBeGreaterThan(0);
}

describe('classify: rule table', () => {
	it.each(BY_STATUS)('%s alone', (status, expected) => {
		expectMatches(classify(shipmentEvent({ status })), expected);
	});

	it.each(BY_DETAIL)('%s with %s', (status, detail, expected) => {
		expectMatches(classify(shipmentEvent({ status, detail })), expected);
	});

	it('gives reasons a customer can read, naming the cause where the carrier gives one', () => {
		expect(classify(shipmentEvent({ status: 'out_for_delivery' })).reason).toBe(
			'Your order is out for delivery and should arrive today.',
		);
		expect(classify(shipmentEvent({ status: 'attempt_failed', detail: 'business_closed' })).reason).toBe(
			'The carrier tried to deliver your order but the business was closed.',
		);
		expect(classify(shipmentEvent({ status: 'exception', detail: 'weather' })).reason).toBe(
			'Severe weather is delaying your delivery.',
		);
	});
});
