import { MemoryTokenCache } from '../../../lib/carriers/oauth';
import { CarrierError, type CarrierContext, type TrackResult } from '../../../lib/carriers/types';
import { uspsAdapter } from '../../../lib/carriers/usps';
import { mapUspsStatus, USPS_STATUS_CATEGORIES } from '../../../lib/carriers/usps-status';
import type { HttpFn } from '../../../lib/http';
import { axiosHttp } from '../../../lib/http/axios';
import { SHIPMENT_STATUSES, type ShipmentEvent } from '../../../lib/model/event';
import { CarrierServer, reply } from './carrierServer';
import { carrierFixture, failureOf, successEvent } from './adapterTest';

const NUMBER = '9400100000000000000000';
const TOKEN = '/oauth2/v3/token';
const TRACK = `/tracking/v3/tracking/${NUMBER}`;
const NOW = new Date('2026-03-03T21:00:00Z');

const fixture = (name: string) => carrierFixture('usps', name);
const token = (accessToken = 'usps-token-1') => reply.json({ ...fixture('token'), access_token: accessToken });

let server: CarrierServer;
beforeAll(async () => {
	server = await CarrierServer.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function context(overrides: Partial<CarrierContext> = {}): CarrierContext {
	return {
		http: axiosHttp,
		credentials: { clientId: 'test-client-id', clientSecret: 'test-secret', baseUrl: `${server.url}/` },
		tokens: new MemoryTokenCache(),
		now: () => NOW,
		...overrides,
	};
}

async function trackOne(ctx = context()): Promise<TrackResult> {
	const results = await uspsAdapter.track([NUMBER], ctx);
	expect(results).toHaveLength(1);
	return results[0]!;
}

const eventOf = successEvent;

const errorOf = (result: TrackResult | undefined) => failureOf(result, new RegExp(NUMBER));

describe('USPS adapter against a local Tracking v3 API', () => {
	it('maps a delivered item field by field and sends the documented request', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('delivered')));
		expect(eventOf(await trackOne())).toEqual({
			id: expect.stringMatching(/^usps:[0-9a-f]{32}$/),
			provider: 'usps',
			carrier: 'usps',
			trackingNumber: NUMBER,
			status: 'delivered',
			occurredAt: '2026-03-03T14:12:00-06:00',
			deliveredAt: '2026-03-03T14:12:00-06:00',
			service: 'USPS Ground Advantage',
			providerStatus: 'Delivered',
			providerSubStatus: '01',
			carrierMessage: 'Your item was delivered in or at the mailbox at 2:12 pm on March 3, 2026 in SPRINGFIELD, IL 62701.',
			location: { city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' },
			destination: { city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' },
			checkpointCount: 6,
		});

		const [tokenCall] = server.calls('POST', TOKEN);
		const form = new URLSearchParams(tokenCall!.body);
		expect([form.get('grant_type'), form.get('client_id'), form.get('client_secret')]).toEqual(['client_credentials', 'test-client-id', 'test-secret']);
		const [trackCall] = server.calls('GET', TRACK);
		expect(trackCall!.headers.authorization).toBe('Bearer usps-token-1');
		expect(trackCall!.query).toEqual({ expand: 'DETAIL' });
	});

	it('the delivery scan names who took it', async () => {
		const body = fixture('delivered');
		body.trackingEvents[0].name = 'PAT';
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(body));
		expect(eventOf(await trackOne()).signedBy).toBe('PAT');
	});

	it('in transit with the expected delivery time stamp', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('in-transit')));
		expect(eventOf(await trackOne())).toMatchObject({
			status: 'in_transit',
			detail: 'departed',
			occurredAt: '2026-03-02T21:30:00-06:00',
			estimatedDelivery: '2026-03-04T21:00:00-06:00',
			location: { city: 'CHICAGO IL DISTRIBUTION CENTER' },
			checkpointCount: 3,
		});
	});

	it('out for delivery; an estimate without an offset stays a calendar date', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('out-for-delivery')));
		expect(eventOf(await trackOne())).toMatchObject({
			status: 'out_for_delivery',
			occurredAt: '2026-03-03T07:10:00-06:00',
			estimatedDelivery: '2026-03-03',
		});
	});

	it('an Alert with "undeliverable as addressed" is an address exception', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('alert-address')));
		const event = eventOf(await trackOne());
		expect(event).toMatchObject({ status: 'exception', detail: 'address_issue', providerStatus: 'Alert', providerSubStatus: '05' });
		expect(event.carrierMessage).toMatch(/could not be delivered as addressed/);
	});

	it('not found: a 404, a 400 that says so, and a 200 carrying an error', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('not-found'), 404));
		const error = errorOf(await trackOne());
		expect([error.code, error.details.providerCode, error.details.httpStatus, error.retryable]).toEqual(['not_found', '150002', 404, false]);

		server.on('GET', TRACK, reply.json(fixture('not-found'), 400));
		expect(errorOf(await trackOne()).code).toBe('not_found');

		server.on('GET', TRACK, reply.json(fixture('not-found')));
		expect(errorOf(await trackOne()).code).toBe('not_found');

		server.on('GET', TRACK, reply.json({ error: { code: '400', message: 'Invalid request' } }, 400));
		expect(errorOf(await trackOne()).code).toBe('invalid_request');
	});

	it('an expired token: 401, one refresh, the call made again', async () => {
		server.on('POST', TOKEN, token('usps-token-1'), token('usps-token-2'));
		server.on('GET', TRACK, reply.json({ error: { code: '401', message: 'Unauthorized' } }, 401), reply.json(fixture('delivered')));
		expect(eventOf(await trackOne()).status).toBe('delivered');
		expect(server.calls('POST', TOKEN)).toHaveLength(2);
		expect(server.calls('GET', TRACK).map((call) => call.headers.authorization)).toEqual(['Bearer usps-token-1', 'Bearer usps-token-2']);
	});

	it('a second 401 after the refresh is an auth error', async () => {
		server.on('POST', TOKEN, token('usps-token-1'), token('usps-token-2'));
		server.on('GET', TRACK, reply.json({ error: { code: '401', message: 'Unauthorized' } }, 401));
		expect([errorOf(await trackOne()).code, server.calls('GET', TRACK).length]).toEqual(['auth', 2]);
	});

	it('caches the token across lookups', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('in-transit')));
		const ctx = context();
		await trackOne(ctx);
		await trackOne(ctx);
		expect(server.calls('POST', TOKEN)).toHaveLength(1);
		expect(server.calls('GET', TRACK)).toHaveLength(2);
	});

	it('429 (the hourly quota) is rate_limited with the Retry-After wait', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.rateLimited(3600, fixture('rate-limited')));
		const error = errorOf(await trackOne());
		expect([error.code, error.details.retryAfterMs, error.retryable]).toEqual(['rate_limited', 3_600_000, true]);
	});

	it('5xx is a server error', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.serverError(500));
		expect([errorOf(await trackOne()).code]).toEqual(['server']);
	});

	it('broken JSON, or JSON of another shape, is malformed', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.malformedJson());
		expect(errorOf(await trackOne()).code).toBe('malformed');

		server.on('GET', TRACK, reply.json({ trackingNumber: NUMBER, statusCategory: 7 }));
		const error = errorOf(await trackOne());
		expect(error.code).toBe('malformed');
		expect(error.message).toContain('statusCategory');

		server.on('GET', TRACK, reply.json({ trackingNumber: NUMBER, eventSummaries: ['summary only'] }));
		expect(errorOf(await trackOne()).code).toBe('malformed');
	});

	it('no answer in time is a timeout', async () => {
		const impatient: HttpFn = (req) => axiosHttp({ ...req, timeoutMs: 200 });
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.hang());
		const error = errorOf(await trackOne(context({ http: impatient })));
		expect([error.code, error.retryable]).toEqual(['timeout', true]);
	});

	it('testCredentials fetches a fresh token, and rejects a refused one', async () => {
		server.on('POST', TOKEN, token());
		await uspsAdapter.testCredentials(context());
		expect(server.calls('POST', TOKEN)).toHaveLength(1);
		server.on('POST', TOKEN, reply.json({ error: 'invalid_client' }, 401));
		await expect(uspsAdapter.testCredentials(context())).rejects.toMatchObject({ code: 'auth' });
	});

	it('declares one number per request and the hourly quota', () => {
		expect(uspsAdapter).toMatchObject({ id: 'usps', maxBatch: 1, rateLimit: { requests: 60, perMs: 3_600_000 } });
	});
});

describe('USPS status mapping', () => {
	it.each([
		['Pre-Shipment', 'MA', 'info_received', undefined],
		['Accepted', '03', 'in_transit', 'picked_up'],
		['In Transit', '10', 'in_transit', 'arrived_at_facility'],
		['Out for Delivery', 'OF', 'out_for_delivery', undefined],
		['Delivered', '17', 'delivered', 'delivered_to_third_party'],
		['Available for Pickup', '16', 'available_for_pickup', 'pickup_point'],
		['Delivery Attempt', '02', 'attempt_failed', 'recipient_unavailable'],
		['Alert', '04', 'exception', 'refused'],
		['Alert', '21', 'returning', 'return_to_sender'],
		['Alert', 'GX', 'cancelled', 'cancelled'],
		['In-Transit', 'Z9', 'in_transit', undefined], // an unknown code falls back to the category
		['Alert', undefined, 'exception', 'unknown_exception'],
		['Something New', undefined, 'unknown', undefined],
		[undefined, undefined, 'unknown', undefined],
	])('%s / %s → %s / %s', (category, code, status, detail) => {
		expect(mapUspsStatus(category, code)).toEqual(detail ? { status, detail } : { status });
	});

	it('every category maps onto a ShipmentStatus', () => {
		for (const mapped of Object.values(USPS_STATUS_CATEGORIES)) expect(SHIPMENT_STATUSES).toContain(mapped.status);
	});
});
