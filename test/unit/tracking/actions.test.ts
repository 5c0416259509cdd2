import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AggregatorContext } from '../../../lib/aggregators/types';
import { MemoryTokenCache } from '../../../lib/carriers/oauth';
import { CarrierError, type CarrierContext } from '../../../lib/carriers/types';
import { axiosHttp } from '../../../lib/http/axios';
import { ShipmentEventSchema } from '../../../lib/model/event';
import { MemoryStore } from '../../../lib/store/memory';
import { openSqliteStore } from '../../../lib/store/sqlite';
import { shipmentKey, type Store } from '../../../lib/store/types';
import { runTrackingAction, type TrackingActionInput, type TrackingDeps } from '../../../lib/tracking/actions';
import { aggregatorFixture, startServer, type Recorded, type Reply as AggregatorReply, type TestServer } from '../aggregators/server';
import { CarrierServer, reply } from '../carriers/carrierServer';
import { fedex12, gs1, s10, ups1Z } from './checkDigits';
import { carrierFixture, FEDEX_TOKEN, FEDEX_TRACK, fedexNumbersOf, fedexToken, fedexTrack, UPS_TOKEN, upsBody, upsToken, upsTrackPath } from './carrierReplies';

const NOW = new Date('2026-11-18T21:00:00Z');
const FEDEX_NUMBER = fedex12('79460000000');
const UPS_NUMBER = ups1Z('999AA1012345678');

let server: CarrierServer;
beforeAll(async () => {
	server = await CarrierServer.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Deps with real adapters against the stand-in; records which connections were asked for. */
function deps(store: Store = new MemoryStore()): TrackingDeps & { asked: string[] } {
	const asked: string[] = [];
	const tokens = new MemoryTokenCache();
	return {
		asked,
		async carrier(id: string): Promise<CarrierContext> {
			asked.push(`carrier:${id}`);
			return { http: axiosHttp, credentials: { clientId: `${id}-client`, clientSecret: `${id}-secret`, baseUrl: server.url }, tokens, now: () => NOW };
		},
		async aggregator(id: string): Promise<AggregatorContext> {
			asked.push(`aggregator:${id}`);
			throw new Error('no aggregator in this test');
		},
		store: () => store,
	};
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a rejection');
}

describe('runTrackingAction: track through a carrier API', () => {
	it("'auto' with a FedEx number asks the FedEx API and returns its latest event", async () => {
		server.on('POST', FEDEX_TOKEN, fedexToken()).on('POST', FEDEX_TRACK, fedexTrack({ fixture: 'in-transit-window' }));
		const d = deps();
		const result = await runTrackingAction({ action: 'track', trackingNumber: FEDEX_NUMBER, source: 'auto' }, d);
		expect(d.asked).toEqual(['carrier:fedex']);
		expect(result.action).toBe('track');
		if (result.action !== 'track') return;
		expect(result.via).toBe('fedex');
		expect(ShipmentEventSchema.safeParse(result.event).success).toBe(true);
		expect(result.event).toMatchObject({
			provider: 'fedex',
			carrier: 'fedex',
			trackingNumber: FEDEX_NUMBER,
			status: 'in_transit',
			occurredAt: '2026-11-17T05:41:00-06:00',
			estimatedDelivery: '2026-11-19T10:00:00-06:00',
		});
		expect(server.calls('POST', FEDEX_TOKEN)).toHaveLength(1);
		expect(server.calls('POST', FEDEX_TRACK).map(fedexNumbersOf)).toEqual([[FEDEX_NUMBER]]);
	});

	it('an explicit carrier is used as given (UPS by its id, any case)', async () => {
		server.on('POST', UPS_TOKEN, upsToken()).on('GET', upsTrackPath(UPS_NUMBER), reply.json(upsBody(UPS_NUMBER, 'delivered')));
		const result = await runTrackingAction({ action: 'track', trackingNumber: UPS_NUMBER, source: 'UPS' }, deps());
		expect(result).toMatchObject({ action: 'track', via: 'ups', event: { carrier: 'ups', trackingNumber: UPS_NUMBER, status: 'delivered' } });
		expect(server.calls('GET', upsTrackPath(UPS_NUMBER))).toHaveLength(1);
	});

	it('a number FedEx does not know throws its CarrierError not_found', async () => {
		server.on('POST', FEDEX_TOKEN, fedexToken()).on('POST', FEDEX_TRACK, fedexTrack({ notFound: [FEDEX_NUMBER] }));
		const error = await rejection(runTrackingAction({ action: 'track', trackingNumber: FEDEX_NUMBER, source: 'auto' }, deps()));
		expect(error).toBeInstanceOf(CarrierError);
		expect(error).toMatchObject({ carrier: 'fedex', code: 'not_found', details: { providerCode: 'TRACKING.TRACKINGNUMBER.NOTFOUND' } });
		expect(error.message).not.toContain(FEDEX_NUMBER);
	});

	it('a UPS 404 (code 151044) throws not_found', async () => {
		server.on('POST', UPS_TOKEN, upsToken()).on('GET', upsTrackPath(UPS_NUMBER), reply.json(carrierFixture('ups', 'not-found'), 404));
		const error = await rejection(runTrackingAction({ action: 'track', trackingNumber: UPS_NUMBER, source: 'ups' }, deps()));
		expect(error).toBeInstanceOf(CarrierError);
		expect(error).toMatchObject({ carrier: 'ups', code: 'not_found', details: { httpStatus: 404, providerCode: '151044' } });
	});

	it("'auto' with a number of no known format fails before any request", async () => {
		const d = deps();
		await expect(runTrackingAction({ action: 'track', trackingNumber: 'ORDER-1042', source: 'auto' }, d)).rejects.toThrow(/choose the carrier/);
		expect(d.asked).toEqual([]);
		expect(server.requests).toHaveLength(0);
	});

	it("'auto' with a GB S10 number says to use an aggregator, before any request", async () => {
		const d = deps();
		await expect(runTrackingAction({ action: 'track', trackingNumber: s10('RR', '12345678', 'GB'), source: 'auto' }, d)).rejects.toThrow(/aggregator/);
		expect(server.requests).toHaveLength(0);
	});

	it('an unknown source names the carriers there are', async () => {
		await expect(runTrackingAction({ action: 'track', trackingNumber: UPS_NUMBER, source: 'royalmail' }, deps())).rejects.toThrow(/No carrier API for "royalmail".*ups, fedex, usps, dhl/);
		// Names on a plain object's prototype are no adapters either.
		await expect(runTrackingAction({ action: 'track', trackingNumber: UPS_NUMBER, source: 'constructor' }, deps())).rejects.toThrow(/No carrier API for "constructor"/);
	});
});

const tmp = mkdtempSync(join(tmpdir(), 'postpurchase-actions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let sqliteFiles = 0;

describe.each([
	['MemoryStore', () => new MemoryStore() as Store],
	['SqliteStore', () => openSqliteStore(join(tmp, `store-${++sqliteFiles}.sqlite`)) as Store],
])('runTrackingAction: watch and unwatch through a carrier (%s)', (_name, makeStore) => {
	let store: Store;
	beforeEach(() => {
		store = makeStore();
	});
	afterEach(() => store.close());

	const metadata = { order: { number: '#1042' }, customer: { name: 'Ada Example', email: 'ada@example.com' } };

	it('watch puts the shipment with its metadata on the watch list, without calling the carrier', async () => {
		const d = deps(store);
		const result = await runTrackingAction({ action: 'watch', trackingNumber: FEDEX_NUMBER, source: 'auto', metadata }, d);
		expect(result).toMatchObject({ action: 'watch', via: 'poll', watched: { key: `fedex:${FEDEX_NUMBER}`, carrier: 'fedex', trackingNumber: FEDEX_NUMBER, metadata, failures: 0 } });
		expect(await store.watchlist.get(shipmentKey(FEDEX_NUMBER, 'fedex'))).toMatchObject({ carrier: 'fedex', trackingNumber: FEDEX_NUMBER, metadata });
		expect(await store.watchlist.count('fedex')).toBe(1);
		expect(server.requests).toHaveLength(0);
		expect(d.asked).toEqual([]);
	});

	it('watch with an explicit carrier and a spaced number keys it by the normalized number', async () => {
		const spaced = UPS_NUMBER.toLowerCase().replace(/(.{4})/g, '$1 ').trim();
		await runTrackingAction({ action: 'watch', trackingNumber: spaced, source: 'ups' }, deps(store));
		expect(await store.watchlist.get(`ups:${UPS_NUMBER}`)).toMatchObject({ trackingNumber: UPS_NUMBER, carrier: 'ups' });
	});

	it('watching again keeps the state the poller recorded and refreshes the metadata', async () => {
		const number = gs1('940011189922319742849');
		const first = await runTrackingAction({ action: 'watch', trackingNumber: number, source: 'auto', metadata }, deps(store));
		expect(first).toMatchObject({ watched: { carrier: 'usps' } });
		const key = shipmentKey(number, 'usps');
		const check = {
			nextCheckAt: '2026-11-19T00:00:00.000Z',
			lastCheckedAt: '2026-11-18T22:00:00.000Z',
			failures: 2,
			lastStatus: 'in_transit',
			lastContentKey: 'content-1',
			lastChangeAt: '2026-11-18T22:00:00.000Z',
		};
		await store.watchlist.recordCheck(key, check);
		const newer = { order: { number: '#1042' }, customer: { name: 'Ada Example', email: 'ada@new.example' } };
		const again = await runTrackingAction({ action: 'watch', trackingNumber: number, source: 'usps', metadata: newer }, deps(store));
		expect(again).toMatchObject({ action: 'watch', via: 'poll', watched: { ...check, metadata: newer } });
		expect(await store.watchlist.get(key)).toMatchObject({ ...check, metadata: newer, addedAt: (first as { watched: { addedAt: string } }).watched.addedAt });
		expect(await store.watchlist.count()).toBe(1);
	});

	it('unwatch removes the shipment: true, then false', async () => {
		await runTrackingAction({ action: 'watch', trackingNumber: FEDEX_NUMBER, source: 'fedex', metadata }, deps(store));
		await runTrackingAction({ action: 'watch', trackingNumber: UPS_NUMBER, source: 'ups' }, deps(store));
		const input: TrackingActionInput = { action: 'unwatch', trackingNumber: FEDEX_NUMBER, source: 'auto' };
		expect(await runTrackingAction(input, deps(store))).toEqual({ action: 'unwatch', via: 'poll', stopped: true });
		expect(await store.watchlist.get(shipmentKey(FEDEX_NUMBER, 'fedex'))).toBeUndefined();
		expect(await runTrackingAction(input, deps(store))).toEqual({ action: 'unwatch', via: 'poll', stopped: false });
		expect(await store.watchlist.count()).toBe(1);
		expect(server.requests).toHaveLength(0);
	});
});

describe('runTrackingAction through an aggregator', () => {
	let agg: TestServer;
	let handler: (req: Recorded) => AggregatorReply;
	beforeEach(async () => {
		agg = await startServer((req) => handler(req));
	});
	afterEach(() => agg.close());

	const tracking = aggregatorFixture('aftership-tracking');
	const AS_NUMBER = '1Z999AA10123456799';

	/** Deps whose store must not be touched: aggregators keep the tracking on their side. */
	function aggregatorDeps(): TrackingDeps & { asked: string[] } {
		const asked: string[] = [];
		return {
			asked,
			async carrier(id) {
				throw new Error(`carrier ${id} asked for in an aggregator test`);
			},
			async aggregator(id) {
				asked.push(id);
				return agg.ctx(`${id}_key`);
			},
			store() {
				throw new Error('the store was used for an aggregator action');
			},
		};
	}

	it('watch via AfterShip creates the tracking with the order number and customer taken from the metadata', async () => {
		handler = () => ({ status: 201, body: tracking });
		const d = aggregatorDeps();
		const result = await runTrackingAction(
			{
				action: 'watch',
				trackingNumber: AS_NUMBER,
				source: 'aftership',
				aggregatorCarrier: 'ups',
				metadata: { order: { number: '1042', total: 59.9 }, customer: { name: 'Test Buyer', email: 'buyer@example.test', phone: '+13125550142' } },
			},
			d,
		);
		expect(d.asked).toEqual(['aftership']);
		expect(agg.requests).toHaveLength(1);
		const [req] = agg.requests;
		expect([req!.method, req!.path, req!.headers['as-api-key']]).toEqual(['POST', '/tracking/2025-01/trackings', 'aftership_key']);
		expect(req!.body).toEqual({
			tracking_number: AS_NUMBER,
			slug: 'ups',
			order_number: '1042',
			customers: [{ role: 'buyer', name: 'Test Buyer', email: 'buyer@example.test', phone_number: '+13125550142' }],
		});
		expect(result).toMatchObject({
			action: 'watch',
			via: 'aftership',
			providerTrackingId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
			event: { provider: 'aftership', trackingNumber: AS_NUMBER, status: 'in_transit' },
		});
	});

	it('watch via AfterShip without metadata sends neither order number nor customers', async () => {
		handler = () => ({ status: 201, body: tracking });
		await runTrackingAction({ action: 'watch', trackingNumber: AS_NUMBER, source: 'aftership' }, aggregatorDeps());
		expect(agg.requests[0]!.body).toEqual({ tracking_number: AS_NUMBER });
	});

	it('track via AfterShip by its tracking id returns the event', async () => {
		handler = () => ({ body: tracking });
		const result = await runTrackingAction({ action: 'track', trackingNumber: AS_NUMBER, source: 'aftership', providerTrackingId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }, aggregatorDeps());
		expect(agg.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/tracking/2025-01/trackings/a1b2c3d4e5f60718293a4b5c6d7e8f90']]);
		expect(result).toMatchObject({ action: 'track', via: 'aftership', event: { trackingNumber: AS_NUMBER } });
	});

	it('unwatch via AfterShip deletes the tracking: stopped true', async () => {
		handler = () => ({ body: tracking });
		const result = await runTrackingAction({ action: 'unwatch', trackingNumber: AS_NUMBER, source: 'aftership', providerTrackingId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }, aggregatorDeps());
		expect(result).toEqual({ action: 'unwatch', via: 'aftership', stopped: true });
		expect(agg.requests.map((r) => [r.method, r.path])).toEqual([['DELETE', '/tracking/2025-01/trackings/a1b2c3d4e5f60718293a4b5c6d7e8f90']]);
	});

	it('unwatch via AfterShip of a number it does not know rejects with not_found', async () => {
		handler = () => ({ body: { meta: { code: 200 }, data: { trackings: [] } } });
		await expect(runTrackingAction({ action: 'unwatch', trackingNumber: AS_NUMBER, source: 'aftership' }, aggregatorDeps())).rejects.toMatchObject({
			code: 'not_found',
		});
		expect(agg.requests.map((r) => r.method)).toEqual(['GET']);
	});

	it.each(['easypost', 'shippo'])('unwatch via %s, whose API cannot stop a tracking, reports stopped: false and calls nothing', async (source) => {
		handler = () => ({ status: 500 });
		const result = await runTrackingAction({ action: 'unwatch', trackingNumber: '9400111899223197428497', source, providerTrackingId: 'trk_1' }, aggregatorDeps());
		expect(result).toEqual({ action: 'unwatch', via: source, stopped: false });
		expect(agg.requests).toHaveLength(0);
	});

	it('watch via EasyPost creates a tracker (the order and customer are not EasyPost fields)', async () => {
		handler = () => ({ status: 201, body: aggregatorFixture('easypost-tracker') });
		const result = await runTrackingAction(
			{ action: 'watch', trackingNumber: 'EZ1000000001', source: 'easypost', aggregatorCarrier: 'USPS', metadata: { order: { number: '1042' } } },
			aggregatorDeps(),
		);
		expect(agg.requests[0]).toMatchObject({ method: 'POST', path: '/v2/trackers', body: { tracker: { tracking_code: 'EZ1000000001', carrier: 'USPS' } } });
		expect(result).toMatchObject({ action: 'watch', via: 'easypost', providerTrackingId: 'trk_0c1d2e3f4a5b6c7d' });
	});
});
