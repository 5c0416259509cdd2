import { classify } from '../../../lib/classifier';
import { DEFAULT_REMEDY_POLICY, remedyFor, type RemedyPolicy } from '../../../lib/classifier/remedies';
import type { Assessment, ClassifyContext } from '../../../lib/model/assessment';
import { shipmentEvent } from './shipmentEvent';

const afterShipped = { lastTrigger: 'shipped' as const };
/** Promised the 12th; the carrier now expects it `days` later. */
const lateBy = (days: number) =>
	shipmentEvent({ promisedDelivery: '2024-03-12', estimatedDelivery: `2024-03-${String(12 + days).padStart(2, '0')}` });
const delay = (days: number, context: ClassifyContext = {}) => classify(lateBy(days), { ...afterShipped, ...context });

describe('the default remedy policy', () => {
	it('is a 10% refund from 3 days late and an expedited replacement for lost or damaged', () => {
		expect(DEFAULT_REMEDY_POLICY).toEqual({
			delayDays: 3,
			delay: { kind: 'refund_percent', value: 10 },
			lostOrDamaged: { kind: 'expedited_replacement' },
		});
	});

	it('offers the refund from 3 days late, not before', () => {
		expect(delay(2).remedy).toBeUndefined();
		expect(delay(2).merchantActions).toEqual(['notify']);
		expect(delay(3)).toMatchObject({
			remedy: { kind: 'refund_percent', value: 10, because: '3 days late; the policy offers it from 3 days' },
			merchantActions: ['notify', 'escalate', 'offer_remedy'],
		});
	});

	it('offers an expedited replacement for a lost or damaged order', () => {
		for (const detail of ['lost', 'damaged'] as const) {
			const assessment = classify(shipmentEvent({ status: 'exception', detail }));
			expect(assessment.remedy).toEqual({ kind: 'expedited_replacement', because: `the carrier reports the order ${detail}` });
			expect(assessment.merchantActions).toEqual(['notify', 'escalate', 'offer_remedy']);
		}
	});

	it("offers nothing for a loss found only in the carrier's words: the agent confirms it first", () => {
		const assessment = classify(shipmentEvent({ status: 'exception', carrierMessage: 'Package damaged' }));
		expect(assessment).toMatchObject({ trigger: 'exception', reasonCode: 'damaged' });
		expect(assessment.remedy).toBeUndefined();
	});

	it('offers nothing for other problems', () => {
		for (const status of ['attempt_failed', 'returned', 'expired'] as const) {
			expect(classify(shipmentEvent({ status })).remedy).toBeUndefined();
		}
	});
});

describe('a remedy policy in the context', () => {
	const coupon: RemedyPolicy = { ...DEFAULT_REMEDY_POLICY, delayDays: 2, delay: { kind: 'coupon', value: 'SORRY10' } };

	it('sets the threshold and what a delay earns', () => {
		expect(delay(1, { remedyPolicy: coupon }).remedy).toBeUndefined();
		expect(delay(2, { remedyPolicy: coupon }).remedy).toEqual({
			kind: 'coupon',
			value: 'SORRY10',
			because: '2 days late; the policy offers it from 2 days',
		});
	});

	it('sets what a loss earns, a refund with its percent', () => {
		const refund: RemedyPolicy = { ...DEFAULT_REMEDY_POLICY, lostOrDamaged: { kind: 'refund_percent', value: 100 } };
		const assessment = classify(shipmentEvent({ status: 'exception', detail: 'lost' }), { remedyPolicy: refund });
		expect(assessment.remedy).toMatchObject({ kind: 'refund_percent', value: 100 });
		expect(assessment.agentReason).toContain('Remedy: refund 100% (the carrier reports the order lost).');
	});

	it('can switch either remedy off', () => {
		const none: RemedyPolicy = { ...DEFAULT_REMEDY_POLICY, delay: null, lostOrDamaged: null };
		expect(delay(5, { remedyPolicy: none }).remedy).toBeUndefined();
		expect(classify(shipmentEvent({ status: 'exception', detail: 'lost' }), { remedyPolicy: none }).remedy).toBeUndefined();
	});

	it('holds a remedy back below the minimum order value, saying why', () => {
		const policy: RemedyPolicy = { ...DEFAULT_REMEDY_POLICY, minOrderValue: 50 };
		const small = delay(4, { remedyPolicy: policy, orderValue: 20 });
		expect(small.remedy).toEqual({ kind: 'none', because: 'order value below the policy minimum of 50' });
		expect(small.merchantActions).toEqual(['notify', 'escalate']);
		expect(small.agentReason).toContain('No remedy: order value below the policy minimum of 50.');
		expect(delay(4, { remedyPolicy: policy, orderValue: 50 }).remedy?.kind).toBe('refund_percent');
		expect(delay(4, { remedyPolicy: policy }).remedy?.kind).toBe('refund_percent');
	});

	it('offers a VIP the delay remedy sooner and whatever the order value', () => {
		const policy: RemedyPolicy = { ...DEFAULT_REMEDY_POLICY, minOrderValue: 50, vipLifetimeValue: 1000 };
		const vip = { remedyPolicy: policy, customerLifetimeValue: 1000, orderValue: 20 };
		expect(delay(1, vip).remedy).toEqual({
			kind: 'refund_percent',
			value: 10,
			because: '1 day late; the policy offers it for a VIP customer from 1 day',
		});
		expect(delay(1, { ...vip, customerLifetimeValue: 999 }).remedy).toBeUndefined();
		expect(delay(1, { ...vip, remedyPolicy: { ...policy, vipDelayDays: 2 } }).remedy).toBeUndefined();
	});
});

describe('a remedy is offered once', () => {
	it('not again for a delay that was already past the threshold when last told', () => {
		const toldAt4 = { lastTrigger: 'delayed' as const, lastRevisedEta: '2024-03-16' };
		const grown = delay(6, toldAt4);
		expect(grown).toMatchObject({ notify: true, remedy: { kind: 'none', because: 'already offered when the order was 4 days late' } });
		expect(grown.merchantActions).not.toContain('offer_remedy');
	});

	it('when a told delay grows past the threshold', () => {
		const toldAt2 = { lastTrigger: 'delayed' as const, lastRevisedEta: '2024-03-14' };
		expect(delay(4, toldAt2).remedy?.kind).toBe('refund_percent');
	});

	it('not again for a loss already told', () => {
		const again = classify(shipmentEvent({ status: 'exception', detail: 'lost' }), { lastTrigger: 'lost' });
		expect(again.remedy).toEqual({ kind: 'none', because: 'already offered when the order was first reported lost' });
	});

	it('never for an event that is no news', () => {
		const older = classify(shipmentEvent({ status: 'exception', detail: 'lost' }), {
			lastOccurredAt: '2024-03-12T09:00:00-05:00',
		});
		expect(older.notify).toBe(false);
		expect(older.remedy).toBeUndefined();
		expect(older.merchantActions).toEqual([]);
	});

	it('reads only the decision it is given', () => {
		const quiet = { trigger: 'lost', notify: false, escalate: false } as Assessment;
		expect(remedyFor(quiet, {})).toBeUndefined();
		expect(remedyFor({ ...quiet, escalate: true }, {})?.kind).toBe('expedited_replacement');
	});
});
