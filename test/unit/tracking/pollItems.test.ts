import type { ShipmentEvent } from '../../../lib/model/event';
import type { SweepReport } from '../../../lib/poll/sweep';
import type { WatchedShipment } from '../../../lib/store/types';
import { sweepToItems } from '../../../lib/tracking/pollItems';

const event = (overrides: Partial<ShipmentEvent> = {}): ShipmentEvent => ({
	id: 'fedex:0123456789abcdef0123456789abcdef',
	provider: 'fedex',
	carrier: 'fedex',
	trackingNumber: '794600000000',
	status: 'out_for_delivery',
	occurredAt: '2026-11-18T07:10:00-06:00',
	...overrides,
});

const watched = (overrides: Partial<WatchedShipment> = {}): WatchedShipment => ({
	key: 'fedex:794600000000',
	trackingNumber: '794600000000',
	carrier: 'fedex',
	addedAt: '2026-11-16T12:00:00.000Z',
	nextCheckAt: '2026-11-18T14:00:00.000Z',
	lastCheckedAt: '2026-11-18T12:00:00.000Z',
	lastChangeAt: '2026-11-17T12:00:00.000Z',
	failures: 0,
	...overrides,
});

const emptyReport = (): SweepReport => ({ changes: [], failures: [], stopped: [], checked: 0, cutShort: [] });

describe('sweepToItems', () => {
	it('a change is the event with the watched order lifted, all metadata kept under metadata, its shipment key and watch times', () => {
		const report = emptyReport();
		report.changes.push({ event: event(), watched: watched({ metadata: { order: { number: '#1042' }, channel: 'web' } }) });
		const { changes, issues } = sweepToItems(report);
		expect(issues).toEqual([]);
		expect(changes).toEqual([
			{
				...event(),
				order: { number: '#1042' },
				metadata: { order: { number: '#1042' }, channel: 'web' },
				shipmentKey: 'fedex:794600000000',
				watch: { addedAt: '2026-11-16T12:00:00.000Z', lastCheckedAt: '2026-11-18T12:00:00.000Z' },
			},
		]);
	});

	it('metadata never overwrites the event (a stray status or trackingNumber stays under metadata)', () => {
		const report = emptyReport();
		report.changes.push({ event: event(), watched: watched({ metadata: { status: 'delivered', trackingNumber: 'X' } }) });
		const [item] = sweepToItems(report).changes;
		expect(item).toMatchObject({ status: event().status, trackingNumber: event().trackingNumber, metadata: { status: 'delivered', trackingNumber: 'X' } });
	});

	it("merges the watched customer over the event's own, field by field", () => {
		const report = emptyReport();
		report.changes.push({
			event: event({ customer: { name: 'A. Carrier-Name', email: 'carrier@example.com', locale: 'en' } }),
			watched: watched({ metadata: { customer: { email: 'ada@example.com', phone: '+13125550142' } } }),
		});
		const [item] = sweepToItems(report).changes;
		expect(item!.customer).toEqual({ name: 'A. Carrier-Name', email: 'ada@example.com', locale: 'en', phone: '+13125550142' });
	});

	it("keeps the event's customer when the metadata has none, and adds no empty customer", () => {
		const report = emptyReport();
		report.changes.push({ event: event({ customer: { name: 'From Carrier' } }), watched: watched() });
		report.changes.push({ event: event({ trackingNumber: '794600000010' }), watched: watched({ key: 'fedex:794600000010', trackingNumber: '794600000010', metadata: { order: { number: '7' } } }) });
		const [first, second] = sweepToItems(report).changes;
		expect(first!.customer).toEqual({ name: 'From Carrier' });
		expect(second).not.toHaveProperty('customer');
		expect(second!.shipmentKey).toBe('fedex:794600000010');
	});

	it('the shipment key is normalized like the store keys it', () => {
		const report = emptyReport();
		report.changes.push({ event: event({ carrier: 'UPS', provider: 'ups', trackingNumber: '1z 999aa1 0123456784' }), watched: watched() });
		expect(sweepToItems(report).changes[0]!.shipmentKey).toBe('ups:1Z999AA10123456784');
	});

	it('issues list failed lookups, shipments no longer watched and carriers cut short, each with its kind', () => {
		const report = emptyReport();
		const failure = {
			trackingNumber: '794600009999',
			carrier: 'fedex',
			code: 'not_found' as const,
			message: 'fedex: tracking number not found (TRACKING.TRACKINGNUMBER.NOTFOUND)',
			retryable: false,
			failures: 3,
			nextCheckAt: '2026-11-18T14:00:00.000Z',
		};
		report.failures.push(failure);
		report.stopped.push({ trackingNumber: '794600000001', carrier: 'fedex', reason: 'final', metadata: { order: { number: '#1001' } } });
		report.stopped.push({ trackingNumber: '1Z999AA10123456784', carrier: 'ups', reason: 'stale' });
		report.cutShort.push({ carrier: 'ups', reason: 'rate limited: paused 30 s; the rest stay due' });
		const { changes, issues } = sweepToItems(report);
		expect(changes).toEqual([]);
		expect(issues).toEqual([
			{ kind: 'lookup_failed', ...failure },
			{ kind: 'stopped_watching', trackingNumber: '794600000001', carrier: 'fedex', reason: 'final', metadata: { order: { number: '#1001' } } },
			{ kind: 'stopped_watching', trackingNumber: '1Z999AA10123456784', carrier: 'ups', reason: 'stale' },
			{ kind: 'poll_cut_short', carrier: 'ups', reason: 'rate limited: paused 30 s; the rest stay due' },
		]);
	});

	it('an empty report gives no items', () => {
		expect(sweepToItems(emptyReport())).toEqual({ changes: [], issues: [] });
	});
});
