// The poll sweep over the watch list, against a simulated carrier that keeps per-number state and
// answers through the CarrierAdapter interface, on a virtual clock (sleeps advance it).
import { CarrierError, type CarrierAdapter, type TrackResult } from '../../../lib/carriers/types';
import { MemoryTokenCache } from '../../../lib/carriers/oauth';
import type { ShipmentEvent } from '../../../lib/model/event';
import { sweep, type SweepOptions } from '../../../lib/poll/sweep';
import { MemoryStore } from '../../../lib/store/memory';

const HOUR = 3_600_000;

class SimulatedCarrier implements CarrierAdapter {
	id = 'simcarrier';
	displayName = 'Simulated carrier';
	credentialType = 'simcarrierApi';
	calls: Array<{ at: number; numbers: string[] }> = [];
	state = new Map<string, { status: ShipmentEvent['status']; occurredAt: string }>();
	/** Per number: the error its next lookups give, until cleared. */
	failing = new Map<string, CarrierError>();
	/** The error every next call gives, once. */
	nextCallError?: CarrierError;

	constructor(
		readonly maxBatch: number,
		readonly rateLimit: { requests: number; perMs: number },
		private readonly clock: { now: number },
	) {}

	async track(numbers: string[]): Promise<TrackResult[]> {
		this.calls.push({ at: this.clock.now, numbers });
		if (this.nextCallError) {
			const error = this.nextCallError;
			this.nextCallError = undefined;
			throw error;
		}
		return numbers.map((trackingNumber) => {
			const error = this.failing.get(trackingNumber);
			if (error) return { trackingNumber, ok: false, error };
			const s = this.state.get(trackingNumber) ?? { status: 'in_transit' as const, occurredAt: '2026-03-01T10:00:00Z' };
			const event: ShipmentEvent = { id: `sim:${trackingNumber}:${s.occurredAt}`, provider: 'simcarrier', carrier: 'simcarrier', trackingNumber, status: s.status, occurredAt: s.occurredAt };
			return { trackingNumber, ok: true, events: [event] };
		});
	}

	async testCredentials(): Promise<void> {}
}

function setup(maxBatch = 1, rateLimit = { requests: 10, perMs: 1000 }) {
	const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
	const store = new MemoryStore();
	const carrier = new SimulatedCarrier(maxBatch, rateLimit, clock);
	const ctx = { http: async () => ({ status: 500, headers: {}, body: '' }), credentials: {}, tokens: new MemoryTokenCache() };
	const options: SweepOptions = {
		now: () => new Date(clock.now),
		sleep: async (ms) => {
			clock.now += ms;
		},
	};
	const run = (extra: SweepOptions = {}) => sweep(store.watchlist, [{ adapter: carrier, ctx }], { ...options, ...extra });
	const watch = async (...numbers: string[]) => {
		for (const n of numbers) await store.watchlist.watch({ trackingNumber: n, carrier: 'simcarrier', metadata: { order: `#${n}` } }, new Date(clock.now));
	};
	return { clock, store, carrier, run, watch };
}

test('emits a shipment once per change, with its metadata, and not while nothing changes', async () => {
	const { clock, carrier, run, watch } = setup();
	await watch('A1', 'A2');
	const first = await run();
	expect(first.changes.map((c) => [c.event.trackingNumber, c.watched.metadata])).toEqual([
		['A1', { order: '#A1' }],
		['A2', { order: '#A2' }],
	]);
	clock.now += 2 * HOUR;
	expect((await run()).changes).toEqual([]);
	carrier.state.set('A2', { status: 'out_for_delivery', occurredAt: '2026-03-01T13:30:00Z' });
	clock.now += 2 * HOUR;
	expect((await run()).changes.map((c) => [c.event.trackingNumber, c.event.status])).toEqual([['A2', 'out_for_delivery']]);
});

test('looks nothing up before it is due again', async () => {
	const { clock, carrier, run, watch } = setup();
	await watch('A1');
	await run();
	clock.now += HOUR;
	expect((await run()).checked).toBe(0);
	expect(carrier.calls).toHaveLength(1);
});

test('spaces calls to the rate limit with a 5% margin: 2 a second means 525 ms apart', async () => {
	const { carrier, run, watch } = setup(1, { requests: 2, perMs: 1000 });
	await watch('A1', 'A2', 'A3', 'A4', 'A5');
	const start = carrier['clock'].now;
	await run();
	expect(carrier.calls.map((c) => c.at - start)).toEqual([0, 525, 1050, 1575, 2100]);
});

test('batches up to the carrier maximum and reads the store in pages of whole batches', async () => {
	const { store, carrier, run, watch } = setup(30, { requests: 100, perMs: 1000 });
	await watch(...Array.from({ length: 65 }, (_, i) => `B${i}`));
	const due = jest.spyOn(store.watchlist, 'due');
	const report = await run({ pageSize: 40 });
	// A page of 40 would leave a 10-number request at each page edge: pages are rounded to 30.
	expect(carrier.calls.map((c) => c.numbers.length)).toEqual([30, 30, 5]);
	expect(due.mock.calls.every(([, , limit]) => limit <= 30)).toBe(true);
	expect(report.checked).toBe(65);
});

test('a failed lookup keeps the shipment, reports it, and tries again after a backoff', async () => {
	const { clock, store, carrier, run, watch } = setup();
	await watch('C1', 'C2');
	carrier.failing.set('C1', new CarrierError('simcarrier', 'server', 'simcarrier: server error (HTTP 503)', { httpStatus: 503 }));
	const report = await run();
	expect(report.failures).toEqual([expect.objectContaining({ trackingNumber: 'C1', code: 'server', retryable: true, failures: 1 })]);
	expect(report.changes.map((c) => c.event.trackingNumber)).toEqual(['C2']);
	expect(await store.watchlist.get('simcarrier:C1')).toMatchObject({ failures: 1 });
	clock.now += 16 * 60_000;
	carrier.failing.delete('C1');
	const retried = await run();
	expect(retried.changes.map((c) => c.event.trackingNumber)).toEqual(['C1']);
	expect(await store.watchlist.get('simcarrier:C1')).toMatchObject({ failures: 0 });
});

test('a 429 pauses the carrier for Retry-After and leaves the rest due for the next poll', async () => {
	const { clock, carrier, run, watch, store } = setup();
	await watch('D1', 'D2', 'D3');
	carrier.nextCallError = new CarrierError('simcarrier', 'rate_limited', 'simcarrier: rate limit or quota reached (HTTP 429)', { httpStatus: 429, retryAfterMs: 120_000 });
	const report = await run();
	expect(carrier.calls).toHaveLength(1);
	expect(report.cutShort).toEqual([{ carrier: 'simcarrier', reason: expect.stringMatching(/rate limited: paused 120 s/) }]);
	expect(report.failures.map((f) => [f.trackingNumber, f.code])).toEqual([['D1', 'rate_limited']]);
	expect(await store.watchlist.count()).toBe(3);
	clock.now += 121_000;
	expect((await run()).changes.map((c) => c.event.trackingNumber).sort()).toEqual(['D1', 'D2', 'D3']);
});

test('refused credentials stop the carrier for this poll', async () => {
	const { carrier, run, watch } = setup();
	await watch('E1', 'E2');
	carrier.nextCallError = new CarrierError('simcarrier', 'auth', 'simcarrier: credentials refused (HTTP 401); check the credential');
	const report = await run();
	expect(carrier.calls).toHaveLength(1);
	expect(report.cutShort[0].reason).toMatch(/credentials refused/);
});

test('stops watching a delivered shipment after the grace period, and a silent one after the stale limit', async () => {
	const { clock, carrier, run, watch, store } = setup();
	await watch('F1', 'F2');
	carrier.state.set('F1', { status: 'delivered', occurredAt: '2026-03-01T11:00:00Z' });
	const first = await run({ finalGraceMs: 48 * HOUR, staleAfterMs: 10 * 24 * HOUR });
	expect(first.changes.map((c) => [c.event.trackingNumber, c.event.status])).toEqual([
		['F1', 'delivered'],
		['F2', 'in_transit'],
	]);
	clock.now += 49 * HOUR;
	const later = await run({ finalGraceMs: 48 * HOUR, staleAfterMs: 10 * 24 * HOUR });
	expect(later.stopped).toEqual([{ trackingNumber: 'F1', carrier: 'simcarrier', reason: 'final', metadata: { order: '#F1' } }]);
	expect(await store.watchlist.get('simcarrier:F1')).toBeUndefined();
	clock.now += 10 * 24 * HOUR;
	const silent = await run({ finalGraceMs: 48 * HOUR, staleAfterMs: 10 * 24 * HOUR });
	expect(silent.stopped.map((s) => [s.trackingNumber, s.reason])).toEqual([['F2', 'stale']]);
	expect(await store.watchlist.count()).toBe(0);
});

test('stops starting lookups when the poll runs out of time', async () => {
	const { run, watch, carrier } = setup(1, { requests: 1, perMs: 1000 });
	await watch('G1', 'G2', 'G3', 'G4');
	const report = await run({ maxDurationMs: 1500 });
	expect(carrier.calls).toHaveLength(2);
	expect(report.cutShort[0].reason).toMatch(/out of time/);
});

test('a shared pacer map keeps the rate limit across sweeps (a slow daily quota is not reset by each poll)', async () => {
	const { clock, carrier, run, watch, store } = setup(1, { requests: 1, perMs: 60_000 });
	await watch('H1');
	const pacers = new Map();
	await run({ pacers });
	await store.watchlist.watch({ trackingNumber: 'H2', carrier: 'simcarrier' }, new Date(clock.now));
	// The next poll starts 10 s later: H2 must wait for the minute to pass, beyond this poll's 30 s.
	clock.now += 10_000;
	const second = await run({ pacers, maxDurationMs: 30_000 });
	expect(carrier.calls).toHaveLength(1);
	expect(second.cutShort[0].reason).toMatch(/rate limit/);
	clock.now += 60_000;
	await run({ pacers });
	expect(carrier.calls.map((c) => c.numbers[0])).toEqual(['H1', 'H2']);
});

test('a carrier whose sweep breaks (the store fails under it) costs nothing of the others', async () => {
	const { carrier, store } = setup();
	const other = new SimulatedCarrier(1, { requests: 10, perMs: 1000 }, carrier['clock']);
	other.id = 'othercarrier';
	await store.watchlist.watch({ trackingNumber: 'A1', carrier: 'simcarrier' }, new Date(carrier['clock'].now));
	await store.watchlist.watch({ trackingNumber: 'B1', carrier: 'othercarrier' }, new Date(carrier['clock'].now));
	const broken = {
		...store.watchlist,
		due: store.watchlist.due.bind(store.watchlist),
		get: store.watchlist.get.bind(store.watchlist),
		count: store.watchlist.count.bind(store.watchlist),
		watch: store.watchlist.watch.bind(store.watchlist),
		unwatch: store.watchlist.unwatch.bind(store.watchlist),
		async recordCheck(key: string, check: Parameters<typeof store.watchlist.recordCheck>[1]) {
			if (key.startsWith('othercarrier:')) throw new Error('disk full');
			return store.watchlist.recordCheck(key, check);
		},
	};
	const ctx = { http: async () => ({ status: 500, headers: {}, body: '' }), credentials: {}, tokens: new MemoryTokenCache() };
	const report = await sweep(broken, [{ adapter: carrier, ctx }, { adapter: other, ctx }], {
		now: () => new Date(carrier['clock'].now),
		sleep: async (ms) => {
			carrier['clock'].now += ms;
		},
	});
	expect(report.changes.map((c) => c.event.trackingNumber)).toContain('A1');
	expect(report.cutShort).toEqual([{ carrier: 'othercarrier', reason: expect.stringMatching(/sweep failed: disk full/) }]);
});
