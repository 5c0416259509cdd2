import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { assessWithHistory } from '../../../lib/journey/assess';
import { journeyItemToNotifyInput } from '../../../lib/journey/notifyInput';
import { sweepStalled } from '../../../lib/journey/sweepStalled';
import type { ShipmentEvent } from '../../../lib/model/event';
import { MemoryStore } from '../../../lib/store/memory';
import { openSqliteStore } from '../../../lib/store/sqlite';
import { shipmentKey, type ShipmentState, type Store } from '../../../lib/store/types';

let dir: string;
let files = 0;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'pp-sweep-stalled-'));
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});
const freshPath = () => join(dir, `sweep-${++files}.sqlite`);

/** Thursday 5 March 2026, 18:00 in New York; with a 3-day threshold, stalled from Wednesday 11. */
const SCAN = '2026-03-05T18:00:00-05:00';
const WEDNESDAY = new Date('2026-03-11T15:00:00Z');
const customer = { name: 'Ada Lovelace', email: 'ada@example.com' };
const order = { number: '#1001' };

function moving(n: number, changes: Partial<ShipmentState> = {}): ShipmentState {
	const trackingNumber = `1Z${String(n).padStart(6, '0')}`;
	return {
		key: shipmentKey(trackingNumber, 'ups'),
		trackingNumber,
		status: 'in_transit',
		occurredAt: SCAN,
		lastTrigger: 'shipped',
		updatedAt: '2026-03-05T23:00:00.000Z',
		carrier: 'ups',
		service: 'UPS Ground',
		destinationCountry: 'US',
		destinationRegion: 'NY',
		lastScanAt: SCAN,
		openedAt: '2026-03-04T09:00:00-05:00',
		context: { customer, order },
		...changes,
	};
}

const backends: Array<[string, () => Store]> = [
	['MemoryStore', () => new MemoryStore()],
	['SqliteStore', () => openSqliteStore(freshPath())],
];

describe.each(backends)('sweepStalled on %s', (_name, makeStore) => {
	let store: Store;
	beforeEach(() => {
		store = makeStore();
	});
	afterEach(async () => {
		await store.close();
	});

	it('returns the silent shipments as journey items Customer Notify reads, and nothing else', async () => {
		await store.putShipment(moving(1));
		await store.putShipment(moving(2, { lastScanAt: '2026-03-10T08:00:00-05:00', occurredAt: '2026-03-10T08:00:00-05:00' }));
		await store.putShipment(moving(3, { status: 'delivered', closedAt: '2026-03-06T12:00:00-05:00' }));
		await store.putShipment(moving(4, { status: 'info_received', lastScanAt: undefined, openedAt: '2026-03-02T10:00:00-05:00' }));

		const found = await sweepStalled(store, { now: WEDNESDAY });

		expect(found.map((f) => [f.state.trackingNumber, f.assessment.trigger])).toEqual([
			['1Z000001', 'stalled'],
			['1Z000004', 'exception'],
		]);
		expect(found[0].item).toEqual({
			trackingNumber: '1Z000001',
			carrier: 'ups',
			service: 'UPS Ground',
			status: 'in_transit',
			occurredAt: SCAN,
			shipmentKey: 'ups:1Z000001',
			destination: { country: 'US', state: 'NY' },
			customer,
			order,
			assessment: found[0].assessment,
		});
		const input = journeyItemToNotifyInput(found[0].item, { email: customer.email }, {});
		expect(input).toMatchObject({ trigger: 'stalled', severity: 'warning', shipmentKey: 'ups:1Z000001', recipient: { country: 'US' } });
		expect(input.data.order.number).toBe('#1001');
	});

	it('tells each silence once across sweeps', async () => {
		await store.putShipment(moving(1));
		expect(await sweepStalled(store, { now: WEDNESDAY })).toHaveLength(1);
		expect(await sweepStalled(store, { now: WEDNESDAY })).toEqual([]);
		// Escalation at twice the threshold is no second message to the customer.
		expect(await sweepStalled(store, { now: new Date('2026-03-14T15:00:00Z') })).toEqual([]);
	});

	it('a new scan re-arms: a second silence later is told again; an estimate revision does not', async () => {
		const event = (changes: Partial<ShipmentEvent>): ShipmentEvent => ({
			id: `evt-${changes.occurredAt}`,
			provider: 'aftership',
			trackingNumber: '1Z000001',
			carrier: 'ups',
			service: 'UPS Ground',
			status: 'in_transit',
			occurredAt: SCAN,
			destination: { country: 'US', state: 'NY' },
			...changes,
		});
		await assessWithHistory(event({}), store, { now: new Date('2026-03-05T23:00:00Z'), context: { customer } });
		expect(await sweepStalled(store, { now: WEDNESDAY })).toHaveLength(1);

		await assessWithHistory(event({ occurredAt: '2026-03-11T12:00:00-05:00', estimateRevision: true, estimatedDelivery: '2026-03-16' }), store, {
			now: new Date('2026-03-11T17:00:00Z'),
		});
		expect(await sweepStalled(store, { now: new Date('2026-03-12T15:00:00Z') })).toEqual([]);

		await assessWithHistory(event({ occurredAt: '2026-03-12T07:00:00-05:00', detail: 'arrived_at_facility' }), store, {
			now: new Date('2026-03-12T12:00:00Z'),
		});
		expect(await sweepStalled(store, { now: new Date('2026-03-16T15:00:00Z') })).toEqual([]);
		const again = await sweepStalled(store, { now: new Date('2026-03-18T15:00:00Z') });
		expect(again.map((f) => f.assessment.reason)).toEqual(['No carrier scan since Thursday 12 March; we are checking with the carrier.']);
		expect(again[0].item.customer).toEqual(customer);
	});

	it('does not tell a silence a scan ended while the sweep was reading', async () => {
		await store.putShipment(moving(1));
		await store.putShipment(moving(2));
		const read = store.openShipments.bind(store);
		jest.spyOn(store, 'openShipments').mockImplementation(async (afterKey, limit) => {
			const page = await read(afterKey, limit);
			const scan = '2026-03-11T09:00:00-05:00';
			await store.putShipment(moving(2, { occurredAt: scan, lastScanAt: scan }));
			return page;
		});

		const found = await sweepStalled(store, { now: WEDNESDAY });

		expect(found.map((f) => f.state.trackingNumber)).toEqual(['1Z000001']);
	});

	it('reads in pages of the size asked, holding one page at a time', async () => {
		const total = 2100;
		for (let n = 0; n < total; n++) await store.putShipment(moving(n, n % 3 ? {} : { lastScanAt: '2026-03-10T08:00:00-05:00' }));
		const pages: number[] = [];
		const read = store.openShipments.bind(store);
		jest.spyOn(store, 'openShipments').mockImplementation(async (afterKey, limit) => {
			expect(limit).toBe(250);
			const page = await read(afterKey, limit);
			pages.push(page.length);
			return page;
		});

		const found = await sweepStalled(store, { now: WEDNESDAY, pageSize: 250, limit: 5000 });

		expect(found).toHaveLength(1400);
		expect(new Set(found.map((f) => f.state.key)).size).toBe(1400);
		expect(pages).toEqual([250, 250, 250, 250, 250, 250, 250, 250, 100]);
	});

	it('stops at the limit; the next sweep goes on with the rest', async () => {
		for (let n = 0; n < 30; n++) await store.putShipment(moving(n));
		const pages = jest.spyOn(store, 'openShipments');

		const first = await sweepStalled(store, { now: WEDNESDAY, pageSize: 10, limit: 12 });
		expect(first).toHaveLength(12);
		expect(pages).toHaveBeenCalledTimes(2);

		const rest = await sweepStalled(store, { now: WEDNESDAY, pageSize: 10, limit: 100 });
		expect(rest).toHaveLength(18);
		expect(new Set([...first, ...rest].map((f) => f.state.key)).size).toBe(30);
	});

	it('refuses unusable options before reading anything', async () => {
		const pages = jest.spyOn(store, 'openShipments');
		await expect(sweepStalled(store, { now: WEDNESDAY, pageSize: 0 })).rejects.toThrow(/^pageSize: /);
		await expect(sweepStalled(store, { now: WEDNESDAY, limit: -1 })).rejects.toThrow(/^limit: /);
		await expect(sweepStalled(store, { now: WEDNESDAY, thresholds: [{ carrier: 'ups', businessDays: 0 }] })).rejects.toThrow(
			/^thresholds\[0\]\.businessDays: /,
		);
		expect(pages).not.toHaveBeenCalled();
	});
});

describe('sweepStalled racing on one SQLite file', () => {
	it('two sweeps from two connections tell each silence exactly once between them', async () => {
		const path = freshPath();
		const first = openSqliteStore(path);
		const second = openSqliteStore(path);
		try {
			for (let n = 0; n < 300; n++) await first.putShipment(moving(n));
			const [a, b] = await Promise.all([
				sweepStalled(first, { now: WEDNESDAY, pageSize: 7 }),
				sweepStalled(second, { now: WEDNESDAY, pageSize: 7 }),
			]);
			// Both read each page before either marked it: only the store's mark keeps them apart.
			const keys = [...a, ...b].map((f) => f.state.key);
			expect(keys).toHaveLength(300);
			expect(new Set(keys).size).toBe(300);
		} finally {
			await first.close();
			await second.close();
		}
	});
});
