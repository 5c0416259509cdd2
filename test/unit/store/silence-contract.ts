import type { ShipmentState, Store } from '../../../lib/store/types';

/**
 * The shipment fields the silence sweep reads, the paged reader of open shipments and the
 * "told once" marks: part of the Store contract (storeContract runs it for every backend).
 */
export function silenceContract(name: string, factory: () => Promise<Store> | Store): void {
	describe(`Store contract, open shipments and silence marks: ${name}`, () => {
		let store: Store;
		const at = new Date('2026-03-05T12:00:00.000Z');

		beforeEach(async () => {
			store = await factory();
		});
		afterEach(async () => {
			await store.close();
		});

		const base: ShipmentState = {
			key: 'ups:1Z1',
			trackingNumber: '1Z1',
			status: 'in_transit',
			occurredAt: '2026-03-03T09:00:00-05:00',
			lastTrigger: 'shipped',
			updatedAt: '2026-03-03T14:05:00.000Z',
		};
		const full: ShipmentState = {
			...base,
			carrier: 'ups',
			service: 'UPS Ground',
			destinationCountry: 'US',
			destinationRegion: 'NY',
			lastScanAt: '2026-03-03T09:00:00-05:00',
			openedAt: '2026-03-02T16:00:00-05:00',
			context: { customer: { name: 'Ada', email: 'ada@example.com' }, order: { number: '#1001' } },
		};
		const next = (state: ShipmentState, occurredAt: string, changes: Partial<ShipmentState> = {}): ShipmentState => ({
			...state,
			occurredAt,
			...changes,
		});

		it('stores and returns the carrier, service, destination, last scan, opening and context', async () => {
			expect(await store.putShipment(full)).toEqual(full);
			expect(await store.getShipment(full.key)).toEqual(full);
		});

		it('keeps the first openedAt', async () => {
			await store.putShipment(full);
			const later = await store.putShipment(next(full, '2026-03-04T09:00:00-05:00', { openedAt: '2026-03-04T09:00:00-05:00' }));
			expect(later.openedAt).toBe(full.openedAt);
		});

		it('never moves the last scan back, even when a later state omits it', async () => {
			await store.putShipment(full);
			const { lastScanAt: _omitted, ...noScan } = full;
			const revision = await store.putShipment(next(noScan, '2026-03-04T10:00:00-05:00'));
			expect(revision.lastScanAt).toBe(full.lastScanAt);
			const older = await store.putShipment(next(full, '2026-03-04T11:00:00-05:00', { lastScanAt: '2026-03-01T09:00:00-05:00' }));
			expect(older.lastScanAt).toBe(full.lastScanAt);
		});

		it('keeps no customer or order data for a closed shipment', async () => {
			await store.putShipment(full);
			const closedAt = '2026-03-05T13:00:00-05:00';
			const delivered = await store.putShipment(next(full, closedAt, { status: 'delivered', closedAt }));
			expect(delivered.closedAt).toBe(closedAt);
			expect(delivered.context).toBeUndefined();
			expect((await store.getShipment(full.key))?.context).toBeUndefined();
		});

		it('writes the notified marks only through markNotified', async () => {
			await store.putShipment({ ...full, stallNotifiedAt: at.toISOString(), noInfoNotifiedAt: at.toISOString() });
			const stored = await store.getShipment(full.key);
			expect(stored?.stallNotifiedAt).toBeUndefined();
			expect(stored?.noInfoNotifiedAt).toBeUndefined();
		});

		describe('openShipments', () => {
			const keys = ['ups:A3', 'fedex:B1', 'ups:A1', 'dhl:C9', 'ups:A2'];
			beforeEach(async () => {
				for (const key of keys) await store.putShipment({ ...base, key, trackingNumber: key.split(':')[1] });
				const closedAt = '2026-03-04T09:00:00-05:00';
				await store.putShipment({ ...base, key: 'ups:A2', trackingNumber: 'A2', status: 'delivered', occurredAt: closedAt, closedAt });
			});

			it('pages the shipments not closed in key order, after the key given', async () => {
				const first = await store.openShipments(undefined, 2);
				expect(first.map((s) => s.key)).toEqual(['dhl:C9', 'fedex:B1']);
				const second = await store.openShipments(first[1].key, 2);
				expect(second.map((s) => s.key)).toEqual(['ups:A1', 'ups:A3']);
				expect(await store.openShipments(second[1].key, 2)).toEqual([]);
			});

			it('starts after a key that is not stored, and returns whole states', async () => {
				const page = await store.openShipments('fedex:ZZZ', 10);
				expect(page.map((s) => s.key)).toEqual(['ups:A1', 'ups:A3']);
				expect(page[0]).toMatchObject({ trackingNumber: 'A1', status: 'in_transit', lastTrigger: 'shipped' });
			});

			it('lists a closed shipment again once a newer event opens it', async () => {
				await store.putShipment({ ...base, key: 'ups:A2', trackingNumber: 'A2', occurredAt: '2026-03-04T12:00:00-05:00' });
				expect((await store.openShipments('ups:A1', 10)).map((s) => s.key)).toEqual(['ups:A2', 'ups:A3']);
			});
		});

		describe('markNotified', () => {
			it('marks each kind once, and shows the mark on the state', async () => {
				await store.putShipment(full);
				expect(await store.markNotified(full.key, 'stall', at)).toBe(true);
				expect(await store.markNotified(full.key, 'stall', at)).toBe(false);
				expect(await store.markNotified(full.key, 'no_info', at)).toBe(true);
				expect(await store.markNotified(full.key, 'no_info', at)).toBe(false);
				expect(await store.getShipment(full.key)).toMatchObject({ stallNotifiedAt: at.toISOString(), noInfoNotifiedAt: at.toISOString() });
				expect((await store.openShipments(undefined, 1))[0].stallNotifiedAt).toBe(at.toISOString());
			});

			it('gives exactly one mark among concurrent markers', async () => {
				await store.putShipment(full);
				const results = await Promise.all(Array.from({ length: 20 }, () => store.markNotified(full.key, 'stall', at)));
				expect(results.filter(Boolean)).toHaveLength(1);
			});

			it('refuses an unknown or a closed shipment', async () => {
				expect(await store.markNotified('ups:nope', 'stall', at)).toBe(false);
				const closedAt = '2026-03-04T09:00:00-05:00';
				await store.putShipment({ ...full, status: 'delivered', occurredAt: closedAt, closedAt });
				expect(await store.markNotified(full.key, 'stall', at)).toBe(false);
			});

			it('a newer scan re-arms the stall mark; a revision without a new scan does not', async () => {
				await store.putShipment(full);
				await store.markNotified(full.key, 'stall', at);
				await store.markNotified(full.key, 'no_info', at);

				await store.putShipment(next(full, '2026-03-05T08:00:00-05:00'));
				expect(await store.markNotified(full.key, 'stall', at)).toBe(false);

				const scan = '2026-03-06T08:00:00-05:00';
				const rearmed = await store.putShipment(next(full, scan, { lastScanAt: scan }));
				expect(rearmed.stallNotifiedAt).toBeUndefined();
				expect(rearmed.noInfoNotifiedAt).toBe(at.toISOString());
				expect(await store.markNotified(full.key, 'stall', at)).toBe(true);
			});

			it('refuses when a scan came after the one the caller judged by', async () => {
				await store.putShipment(full);
				const scan = '2026-03-06T08:00:00-05:00';
				await store.putShipment(next(full, scan, { lastScanAt: scan }));
				expect(await store.markNotified(full.key, 'stall', at, full.lastScanAt)).toBe(false);
				expect(await store.markNotified(full.key, 'no_info', at, null)).toBe(false);
				expect(await store.markNotified(full.key, 'stall', at, scan)).toBe(true);
			});

			it('accepts "no scan seen" while there is still none', async () => {
				const { lastScanAt: _omitted, ...unscanned } = full;
				await store.putShipment({ ...unscanned, status: 'info_received' });
				expect(await store.markNotified(full.key, 'no_info', at, null)).toBe(true);
			});
		});
	});
}
