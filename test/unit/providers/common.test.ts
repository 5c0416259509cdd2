import type { ShipmentEvent } from '../../../lib/model/event';
import { constantTimeEqual, normalizeCarrier } from '../../../lib/providers/common';
import { contentKey, fromUnixSeconds, toDateOrDateTime, toIsoDateTime } from '../../../lib/model/build';
import { aftership } from '../../../lib/providers/aftership';
import { easypost } from '../../../lib/providers/easypost';
import { fixture } from './load-fixture';

describe('date normalisation', () => {
	it.each([
		['2025-03-07T13:58:00-06:00', '2025-03-07T13:58:00-06:00'],
		['2025-03-07T13:58:00', '2025-03-07T13:58:00Z'],
		['2025-03-07 13:58:00', '2025-03-07T13:58:00Z'],
		['2025-03-07T13:58:00.250Z', '2025-03-07T13:58:00.250Z'],
		['2025-03-07', '2025-03-07T00:00:00Z'],
		['yesterday', undefined],
		['', undefined],
		[null, undefined],
	])('toIsoDateTime(%p) is %p', (input, expected) => {
		expect(toIsoDateTime(input)).toBe(expected);
	});

	it.each([
		['2025-03-07', '2025-03-07'],
		['2025-03-07T18:00:00+02:00', '2025-03-07T18:00:00+02:00'],
		['2025-03-07T23:30:00', '2025-03-07'],
		['2025-02-30', undefined],
		['soon', undefined],
		[undefined, undefined],
	])('toDateOrDateTime(%p) is %p', (input, expected) => {
		expect(toDateOrDateTime(input)).toBe(expected);
	});

	it('turns unix seconds into UTC', () => {
		expect(fromUnixSeconds(1741378000)).toBe('2025-03-07T20:06:40Z');
		expect(fromUnixSeconds(null)).toBeUndefined();
	});
});

describe('carrier codes', () => {
	it.each([
		['UPS', 'ups'],
		['FedEx', 'fedex'],
		['dhl-ecommerce', 'dhl'],
		['DHLExpress', 'dhl'],
		['canada-post', 'canada_post'],
		['amazon-shipping', 'amazon'],
		['LaserShip', 'lasership'],
		['royal-mail', 'royal-mail'],
		['', undefined],
	])('%p → %p', (input, expected) => {
		expect(normalizeCarrier(input)).toBe(expected);
	});
});

describe('constantTimeEqual', () => {
	it('is true only for identical strings, whatever the lengths', () => {
		expect(constantTimeEqual('abc', 'abc')).toBe(true);
		expect(constantTimeEqual('abc', 'abd')).toBe(false);
		expect(constantTimeEqual('abc', 'abcd')).toBe(false);
		expect(constantTimeEqual('', 'abc')).toBe(false);
	});
});

describe('ids and contentKey', () => {
	it('tells a moved window end or promise apart (a delay measured against them is news)', () => {
		const base = { provider: 'aftership', trackingNumber: '1Z', status: 'in_transit' as const, occurredAt: '2026-03-01T10:00:00Z', estimatedDelivery: '2026-03-14' };
		expect(contentKey({ ...base, estimatedDeliveryLatest: '2026-03-15' })).not.toBe(contentKey({ ...base, estimatedDeliveryLatest: '2026-03-19' }));
		expect(contentKey({ ...base, promisedDelivery: '2026-03-12' })).not.toBe(contentKey({ ...base, promisedDelivery: '2026-03-13' }));
		// Events without them keep the keys they always had.
		expect(contentKey(base)).toBe(contentKey({ ...base, estimatedDeliveryLatest: undefined }));
	});

	const first = (events: ShipmentEvent[]) => events[0] as ShipmentEvent;

	it('gives the same id and key for the same payload every time', () => {
		const a = first(aftership.normalize(fixture('aftership', 'delivered')));
		const b = first(aftership.normalize(fixture('aftership', 'delivered')));
		expect(a.id).toBe(b.id);
		expect(contentKey(a)).toBe(contentKey(b));
		expect(contentKey(a)).toMatch(/^[0-9a-f]{32}$/);
	});

	it('gives a redelivered notification with a new event id the same contentKey', () => {
		const original = fixture('aftership', 'delivered');
		const resent = fixture('aftership', 'delivered');
		resent.event_id = '11111111-2222-4333-8444-555555555555';
		resent.ts += 600;
		const a = first(aftership.normalize(original));
		const b = first(aftership.normalize(resent));
		expect(a.id).not.toBe(b.id);
		expect(contentKey(a)).toBe(contentKey(b));
	});

	it('changes the contentKey when status, detail, scan time or estimate change', () => {
		const base = first(aftership.normalize(fixture('aftership', 'in-transit')));
		const keys = new Set([
			contentKey(base),
			contentKey({ ...base, status: 'exception' }),
			contentKey({ ...base, detail: 'departed' }),
			contentKey({ ...base, occurredAt: '2025-03-06T08:00:00-06:00' }),
			contentKey({ ...base, estimatedDelivery: '2025-03-09' }),
			contentKey({ ...base, trackingNumber: 'OTHER' }),
		]);
		expect(keys.size).toBe(6);
	});

	it('ignores fields outside the content (ids, customer, message)', () => {
		const base = first(easypost.normalize(fixture('easypost', 'in-transit')));
		expect(contentKey({ ...base, id: 'x', carrierMessage: 'other', customer: { name: 'Someone' } })).toBe(contentKey(base));
	});

	it('prefixes the provider event id, and falls back to the content digest without one', () => {
		const withId = first(easypost.normalize(fixture('easypost', 'in-transit')));
		expect(withId.id).toBe('easypost:evt_02a2b3c4d5e6f7a8b9c0d1e2');
		const payload = fixture('easypost', 'in-transit');
		delete payload.id;
		const withoutId = first(easypost.normalize(payload));
		expect(withoutId.id).toBe(`easypost:${contentKey(withoutId)}`);
		expect(withoutId.providerEventId).toBeUndefined();
	});
});
