import { fedexAdapter } from '../../../lib/carriers/fedex';
import { FEDEX_STATUS_CODES, mapFedexStatus } from '../../../lib/carriers/fedex-status';
import { MemoryTokenCache } from '../../../lib/carriers/oauth';
import { CarrierError, type CarrierContext, type TrackResult } from '../../../lib/carriers/types';
import type { HttpFn } from '../../../lib/http';
import { axiosHttp } from '../../../lib/http/axios';
import { SHIPMENT_STATUSES, type ShipmentEvent } from '../../../lib/model/event';
import { CarrierServer, reply } from './carrierServer';
import { carrierFixture, failureOf, successEvent } from './adapterTest';

const TOKEN = '/oauth/token';
const TRACK = '/track/v1/trackingnumbers';
const NOW = new Date('2026-11-18T21:00:00Z');

const fixture = (name: string) => carrierFixture('fedex', name);
const token = (accessToken = 'fedex-token-1') => reply.json({ ...fixture('token'), access_token: accessToken });

let server: CarrierServer;
beforeAll(async () => {
	server = await CarrierServer.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function context(overrides: Partial<CarrierContext> = {}): CarrierContext {
	return {
		http: axiosHttp,
		credentials: { clientId: 'test-client-id', clientSecret: 'test-secret', baseUrl: server.url },
		tokens: new MemoryTokenCache(),
		now: () => NOW,
		...overrides,
	};
}

async function track(numbers: string[], ctx = context()): Promise<TrackResult[]> {
	const results = await fedexAdapter.track(numbers, ctx);
	expect(results.map((result) => result.trackingNumber)).toEqual(numbers);
	return results;
}

const eventOf = successEvent;

const errorOf = (result: TrackResult | undefined) => failureOf(result, /7946000|A\.TESTER|AUSTIN/);

describe('fedexAdapter', () => {
	it('maps a delivered package and sends the documented token and track requests', async () => {
		server.on('POST', TOKEN, token()).on('POST', TRACK, reply.json(fixture('delivered')));
		const event = eventOf((await track(['794600000001']))[0]);
		expect(event).toMatchObject({
			provider: 'fedex',
			carrier: 'fedex',
			trackingNumber: '794600000001',
			status: 'delivered',
			detail: 'delivered_signed',
			providerStatus: 'DL',
			occurredAt: '2026-11-18T14:32:00-06:00',
			deliveredAt: '2026-11-18T14:32:00-06:00',
			signedBy: 'A.TESTER',
			service: 'FedEx Ground',
			carrierMessage: 'Delivered',
			location: { city: 'AUSTIN', state: 'TX', postalCode: '78701', country: 'US' },
			destination: { city: 'AUSTIN', state: 'TX', country: 'US' },
			checkpointCount: 4,
		});
		expect(event.id).toMatch(/^fedex:[0-9a-f]{32}$/);

		const [tokenCall] = server.calls('POST', TOKEN);
		expect(Object.fromEntries(new URLSearchParams(tokenCall!.body))).toEqual({
			grant_type: 'client_credentials',
			client_id: 'test-client-id',
			client_secret: 'test-secret',
		});
		const [trackCall] = server.calls('POST', TRACK);
		expect(trackCall!.headers).toMatchObject({ authorization: 'Bearer fedex-token-1', 'x-locale': 'en_US' });
		expect(trackCall!.headers['content-type']).toContain('application/json');
		expect(JSON.parse(trackCall!.body)).toEqual({
			includeDetailedScans: true,
			trackingInfo: [{ trackingNumberInfo: { trackingNumber: '794600000001' } }],
		});
	});

	it('in transit: the latest scan with its offset, the estimate window as estimate and latest', async () => {
		server.on('POST', TOKEN, token()).on('POST', TRACK, reply.json(fixture('in-transit-window')));
		const event = eventOf((await track(['794600000002']))[0]);
		expect(event).toMatchObject({
			status: 'in_transit',
			detail: 'arrived_at_facility',
			providerStatus: 'AR',
			occurredAt: '2026-11-17T05:41:00-06:00',
			estimatedDelivery: '2026-11-19T10:00:00-06:00',
			estimatedDeliveryLatest: '2026-11-19T14:00:00-06:00',
			location: { city: 'DALLAS', state: 'TX', postalCode: '75261', country: 'US' },
		});
		expect(event.deliveredAt).toBeUndefined();
		expect(event.signedBy).toBeUndefined();
	});

	it('out for delivery, with the estimated delivery date', async () => {
		server.on('POST', TOKEN, token()).on('POST', TRACK, reply.json(fixture('out-for-delivery')));
		const event = eventOf((await track(['794600000003']))[0]);
		expect(event).toMatchObject({ status: 'out_for_delivery', occurredAt: '2026-11-18T07:10:00-06:00', estimatedDelivery: '2026-11-18T00:00:00-06:00' });
		expect(event.estimatedDeliveryLatest).toBeUndefined();
	});

	it('a delivery exception with an ancillary reason is a failed attempt, and says why', async () => {
		server.on('POST', TOKEN, token()).on('POST', TRACK, reply.json(fixture('exception')));
		const event = eventOf((await track(['794600000004']))[0]);
		expect(event).toMatchObject({
			status: 'attempt_failed',
			detail: 'recipient_unavailable',
			providerStatus: 'DE',
			providerSubStatus: '08',
			carrierMessage: 'Delivery exception: Customer not available or business closed',
		});
	});

	it('a batch of 3: one not found inside the 200, the others succeed, in the order asked', async () => {
		server.on('POST', TOKEN, token()).on('POST', TRACK, reply.json(fixture('batch-one-not-found')));
		const numbers = ['794600000001', '794600009999', '794600000002'];
		const results = await track(numbers);
		expect(eventOf(results[0]).status).toBe('delivered');
		const error = errorOf(results[1]);
		expect([error.code, error.details.providerCode, error.retryable]).toEqual(['not_found', 'TRACKING.TRACKINGNUMBER.NOTFOUND', false]);
		expect(eventOf(results[2]).status).toBe('in_transit');
		expect(server.calls('POST', TRACK)).toHaveLength(1);
		expect(JSON.parse(server.calls('POST', TRACK)[0]!.body).trackingInfo).toHaveLength(3);
	});

	it('an expired token: 401, one refresh, the call made again', async () => {
		server.on('POST', TOKEN, token('fedex-token-1'), token('fedex-token-2'));
		server.on('POST', TRACK, reply.json(fixture('unauthorized'), 401), reply.json(fixture('delivered')));
		expect(eventOf((await track(['794600000001']))[0]).status).toBe('delivered');
		expect(server.calls('POST', TOKEN)).toHaveLength(2);
		expect(server.calls('POST', TRACK).map((call) => call.headers.authorization)).toEqual(['Bearer fedex-token-1', 'Bearer fedex-token-2']);
	});

	it('a second 401 after the refresh is an auth error for every number', async () => {
		server.on('POST', TOKEN, token('fedex-token-1'), token('fedex-token-2'));
		server.on('POST', TRACK, reply.json(fixture('unauthorized'), 401));
		const results = await track(['794600000001', '794600000002']);
		for (const result of results) {
			const error = errorOf(result);
			expect([error.code, error.details.httpStatus, error.details.providerCode]).toEqual(['auth', 401, 'NOT.AUTHORIZED.ERROR']);
		}
		expect(server.calls('POST', TRACK)).toHaveLength(2);
	});

	it('caches the token across lookups', async () => {
		server.on('POST', TOKEN, token()).on('POST', TRACK, reply.json(fixture('in-transit-window')));
		const ctx = context();
		await track(['794600000002'], ctx);
		await track(['794600000002'], ctx);
		expect(server.calls('POST', TOKEN)).toHaveLength(1);
		expect(server.calls('POST', TRACK)).toHaveLength(2);
	});

	it('429 is rate_limited with the Retry-After wait; a spent daily quota waits for midnight GMT', async () => {
		server.on('POST', TOKEN, token()).on('POST', TRACK, reply.rateLimited(30, fixture('quota')));
		const error = errorOf((await track(['794600000001']))[0]);
		expect([error.code, error.details.retryAfterMs, error.retryable]).toEqual(['rate_limited', 30_000, true]);

		const daily = { errors: [{ code: 'TOO.MANY.REQUESTS.ERROR', message: 'Daily transaction quota exceeded. Retry after 12:00AM GMT' }] };
		server.on('POST', TRACK, reply.json(daily, 429));
		expect(errorOf((await track(['794600000001']))[0]).details.retryAfterMs).toBe(3 * 3_600_000);
	});

	it('5xx is a server error', async () => {
		server.on('POST', TOKEN, token()).on('POST', TRACK, reply.serverError(503));
		const error = errorOf((await track(['794600000001']))[0]);
		expect([error.code, error.details.httpStatus, error.retryable]).toEqual(['server', 503, true]);
	});

	it('broken JSON, or JSON of another shape, is malformed', async () => {
		server.on('POST', TOKEN, token()).on('POST', TRACK, reply.malformedJson());
		expect(errorOf((await track(['794600000001']))[0]).code).toBe('malformed');

		server.on('POST', TRACK, reply.json({ output: { completeTrackResults: [{ trackingNumber: '794600000001', trackResults: [{ scanEvents: 'none' }] }] } }));
		expect(errorOf((await track(['794600000001']))[0]).code).toBe('malformed');
	});

	it('no answer in time is a timeout', async () => {
		const impatient: HttpFn = (req) => axiosHttp({ ...req, timeoutMs: 200 });
		server.on('POST', TOKEN, token()).on('POST', TRACK, reply.hang());
		const error = errorOf((await track(['794600000001'], context({ http: impatient })))[0]);
		expect([error.code, error.retryable]).toEqual(['timeout', true]);
	});

	it('testCredentials fetches a fresh token, and rejects a refused one', async () => {
		server.on('POST', TOKEN, token());
		const ctx = context();
		await fedexAdapter.testCredentials(ctx);
		await fedexAdapter.testCredentials(ctx);
		expect(server.calls('POST', TOKEN)).toHaveLength(2);
		server.on('POST', TOKEN, reply.json({ errors: [{ code: 'NOT.AUTHORIZED.ERROR', message: 'The given client credentials were not valid.' }] }, 401));
		await expect(fedexAdapter.testCredentials(ctx)).rejects.toMatchObject({ code: 'auth' });
		await expect(fedexAdapter.testCredentials(context({ credentials: { clientId: '', clientSecret: '' } }))).rejects.toMatchObject({ code: 'auth' });
	});

	it('declares 30 numbers a request and the daily Track quota', () => {
		expect(fedexAdapter).toMatchObject({ id: 'fedex', maxBatch: 30, rateLimit: { requests: 100_000, perMs: 86_400_000 } });
	});
});

describe('mapFedexStatus', () => {
	it('maps every listed code onto a known status', () => {
		for (const [code, mapped] of Object.entries(FEDEX_STATUS_CODES)) {
			expect([code, SHIPMENT_STATUSES.includes(mapFedexStatus({ code }).status)]).toEqual([code, true]);
			expect(mapFedexStatus({ code }).status).toBe(mapped.status);
		}
	});

	it.each([
		[{ code: 'PU' }, { status: 'in_transit', detail: 'picked_up' }],
		[{ code: 'XX', derivedCode: 'IT' }, { status: 'in_transit' }],
		[{ code: 'HP' }, { status: 'available_for_pickup', detail: 'pickup_point' }],
		[{ code: 'CD' }, { status: 'exception', detail: 'customs_hold' }],
		[{ code: 'CA' }, { status: 'cancelled', detail: 'cancelled' }],
		[{ code: 'RS' }, { status: 'returning', detail: 'return_to_sender' }],
		[{ code: 'DY', delayType: 'WEATHER', delayStatus: 'DELAYED' }, { status: 'in_transit', detail: 'weather' }],
		[{ code: 'SE', reasons: ['Incorrect address'] }, { status: 'exception', detail: 'address_issue' }],
		[{ code: 'SE', reasons: ['Package refused by recipient'] }, { status: 'exception', detail: 'refused' }],
		[{ code: 'SE', reasons: ['Customer not available'] }, { status: 'attempt_failed', detail: 'recipient_unavailable' }],
		[{ code: 'DE', reasons: ['Business closed'] }, { status: 'attempt_failed', detail: 'business_closed' }],
		[{ code: 'DE', reasons: ['Future delivery requested'] }, { status: 'attempt_failed', detail: 'rescheduled' }],
		[{ code: 'AR', delayStatus: 'DELAYED' }, { status: 'in_transit', detail: 'carrier_delay' }],
		[{ code: 'DL', reasons: ['Package delayed'] }, { status: 'delivered' }],
		[{}, { status: 'unknown' }],
	])('%j → %j', (input, expected) => {
		expect(mapFedexStatus(input)).toEqual(expected);
	});
});
