import { dhlAdapter } from '../../../lib/carriers/dhl';
import { DHL_STATUS_CODES, mapDhlStatus } from '../../../lib/carriers/dhl-status';
import { MemoryTokenCache } from '../../../lib/carriers/oauth';
import { CarrierError, type CarrierContext, type TrackResult } from '../../../lib/carriers/types';
import type { HttpFn } from '../../../lib/http';
import { axiosHttp } from '../../../lib/http/axios';
import type { ShipmentEvent } from '../../../lib/model/event';
import { CarrierServer, reply } from './carrierServer';
import { carrierFixture, failureOf, successEvent } from './adapterTest';

const TRACK = '/track/shipments';
const NOW = new Date('2026-11-18T21:00:00Z');

const fixture = (name: string) => carrierFixture('dhl', name);

let server: CarrierServer;
beforeAll(async () => {
	server = await CarrierServer.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function context(overrides: Partial<CarrierContext> = {}): CarrierContext {
	return {
		http: axiosHttp,
		credentials: { apiKey: 'test-dhl-key', baseUrl: server.url },
		tokens: new MemoryTokenCache(),
		now: () => NOW,
		...overrides,
	};
}

async function track(numbers: string[], ctx = context()): Promise<TrackResult[]> {
	const results = await dhlAdapter.track(numbers, ctx);
	expect(results.map((result) => result.trackingNumber)).toEqual(numbers);
	return results;
}

const eventOf = successEvent;

const errorOf = (result: TrackResult | undefined) => failureOf(result, /12345678|A\.TESTER|Amsterdam/i);

/** Answers each number with its fixture, like DHL: one number per GET. */
function byNumber(fixtures: Record<string, string>) {
	return (req: { query: Record<string, string> }) => {
		const name = fixtures[req.query.trackingNumber ?? ''];
		return name ? reply.json(fixture(name)) : reply.json(fixture('not-found'), 404, { 'content-type': 'application/problem+json' });
	};
}

describe('dhlAdapter', () => {
	it('maps a delivered Express shipment and sends the documented request', async () => {
		server.on('GET', TRACK, reply.json(fixture('delivered')));
		const event = eventOf((await track(['1234567891']))[0]);
		expect(event).toMatchObject({
			provider: 'dhl',
			carrier: 'dhl',
			trackingNumber: '1234567891',
			status: 'delivered',
			detail: 'delivered_signed',
			providerStatus: 'delivered',
			occurredAt: '2026-11-18T11:02:00+01:00',
			deliveredAt: '2026-11-18T11:02:00+01:00',
			signedBy: 'A.TESTER',
			service: 'DHL Express Worldwide',
			location: { city: 'Amsterdam - Netherlands', postalCode: '1043', country: 'NL' },
			destination: { city: 'Amsterdam - Netherlands', postalCode: '1043', country: 'NL' },
			checkpointCount: 4,
		});
		expect(event.id).toMatch(/^dhl:[0-9a-f]{32}$/);
		const [call] = server.calls('GET', TRACK);
		expect(call!.query).toEqual({ trackingNumber: '1234567891', language: 'en' });
		expect(call!.headers['dhl-api-key']).toBe('test-dhl-key');
	});

	it('in transit: the status time with its offset, the time frame as estimate and latest', async () => {
		server.on('GET', TRACK, reply.json(fixture('in-transit-window')));
		const event = eventOf((await track(['1234567892']))[0]);
		expect(event).toMatchObject({
			status: 'in_transit',
			detail: 'arrived_at_facility',
			occurredAt: '2026-11-17T06:30:00+01:00',
			estimatedDelivery: '2026-11-19T09:00:00+01:00',
			estimatedDeliveryLatest: '2026-11-19T18:00:00+01:00',
		});
		expect(event.deliveredAt).toBeUndefined();
	});

	it('out for delivery ("With delivery courier")', async () => {
		server.on('GET', TRACK, reply.json(fixture('out-for-delivery')));
		const event = eventOf((await track(['1234567893']))[0]);
		expect(event).toMatchObject({ status: 'out_for_delivery', estimatedDelivery: '2026-11-18T18:00:00+01:00', carrierMessage: 'With delivery courier' });
	});

	it('a failure with its reason: a failed attempt, nobody at home', async () => {
		server.on('GET', TRACK, reply.json(fixture('failure')));
		const event = eventOf((await track(['1234567894']))[0]);
		expect(event).toMatchObject({ status: 'attempt_failed', detail: 'recipient_unavailable', providerStatus: 'failure' });
	});

	it('the OpenAPI eCommerce example: local times without offset are read as UTC', async () => {
		server.on('GET', TRACK, reply.json(fixture('ecommerce-local-time')));
		const event = eventOf((await track(['GMDBD8E9CCE94842E495B7']))[0]);
		expect(event).toMatchObject({
			status: 'in_transit',
			detail: 'arrived_at_facility',
			occurredAt: '2023-01-29T16:02:00Z',
			service: 'DHL Parcel Intl Standard',
			checkpointCount: 2,
		});
	});

	it('three numbers, one unknown (404 problem JSON): one request each, the others succeed', async () => {
		server.on('GET', TRACK, byNumber({ '1234567891': 'delivered', '1234567892': 'in-transit-window' }));
		const results = await track(['1234567891', '0000000404', '1234567892']);
		expect(eventOf(results[0]).status).toBe('delivered');
		const error = errorOf(results[1]);
		expect([error.code, error.details.httpStatus, error.retryable]).toEqual(['not_found', 404, false]);
		expect(eventOf(results[2]).status).toBe('in_transit');
		expect(server.calls('GET', TRACK).map((call) => call.query.trackingNumber)).toEqual(['1234567891', '0000000404', '1234567892']);
	});

	it('a wrong key (401) is an auth error', async () => {
		server.on('GET', TRACK, reply.json(fixture('unauthorized'), 401));
		const error = errorOf((await track(['1234567891']))[0]);
		expect([error.code, error.details.httpStatus, error.retryable]).toEqual(['auth', 401, false]);
	});

	it('429 is rate_limited with the Retry-After wait', async () => {
		server.on('GET', TRACK, reply.rateLimited(120, fixture('too-many-requests')));
		const error = errorOf((await track(['1234567891']))[0]);
		expect([error.code, error.details.retryAfterMs, error.retryable]).toEqual(['rate_limited', 120_000, true]);
	});

	it('5xx is a server error', async () => {
		server.on('GET', TRACK, reply.serverError(502));
		const error = errorOf((await track(['1234567891']))[0]);
		expect([error.code, error.details.httpStatus, error.retryable]).toEqual(['server', 502, true]);
	});

	it('broken JSON, or JSON of another shape, is malformed', async () => {
		server.on('GET', TRACK, reply.malformedJson());
		expect(errorOf((await track(['1234567891']))[0]).code).toBe('malformed');
		server.on('GET', TRACK, reply.json({ shipments: [{ id: '1234567891', status: { statusCode: 'transit' } }] }));
		expect(errorOf((await track(['1234567891']))[0]).code).toBe('malformed');
	});

	it('an empty shipments[] is not found', async () => {
		server.on('GET', TRACK, reply.json({ shipments: [] }));
		expect(errorOf((await track(['1234567891']))[0]).code).toBe('not_found');
	});

	it('no answer in time is a timeout', async () => {
		const impatient: HttpFn = (req) => axiosHttp({ ...req, timeoutMs: 200 });
		server.on('GET', TRACK, reply.hang());
		const error = errorOf((await track(['1234567891'], context({ http: impatient })))[0]);
		expect([error.code, error.retryable]).toEqual(['timeout', true]);
	});

	it('passes the service hint when the credential has one', async () => {
		server.on('GET', TRACK, reply.json(fixture('delivered')));
		await track(['1234567891'], context({ credentials: { apiKey: 'k', baseUrl: server.url, service: 'express' } }));
		expect(server.calls('GET', TRACK)[0]!.query.service).toBe('express');
	});

	it('testCredentials: a 404 proves the key, 401 and 403 refuse it', async () => {
		server.on('GET', TRACK, reply.json(fixture('not-found'), 404));
		await expect(dhlAdapter.testCredentials(context())).resolves.toBeUndefined();
		expect(server.calls('GET', TRACK)).toHaveLength(1);
		server.on('GET', TRACK, reply.json(fixture('unauthorized'), 401));
		await expect(dhlAdapter.testCredentials(context())).rejects.toMatchObject({ code: 'auth' });
		server.on('GET', TRACK, reply.json({ status: 403, title: 'Forbidden' }, 403));
		await expect(dhlAdapter.testCredentials(context())).rejects.toMatchObject({ code: 'auth' });
		await expect(dhlAdapter.testCredentials(context({ credentials: { apiKey: '' } }))).rejects.toMatchObject({ code: 'auth' });
	});

	it('declares one number per request and the default daily quota', () => {
		expect(dhlAdapter).toMatchObject({ id: 'dhl', maxBatch: 1, rateLimit: { requests: 250, perMs: 86_400_000 } });
	});
});

describe('mapDhlStatus', () => {
	it('maps every statusCode', () => {
		expect(Object.keys(DHL_STATUS_CODES).map((code) => mapDhlStatus(code, '').status)).toEqual([
			'info_received',
			'in_transit',
			'delivered',
			'exception',
			'unknown',
		]);
		expect(mapDhlStatus('failure', '')).toEqual({ status: 'exception', detail: 'unknown_exception' });
	});

	it.each([
		['pre-transit', 'Shipment information received', { status: 'info_received' }],
		['unknown', 'LABEL CREATED', { status: 'info_received' }],
		['unknown', 'SCANNED INTO SACK/CONTAINER', { status: 'unknown' }],
		['transit', 'Shipment picked up', { status: 'in_transit', detail: 'picked_up' }],
		['transit', 'Departed Facility in LEIPZIG', { status: 'in_transit', detail: 'departed' }],
		['transit', 'ARRIVED AT CUSTOMS', { status: 'in_transit', detail: 'arrived_at_facility' }],
		['transit', 'Clearance delay - import documents required', { status: 'in_transit', detail: 'customs_hold' }],
		['transit', 'The shipment has been loaded onto the delivery vehicle', { status: 'out_for_delivery' }],
		['transit', 'The shipment is ready for pick-up at the PACKSTATION', { status: 'available_for_pickup', detail: 'pickup_point' }],
		['transit', 'Shipment on hold', { status: 'exception', detail: 'held_at_carrier' }],
		['transit', 'Delivery delayed due to weather conditions', { status: 'in_transit', detail: 'weather' }],
		['failure', 'Address information incorrect', { status: 'exception', detail: 'address_issue' }],
		['failure', 'The recipient refused to accept the shipment', { status: 'exception', detail: 'refused' }],
		['failure', 'The shipment could not be delivered', { status: 'attempt_failed' }],
		['failure', 'Returned to shipper', { status: 'returning', detail: 'return_to_sender' }],
		['delivered', 'The shipment has been delivered to the neighbour', { status: 'delivered', detail: 'delivered_to_third_party' }],
		['delivered', 'Delivered', { status: 'delivered' }],
	])('%s + %s', (code, words, expected) => {
		expect(mapDhlStatus(code, words)).toEqual(expected);
	});

	it('a delivered return (returnFlag) is back with the sender', () => {
		expect(mapDhlStatus('delivered', 'Delivered', true)).toEqual({ status: 'returned', detail: 'return_to_sender' });
		expect(mapDhlStatus('transit', 'Processed', true)).toEqual({ status: 'returning', detail: 'return_to_sender' });
	});
});
