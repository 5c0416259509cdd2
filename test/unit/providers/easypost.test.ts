import { ShipmentEventSchema, type ShipmentEvent } from '../../../lib/model/event';
import { easypost } from '../../../lib/providers/easypost';
import { EASYPOST_STATUS_DETAILS, EASYPOST_STATUSES } from '../../../lib/providers/easypost-status';
import { fixture } from './load-fixture';

function normalizeOne(payload: unknown): ShipmentEvent {
	const events = easypost.normalize(payload);
	expect(events).toHaveLength(1);
	const event = events[0] as ShipmentEvent;
	expect(ShipmentEventSchema.safeParse(event).success).toBe(true);
	return event;
}

function withStatus(status: string, statusDetail: string | null): Record<string, any> {
	const payload = fixture('easypost', 'in-transit');
	Object.assign(payload.result, { status, status_detail: statusDetail });
	return payload;
}

describe('EasyPost fixtures', () => {
	it.each([
		['created', 'info_received', undefined],
		['in-transit', 'in_transit', 'departed'],
		['out-for-delivery', 'out_for_delivery', undefined],
		['delivered', 'delivered', 'arrived_at_facility'],
		['pickup', 'available_for_pickup', 'pickup_point'],
		['attempt-failed', 'attempt_failed', 'unknown_exception'],
		['delayed', 'in_transit', 'weather'],
		['address-issue', 'exception', 'address_issue'],
		['returned', 'returning', 'return_to_sender'],
	])('%s → %s / %s, a valid event', (name, status, detail) => {
		const event = normalizeOne(fixture('easypost', name));
		expect([event.status, event.detail]).toEqual([status, detail]);
	});

	it('maps a delivered event field by field', () => {
		expect(normalizeOne(fixture('easypost', 'delivered'))).toEqual({
			id: 'easypost:evt_04a2b3c4d5e6f7a8b9c0d1e2',
			provider: 'easypost',
			providerEventId: 'evt_04a2b3c4d5e6f7a8b9c0d1e2',
			providerTrackingId: 'trk_5f2a1c9e8b7d4e3f',
			trackingNumber: '9400100000000000000000',
			carrier: 'usps',
			service: 'GroundAdvantage',
			status: 'delivered',
			detail: 'arrived_at_facility',
			providerStatus: 'delivered',
			providerSubStatus: 'arrived_at_destination',
			carrierMessage: 'Delivered, Front Door/Porch',
			occurredAt: '2025-04-04T19:30:00Z',
			emittedAt: '2025-04-04T19:31:00Z',
			location: { city: 'DAVIS', state: 'CA', postalCode: '95616', country: 'US' },
			destination: { city: 'DAVIS', state: 'CA', postalCode: '95616' },
			estimatedDelivery: '2025-04-04T00:00:00Z',
			deliveredAt: '2025-04-04T19:30:00Z',
			signedBy: 'A EXAMPLE',
			trackingUrl: 'https://track.easypost.com/djE6dHJrXzVmMmExYzllOGI3ZDRlM2Y=',
			checkpointCount: 6,
		});
	});

	it('reports the previous estimate from previous_attributes', () => {
		const event = normalizeOne(fixture('easypost', 'delayed'));
		expect(event.estimatedDelivery).toBe('2025-04-07T00:00:00Z');
		expect(event.previousEstimatedDelivery).toBe('2025-04-04T00:00:00Z');
		expect(normalizeOne(fixture('easypost', 'in-transit')).previousEstimatedDelivery).toBeUndefined();
	});

	it('maps the carrier name to the courier_code spelling', () => {
		expect(normalizeOne(fixture('easypost', 'address-issue')).carrier).toBe('ups');
		const payload = fixture('easypost', 'in-transit');
		payload.result.carrier = 'CanadaPost';
		expect(normalizeOne(payload).carrier).toBe('canada_post');
		payload.result.carrier = 'DHLExpress';
		expect(normalizeOne(payload).carrier).toBe('dhl');
		payload.result.carrier = 'Veho';
		expect(normalizeOne(payload).carrier).toBe('veho');
	});

	it('falls back to the tracker update time when there is no scan yet', () => {
		const payload = fixture('easypost', 'created');
		payload.result.tracking_details = [];
		expect(normalizeOne(payload).occurredAt).toBe('2025-04-01T14:02:10Z');
	});

	it('treats a delivered return label as returned to the sender', () => {
		const payload = fixture('easypost', 'delivered');
		payload.result.is_return = true;
		expect(normalizeOne(payload)).toMatchObject({ status: 'returned', detail: 'arrived_at_facility' });
		payload.result.status_detail = 'unknown';
		expect(normalizeOne(payload)).toMatchObject({ status: 'returned', detail: 'return_to_sender' });
	});

	it('returns nothing for events that are not about trackers', () => {
		const payload = fixture('easypost', 'delivered');
		payload.description = 'batch.updated';
		payload.result = { object: 'Batch', id: 'batch_1' };
		expect(easypost.normalize(payload)).toEqual([]);
	});
});

describe('EasyPost status tables', () => {
	const statuses = Object.keys(EASYPOST_STATUSES);
	const details = Object.keys(EASYPOST_STATUS_DETAILS);

	it('covers every documented status and status_detail', () => {
		expect(statuses.sort()).toEqual(
			['available_for_pickup', 'cancelled', 'delivered', 'error', 'failure', 'in_transit', 'out_for_delivery', 'pre_transit', 'return_to_sender', 'unknown'],
		);
		expect(details).toHaveLength(28);
	});

	it.each(statuses.flatMap((status) => details.map((detail) => [status, detail])))(
		'%s / %s maps to a valid event',
		(status, detail) => {
			const event = normalizeOne(withStatus(status, detail));
			expect(event.providerStatus).toBe(status);
			expect(event.providerSubStatus).toBe(detail);
		},
	);

	it.each([
		['unknown', 'unknown', 'pending', 'no_information'],
		['pre_transit', 'label_created', 'info_received', undefined],
		['in_transit', 'received_at_origin_facility', 'in_transit', 'picked_up'],
		['in_transit', 'delayed', 'in_transit', 'delay'],
		['in_transit', 'lost', 'exception', 'lost'],
		['in_transit', 'damaged', 'exception', 'damaged'],
		['in_transit', 'held', 'in_transit', 'held_at_carrier'],
		['in_transit', 'expired', 'expired', undefined],
		['failure', 'delivery_exception', 'attempt_failed', 'unknown_exception'],
		['failure', 'refused', 'exception', 'refused'],
		['failure', 'cancelled', 'cancelled', 'cancelled'],
		['return_to_sender', 'refused', 'returning', 'refused'],
		['return_to_sender', 'return', 'returning', 'return_to_sender'],
		['delivered', 'lost', 'delivered', 'lost'],
		['cancelled', 'status_update', 'cancelled', undefined],
		['error', 'unknown', 'unknown', undefined],
		['available_for_pickup', 'arrived_at_pickup_location', 'available_for_pickup', 'pickup_point'],
	])('%s / %s means %s / %s', (status, detail, expectedStatus, expectedDetail) => {
		const event = normalizeOne(withStatus(status, detail));
		expect([event.status, event.detail]).toEqual([expectedStatus, expectedDetail]);
	});

	it('accepts a missing status_detail and an undocumented status', () => {
		expect(normalizeOne(withStatus('in_transit', null))).toMatchObject({ status: 'in_transit' });
		expect(normalizeOne(withStatus('teleported', 'unknown')).status).toBe('unknown');
	});
});
