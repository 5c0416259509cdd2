import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { assessWithHistory } from '../../../lib/journey/assess';
import type { ShipmentEvent } from '../../../lib/model/event';
import { MemoryStore } from '../../../lib/store/memory';
import { openSqliteStore } from '../../../lib/store/sqlite';
import { shipmentKey, type Store } from '../../../lib/store/types';

const TRACKING = '1Z999AA10123456784';
const KEY = shipmentKey(TRACKING, 'ups');
const NOW = new Date('2024-03-11T18:00:00Z');

let eventCount = 0;
function event(overrides: Partial<ShipmentEvent> = {}): ShipmentEvent {
	return {
		id: `aftership:evt-${++eventCount}`,
		provider: 'aftership',
		trackingNumber: TRACKING,
		carrier: 'ups',
		status: 'in_transit',
		occurredAt: '2024-03-10T09:15:00-05:00',
		...overrides,
	};
}

let dir: string;
let files = 0;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'pp-assess-'));
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

const backends: Array<[string, () => Store]> = [
	['MemoryStore', () => new MemoryStore()],
	['SqliteStore', () => openSqliteStore(join(dir, `assess-${++files}.sqlite`))],
];

describe.each(backends)('assessWithHistory on %s', (_name, makeStore) => {
	let store: Store;
	beforeEach(() => {
		store = makeStore();
	});
	afterEach(async () => {
		await store.close();
	});

	const assess = (e: ShipmentEvent, options: Parameters<typeof assessWithHistory>[2] = {}) =>
		assessWithHistory(e, store, { now: NOW, ...options });

	describe('the first scan and repeats', () => {
		it('tells "shipped" for the first in-transit scan and remembers it', async () => {
			const scan = event();

			const assessment = await assess(scan);

			expect(assessment).toMatchObject({ trigger: 'shipped', notify: true });
			expect(await store.getShipment(KEY)).toMatchObject({
				key: KEY,
				trackingNumber: TRACKING,
				status: 'in_transit',
				occurredAt: scan.occurredAt,
				lastTrigger: 'shipped',
				updatedAt: NOW.toISOString(),
			});
		});

		it('does not tell the same scan twice', async () => {
			const scan = event();
			await assess(scan);

			const again = await assess({ ...scan });

			expect(again.notify).toBe(false);
			expect(again.trigger).not.toBe('shipped');
			expect((await store.getShipment(KEY))?.lastTrigger).toBe('shipped');
		});

		// With routine transit updates switched on, the identical scan (same status, same occurredAt as
		// the stored state) comes back as trigger 'in_transit', notify true: a second message for the
		// checkpoint already told as 'shipped'. classify() receives lastStatus but never reads it.
		test('does not tell the same scan twice with in-transit updates on', async () => {
			const scan = event();
			await assess(scan, { notifyInTransit: true });

			const again = await assess({ ...scan }, { notifyInTransit: true });

			expect(again).toMatchObject({ notify: false, suppressedBecause: 'repeated status' });
		});

		it('a later routine scan is not a second "shipped", and moves the state on', async () => {
			await assess(event());
			const later = event({ detail: 'arrived_at_facility', occurredAt: '2024-03-11T02:00:00-05:00' });

			const assessment = await assess(later);

			expect(assessment).toMatchObject({ trigger: 'in_transit', notify: false, suppressedBecause: 'routine transit scan' });
			expect(await store.getShipment(KEY)).toMatchObject({ occurredAt: later.occurredAt, lastTrigger: 'shipped' });
		});

		it('the same status again is "repeated status", not a second message', async () => {
			const first = event({ status: 'out_for_delivery', occurredAt: '2024-03-12T08:00:00-05:00' });
			expect(await assess(first)).toMatchObject({ trigger: 'out_for_delivery', notify: true });

			const again = await assess({ ...first, id: 'aftership:evt-resent' });
			const laterScan = await assess(event({ status: 'out_for_delivery', occurredAt: '2024-03-12T09:30:00-05:00' }));

			expect(again).toMatchObject({ trigger: 'out_for_delivery', notify: false, suppressedBecause: 'repeated status' });
			expect(laterScan).toMatchObject({ notify: false, suppressedBecause: 'repeated status' });
			expect((await store.getShipment(KEY))?.lastTrigger).toBe('out_for_delivery');
		});

		it('keeps shipments apart by carrier and tracking number', async () => {
			await assess(event());
			const otherCarrier = await assess(event({ carrier: 'fedex' }));
			const otherNumber = await assess(event({ trackingNumber: '1Z999AA10123456785' }));
			expect(otherCarrier).toMatchObject({ trigger: 'shipped', notify: true });
			expect(otherNumber).toMatchObject({ trigger: 'shipped', notify: true });
		});

		it('finds the history under the normalised key (spacing and case of the number)', async () => {
			await assess(event({ status: 'out_for_delivery', occurredAt: '2024-03-12T08:00:00-05:00' }));
			const spaced = await assess(
				event({ trackingNumber: '1z 999 aa1 012 345 6784', status: 'out_for_delivery', occurredAt: '2024-03-12T09:00:00-05:00' }),
			);
			expect(spaced).toMatchObject({ notify: false, suppressedBecause: 'repeated status' });
		});
	});

	describe('events out of order', () => {
		it('an older event after a newer one tells nothing and does not move the state back', async () => {
			const newer = event({ status: 'out_for_delivery', occurredAt: '2024-03-12T08:00:00-05:00' });
			await assess(newer);

			const older = await assess(event({ status: 'in_transit', occurredAt: '2024-03-11T08:00:00-05:00' }));

			expect(older).toMatchObject({ trigger: null, notify: false, suppressedBecause: 'older than the last known event' });
			expect(await store.getShipment(KEY)).toMatchObject({
				status: 'out_for_delivery',
				occurredAt: newer.occurredAt,
				lastTrigger: 'out_for_delivery',
			});
		});

		it('an older exception after delivery is silent and the shipment stays delivered', async () => {
			const delivered = event({ status: 'delivered', occurredAt: '2024-03-12T13:00:00-05:00' });
			expect(await assess(delivered)).toMatchObject({ trigger: 'delivered', notify: true });

			const late = await assess(event({ status: 'exception', detail: 'lost', occurredAt: '2024-03-12T10:00:00-05:00' }));

			expect(late).toMatchObject({ notify: false, escalate: false });
			expect(await store.getShipment(KEY)).toMatchObject({ status: 'delivered', lastTrigger: 'delivered' });
		});

		it('compares instants across offsets, not clock readings', async () => {
			// 08:00 at UTC-5 is 13:00Z; 14:30 at UTC+1 is 13:30Z, so it is newer.
			await assess(event({ status: 'out_for_delivery', occurredAt: '2024-03-12T08:00:00-05:00' }));
			const newer = await assess(event({ status: 'delivered', occurredAt: '2024-03-12T14:30:00+01:00' }));
			expect(newer).toMatchObject({ trigger: 'delivered', notify: true });
			expect((await store.getShipment(KEY))?.status).toBe('delivered');
		});
	});

	describe('delays', () => {
		const late = (estimatedDelivery: string, occurredAt: string) =>
			event({ promisedDelivery: '2024-03-12', estimatedDelivery, occurredAt });

		it('tells a delay, stays quiet while it holds, tells it again when it grows', async () => {
			const first = await assess(late('2024-03-14', '2024-03-10T09:00:00-05:00'));
			expect(first).toMatchObject({ trigger: 'delayed', notify: true, revisedEta: '2024-03-14', daysLate: 2 });
			expect(await store.getShipment(KEY)).toMatchObject({ lastTrigger: 'delayed', lastRevisedEta: '2024-03-14' });

			const same = await assess(late('2024-03-14', '2024-03-11T09:00:00-05:00'));
			expect(same).toMatchObject({ trigger: 'delayed', notify: false, suppressedBecause: 'repeated status' });
			expect(await store.getShipment(KEY)).toMatchObject({ lastTrigger: 'delayed', lastRevisedEta: '2024-03-14' });

			const grown = await assess(late('2024-03-16', '2024-03-12T09:00:00-05:00'));
			expect(grown).toMatchObject({ trigger: 'delayed', notify: true, revisedEta: '2024-03-16', daysLate: 4, escalate: true });
			expect(await store.getShipment(KEY)).toMatchObject({ lastTrigger: 'delayed', lastRevisedEta: '2024-03-16' });
		});

		it('a delay that shrinks is not told, and the told date is kept', async () => {
			await assess(late('2024-03-16', '2024-03-10T09:00:00-05:00'));

			const shrank = await assess(late('2024-03-15', '2024-03-11T09:00:00-05:00'));

			expect(shrank).toMatchObject({ trigger: 'delayed', notify: false });
			expect(await store.getShipment(KEY)).toMatchObject({ lastTrigger: 'delayed', lastRevisedEta: '2024-03-16' });
			// Growing past the told date (not past the last seen one) is what counts.
			expect(await assess(late('2024-03-16', '2024-03-12T09:00:00-05:00'))).toMatchObject({ notify: false });
			expect(await assess(late('2024-03-17', '2024-03-13T09:00:00-05:00'))).toMatchObject({ notify: true, revisedEta: '2024-03-17' });
		});

		it('reads lastRevisedEta from the stored state', async () => {
			await store.putShipment({
				key: KEY,
				trackingNumber: TRACKING,
				status: 'in_transit',
				occurredAt: '2024-03-09T09:00:00-05:00',
				lastTrigger: 'delayed',
				lastRevisedEta: '2024-03-16',
				updatedAt: '2024-03-09T14:00:00Z',
			});

			const notGrown = await assess(late('2024-03-16', '2024-03-10T09:00:00-05:00'));
			const grown = await assess(late('2024-03-17', '2024-03-11T09:00:00-05:00'));

			expect(notGrown).toMatchObject({ trigger: 'delayed', notify: false, suppressedBecause: 'repeated status' });
			expect(grown).toMatchObject({ trigger: 'delayed', notify: true });
			expect((await store.getShipment(KEY))?.lastRevisedEta).toBe('2024-03-17');
		});

		it('measures against the promisedDate option when given', async () => {
			const assessment = await assess(event({ estimatedDelivery: '2024-03-14' }), { promisedDate: '2024-03-13' });
			expect(assessment).toMatchObject({ trigger: 'delayed', notify: true, revisedEta: '2024-03-14', daysLate: 1, promisedDate: '2024-03-13' });
			expect((await store.getShipment(KEY))?.lastRevisedEta).toBe('2024-03-14');
		});

		it('a trigger other than delayed keeps the told delay date', async () => {
			await assess(late('2024-03-14', '2024-03-10T09:00:00-05:00'));

			const ofd = await assess(event({ status: 'out_for_delivery', occurredAt: '2024-03-14T08:00:00-05:00' }));

			expect(ofd).toMatchObject({ trigger: 'out_for_delivery', notify: true });
			expect(await store.getShipment(KEY)).toMatchObject({ lastTrigger: 'out_for_delivery', lastRevisedEta: '2024-03-14' });
		});
	});

	it('routine transit scans are told when asked for', async () => {
		await assess(event());
		const scan = await assess(event({ detail: 'departed', occurredAt: '2024-03-11T02:00:00-05:00' }), { notifyInTransit: true });
		expect(scan).toMatchObject({ trigger: 'in_transit', notify: true });
		expect((await store.getShipment(KEY))?.lastTrigger).toBe('in_transit');
	});
});

describe('assessWithHistory: two executions racing on one shipment', () => {
	it('silences an older event when a newer one was stored while it was being classified', async () => {
		const store = new MemoryStore();
		await store.putShipment({ key: KEY, trackingNumber: TRACKING, status: 'delivered', occurredAt: '2024-03-11T17:00:00Z', lastTrigger: 'delivered', updatedAt: NOW.toISOString() });
		// The other execution read the shipment before 'delivered' was stored: it sees nothing yet.
		const stale: Store = new Proxy(store, {
			get(target, property) {
				if (property === 'getShipment') return async () => undefined;
				const value = Reflect.get(target, property, target) as unknown;
				return typeof value === 'function' ? value.bind(target) : value;
			},
		});
		const result = await assessWithHistory(event({ status: 'out_for_delivery', occurredAt: '2024-03-11T09:00:00Z' }), stale, { now: NOW });
		expect(result).toMatchObject({ trigger: null, notify: false, suppressedBecause: 'older than the last known event' });
		expect((await store.getShipment(KEY))?.status).toBe('delivered');
	});
});
