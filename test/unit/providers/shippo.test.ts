import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShipmentEventSchema, type ShipmentEvent } from '../../../lib/model/event';
import { normalize, verifyWebhook } from '../../../lib/normalize';
import { shippo, shippoTrackEvent, SHIPPO_TOKEN_HEADER, withShippoQueryToken } from '../../../lib/providers/shippo';
import { SHIPPO_STATUSES, SHIPPO_SUBSTATUSES } from '../../../lib/providers/shippo-status';
import { PayloadError } from '../../../lib/model/errors';

const SECRET = 'shippo_whsec_5d4c3b2a19';
const raw = (name: string): Buffer => readFileSync(join(__dirname, '..', '..', 'fixtures', 'shippo', `${name}.json`));
const fixture = (name: string): Record<string, any> => JSON.parse(raw(name).toString('utf8'));

function normalizeOne(payload: unknown): ShipmentEvent {
	const events = shippo.normalize(payload);
	expect(events).toHaveLength(1);
	const event = events[0] as ShipmentEvent;
	const parsed = ShipmentEventSchema.safeParse(event);
	if (!parsed.success) throw new Error(parsed.error.message);
	return event;
}

function withStatus(status: string, code: string | null): Record<string, any> {
	const payload = fixture('in-transit');
	payload.data.tracking_status.status = status;
	payload.data.tracking_status.substatus = code === null ? null : { code, text: 'x', action_required: false };
	return payload;
}

function sign(body: Buffer, t = '1746111600', secret = SECRET): string {
	return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex')}`;
}

describe('Shippo fixtures', () => {
	it('maps a delivered track_updated field by field', () => {
		expect(normalizeOne(fixture('delivered'))).toEqual({
			id: 'shippo:c1a0b7e1f2d34a5b9c8d7e6f5a4b3c25',
			provider: 'shippo',
			providerEventId: 'c1a0b7e1f2d34a5b9c8d7e6f5a4b3c25',
			providerTrackingId: 'usps/9205590000000000000001',
			trackingNumber: '9205590000000000000001',
			carrier: 'usps',
			service: 'Ground Advantage',
			status: 'delivered',
			providerStatus: 'DELIVERED',
			providerSubStatus: 'delivered',
			carrierMessage: 'Delivered, front door/porch.',
			occurredAt: '2025-05-05T18:25:00Z',
			location: { city: 'Davis', state: 'CA', postalCode: '95616', country: 'US' },
			destination: { city: 'Davis', state: 'CA', postalCode: '95616', country: 'US' },
			estimatedDelivery: '2025-05-06T00:00:00Z',
			previousEstimatedDelivery: '2025-05-05T00:00:00Z',
			deliveredAt: '2025-05-05T18:25:00Z',
			orderNumber: 'Order 1042',
			checkpointCount: 5,
		});
	});

	it('maps an in-transit departure', () => {
		expect(normalizeOne(fixture('in-transit'))).toMatchObject({ status: 'in_transit', detail: 'departed', checkpointCount: 3 });
	});

	it('returns nothing for transaction and batch events', () => {
		expect(shippo.normalize({ event: 'transaction_updated', test: false, data: { object_id: 'x' } })).toEqual([]);
		expect(shippo.normalize({ event: 'batch_purchased', data: {} })).toEqual([]);
	});

	it('maps a Track object from the API the same way', () => {
		const payload = fixture('delivered');
		expect(shippoTrackEvent(payload.data)).toEqual(normalizeOne(payload));
	});
});

describe('Shippo status tables', () => {
	const statuses = Object.keys(SHIPPO_STATUSES);
	const codes = Object.keys(SHIPPO_SUBSTATUSES);

	it('covers every documented status and substatus', () => {
		expect(statuses.sort()).toEqual(['DELIVERED', 'FAILURE', 'PRE_TRANSIT', 'RETURNED', 'TRANSIT', 'UNKNOWN']);
		expect(codes).toHaveLength(27);
	});

	it.each(statuses.flatMap((status) => [...codes, null].map((code) => [status, code])))('%s / %s maps to a valid event', (status, code) => {
		const event = normalizeOne(withStatus(status as string, code));
		expect(event.providerStatus).toBe(status);
	});

	it.each([
		['UNKNOWN', null, 'pending', 'no_information'],
		['PRE_TRANSIT', 'information_received', 'info_received', undefined],
		['TRANSIT', 'package_accepted', 'in_transit', 'picked_up'],
		['TRANSIT', 'delayed', 'in_transit', 'delay'],
		['TRANSIT', 'out_for_delivery', 'out_for_delivery', undefined],
		['TRANSIT', 'pickup_available', 'available_for_pickup', 'pickup_point'],
		['TRANSIT', 'address_issue', 'exception', 'address_issue'],
		['FAILURE', 'delivery_attempted', 'attempt_failed', undefined],
		['FAILURE', 'notice_left', 'attempt_failed', 'recipient_unavailable'],
		['FAILURE', 'package_lost', 'exception', 'lost'],
		['FAILURE', 'return_to_sender', 'returning', 'return_to_sender'],
		['FAILURE', 'other', 'exception', 'unknown_exception'],
		['RETURNED', 'return_to_sender', 'returned', 'return_to_sender'],
		['DELIVERED', 'package_damaged', 'delivered', 'damaged'],
		['DELIVERED', 'delivered', 'delivered', undefined],
		['TELEPORTED', null, 'unknown', undefined],
	])('%s / %s means %s / %s', (status, code, expected, detail) => {
		const event = normalizeOne(withStatus(status as string, code as string | null));
		expect([event.status, event.detail]).toEqual([expected, detail]);
	});
});

describe('Shippo authentication', () => {
	const body = raw('delivered');
	const secrets = { webhookSecret: SECRET };

	it('accepts the right Shippo-Auth-Signature, any header case', () => {
		expect(shippo.verify(body, { 'shippo-auth-signature': sign(body) }, secrets)).toBe(true);
		expect(shippo.verify(body, { 'Shippo-Auth-Signature': sign(body) }, secrets)).toBe(true);
		expect(verifyWebhook('shippo', body.toString('utf8'), { 'shippo-auth-signature': sign(body) }, secrets)).toBe(true);
	});

	it('rejects a wrong, missing, malformed or tampered signature', () => {
		expect(shippo.verify(body, { 'shippo-auth-signature': sign(body, '1746111600', 'other') }, secrets)).toBe(false);
		expect(shippo.verify(body, {}, secrets)).toBe(false);
		expect(shippo.verify(body, { 'shippo-auth-signature': sign(body).replace(/^t=\d+,/, '') }, secrets)).toBe(false);
		const signature = sign(body);
		expect(shippo.verify(body, { 'shippo-auth-signature': signature.replace('t=1746111600', 't=1746111601') }, secrets)).toBe(false);
		const tampered = Buffer.from(body.toString('utf8').replace('"DELIVERED"', '"TRANSIT"'), 'utf8');
		expect(tampered.equals(body)).toBe(false);
		expect(shippo.verify(tampered, { 'shippo-auth-signature': signature }, secrets)).toBe(false);
	});

	it('does not fall back to the token when a signature is present but wrong', () => {
		const headers = { 'shippo-auth-signature': sign(body, '1', 'other'), [SHIPPO_TOKEN_HEADER]: SECRET };
		expect(shippo.verify(body, headers, secrets)).toBe(false);
	});

	it('accepts the webhook URL token as the secret, and nothing else', () => {
		expect(shippo.verify(body, withShippoQueryToken({}, { token: SECRET }), secrets)).toBe(true);
		expect(shippo.verify(body, withShippoQueryToken({}, { token: 'guess' }), secrets)).toBe(false);
		expect(shippo.verify(body, withShippoQueryToken({}, {}), secrets)).toBe(false);
		expect(shippo.verify(body, withShippoQueryToken({}, { token: ['a', 'b'] }), secrets)).toBe(false);
	});

	it('refuses everything with an empty secret', () => {
		expect(shippo.verify(body, { [SHIPPO_TOKEN_HEADER]: '' }, { webhookSecret: '' })).toBe(false);
		expect(shippo.verify(body, { 'shippo-auth-signature': sign(body, '1', '') }, { webhookSecret: '' })).toBe(false);
	});
});

describe('malformed Shippo payloads', () => {
	const PII = ['9205590000000000000001', 'Davis', 'Order 1042', '95616'];

	it.each<[string, (p: Record<string, any>) => void, string, RegExp]>([
		['no event', (p) => delete p.event, 'event', /required/],
		['no data', (p) => delete p.data, 'data', /required/],
		['no tracking number', (p) => delete p.data.tracking_number, 'data.tracking_number', /required/],
		['a numeric tracking number', (p) => (p.data.tracking_number = 42), 'data.tracking_number', /expected string/],
		['no carrier', (p) => delete p.data.carrier, 'data.carrier', /required/],
		['no status', (p) => delete p.data.tracking_status.status, 'data.tracking_status.status', /required/],
		['history not a list', (p) => (p.data.tracking_history = {}), 'data.tracking_history', /expected array/],
		['no tracking status', (p) => (p.data.tracking_status = null), 'data.tracking_status', /required/],
		['no time at all', (p) => {
			const s = p.data.tracking_status;
			delete s.status_date; delete s.object_updated; delete s.object_created;
		}, 'data.tracking_status.status_date', /required/],
		['metadata as an object', (p) => (p.data.metadata = { order: 'Order 1042' }), 'data.metadata', /expected string/],
	])('%s', (_label, mutate, field, message) => {
		const payload = fixture('delivered');
		mutate(payload);
		let error: unknown;
		try {
			normalize('shippo', payload);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(PayloadError);
		expect((error as PayloadError).field).toBe(field);
		expect((error as PayloadError).message).toMatch(message);
		for (const value of PII) expect((error as PayloadError).message).not.toContain(value);
	});
});
