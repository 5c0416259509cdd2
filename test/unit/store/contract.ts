import type { JourneyTrigger } from '../../../lib/model/triggers';
import type { Store } from '../../../lib/store/types';
import { preferencesContract } from './preferences-contract';
import { silenceContract } from './silence-contract';

/**
 * The behaviour every Store backend must have. Each backend's test file calls this with a
 * factory for a fresh, empty store; a new backend (Redis...) passes this suite or is not done.
 */
export function storeContract(name: string, factory: () => Promise<Store> | Store): void {
	describe(`Store contract: ${name}`, () => {
		let store: Store;
		const t0 = new Date('2025-03-01T10:00:00.000Z');
		const later = (ms: number) => new Date(t0.getTime() + ms);

		beforeEach(async () => {
			store = await factory();
		});
		afterEach(async () => {
			await store.close();
		});

		describe('claim', () => {
			it('lets only the first claimant win while the claim is unexpired', async () => {
				expect(await store.claim('evt-1', 60_000, t0)).toBe(true);
				expect(await store.claim('evt-1', 60_000, later(59_999))).toBe(false);
				expect(await store.claim('evt-2', 60_000, t0)).toBe(true);
			});

			it('can be claimed again once expired', async () => {
				await store.claim('evt-1', 1000, t0);
				expect(await store.claim('evt-1', 1000, later(1000))).toBe(true);
				// The new claim runs from its own time, not the old one.
				expect(await store.claim('evt-1', 1000, later(1999))).toBe(false);
			});

			it('gives exactly one winner among many concurrent claimants', async () => {
				const results = await Promise.all(Array.from({ length: 50 }, () => store.claim('evt-race', 60_000, t0)));
				expect(results.filter(Boolean)).toHaveLength(1);
			});

			it('can be released and claimed again', async () => {
				await store.claim('evt-1', 60_000, t0);
				await store.release('evt-1');
				expect(await store.claim('evt-1', 60_000, t0)).toBe(true);
			});

			it('purges only expired claims and says how many', async () => {
				await store.claim('old-1', 1000, t0);
				await store.claim('old-2', 2000, t0);
				await store.claim('fresh', 10_000, t0);
				expect(await store.purgeExpired(later(5000))).toBe(2);
				expect(await store.purgeExpired(later(5000))).toBe(0);
				expect(await store.claim('fresh', 10_000, later(5000))).toBe(false);
				expect(await store.claim('old-1', 1000, later(5000))).toBe(true);
			});
		});

		describe('shipments', () => {
			const state = {
				key: 'ups:1Z999',
				trackingNumber: '1Z999',
				status: 'in_transit',
				occurredAt: '2025-03-01T10:00:00+01:00',
				lastTrigger: 'shipped' as const,
				updatedAt: '2025-03-01T09:05:00.000Z',
			};

			it('returns undefined for an unknown shipment', async () => {
				expect(await store.getShipment('ups:nope')).toBeUndefined();
			});

			it('stores and returns the state', async () => {
				expect(await store.putShipment(state)).toEqual(state);
				expect(await store.getShipment(state.key)).toEqual(state);
			});

			it('keeps the newer state when an older event arrives late', async () => {
				await store.putShipment(state);
				// Instants, not strings: 09:30Z is after 10:00+01:00 (09:00Z); 09:59+02:00 (07:59Z) is before both.
				const newer = { ...state, status: 'out_for_delivery', occurredAt: '2025-03-01T09:30:00Z' };
				expect((await store.putShipment(newer)).status).toBe('out_for_delivery');
				const older = { ...state, status: 'info_received', occurredAt: '2025-03-01T09:59:00+02:00' };
				expect(await store.putShipment(older)).toEqual(newer);
				expect(await store.getShipment(state.key)).toEqual(newer);
			});

			it('overwrites on an equal occurredAt (e.g. to record the trigger sent)', async () => {
				await store.putShipment(state);
				const updated = { ...state, lastTrigger: 'in_transit' as const };
				expect(await store.putShipment(updated)).toEqual(updated);
			});

			it('reads an absent lastTrigger back as null', async () => {
				const { lastTrigger: _omitted, ...withoutTrigger } = state;
				expect((await store.putShipment(withoutTrigger)).lastTrigger).toBeNull();
			});

			it('refuses a state whose occurredAt is not a date-time', async () => {
				await expect(store.putShipment({ ...state, occurredAt: 'yesterday' })).rejects.toThrow(/occurredAt/);
			});
		});

		describe('sends', () => {
			it('reserves each (shipment, trigger, channel) once', async () => {
				expect(await store.reserveSend('ups:1', 'delayed', 'email', t0)).toBe(true);
				expect(await store.reserveSend('ups:1', 'delayed', 'email', t0)).toBe(false);
				expect(await store.reserveSend('ups:1', 'delayed', 'sms', t0)).toBe(true);
				expect(await store.reserveSend('ups:1', 'delivered', 'email', t0)).toBe(true);
				expect(await store.reserveSend('ups:2', 'delayed', 'email', t0)).toBe(true);
			});

			it('gives exactly one reservation among concurrent reservers', async () => {
				const results = await Promise.all(
					Array.from({ length: 30 }, () => store.reserveSend('ups:1', 'delivered', 'sms', t0)),
				);
				expect(results.filter(Boolean)).toHaveLength(1);
			});

			it('can reserve again after a release (failed send retried)', async () => {
				await store.reserveSend('ups:1', 'delayed', 'email', t0);
				await store.releaseSend('ups:1', 'delayed', 'email');
				expect(await store.reserveSend('ups:1', 'delayed', 'email', t0)).toBe(true);
			});

			it('treats a send logged as sent as reserved even after a release', async () => {
				await store.logSend({ shipmentKey: 'ups:1', trigger: 'delayed', channel: 'email', status: 'sent', at: t0.toISOString() });
				expect(await store.reserveSend('ups:1', 'delayed', 'email', t0)).toBe(false);
				await store.releaseSend('ups:1', 'delayed', 'email');
				expect(await store.reserveSend('ups:1', 'delayed', 'email', t0)).toBe(false);
				// A failed attempt in the log does not block.
				await store.logSend({ shipmentKey: 'ups:1', trigger: 'shipped', channel: 'email', status: 'failed', at: t0.toISOString() });
				expect(await store.reserveSend('ups:1', 'shipped', 'email', t0)).toBe(true);
			});

			it("counts this shipment's notifications sent since the date, one per trigger whatever the channels", async () => {
				const log = (shipmentKey: string, status: 'sent' | 'failed' | 'deferred', at: Date, trigger: JourneyTrigger = 'in_transit', channel = 'sms') =>
					store.logSend({ shipmentKey, trigger, channel, status, at: at.toISOString(), providerMessageId: 'SM1' });
				await log('ups:1', 'sent', later(-1000), 'shipped');
				await log('ups:1', 'sent', t0, 'in_transit');
				await log('ups:1', 'sent', t0, 'in_transit', 'email');
				await log('ups:1', 'sent', later(1000), 'out_for_delivery');
				await log('ups:1', 'failed', later(2000));
				await log('ups:1', 'deferred', later(2000));
				await log('ups:2', 'sent', later(2000));
				expect(await store.countSent('ups:1', t0)).toBe(2);
				expect(await store.countSent('ups:1', later(-60_000))).toBe(3);
				expect(await store.countSent('ups:3', later(-60_000))).toBe(0);
			});

			it('lists every decision oldest first, by shipment and since a date, newest kept under a limit', async () => {
				const entry = (shipmentKey: string, trigger: JourneyTrigger, status: 'sent' | 'suppressed' | 'deferred', at: Date) => ({
					shipmentKey,
					trigger,
					channel: 'sms',
					status,
					at: at.toISOString(),
					trackingNumber: shipmentKey.split(':')[1],
					reasonCode: status === 'sent' ? undefined : status === 'deferred' ? 'quiet_hours' : 'cap',
					sendAt: status === 'deferred' ? later(3600_000).toISOString() : undefined,
				});
				await store.logSend(entry('ups:1', 'shipped', 'sent', t0));
				await store.logSend(entry('ups:2', 'shipped', 'suppressed', later(1000)));
				await store.logSend(entry('ups:1', 'delivered', 'deferred', later(2000)));
				const all = await store.listSends();
				expect(all.map((e) => [e.shipmentKey, e.trigger, e.status, e.reasonCode])).toEqual([
					['ups:1', 'shipped', 'sent', undefined],
					['ups:2', 'shipped', 'suppressed', 'cap'],
					['ups:1', 'delivered', 'deferred', 'quiet_hours'],
				]);
				expect(all[2]).toMatchObject({ trackingNumber: '1', sendAt: later(3600_000).toISOString() });
				expect((await store.listSends({ shipmentKey: 'ups:1' })).map((e) => e.trigger)).toEqual(['shipped', 'delivered']);
				expect((await store.listSends({ since: later(500) })).map((e) => e.shipmentKey)).toEqual(['ups:2', 'ups:1']);
				expect((await store.listSends({ limit: 1 })).map((e) => e.trigger)).toEqual(['delivered']);
			});

			it('remembers the revised ETA last told; a later state without one clears it', async () => {
				const state = { key: 'fedex:7946', trackingNumber: '7946', status: 'in_transit', occurredAt: t0.toISOString(), updatedAt: t0.toISOString() };
				await store.putShipment({ ...state, lastTrigger: 'delayed', lastRevisedEta: '2026-03-14' });
				expect((await store.getShipment(state.key))?.lastRevisedEta).toBe('2026-03-14');
				await store.putShipment({ ...state, occurredAt: later(1000).toISOString(), lastTrigger: 'delayed' });
				expect((await store.getShipment(state.key))?.lastRevisedEta).toBeUndefined();
			});
		});
			describe('watch list', () => {
			it('watches a shipment due at once, normalised, and keeps its state when watched again', async () => {
				const first = await store.watchlist.watch({ trackingNumber: '1z 999-aa1', carrier: 'UPS', metadata: { order: '#1001' } }, t0);
				expect(first).toMatchObject({ key: 'ups:1Z999AA1', trackingNumber: '1Z999AA1', carrier: 'ups', failures: 0, metadata: { order: '#1001' } });
				expect(first.nextCheckAt).toBe(t0.toISOString());
				await store.watchlist.recordCheck(first.key, { nextCheckAt: later(60_000).toISOString(), lastCheckedAt: t0.toISOString(), failures: 1, lastStatus: 'in_transit', lastContentKey: 'abc' });
				const again = await store.watchlist.watch({ trackingNumber: '1Z999AA1', carrier: 'ups', metadata: { order: '#1002' } }, later(1000));
				expect(again).toMatchObject({ failures: 1, lastStatus: 'in_transit', lastContentKey: 'abc', metadata: { order: '#1002' }, nextCheckAt: later(60_000).toISOString() });
			});

			it('pages due shipments per carrier, longest-waiting first', async () => {
				for (let i = 0; i < 5; i++) await store.watchlist.watch({ trackingNumber: `F${i}`, carrier: 'fedex' }, later(i * 1000));
				await store.watchlist.watch({ trackingNumber: 'U1', carrier: 'ups' }, t0);
				await store.watchlist.recordCheck('fedex:F0', { nextCheckAt: later(3_600_000).toISOString(), failures: 0 });
				const page = await store.watchlist.due('fedex', later(10_000), 3);
				expect(page.map((e) => e.trackingNumber)).toEqual(['F1', 'F2', 'F3']);
				expect((await store.watchlist.due('fedex', later(2_500), 10)).map((e) => e.trackingNumber)).toEqual(['F1', 'F2']);
				expect(await store.watchlist.count('fedex')).toBe(5);
				expect(await store.watchlist.count()).toBe(6);
			});

			it('unwatches, and records a final status only once set', async () => {
				const entry = await store.watchlist.watch({ trackingNumber: 'D1', carrier: 'dhl' }, t0);
				await store.watchlist.recordCheck(entry.key, { nextCheckAt: later(1000).toISOString(), failures: 0, lastStatus: 'delivered', finalAt: later(500).toISOString(), lastChangeAt: later(500).toISOString() });
				expect(await store.watchlist.get(entry.key)).toMatchObject({ finalAt: later(500).toISOString(), lastChangeAt: later(500).toISOString() });
				expect(await store.watchlist.unwatch(entry.key)).toBe(true);
				expect(await store.watchlist.unwatch(entry.key)).toBe(false);
				expect(await store.watchlist.get(entry.key)).toBeUndefined();
			});
		});
});
	silenceContract(name, factory);
	preferencesContract(name, factory);
}
