import { classify, DETAIL_RULES, STATUS_RULES, TRIGGER_INFO } from '../../../lib/classifier';
import type { Rule } from '../../../lib/classifier';
import { CUSTOMER_ACTIONS, REASON_CODES } from '../../../lib/model/assessment';
import { SHIPMENT_STATUSES, STATUS_DETAILS } from '../../../lib/model/event';
import { JOURNEY_TRIGGERS, SEVERITIES } from '../../../lib/model/triggers';
import { shipmentEvent } from './shipmentEvent';

const sorted = (values: readonly string[]) => [...values].sort();

const allRules: Rule[] = [
	...Object.values(STATUS_RULES),
	...Object.values(DETAIL_RULES).flatMap((detailRule) => (detailRule ? [detailRule.rule] : [])),
];

const combinations = SHIPMENT_STATUSES.flatMap((status) =>
	[undefined, ...STATUS_DETAILS].map((detail) => [status, detail] as const),
);

describe('classifier exhaustiveness', () => {
	it('has a rule for every status and an entry for every detail', () => {
		expect(sorted(Object.keys(STATUS_RULES))).toEqual(sorted(SHIPMENT_STATUSES));
		expect(sorted(Object.keys(DETAIL_RULES))).toEqual(sorted(STATUS_DETAILS));
	});

	it('lets every detail with a meaning refine at least one known status', () => {
		for (const detailRule of Object.values(DETAIL_RULES)) {
			if (!detailRule) continue;
			expect(detailRule.appliesTo.length).toBeGreaterThan(0);
			for (const status of detailRule.appliesTo) expect(SHIPMENT_STATUSES).toContain(status);
		}
	});

	it('says why exactly when a rule has nothing to tell', () => {
		for (const rule of allRules) {
			expect(rule.suppressedBecause === undefined).toBe(rule.trigger !== null);
		}
	});

	it('gives every rule the default severity of its trigger', () => {
		for (const rule of allRules) {
			if (rule.trigger) expect([rule.trigger, rule.severity]).toEqual([rule.trigger, TRIGGER_INFO[rule.trigger].severity]);
		}
	});

	it.each(combinations)('classifies %s with detail %s into a well-formed assessment', (status, detail) => {
		const assessment = classify(
			shipmentEvent({ status, detail, promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-13' }),
		);
		if (assessment.trigger !== null) expect(JOURNEY_TRIGGERS).toContain(assessment.trigger);
		expect(SEVERITIES).toContain(assessment.severity);
		expect(CUSTOMER_ACTIONS).toContain(assessment.customerAction);
		if (assessment.reasonCode) expect(REASON_CODES).toContain(assessment.reasonCode);
		expect(assessment.reason).toMatch(/^[A-Z].*\.$/);
		expect(assessment.notify).toBe(assessment.trigger !== null && assessment.suppressedBecause === undefined);
	});

	it('can reach every carrier-driven trigger of the journey', () => {
		const reached = new Set<string>();
		const contexts = [{}, { lastTrigger: 'shipped' as const }];
		const dates = [{}, { promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-11' }];
		for (const [status, detail] of combinations) {
			for (const context of contexts) {
				for (const date of dates) {
					const trigger = classify(shipmentEvent({ status, detail, ...date }), context).trigger;
					if (trigger) reached.add(trigger);
				}
			}
		}
		const setByOrderWorkflow = ['order_confirmed', 'payment_issue', 'preparation_delayed'];
		expect(sorted([...reached])).toEqual(sorted(JOURNEY_TRIGGERS.filter((trigger) => !setByOrderWorkflow.includes(trigger))));
	});

	it('documents every journey trigger', () => {
		expect(sorted(Object.keys(TRIGGER_INFO))).toEqual(sorted(JOURNEY_TRIGGERS));
		for (const info of Object.values(TRIGGER_INFO)) {
			expect(info.title).toMatch(/^[A-Z]/);
			expect(info.description).toMatch(/\.$/);
		}
	});

	it('puts no customer details in what it says', () => {
		const customer = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+447700900123' };
		for (const [status, detail] of combinations) {
			const text = JSON.stringify(
				classify(shipmentEvent({ status, detail, customer, destination: { city: 'London', postalCode: 'N1 9GU' } })),
			);
			for (const secret of ['Ada', 'ada@example.com', '+447700900123', 'London', 'N1 9GU']) expect(text).not.toContain(secret);
		}
	});
});
