// The poll sweep with the real FedEx (30 numbers a request) and UPS (one a request) adapters,
// against local stand-ins of their APIs answering in the documented shapes, on a virtual clock
// (the sweep's sleeps advance it, so pacing costs no real time).
import { MemoryTokenCache } from '../../../lib/carriers/oauth';
import { fedexAdapter } from '../../../lib/carriers/fedex';
import type { CarrierContext } from '../../../lib/carriers/types';
import { upsAdapter } from '../../../lib/carriers/ups';
import { axiosHttp } from '../../../lib/http/axios';
import { sweep, type SweepCarrier, type SweepOptions } from '../../../lib/poll/sweep';
import { MemoryStore } from '../../../lib/store/memory';
import { shipmentKey } from '../../../lib/store/types';
import { CarrierServer, reply } from '../carriers/carrierServer';
import {
	carrierFixture,
	FEDEX_TOKEN,
	FEDEX_TRACK,
	fedexNumbersOf,
	fedexToken,
	fedexTrack,
	UPS_TOKEN,
	upsBody,
	upsToken,
	upsTrackPath,
} from '../tracking/carrierReplies';
import { fedex12, ups1Z } from '../tracking/checkDigits';

const HOUR = 3_600_000;
const START = Date.parse('2026-11-18T12:00:00Z');

let fedex: CarrierServer;
let ups: CarrierServer;
beforeAll(async () => {
	[fedex, ups] = await Promise.all([CarrierServer.start(), CarrierServer.start()]);
});
afterAll(async () => {
	await Promise.all([fedex.close(), ups.close()]);
});
beforeEach(() => {
	fedex.reset();
	ups.reset();
});

const fedexNumbers = (count: number) => Array.from({ length: count }, (_, i) => fedex12(String(79460000100 + i)));
const upsNumbers = (count: number) => Array.from({ length: count }, (_, i) => ups1Z(`999AA10${String(12345600 + i)}`));

function setup() {
	const clock = { now: START };
	const sleeps: number[] = [];
	const store = new MemoryStore();
	const now = () => new Date(clock.now);
	const context = (server: CarrierServer, id: string): CarrierContext => ({
		http: axiosHttp,
		credentials: { clientId: `${id}-client`, clientSecret: `${id}-secret`, baseUrl: server.url },
		tokens: new MemoryTokenCache(),
		now,
	});
	const carriers: Record<'fedex' | 'ups', SweepCarrier> = {
		fedex: { adapter: fedexAdapter, ctx: context(fedex, 'fedex') },
		ups: { adapter: upsAdapter, ctx: context(ups, 'ups') },
	};
	const options: SweepOptions = {
		now,
		sleep: async (ms) => {
			sleeps.push(ms);
			clock.now += ms;
		},
	};
	const run = (which: Array<'fedex' | 'ups'>, extra: SweepOptions = {}) => sweep(store.watchlist, which.map((id) => carriers[id]), { ...options, ...extra });
	const watch = async (carrier: string, numbers: string[]) => {
		for (const n of numbers) await store.watchlist.watch({ trackingNumber: n, carrier, metadata: { order: { number: `#${n.slice(-4)}` } } }, now());
	};
	return { clock, sleeps, store, run, watch };
}

test('65 watched FedEx numbers: one token request, then 3 batched POSTs of 30, 30 and 5', async () => {
	const { store, run, watch, sleeps } = setup();
	const numbers = fedexNumbers(65);
	await watch('fedex', numbers);
	fedex.on('POST', FEDEX_TOKEN, fedexToken()).on('POST', FEDEX_TRACK, fedexTrack());

	const report = await run(['fedex']);

	expect(fedex.calls('POST', FEDEX_TOKEN)).toHaveLength(1);
	const posts = fedex.calls('POST', FEDEX_TRACK);
	expect(posts.map((p) => fedexNumbersOf(p).length)).toEqual([30, 30, 5]);
	expect(posts.flatMap(fedexNumbersOf).sort()).toEqual([...numbers].sort());
	expect(posts.every((p) => p.headers.authorization === 'Bearer fedex-token-1')).toBe(true);
	expect(report.checked).toBe(65);
	expect(report.failures).toEqual([]);
	expect(report.cutShort).toEqual([]);
	expect(report.changes).toHaveLength(65);
	for (const { event, watched } of report.changes) {
		expect(event).toMatchObject({ carrier: 'fedex', status: 'in_transit', occurredAt: '2026-11-17T05:41:00-06:00' });
		expect(watched.metadata).toEqual({ order: { number: `#${event.trackingNumber.slice(-4)}` } });
	}
	// Paced to FedEx's published quota (100,000 a day, 864 ms apart) with the pacer's 5% margin.
	expect(sleeps.map(Math.round)).toEqual([907, 907]);
	const stored = await store.watchlist.get(shipmentKey(numbers[0]!, 'fedex'));
	expect(stored).toMatchObject({ lastStatus: 'in_transit', failures: 0, nextCheckAt: new Date(START + 2 * HOUR).toISOString() });
});

test('a FedEx batch with one unknown number: that one is a not_found failure and stays watched, the others are changes', async () => {
	const { store, run, watch } = setup();
	const numbers = fedexNumbers(5);
	const unknown = numbers[2]!;
	await watch('fedex', numbers);
	fedex.on('POST', FEDEX_TOKEN, fedexToken()).on('POST', FEDEX_TRACK, fedexTrack({ notFound: [unknown] }));

	const report = await run(['fedex']);

	expect(fedex.calls('POST', FEDEX_TRACK)).toHaveLength(1);
	expect(report.failures).toEqual([
		expect.objectContaining({ trackingNumber: unknown, carrier: 'fedex', code: 'not_found', retryable: false, failures: 1 }),
	]);
	expect(report.failures[0]!.message).not.toContain(unknown);
	expect(report.changes.map((c) => c.event.trackingNumber).sort()).toEqual(numbers.filter((n) => n !== unknown).sort());
	expect(report.cutShort).toEqual([]);
	expect(await store.watchlist.get(shipmentKey(unknown, 'fedex'))).toMatchObject({ failures: 1 });
	expect(await store.watchlist.count('fedex')).toBe(5);
});

test('a second sweep after the recheck time with unchanged answers looks up again and emits nothing; a new state is emitted', async () => {
	const { clock, run, watch } = setup();
	const numbers = fedexNumbers(4);
	await watch('fedex', numbers);
	fedex.on('POST', FEDEX_TOKEN, fedexToken()).on('POST', FEDEX_TRACK, fedexTrack({ fixture: 'in-transit-window' }));
	expect((await run(['fedex'])).changes).toHaveLength(4);

	clock.now += 2 * HOUR;
	const second = await run(['fedex']);
	expect(second.checked).toBe(4);
	expect(fedex.calls('POST', FEDEX_TRACK)).toHaveLength(2);
	expect(second.changes).toEqual([]);
	expect(second.failures).toEqual([]);

	fedex.on('POST', FEDEX_TRACK, fedexTrack({ fixture: 'out-for-delivery' }));
	clock.now += 2 * HOUR;
	const third = await run(['fedex']);
	expect(third.changes.map((c) => [c.event.trackingNumber, c.event.status]).sort()).toEqual(numbers.map((n) => [n, 'out_for_delivery']).sort());
});

test('UPS answering 429 with Retry-After stops the UPS sweep early; FedEx goes on in parallel', async () => {
	const { clock, store, run, watch } = setup();
	const upsList = upsNumbers(3);
	const fedexList = fedexNumbers(40);
	await watch('ups', upsList);
	await watch('fedex', fedexList);
	ups.on('POST', UPS_TOKEN, upsToken());
	for (const n of upsList) ups.on('GET', upsTrackPath(n), reply.rateLimited(30, { response: { errors: [{ code: '190101', message: 'Too many requests' }] } }));
	fedex.on('POST', FEDEX_TOKEN, fedexToken()).on('POST', FEDEX_TRACK, fedexTrack());

	const report = await run(['ups', 'fedex']);

	expect(ups.calls('GET').filter((c) => c.path.startsWith('/api/track/'))).toHaveLength(1);
	expect(report.cutShort).toEqual([{ carrier: 'ups', reason: expect.stringMatching(/^rate limited: paused 30 s/) }]);
	expect(report.failures).toEqual([expect.objectContaining({ carrier: 'ups', code: 'rate_limited', retryable: true })]);
	const failed = report.failures[0]!;
	// Retry-After from the failure's time (the parallel FedEx sweep may have moved the clock on meanwhile).
	expect(Date.parse(failed.nextCheckAt)).toBeGreaterThanOrEqual(START + 30_000);
	expect(Date.parse(failed.nextCheckAt)).toBeLessThanOrEqual(clock.now + 30_000);
	expect(await store.watchlist.get(shipmentKey(failed.trackingNumber, 'ups'))).toMatchObject({ failures: 1 });
	// The other UPS numbers were never asked and are still due; the failed one after Retry-After.
	expect((await store.watchlist.due('ups', new Date(clock.now), 10)).map((w) => w.trackingNumber).sort()).toEqual(
		upsList.filter((n) => n !== failed.trackingNumber).sort(),
	);
	expect(await store.watchlist.count('ups')).toBe(3);

	expect(fedex.calls('POST', FEDEX_TRACK).map((p) => fedexNumbersOf(p).length)).toEqual([30, 10]);
	expect(report.changes.map((c) => c.event.carrier)).toEqual(Array(40).fill('fedex'));
});

test('UPS: the failed number is looked up again after Retry-After, and the sweep completes', async () => {
	const { clock, run, watch } = setup();
	const upsList = upsNumbers(2);
	await watch('ups', upsList);
	ups.on('POST', UPS_TOKEN, upsToken());
	// The longest-waiting first: the first number meets the 429 (then answers), the second is never asked.
	ups.on('GET', upsTrackPath(upsList[0]!), reply.rateLimited(30), reply.json(upsBody(upsList[0]!, 'in-transit')));
	ups.on('GET', upsTrackPath(upsList[1]!), reply.json(upsBody(upsList[1]!, 'in-transit')));
	const first = await run(['ups']);
	const failedAt = clock.now;
	expect(first.cutShort).toHaveLength(1);
	expect(first.failures.map((f) => f.trackingNumber)).toEqual([upsList[0]]);
	expect(ups.calls('GET', upsTrackPath(upsList[1]!))).toHaveLength(0);
	expect(Date.parse(first.failures[0]!.nextCheckAt)).toBe(failedAt + 30_000);

	clock.now += 31_000;
	const second = await run(['ups']);
	expect(second.cutShort).toEqual([]);
	expect(second.failures).toEqual([]);
	expect(second.changes.map((c) => [c.event.carrier, c.event.trackingNumber]).sort()).toEqual(upsList.map((n) => ['ups', n]).sort());
});

test('a 401 on the FedEx tracking call: exactly one token refresh, then the batch succeeds', async () => {
	const { run, watch } = setup();
	const numbers = fedexNumbers(5);
	await watch('fedex', numbers);
	fedex.on('POST', FEDEX_TOKEN, fedexToken('fedex-token-1'), fedexToken('fedex-token-2'));
	fedex.on('POST', FEDEX_TRACK, reply.json(carrierFixture('fedex', 'unauthorized'), 401), fedexTrack());

	const report = await run(['fedex']);

	expect(fedex.calls('POST', FEDEX_TOKEN)).toHaveLength(2);
	expect(fedex.calls('POST', FEDEX_TRACK).map((c) => c.headers.authorization)).toEqual(['Bearer fedex-token-1', 'Bearer fedex-token-2']);
	expect(report.failures).toEqual([]);
	expect(report.cutShort).toEqual([]);
	expect(report.changes).toHaveLength(5);
});

test('a 401 on the UPS tracking call: one refresh, then success; the refreshed token is reused', async () => {
	const { run, watch } = setup();
	const upsList = upsNumbers(2);
	await watch('ups', upsList);
	ups.on('POST', UPS_TOKEN, upsToken('ups-token-1'), upsToken('ups-token-2'));
	ups.on('GET', upsTrackPath(upsList[0]!), reply.json(carrierFixture('ups', 'invalid-auth'), 401), reply.json(upsBody(upsList[0]!)));
	ups.on('GET', upsTrackPath(upsList[1]!), reply.json(upsBody(upsList[1]!)));

	const report = await run(['ups']);

	expect(ups.calls('POST', UPS_TOKEN)).toHaveLength(2);
	expect(ups.calls('GET').map((c) => c.headers.authorization)).toEqual(['Bearer ups-token-1', 'Bearer ups-token-2', 'Bearer ups-token-2']);
	expect(report.failures).toEqual([]);
	expect(report.changes).toHaveLength(2);
});

test('a second 401 after the refresh: the batch fails as auth, the FedEx sweep stops, every shipment stays watched', async () => {
	const { store, run, watch } = setup();
	const numbers = fedexNumbers(35);
	await watch('fedex', numbers);
	fedex.on('POST', FEDEX_TOKEN, fedexToken('fedex-token-1'), fedexToken('fedex-token-2'));
	fedex.on('POST', FEDEX_TRACK, reply.json(carrierFixture('fedex', 'unauthorized'), 401));

	const report = await run(['fedex']);

	expect(fedex.calls('POST', FEDEX_TOKEN)).toHaveLength(2);
	expect(fedex.calls('POST', FEDEX_TRACK)).toHaveLength(2);
	// No second batch after the refusal.
	expect(fedex.calls('POST', FEDEX_TRACK).map(fedexNumbersOf).every((asked) => asked.length === 30)).toBe(true);
	expect(report.changes).toEqual([]);
	expect(report.failures.length).toBeGreaterThanOrEqual(1);
	expect(report.failures.every((f) => f.code === 'auth' && f.retryable === false)).toBe(true);
	expect(report.cutShort).toEqual([{ carrier: 'fedex', reason: 'credentials refused: check the credential' }]);
	expect(await store.watchlist.count('fedex')).toBe(35);
});
