import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { assessWithHistory } from '../../../lib/journey/assess';
import type { ShipmentEvent } from '../../../lib/model/event';
import { MemoryStore } from '../../../lib/store/memory';
import { openSqliteStore } from '../../../lib/store/sqlite';
import { shipmentKey, type Store } from '../../../lib/store/types';

const TRACKING = '794698765432';
const KEY = shipmentKey(TRACKING, 'fedex');
const customer = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+12125550100' };
const order = { number: '#1001', items: [{ name: 'Teapot' }] };

function event(changes: Partial<ShipmentEvent>): ShipmentEvent {
	return {
		id: `evt-${changes.occurredAt}-${changes.status}`,
		provider: 'easypost',
		trackingNumber: TRACKING,
		carrier: 'fedex',
		status: 'in_transit',
		occurredAt: '2026-03-03T10:00:00-05:00',
		...changes,
	};
}

let dir: string;
let files = 0;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'pp-assess-fields-'));
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

const backends: Array<[string, () => Store]> = [
	['MemoryStore', () => new MemoryStore()],
	['SqliteStore', () => openSqliteStore(join(dir, `fields-${++files}.sqlite`))],
];

describe.each(backends)('assessWithHistory remembers what a silence sweep needs, on %s', (_name, makeStore) => {
	let store: Store;
	const now = new Date('2026-03-06T12:00:00Z');
	beforeEach(() => {
		store = makeStore();
	});
	afterEach(async () => {
		await store.close();
	});

	it('a label opens the shipment with its carrier, service, destination and context, but is no scan', async () => {
		const label = event({
			status: 'info_received',
			occurredAt: '2026-03-02T16:00:00-05:00',
			service: 'FedEx Ground',
			destination: { city: 'Albany', state: 'NY', country: 'US' },
		});
		await assessWithHistory(label, store, { now, context: { customer, order } });

		const state = await store.getShipment(KEY);
		expect(state).toMatchObject({
			carrier: 'fedex',
			service: 'FedEx Ground',
			destinationCountry: 'US',
			destinationRegion: 'NY',
			openedAt: label.occurredAt,
			context: { customer, order },
		});
		expect(state?.lastScanAt).toBeUndefined();
		expect(state?.closedAt).toBeUndefined();
	});

	it('a scan is the last scan; an estimate revision is not; what an event leaves out is kept', async () => {
		await assessWithHistory(event({ status: 'info_received', occurredAt: '2026-03-02T16:00:00-05:00', service: 'FedEx Ground', destination: { country: 'US', state: 'NY' } }), store, {
			now,
			context: { customer },
		});
		const scan = event({ detail: 'picked_up', occurredAt: '2026-03-03T10:00:00-05:00' });
		await assessWithHistory(scan, store, { now });
		await assessWithHistory(event({ occurredAt: '2026-03-04T09:00:00-05:00', estimateRevision: true, estimatedDelivery: '2026-03-09' }), store, { now });

		expect(await store.getShipment(KEY)).toMatchObject({
			occurredAt: '2026-03-04T09:00:00-05:00',
			lastScanAt: scan.occurredAt,
			openedAt: '2026-03-02T16:00:00-05:00',
			service: 'FedEx Ground',
			destinationCountry: 'US',
			context: { customer },
		});
	});

	it('a newer context replaces the one kept', async () => {
		await assessWithHistory(event({}), store, { now, context: { customer } });
		await assessWithHistory(event({ occurredAt: '2026-03-04T09:00:00-05:00' }), store, { now, context: { order } });
		expect((await store.getShipment(KEY))?.context).toEqual({ order });
	});

	it('delivery closes the shipment and drops the customer data', async () => {
		await assessWithHistory(event({}), store, { now, context: { customer, order } });
		const delivered = event({ status: 'delivered', occurredAt: '2026-03-05T14:00:00-05:00' });
		await assessWithHistory(delivered, store, { now, context: { customer, order } });

		const state = await store.getShipment(KEY);
		expect(state).toMatchObject({ status: 'delivered', closedAt: delivered.occurredAt, lastScanAt: delivered.occurredAt });
		expect(state?.context).toBeUndefined();
		expect(await store.openShipments(undefined, 10)).toEqual([]);
	});

	it('returned and cancelled close it too; a parcel going back does not', async () => {
		await assessWithHistory(event({ status: 'returning', occurredAt: '2026-03-05T14:00:00-05:00' }), store, { now, context: { customer } });
		expect((await store.getShipment(KEY))?.closedAt).toBeUndefined();
		await assessWithHistory(event({ status: 'returned', occurredAt: '2026-03-07T14:00:00-05:00' }), store, { now });
		expect((await store.getShipment(KEY))?.closedAt).toBe('2026-03-07T14:00:00-05:00');

		const other = event({ trackingNumber: '794698765433', status: 'cancelled', occurredAt: '2026-03-05T14:00:00-05:00' });
		await assessWithHistory(other, store, { now, context: { customer } });
		expect(await store.getShipment(shipmentKey(other.trackingNumber, 'fedex'))).toMatchObject({ closedAt: other.occurredAt });
	});
});
