import { aftershipClient } from '../../../lib/aggregators/aftership';
import { easypostClient } from '../../../lib/aggregators/easypost';
import { seventeenTrackClient } from '../../../lib/aggregators/seventeentrack';
import { shippoClient } from '../../../lib/aggregators/shippo';
import { ShipmentEventSchema } from '../../../lib/model/event';
import { aggregatorFixture, startServer, type Recorded, type Reply, type TestServer } from './server';

let server: TestServer;
let handler: (req: Recorded) => Reply;

beforeEach(async () => {
	server = await startServer((req) => handler(req));
});
afterEach(() => server.close());

describe('AfterShip client (Tracking API 2025-01)', () => {
	const tracking = aggregatorFixture('aftership-tracking');

	it('creates a tracking with as-api-key and returns its id and event', async () => {
		handler = () => ({ status: 201, body: tracking });
		const result = await aftershipClient.startTracking(
			{ trackingNumber: '1Z999AA10123456799', carrier: 'ups', orderNumber: '1042', customer: { name: 'Test Buyer', email: 'buyer@example.test' }, extra: { language: 'en' } },
			server.ctx('as_key'),
		);
		const [req] = server.requests;
		expect([req!.method, req!.path, req!.headers['as-api-key']]).toEqual(['POST', '/tracking/2025-01/trackings', 'as_key']);
		expect(req!.body).toEqual({ language: 'en', tracking_number: '1Z999AA10123456799', slug: 'ups', order_number: '1042', customers: [{ role: 'buyer', name: 'Test Buyer', email: 'buyer@example.test' }] });
		expect(result.providerTrackingId).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90');
		expect(result.event).toMatchObject({ provider: 'aftership', status: 'in_transit', detail: 'departed', orderNumber: '1042', estimatedDelivery: '2025-07-04' });
	});

	it('gets by id, or finds the id from the number first', async () => {
		handler = (req) => (req.path.startsWith('/tracking/2025-01/trackings?') ? { body: { meta: { code: 200 }, data: { trackings: [tracking.data] } } } : { body: tracking });
		const event = await aftershipClient.getTracking({ providerTrackingId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }, server.ctx());
		expect(ShipmentEventSchema.safeParse(event).success).toBe(true);
		await aftershipClient.getTracking({ trackingNumber: '1Z999AA10123456799', carrier: 'ups' }, server.ctx());
		expect(server.requests.map((r) => [r.method, r.path])).toEqual([
			['GET', '/tracking/2025-01/trackings/a1b2c3d4e5f60718293a4b5c6d7e8f90'],
			['GET', '/tracking/2025-01/trackings?tracking_numbers=1Z999AA10123456799&slug=ups'],
			['GET', '/tracking/2025-01/trackings/a1b2c3d4e5f60718293a4b5c6d7e8f90'],
		]);
	});

	it('deletes by id, and reports an unknown number as not_found', async () => {
		handler = (req) => (req.method === 'DELETE' ? { body: tracking } : { body: { meta: { code: 200 }, data: { trackings: [] } } });
		await aftershipClient.stopTracking({ providerTrackingId: 'abc' }, server.ctx());
		expect(server.requests[0]).toMatchObject({ method: 'DELETE', path: '/tracking/2025-01/trackings/abc' });
		await expect(aftershipClient.stopTracking({ trackingNumber: 'NOPE' }, server.ctx())).rejects.toMatchObject({ code: 'not_found' });
	});

	it('refuses a duplicate with AfterShip code 4003', async () => {
		handler = () => ({ status: 400, body: { meta: { code: 4003, message: 'Tracking already exists.', type: 'BadRequest' }, data: {} } });
		await expect(aftershipClient.startTracking({ trackingNumber: '1Z999AA10123456799' }, server.ctx())).rejects.toMatchObject({
			code: 'invalid_request',
			details: { httpStatus: 400, providerCode: '4003' },
		});
	});

	it('calls a 2xx without a tracking malformed', async () => {
		handler = () => ({ body: { meta: { code: 200 }, data: null } });
		await expect(aftershipClient.getTracking({ providerTrackingId: 'abc' }, server.ctx())).rejects.toMatchObject({ code: 'malformed' });
		handler = () => ({ body: { meta: { code: 200 }, data: { id: 'abc', tag: 'InTransit' } } });
		await expect(aftershipClient.getTracking({ providerTrackingId: 'abc' }, server.ctx())).rejects.toThrow('aftership: unexpected response: data.tracking_number: required');
	});
});

describe('EasyPost client', () => {
	const tracker = aggregatorFixture('easypost-tracker');

	it('creates a tracker with Basic auth and maps it', async () => {
		handler = () => ({ status: 201, body: tracker });
		const result = await easypostClient.startTracking({ trackingNumber: 'EZ1000000001', carrier: 'USPS' }, server.ctx('ep_key'));
		const [req] = server.requests;
		expect([req!.method, req!.path, req!.headers.authorization]).toEqual(['POST', '/v2/trackers', `Basic ${Buffer.from('ep_key:').toString('base64')}`]);
		expect(req!.body).toEqual({ tracker: { tracking_code: 'EZ1000000001', carrier: 'USPS' } });
		expect(result).toMatchObject({ providerTrackingId: 'trk_0c1d2e3f4a5b6c7d', event: { status: 'in_transit', detail: 'arrived_at_facility', carrier: 'usps' } });
	});

	it('gets by id or by tracking code', async () => {
		handler = (req) => (req.path.startsWith('/v2/trackers?') ? { body: { trackers: [tracker], has_more: false } } : { body: tracker });
		expect((await easypostClient.getTracking({ providerTrackingId: 'trk_0c1d2e3f4a5b6c7d' }, server.ctx())).providerTrackingId).toBe('trk_0c1d2e3f4a5b6c7d');
		await easypostClient.getTracking({ trackingNumber: 'EZ1000000001', carrier: 'USPS' }, server.ctx());
		expect(server.requests.map((r) => r.path)).toEqual(['/v2/trackers/trk_0c1d2e3f4a5b6c7d', '/v2/trackers?tracking_code=EZ1000000001&page_size=1&carrier=USPS']);
	});

	it('cannot stop a tracker: stopTracking makes no request', async () => {
		handler = () => ({ status: 500 });
		expect(easypostClient.canStop).toBe(false);
		await easypostClient.stopTracking({ providerTrackingId: 'trk_1' }, server.ctx());
		expect(server.requests).toHaveLength(0);
	});

	it('passes a 422 with its EasyPost code', async () => {
		handler = () => ({ status: 422, body: { error: { code: 'TRACKER.INVALID_PARAMS', message: 'x', errors: [] } } });
		await expect(easypostClient.startTracking({ trackingNumber: 'bad' }, server.ctx())).rejects.toMatchObject({
			code: 'invalid_request',
			details: { providerCode: 'TRACKER.INVALID_PARAMS' },
		});
	});
});

describe('Shippo client', () => {
	const track = aggregatorFixture('shippo-track');

	it('registers a track with ShippoToken auth, the order number as metadata', async () => {
		handler = () => ({ status: 201, body: track });
		const result = await shippoClient.startTracking({ trackingNumber: '9205590000000000000001', carrier: 'usps', orderNumber: 'Order 1042' }, server.ctx('shippo_test_x'));
		const [req] = server.requests;
		expect([req!.method, req!.path, req!.headers.authorization]).toEqual(['POST', '/tracks/', 'ShippoToken shippo_test_x']);
		expect(req!.body).toEqual({ carrier: 'usps', tracking_number: '9205590000000000000001', metadata: 'Order 1042' });
		expect(result).toMatchObject({ providerTrackingId: 'usps/9205590000000000000001', event: { status: 'in_transit', detail: 'departed' } });
	});

	it('needs a carrier to register', async () => {
		handler = () => ({ status: 201, body: track });
		await expect(shippoClient.startTracking({ trackingNumber: '1' }, server.ctx())).rejects.toMatchObject({ code: 'invalid_request' });
		expect(server.requests).toHaveLength(0);
	});

	it('gets by carrier/number, and calls a track with no status yet not_found', async () => {
		handler = () => ({ body: track });
		const event = await shippoClient.getTracking({ providerTrackingId: 'usps/9205590000000000000001' }, server.ctx());
		expect(event).toMatchObject({ trackingNumber: '9205590000000000000001', orderNumber: 'Order 1042' });
		expect(server.requests[0]!.path).toBe('/tracks/usps/9205590000000000000001');
		handler = () => ({ body: { ...track, tracking_status: null, tracking_history: [] } });
		await expect(shippoClient.getTracking({ carrier: 'usps', trackingNumber: '9205590000000000000001' }, server.ctx())).rejects.toMatchObject({ code: 'not_found' });
	});

	it('names the refused field, never Shippo\'s text, on a 400', async () => {
		handler = () => ({ status: 400, body: { tracking_number: ['9205590000000000000001 is not valid'] } });
		const error = await shippoClient.startTracking({ trackingNumber: '9205590000000000000001', carrier: 'usps' }, server.ctx()).catch((e: Error) => e);
		expect(error).toMatchObject({ code: 'invalid_request', details: { providerCode: 'field:tracking_number' } });
		expect((error as Error).message).not.toContain('9205590000000000000001');
	});

	it('cannot stop tracking', async () => {
		handler = () => ({ status: 500 });
		await shippoClient.stopTracking({ providerTrackingId: 'usps/1' }, server.ctx());
		expect([shippoClient.canStop, server.requests.length]).toEqual([false, 0]);
	});
});

describe('17TRACK client (API v2.2)', () => {
	const info = aggregatorFixture('seventeentrack-gettrackinfo');
	const accepted = (number: string, carrier = 21051) => ({ code: 0, data: { accepted: [{ origin: 1, number, carrier }], rejected: [] } });
	const rejected = (number: string, code: number) => ({ code: 0, data: { accepted: [], rejected: [{ number, error: { code, message: 'x' } }] } });

	it('registers with 17token, a known carrier as its number and the order number as tag', async () => {
		handler = () => ({ body: accepted('9400100000000000000002') });
		const result = await seventeenTrackClient.startTracking({ trackingNumber: '9400100000000000000002', carrier: 'usps', orderNumber: '1042' }, server.ctx('17key'));
		const [req] = server.requests;
		expect([req!.method, req!.path, req!.headers['17token']]).toEqual(['POST', '/track/v2.2/register', '17key']);
		expect(req!.body).toEqual([{ number: '9400100000000000000002', carrier: 21051, tag: '1042' }]);
		expect(result).toEqual({ providerTrackingId: '21051/9400100000000000000002' });
	});

	it('treats an already registered number as registered, and passes other refusals on', async () => {
		handler = () => ({ body: rejected('9400100000000000000002', -18019901) });
		expect(await seventeenTrackClient.startTracking({ trackingNumber: '9400100000000000000002' }, server.ctx())).toEqual({ providerTrackingId: '9400100000000000000002' });
		handler = () => ({ body: rejected('9400100000000000000002', -18019903) });
		await expect(seventeenTrackClient.startTracking({ trackingNumber: '9400100000000000000002' }, server.ctx())).rejects.toMatchObject({
			code: 'invalid_request',
			details: { providerCode: '-18019903' },
		});
		handler = () => ({ body: rejected('9400100000000000000002', -18019908) });
		await expect(seventeenTrackClient.startTracking({ trackingNumber: '9400100000000000000002' }, server.ctx())).rejects.toMatchObject({ code: 'rate_limited' });
	});

	it('gets track info as an event, and an unregistered number as not_found', async () => {
		handler = () => ({ body: info });
		const event = await seventeenTrackClient.getTracking({ providerTrackingId: '21051/9400100000000000000002' }, server.ctx());
		expect(event).toMatchObject({ provider: 'seventeentrack', status: 'in_transit', detail: 'departed', orderNumber: '1042' });
		expect(server.requests[0]).toMatchObject({ path: '/track/v2.2/gettrackinfo', body: [{ number: '9400100000000000000002', carrier: 21051 }] });
		handler = () => ({ body: rejected('X1', -18019902) });
		await expect(seventeenTrackClient.getTracking({ trackingNumber: 'X1' }, server.ctx())).rejects.toMatchObject({ code: 'not_found', details: { providerCode: '-18019902' } });
	});

	it('stops tracking, and takes "not being tracked" as already stopped', async () => {
		handler = () => ({ body: accepted('9400100000000000000002') });
		await seventeenTrackClient.stopTracking({ providerTrackingId: '21051/9400100000000000000002' }, server.ctx());
		expect(server.requests[0]).toMatchObject({ path: '/track/v2.2/stoptrack', body: [{ number: '9400100000000000000002', carrier: 21051 }] });
		handler = () => ({ body: rejected('9400100000000000000002', -18019906) });
		await expect(seventeenTrackClient.stopTracking({ trackingNumber: '9400100000000000000002' }, server.ctx())).resolves.toBeUndefined();
	});

	it('maps a request-level error in a 200 answer', async () => {
		handler = () => ({ body: { code: -18010002, data: { errors: [{ code: -18010002, message: 'x' }] } } });
		await expect(seventeenTrackClient.getTracking({ trackingNumber: 'X1' }, server.ctx())).rejects.toMatchObject({ code: 'auth', details: { providerCode: '-18010002' } });
		handler = () => ({ body: { code: 0, data: {} } });
		await expect(seventeenTrackClient.getTracking({ trackingNumber: 'X1' }, server.ctx())).rejects.toMatchObject({ code: 'malformed' });
	});
});
