import { assessSilence, stallThreshold, type SilenceOptions } from '../../../lib/classifier/stall';
import type { ShipmentState } from '../../../lib/store/types';

/** A UPS Ground parcel to New York last scanned on Thursday 5 March 2026 (a local, UTC-5 time). */
function shipment(changes: Partial<ShipmentState> = {}): ShipmentState {
	return {
		key: 'ups:1Z999AA10123456784',
		trackingNumber: '1Z999AA10123456784',
		status: 'in_transit',
		occurredAt: '2026-03-05T18:00:00-05:00',
		lastTrigger: 'shipped',
		updatedAt: '2026-03-05T23:00:01.000Z',
		carrier: 'ups',
		service: 'UPS Ground',
		destinationCountry: 'US',
		destinationRegion: 'NY',
		lastScanAt: '2026-03-05T18:00:00-05:00',
		openedAt: '2026-03-04T09:00:00-05:00',
		...changes,
	};
}

/** 10:00 in New York on a March 2026 day. */
const on = (day: number) => new Date(`2026-03-${String(day).padStart(2, '0')}T15:00:00Z`);
const silence = (changes: Partial<ShipmentState>, now: Date, options?: SilenceOptions) => assessSilence(shipment(changes), now, options);

describe('stalled: no carrier scan for the threshold in business days', () => {
	it('counts business days, not the weekend: last scan Thursday, stalled the Wednesday after', () => {
		// Friday, Monday, Tuesday are the three silent business days; Tuesday is complete on Wednesday.
		expect(assessSilence(shipment(), on(10))).toBeNull();
		expect(assessSilence(shipment(), on(11))).toMatchObject({
			trigger: 'stalled',
			notify: true,
			escalate: false,
			severity: 'warning',
			reasonCode: 'unknown',
			customerAction: 'none',
			reason: 'No carrier scan since Thursday 5 March; we are checking with the carrier.',
		});
	});

	it('says honestly since when, and tells the agent the numbers', () => {
		const assessment = silence({ lastScanAt: '2026-03-03T11:00:00-05:00' }, on(7));
		expect(assessment?.reason).toBe('No carrier scan since Tuesday 3 March; we are checking with the carrier.');
		expect(assessment?.agentReason).toMatch(/3 business days \(threshold 3 for ups UPS Ground\)/);
	});

	it('skips the destination’s public holidays (Memorial Day)', () => {
		const lastScan = { lastScanAt: '2026-05-21T16:00:00-04:00' };
		// Friday 22, (Monday 25 closed), Tuesday 26, Wednesday 27.
		expect(silence(lastScan, new Date('2026-05-27T14:00:00Z'))).toBeNull();
		expect(silence(lastScan, new Date('2026-05-28T14:00:00Z'))?.trigger).toBe('stalled');
		// In Ontario, 25 May is a working day.
		const ontario = { ...lastScan, destinationCountry: 'CA', destinationRegion: 'ON', service: 'UPS Standard' };
		expect(silence(ontario, new Date('2026-05-27T14:00:00Z'))?.trigger).toBe('stalled');
	});

	it("uses the carrier's days: USPS works Saturdays", () => {
		const usps = { carrier: 'usps', service: 'Ground Advantage', key: 'usps:9400' };
		expect(silence(usps, on(10))?.trigger).toBe('stalled');
		expect(silence(usps, on(9))).toBeNull();
	});

	it('escalates from twice the threshold', () => {
		expect(assessSilence(shipment(), on(13))).toMatchObject({ trigger: 'stalled', escalate: false });
		expect(assessSilence(shipment(), on(14))).toMatchObject({ trigger: 'stalled', escalate: true, severity: 'warning' });
	});

	it('counts a scan late in the evening on its own local day', () => {
		// 23:30 in New York is already Friday in UTC; the scan still belongs to Thursday.
		const late = { lastScanAt: '2026-03-05T23:30:00-05:00' };
		expect(silence(late, on(11))?.trigger).toBe('stalled');
	});
});

describe('thresholds by carrier and service', () => {
	it('defaults: 3 for ground, 2 for express services, 5 for international', () => {
		expect(stallThreshold(shipment())).toBe(3);
		expect(stallThreshold(shipment({ service: 'UPS Next Day Air' }))).toBe(2);
		expect(stallThreshold(shipment({ carrier: 'fedex', service: 'FedEx 2Day' }))).toBe(2);
		expect(stallThreshold(shipment({ carrier: 'fedex', service: 'FedEx International Priority' }))).toBe(5);
		expect(stallThreshold(shipment({ destinationCountry: 'CAN' }), { originCountry: 'US' })).toBe(5);
		expect(stallThreshold(shipment({ destinationCountry: 'USA' }), { originCountry: 'US' })).toBe(3);
	});

	it('an express parcel is stalled sooner, an international one later', () => {
		expect(silence({ service: 'UPS Next Day Air' }, on(10))?.trigger).toBe('stalled');
		const toCanada = { destinationCountry: 'CA', destinationRegion: 'ON' };
		expect(silence(toCanada, on(12), { originCountry: 'US' })).toBeNull();
		expect(silence(toCanada, on(13), { originCountry: 'US' })?.trigger).toBe('stalled');
	});

	it("the merchant's thresholds come first, the most specific matching one wins", () => {
		const thresholds = [
			{ carrier: 'UPS', businessDays: 4 },
			{ carrier: 'ups', service: 'ground', businessDays: 6 },
			{ scope: 'international' as const, businessDays: 8 },
		];
		expect(stallThreshold(shipment(), { thresholds })).toBe(6);
		expect(stallThreshold(shipment({ service: 'UPS Next Day Air' }), { thresholds })).toBe(4);
		expect(stallThreshold(shipment({ carrier: 'dhl', service: 'DHL Express Worldwide' }), { thresholds })).toBe(8);
		// No merchant rule matches: the defaults decide.
		expect(stallThreshold(shipment({ carrier: 'fedex', service: 'FedEx Priority Overnight' }), { thresholds })).toBe(2);
		expect(stallThreshold(shipment({ service: 'UPS Next Day Air' }), { thresholds: [{ businessDays: 10 }] })).toBe(10);
	});

	it('refuses unusable options, naming them', () => {
		expect(() => assessSilence(shipment(), on(11), { thresholds: [{ businessDays: 0 }] })).toThrow(/^thresholds\[0\]\.businessDays: /);
		expect(() => assessSilence(shipment(), on(11), { noInfoDays: 1.5 })).toThrow(/^noInfoDays: /);
	});
});

describe('tracking that never got information', () => {
	const unscanned = (status: string, changes: Partial<ShipmentState> = {}) =>
		shipment({ status, lastScanAt: undefined, openedAt: '2026-03-02T10:00:00-05:00', ...changes });

	it('a label never scanned is an escalated exception after 5 days: processing', () => {
		expect(assessSilence(unscanned('info_received'), new Date('2026-03-07T14:59:00Z'))).toBeNull();
		const assessment = assessSilence(unscanned('info_received'), new Date('2026-03-07T15:00:00Z'));
		expect(assessment).toMatchObject({ trigger: 'exception', notify: true, escalate: true, reasonCode: 'processing', customerAction: 'none' });
		expect(assessment?.reason).toBe(
			'Your shipping label was created, but the carrier has not scanned your parcel since tracking started on Monday 2 March; we are looking into it.',
		);
	});

	it('a tracking the carrier knows nothing of is an exception with no invented cause', () => {
		for (const status of ['pending', 'unknown']) {
			const assessment = assessSilence(unscanned(status), on(9));
			expect(assessment).toMatchObject({ trigger: 'exception', escalate: true, reasonCode: 'unknown' });
			expect(assessment?.reason).toBe('The carrier has had no information about your parcel since tracking started on Monday 2 March; we are looking into it.');
		}
	});

	it('waits as many days as configured', () => {
		expect(assessSilence(unscanned('pending'), new Date('2026-03-05T15:00:00Z'), { noInfoDays: 3 })?.trigger).toBe('exception');
		expect(assessSilence(unscanned('pending'), new Date('2026-03-05T15:00:00Z'))).toBeNull();
	});
});

describe('silence that is no news', () => {
	it('nothing for closed shipments, parcels waiting at a pickup point, or tracking the carrier ended', () => {
		const late = on(20);
		expect(silence({ status: 'delivered', closedAt: '2026-03-06T12:00:00-05:00' }, late)).toBeNull();
		expect(silence({ closedAt: '2026-03-06T12:00:00-05:00' }, late)).toBeNull();
		expect(silence({ status: 'available_for_pickup' }, late)).toBeNull();
		expect(silence({ status: 'expired' }, late)).toBeNull();
	});

	it('nothing for a moving parcel scanned within the threshold, or a tracking without an opening', () => {
		expect(silence({ lastScanAt: '2026-03-09T08:00:00-05:00' }, on(11))).toBeNull();
		expect(silence({ status: 'info_received', lastScanAt: undefined, openedAt: undefined }, on(20))).toBeNull();
	});
});

describe('silence already told', () => {
	it('nothing once the stall was marked told (until a new scan clears the mark)', () => {
		expect(silence({ stallNotifiedAt: '2026-03-11T15:00:00.000Z' }, on(20))).toBeNull();
	});

	it('nothing once the missing information was marked told', () => {
		const told = { status: 'pending', lastScanAt: undefined, noInfoNotifiedAt: '2026-03-11T15:00:00.000Z' };
		expect(silence(told, on(20))).toBeNull();
		expect(silence({ ...told, noInfoNotifiedAt: undefined }, on(20))?.trigger).toBe('exception');
	});
});
