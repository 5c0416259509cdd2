import { ShipmentEventSchema, type ShipmentEvent } from '../../../lib/model/event';
import { aftership } from '../../../lib/providers/aftership';
import { AFTERSHIP_SUBTAGS, AFTERSHIP_TAGS } from '../../../lib/providers/aftership-subtags';
import { fixture } from './load-fixture';

function normalizeOne(payload: unknown): ShipmentEvent {
	const events = aftership.normalize(payload);
	expect(events).toHaveLength(1);
	const event = events[0] as ShipmentEvent;
	expect(ShipmentEventSchema.safeParse(event).success).toBe(true);
	return event;
}

/** A fixture with one subtag (and its tag) on the tracking and its latest checkpoint. */
function withSubtag(subtag: string): Record<string, any> {
	const payload = fixture('aftership', 'in-transit');
	const tag = subtag.slice(0, subtag.indexOf('_'));
	Object.assign(payload.msg, { tag, subtag });
	Object.assign(payload.msg.checkpoints[payload.msg.checkpoints.length - 1], { tag, subtag });
	return payload;
}

describe('AfterShip fixtures', () => {
	it.each([
		['shipped', 'in_transit', 'picked_up'],
		['in-transit', 'in_transit', 'arrived_at_facility'],
		['out-for-delivery', 'out_for_delivery', undefined],
		['delivered', 'delivered', 'delivered_signed'],
		['delivered-neighbour', 'delivered', 'delivered_to_third_party'],
		['pickup', 'available_for_pickup', 'pickup_point'],
		['attempt-failed', 'attempt_failed', 'recipient_unavailable'],
		['address-issue', 'exception', 'address_issue'],
		['customs', 'exception', 'customs_hold'],
		['delayed', 'exception', 'delay'],
		['edd-revise', 'in_transit', 'arrived_at_facility'],
		['returned', 'returned', 'return_to_sender'],
	])('%s → %s / %s, a valid event', (name, status, detail) => {
		const event = normalizeOne(fixture('aftership', name));
		expect(event.status).toBe(status);
		expect(event.detail).toBe(detail);
		expect(event.provider).toBe('aftership');
	});

	it('maps a delivered webhook field by field', () => {
		expect(normalizeOne(fixture('aftership', 'delivered'))).toEqual({
			id: 'aftership:6f1c0b9e-2d4a-4c1e-9b7f-0a1b2c3d4e04',
			provider: 'aftership',
			providerEventId: '6f1c0b9e-2d4a-4c1e-9b7f-0a1b2c3d4e04',
			providerTrackingId: 'b1f9c2a4e7d84c0f9a3e5d6c7b8a9f01',
			trackingNumber: '1Z999AA10123456784',
			carrier: 'ups',
			service: 'UPS Ground',
			status: 'delivered',
			detail: 'delivered_signed',
			providerStatus: 'Delivered',
			providerSubStatus: 'Delivered_003',
			carrierMessage: 'DELIVERED',
			occurredAt: '2025-03-07T13:58:00-06:00',
			emittedAt: '2025-03-07T20:06:40Z',
			location: { city: 'Oak Park', state: 'IL', postalCode: '60302', country: 'USA' },
			destination: { city: 'Oak Park', state: 'IL', postalCode: '60302', country: 'USA' },
			estimatedDelivery: '2025-03-07',
			promisedDelivery: '2025-03-07',
			deliveredAt: '2025-03-07T13:58:00-06:00',
			signedBy: 'EXAMPLE',
			orderId: 'gid-4410',
			orderNumber: '1042',
			customer: { name: 'Ada Example', email: 'ada@example.com', phone: '+13125550142', locale: 'en' },
			trackingUrl: 'https://example.aftership.com/1Z999AA10123456784',
			checkpointCount: 6,
		});
	});

	it('reads a checkpoint time without an offset as UTC', () => {
		const event = normalizeOne(fixture('aftership', 'pickup'));
		expect(event.occurredAt).toBe('2025-03-07T09:30:00Z');
		expect(event.carrier).toBe('dhl');
		expect(event.trackingUrl).toBeUndefined();
	});

	it('takes a range estimate as its start and later bound, with the first estimate as the previous one', () => {
		const event = normalizeOne(fixture('aftership', 'delayed'));
		expect(event.estimatedDelivery).toBe('2025-03-10');
		expect(event.estimatedDeliveryLatest).toBe('2025-03-11');
		expect(event.previousEstimatedDelivery).toBe('2025-03-07');
		expect(event.promisedDelivery).toBe('2025-03-07');
	});

	it('marks edd_revise as an estimate revision with the new estimate', () => {
		const event = normalizeOne(fixture('aftership', 'edd-revise'));
		expect(event.estimateRevision).toBe(true);
		expect(event.estimatedDelivery).toBe('2025-03-08T18:00:00-06:00');
		expect(event.previousEstimatedDelivery).toBe('2025-03-07');
		expect(normalizeOne(fixture('aftership', 'in-transit')).estimateRevision).toBeUndefined();
	});

	it('omits the previous estimate when it equals the current one', () => {
		expect(normalizeOne(fixture('aftership', 'shipped')).previousEstimatedDelivery).toBeUndefined();
	});

	it('falls back through the estimate sources in order', () => {
		const payload = fixture('aftership', 'in-transit');
		payload.msg.latest_estimated_delivery = null;
		payload.msg.courier_estimated_delivery_date = null;
		payload.msg.aftership_estimated_delivery_date = { estimated_delivery_date: '2025-03-09' };
		payload.msg.custom_estimated_delivery_date = { type: 'specific', datetime: '2025-03-12' };
		expect(normalizeOne(payload).estimatedDelivery).toBe('2025-03-09');
		payload.msg.aftership_estimated_delivery_date = null;
		expect(normalizeOne(payload).estimatedDelivery).toBe('2025-03-12');
	});

	it('keeps only the calendar date of an estimate given as local time without offset', () => {
		const payload = fixture('aftership', 'in-transit');
		payload.msg.latest_estimated_delivery = { type: 'specific', datetime: '2025-03-09T23:30:00' };
		expect(normalizeOne(payload).estimatedDelivery).toBe('2025-03-09');
	});

	it('prefers the receiver among customers and uses their language as locale', () => {
		expect(normalizeOne(fixture('aftership', 'customs')).customer).toEqual({
			name: 'Grace Example',
			email: 'grace@example.com',
			phone: '+14165550199',
			locale: 'fr-CA',
		});
	});

	it('falls back to the legacy emails, smses and customer_name fields', () => {
		expect(normalizeOne(fixture('aftership', 'returned')).customer).toEqual({
			name: 'Lin Example',
			email: 'lin@example.com',
			phone: '+15555550123',
			locale: 'en',
		});
	});

	it('uses the webhook time when there is no checkpoint yet', () => {
		const payload = withSubtag('Pending_001');
		payload.msg.checkpoints = [];
		const event = normalizeOne(payload);
		expect(event.occurredAt).toBe('2025-03-06T13:23:20Z');
		expect(event.status).toBe('pending');
		expect(event.checkpointCount).toBe(0);
	});

	it('returns nothing for a webhook event that carries no shipment change', () => {
		const payload = fixture('aftership', 'in-transit');
		payload.event = 'tracking_pending_time';
		expect(aftership.normalize(payload)).toEqual([]);
	});
});

describe('AfterShip sub-status table', () => {
	it.each(Object.keys(AFTERSHIP_SUBTAGS))('%s maps to a valid event', (subtag) => {
		const event = normalizeOne(withSubtag(subtag));
		expect(event.providerSubStatus).toBe(subtag);
		expect(event.status).toBe(AFTERSHIP_SUBTAGS[subtag]?.status);
	});

	it.each([
		['InfoReceived_001', 'info_received', undefined],
		['InTransit_007', 'in_transit', 'departed'],
		['OutForDelivery_004', 'out_for_delivery', 'rescheduled'],
		['AttemptFail_003', 'attempt_failed', 'business_closed'],
		['Delivered_002', 'delivered', 'pickup_point'],
		['Delivered_004', 'delivered', undefined],
		['Exception_002', 'exception', 'address_issue'],
		['Exception_003', 'exception', 'refused'],
		['Exception_006', 'exception', 'duties_due'],
		['Exception_010', 'returning', 'return_to_sender'],
		['Exception_012', 'exception', 'damaged'],
		['Exception_013', 'exception', 'lost'],
		['Exception_017', 'exception', 'weather'],
		['Exception_020', 'cancelled', 'cancelled'],
		['Expired_001', 'expired', undefined],
	])('%s means %s / %s', (subtag, status, detail) => {
		const event = normalizeOne(withSubtag(subtag));
		expect([event.status, event.detail]).toEqual([status, detail]);
	});

	it('covers every documented code from 001 up', () => {
		const expected = [
			...['001', '002', '003', '004', '005', '006'].map((n) => `Pending_${n}`),
			'InfoReceived_001',
			...Array.from({ length: 9 }, (_, i) => `InTransit_00${i + 1}`),
			'OutForDelivery_001', 'OutForDelivery_003', 'OutForDelivery_004',
			'AttemptFail_001', 'AttemptFail_002', 'AttemptFail_003',
			'Delivered_001', 'Delivered_002', 'Delivered_003', 'Delivered_004', 'Delivered_005',
			'AvailableForPickup_001',
			...Array.from({ length: 13 }, (_, i) => `Exception_${String(i + 1).padStart(3, '0')}`),
			'Expired_001',
		];
		expect(Object.keys(AFTERSHIP_SUBTAGS)).toEqual(expect.arrayContaining(expected));
	});

	it('falls back to the tag for a subtag newer than the table, and to unknown for an unknown tag', () => {
		expect(normalizeOne(withSubtag('Exception_099'))).toMatchObject({ status: 'exception', detail: 'unknown_exception' });
		expect(normalizeOne(withSubtag('AvailableForPickup_002'))).toMatchObject({ status: 'available_for_pickup' });
		const payload = fixture('aftership', 'in-transit');
		payload.msg.tag = 'Teleported';
		payload.msg.subtag = null;
		expect(normalizeOne(payload).status).toBe('unknown');
	});

	it.each(Object.keys(AFTERSHIP_TAGS))('tag %s alone maps to a valid event', (tag) => {
		const payload = fixture('aftership', 'in-transit');
		payload.msg.tag = tag;
		payload.msg.subtag = null;
		expect(normalizeOne(payload).status).toBe(AFTERSHIP_TAGS[tag]?.status);
	});
});
