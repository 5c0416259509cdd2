import { MemoryTokenCache } from '../../../lib/carriers/oauth';
import { CarrierError, type CarrierContext, type TrackResult } from '../../../lib/carriers/types';
import { upsAdapter } from '../../../lib/carriers/ups';
import { mapUpsStatus, UPS_STATUS_TYPES } from '../../../lib/carriers/ups-status';
import type { HttpFn } from '../../../lib/http';
import { axiosHttp } from '../../../lib/http/axios';
import type { ShipmentEvent } from '../../../lib/model/event';
import { CarrierServer, reply } from './carrierServer';
import { carrierFixture, failureOf, successEvent } from './adapterTest';

const NUMBER = '1Z999AA10123456784';
const TOKEN = '/security/v1/oauth/token';
const TRACK = `/api/track/v1/details/${NUMBER}`;
const NOW = new Date('2026-03-03T21:00:00Z');

const fixture = (name: string) => carrierFixture('ups', name);
const token = (accessToken = 'ups-token-1') => reply.json({ ...fixture('token'), access_token: accessToken });

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

async function trackOne(ctx = context()): Promise<TrackResult> {
	const results = await upsAdapter.track([NUMBER], ctx);
	expect(results).toHaveLength(1);
	expect(results[0]!.trackingNumber).toBe(NUMBER);
	return results[0]!;
}

const eventOf = successEvent;

const errorOf = (result: TrackResult | undefined) => failureOf(result, new RegExp(NUMBER));

describe('UPS adapter against a local Track API', () => {
	it('maps a delivered package field by field and sends the documented request', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('delivered')));
		const event = eventOf(await trackOne());
		expect(event).toEqual({
			id: expect.stringMatching(/^ups:[0-9a-f]{32}$/),
			provider: 'ups',
			carrier: 'ups',
			trackingNumber: NUMBER,
			status: 'delivered',
			detail: 'delivered_to_third_party', // left at the front door, nobody signed
			occurredAt: '2026-03-03T14:12:05-06:00',
			deliveredAt: '2026-03-03T14:12:05-06:00',
			service: 'UPS Ground',
			providerStatus: 'D',
			providerSubStatus: '011',
			carrierMessage: 'DELIVERED',
			location: { city: 'SPRINGFIELD', state: 'IL', postalCode: '62701', country: 'US' },
			destination: { city: 'SPRINGFIELD', state: 'IL', postalCode: '62701', country: 'US' },
			checkpointCount: 4,
		});

		const [tokenCall] = server.calls('POST', TOKEN);
		expect(tokenCall!.headers.authorization).toBe(`Basic ${Buffer.from('test-client-id:test-secret').toString('base64')}`);
		expect(new URLSearchParams(tokenCall!.body).get('grant_type')).toBe('client_credentials');
		expect(tokenCall!.body).not.toContain('test-secret');
		const [trackCall] = server.calls('GET', TRACK);
		expect(trackCall!.headers.authorization).toBe('Bearer ups-token-1');
		expect(trackCall!.headers.transid).toMatch(/^[0-9a-f]{32}$/);
		expect(trackCall!.headers.transactionsrc).toBe('n8n-postpurchase');
		expect(trackCall!.query).toEqual({ locale: 'en_US', returnSignature: 'false' });
	});

	it('a named receiver makes a signed delivery', async () => {
		const body = fixture('delivered');
		body.trackResponse.shipment[0].package[0].deliveryInformation.receivedBy = 'PAT';
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(body));
		const event = eventOf(await trackOne());
		expect([event.status, event.detail, event.signedBy]).toEqual(['delivered', 'delivered_signed', 'PAT']);
	});

	it('in transit: the latest scan with its offset, the scheduled date as the estimate', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('in-transit')));
		const event = eventOf(await trackOne());
		expect(event).toMatchObject({
			status: 'in_transit',
			occurredAt: '2026-03-02T23:01:00-06:00',
			estimatedDelivery: '2026-03-04',
			location: { city: 'Chicago', state: 'IL', country: 'US' },
			carrierMessage: 'Departed from Facility',
			checkpointCount: 2,
		});
		expect(event.detail).toBeUndefined();
		expect(event.deliveredAt).toBeUndefined();
	});

	it('out for delivery: the rescheduled date and the estimated window', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('out-for-delivery')));
		const event = eventOf(await trackOne());
		expect(event).toMatchObject({
			status: 'out_for_delivery',
			occurredAt: '2026-03-03T08:13:44-06:00',
			estimatedDelivery: '2026-03-03T13:30:00-06:00',
			estimatedDeliveryLatest: '2026-03-03T15:30:00-06:00',
		});
	});

	it('an address exception', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('exception-address')));
		const event = eventOf(await trackOne());
		expect(event).toMatchObject({ status: 'exception', detail: 'address_issue', providerStatus: 'X', estimatedDelivery: '2026-03-03' });
		expect(event.carrierMessage).toMatch(/^The address is incomplete/);
	});

	it('not found: a 404 with 151044, and a 200 whose shipment carries only a warning', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('not-found'), 404));
		const error = errorOf(await trackOne());
		expect([error.code, error.details.providerCode, error.details.httpStatus, error.retryable]).toEqual(['not_found', '151044', 404, false]);

		server.on('GET', TRACK, reply.json(fixture('not-found-warning')));
		const warned = errorOf(await trackOne());
		expect([warned.code, warned.details.providerCode]).toEqual(['not_found', 'TW0001']);
	});

	it('an expired token: 401, one refresh, the call made again', async () => {
		server.on('POST', TOKEN, token('ups-token-1'), token('ups-token-2'));
		server.on('GET', TRACK, reply.json(fixture('invalid-auth'), 401), reply.json(fixture('delivered')));
		expect(eventOf(await trackOne()).status).toBe('delivered');
		expect(server.calls('POST', TOKEN)).toHaveLength(2);
		expect(server.calls('GET', TRACK).map((call) => call.headers.authorization)).toEqual(['Bearer ups-token-1', 'Bearer ups-token-2']);
	});

	it('a second 401 after the refresh is an auth error', async () => {
		server.on('POST', TOKEN, token('ups-token-1'), token('ups-token-2'));
		server.on('GET', TRACK, reply.json(fixture('invalid-auth'), 401));
		const error = errorOf(await trackOne());
		expect([error.code, error.details.httpStatus, error.details.providerCode]).toEqual(['auth', 401, '250002']);
		expect(server.calls('GET', TRACK)).toHaveLength(2);
	});

	it('caches the token across lookups', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.json(fixture('in-transit')));
		const ctx = context();
		await trackOne(ctx);
		await trackOne(ctx);
		expect(server.calls('POST', TOKEN)).toHaveLength(1);
		expect(server.calls('GET', TRACK)).toHaveLength(2);
	});

	it('429 is rate_limited with the Retry-After wait', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.rateLimited(30));
		const error = errorOf(await trackOne());
		expect([error.code, error.details.retryAfterMs, error.retryable]).toEqual(['rate_limited', 30_000, true]);
	});

	it('5xx is a server error', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.serverError(503));
		const error = errorOf(await trackOne());
		expect([error.code, error.details.httpStatus, error.retryable]).toEqual(['server', 503, true]);
	});

	it('broken JSON, or JSON of another shape, is malformed', async () => {
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.malformedJson());
		expect(errorOf(await trackOne()).code).toBe('malformed');

		server.on('GET', TRACK, reply.json({ trackResponse: { shipment: [] } }));
		const error = errorOf(await trackOne());
		expect(error.code).toBe('malformed');
		expect(error.message).toContain('trackResponse.shipment');
	});

	it('no answer in time is a timeout', async () => {
		const impatient: HttpFn = (req) => axiosHttp({ ...req, timeoutMs: 200 });
		server.on('POST', TOKEN, token()).on('GET', TRACK, reply.hang());
		const error = errorOf(await trackOne(context({ http: impatient })));
		expect([error.code, error.retryable]).toEqual(['timeout', true]);
	});

	it('a refused client id or secret is an auth error, and no lookup is made', async () => {
		server.on('POST', TOKEN, reply.json({ response: { errors: [{ code: '10401', message: 'ClientId is Invalid' }] } }, 401));
		expect(errorOf(await trackOne()).code).toBe('auth');
		expect(server.calls('GET', TRACK)).toHaveLength(0);
	});

	it('testCredentials fetches a fresh token, and rejects a refused one', async () => {
		server.on('POST', TOKEN, token());
		const ctx = context();
		await upsAdapter.testCredentials(ctx);
		await upsAdapter.testCredentials(ctx);
		expect(server.calls('POST', TOKEN)).toHaveLength(2);

		server.on('POST', TOKEN, reply.json({}, 401));
		await expect(upsAdapter.testCredentials(ctx)).rejects.toMatchObject({ code: 'auth' });
		await expect(upsAdapter.testCredentials(context({ credentials: { clientId: '', clientSecret: '' } }))).rejects.toMatchObject({ code: 'auth' });
	});

	it('declares one number per request and a rate limit', () => {
		expect(upsAdapter).toMatchObject({ id: 'ups', maxBatch: 1, rateLimit: { requests: 10, perMs: 1000 } });
	});
});

describe('UPS status mapping', () => {
	it.each([
		[{ type: 'M', code: 'MP', statusCode: '003' }, 'info_received', undefined],
		[{ type: 'I', code: 'OT', statusCode: '021' }, 'out_for_delivery', undefined],
		[{ type: 'I', code: 'ZZ', statusCode: '021' }, 'out_for_delivery', undefined],
		[{ type: 'P' }, 'in_transit', 'picked_up'],
		[{ type: 'MV' }, 'cancelled', 'cancelled'],
		[{ type: 'RS' }, 'returning', 'return_to_sender'],
		[{ type: 'X', code: 'SR', statusCode: '003', description: 'Your package was released by the customs agency.' }, 'in_transit', undefined], // released: moving again, nothing for the customer to do
		[{ type: 'X', description: 'The receiver was not available for delivery. We will make a second attempt.' }, 'attempt_failed', 'recipient_unavailable'],
		[{ type: 'X', description: 'Severe weather conditions have delayed delivery.' }, 'exception', 'weather'],
		[{ type: 'X', description: 'The receiver refused the delivery.' }, 'exception', 'refused'],
		[{ type: 'X', description: 'The package will be returned to the sender.' }, 'returning', 'return_to_sender'],
		[{ type: 'X', description: 'Something else' }, 'exception', 'unknown_exception'],
		[{ type: 'I', description: 'Delivered to UPS Access Point location and awaiting customer pickup' }, 'available_for_pickup', 'pickup_point'],
		[{ type: 'D', code: 'QQ', statusCode: '999' }, 'delivered', undefined], // unknown codes fall back to the type
		[{ type: 'ZZ' }, 'unknown', undefined],
		[{}, 'unknown', undefined],
	])('%j → %s / %s', (input, status, detail) => {
		expect(mapUpsStatus(input)).toEqual(detail ? { status, detail } : { status });
	});

	it('maps every documented status type', () => {
		expect(Object.keys(UPS_STATUS_TYPES).sort()).toEqual(['D', 'DD', 'DO', 'I', 'M', 'MV', 'NA', 'O', 'P', 'RS', 'W', 'X']);
	});
});
