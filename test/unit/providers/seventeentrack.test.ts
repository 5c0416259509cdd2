import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShipmentEventSchema, type ShipmentEvent } from '../../../lib/model/event';
import { normalize, verifyWebhook } from '../../../lib/normalize';
import { seventeentrack, seventeenTrackEvent } from '../../../lib/providers/seventeentrack';
import { SEVENTEENTRACK_STATUSES, SEVENTEENTRACK_SUB_STATUSES } from '../../../lib/providers/seventeentrack-status';
import { PayloadError } from '../../../lib/model/errors';

const KEY = '7F3A9C2E1B5D4F60A8C7E6D5B4A39281';
const raw = (name: string): Buffer => readFileSync(join(__dirname, '..', '..', 'fixtures', 'seventeentrack', `${name}.json`));
const fixture = (name: string): Record<string, any> => JSON.parse(raw(name).toString('utf8'));
const sign = (body: Buffer, key = KEY): string => createHash('sha256').update(`${body.toString('utf8')}/${key}`, 'utf8').digest('hex');

function normalizeOne(payload: unknown): ShipmentEvent {
	const events = seventeentrack.normalize(payload);
	expect(events).toHaveLength(1);
	const event = events[0] as ShipmentEvent;
	const parsed = ShipmentEventSchema.safeParse(event);
	if (!parsed.success) throw new Error(parsed.error.message);
	return event;
}

function withStatus(status: string, subStatus: string | null): Record<string, any> {
	const payload = fixture('in-transit');
	payload.data.track_info.latest_status = { status, sub_status: subStatus, sub_status_descr: null };
	return payload;
}

describe('17TRACK fixtures', () => {
	it('maps a delivered push field by field', () => {
		const event = normalizeOne(fixture('delivered'));
		expect(event).toEqual({
			id: event.id,
			provider: 'seventeentrack',
			providerTrackingId: '21051/9400100000000000000002',
			trackingNumber: '9400100000000000000002',
			carrier: 'usps',
			status: 'delivered',
			providerStatus: 'Delivered',
			providerSubStatus: 'Delivered_Other',
			carrierMessage: 'Delivered, In/At Mailbox',
			occurredAt: '2025-06-05T19:10:00Z',
			location: { city: 'Davis', state: 'CA', postalCode: '95616', country: 'US' },
			estimatedDelivery: '2025-06-05T00:00:00Z',
			estimatedDeliveryLatest: '2025-06-06T00:00:00Z',
			deliveredAt: '2025-06-05T19:10:00Z',
			orderNumber: '1042',
			checkpointCount: 4,
		});
		expect(event.id).toMatch(/^seventeentrack:[0-9a-f]{32}$/);
	});

	it('maps an in-transit departure and names the carrier from the provider when the code is unknown', () => {
		expect(normalizeOne(fixture('in-transit'))).toMatchObject({ status: 'in_transit', detail: 'departed', carrier: 'usps' });
		const payload = fixture('in-transit');
		payload.data.carrier = 190271;
		payload.data.track_info.tracking.providers[0].provider.name = 'Canada Post';
		expect(normalizeOne(payload).carrier).toBe('canada_post');
		delete payload.data.track_info.tracking;
		expect(normalizeOne(payload).carrier).toBe('190271');
	});

	it('falls back to the provider sync time when there is no event yet', () => {
		const payload = fixture('in-transit');
		payload.data.track_info.latest_event = null;
		expect(normalizeOne(payload).occurredAt).toBe('2025-06-03T16:30:00Z');
	});

	it('returns nothing for TRACKING_STOPPED', () => {
		expect(seventeentrack.normalize(fixture('stopped'))).toEqual([]);
	});

	it('maps a gettrackinfo entry the same way', () => {
		const payload = fixture('delivered');
		expect(seventeenTrackEvent(payload.data)).toEqual(normalizeOne(payload));
	});
});

describe('17TRACK status tables', () => {
	const statuses = Object.keys(SEVENTEENTRACK_STATUSES);
	const subs = Object.keys(SEVENTEENTRACK_SUB_STATUSES);

	it('covers every documented status and sub-status', () => {
		expect(statuses).toHaveLength(9);
		expect(subs).toHaveLength(30);
		// Every sub-status belongs to a documented status.
		for (const sub of subs) expect(statuses).toContain(sub.split('_')[0]);
	});

	it.each(subs.map((sub) => [sub.split('_')[0], sub]))('%s / %s maps to a valid event', (status, sub) => {
		expect(normalizeOne(withStatus(status as string, sub as string)).providerSubStatus).toBe(sub);
	});

	it.each([
		['NotFound', null, 'pending', 'no_information'],
		['NotFound', 'NotFound_InvalidCode', 'unknown', 'no_information'],
		['InfoReceived', 'InfoReceived', 'info_received', undefined],
		['InTransit', 'InTransit_PickedUp', 'in_transit', 'picked_up'],
		['InTransit', 'InTransit_CustomsRequiringInformation', 'exception', 'customs_hold'],
		['Expired', 'Expired_Other', 'expired', undefined],
		['AvailableForPickup', null, 'available_for_pickup', 'pickup_point'],
		['OutForDelivery', 'OutForDelivery_Other', 'out_for_delivery', undefined],
		['DeliveryFailure', 'DeliveryFailure_NoBody', 'attempt_failed', 'recipient_unavailable'],
		['DeliveryFailure', 'DeliveryFailure_InvalidAddress', 'attempt_failed', 'address_issue'],
		['Exception', 'Exception_Returning', 'returning', 'return_to_sender'],
		['Exception', 'Exception_Returned', 'returned', 'return_to_sender'],
		['Exception', 'Exception_Lost', 'exception', 'lost'],
		['Exception', 'Exception_Cancel', 'cancelled', 'cancelled'],
		['Exception', 'Exception_Brandnew', 'exception', 'unknown_exception'],
		['Teleported', null, 'unknown', undefined],
	])('%s / %s means %s / %s', (status, sub, expected, detail) => {
		const event = normalizeOne(withStatus(status as string, sub as string | null));
		expect([event.status, event.detail]).toEqual([expected, detail]);
	});
});

describe('17TRACK signature (sign)', () => {
	const body = raw('delivered');
	const secrets = { webhookSecret: KEY };

	it('accepts sha256(body + "/" + key), any header and hex case', () => {
		expect(seventeentrack.verify(body, { sign: sign(body) }, secrets)).toBe(true);
		expect(seventeentrack.verify(body, { Sign: sign(body).toUpperCase() }, secrets)).toBe(true);
		expect(verifyWebhook('seventeentrack', body.toString('utf8'), { sign: sign(body) }, secrets)).toBe(true);
	});

	it('rejects a wrong, missing or tampered signature, and an empty key', () => {
		expect(seventeentrack.verify(body, { sign: sign(body, 'other') }, secrets)).toBe(false);
		expect(seventeentrack.verify(body, {}, secrets)).toBe(false);
		expect(seventeentrack.verify(body, { sign: '' }, secrets)).toBe(false);
		const tampered = Buffer.from(body.toString('utf8').replace('"Delivered_Other"', '"InTransit_Other"'), 'utf8');
		expect(tampered.equals(body)).toBe(false);
		expect(seventeentrack.verify(tampered, { sign: sign(body) }, secrets)).toBe(false);
		expect(seventeentrack.verify(body, { sign: sign(body, '') }, { webhookSecret: '' })).toBe(false);
	});

	it('is not an HMAC', () => {
		const hmac = createHmac('sha256', KEY).update(body).digest('hex');
		expect(seventeentrack.verify(body, { sign: hmac }, secrets)).toBe(false);
	});
});

describe('malformed 17TRACK payloads', () => {
	const PII = ['9400100000000000000002', 'Davis', '95616', '1042'];

	it.each<[string, (p: Record<string, any>) => void, string, RegExp]>([
		['no event', (p) => delete p.event, 'event', /required/],
		['no data', (p) => delete p.data, 'data', /required/],
		['no number', (p) => delete p.data.number, 'data.number', /required/],
		['a string carrier', (p) => (p.data.carrier = 'usps'), 'data.carrier', /expected number/],
		['no track_info', (p) => delete p.data.track_info, 'data.track_info', /required/],
		['no latest status', (p) => delete p.data.track_info.latest_status.status, 'data.track_info.latest_status.status', /required/],
		['events not a list', (p) => (p.data.track_info.tracking.providers[0].events = 'x'), 'data.track_info.tracking.providers[0].events', /expected array/],
		['no time at all', (p) => {
			p.data.track_info.latest_event = null;
			delete p.data.track_info.tracking;
		}, 'data.track_info.latest_event.time_utc', /required/],
	])('%s', (_label, mutate, field, message) => {
		const payload = fixture('delivered');
		mutate(payload);
		let error: unknown;
		try {
			normalize('seventeentrack', payload);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(PayloadError);
		expect((error as PayloadError).field).toBe(field);
		expect((error as PayloadError).message).toMatch(message);
		for (const value of PII) expect((error as PayloadError).message).not.toContain(value);
	});
});
