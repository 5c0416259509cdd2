import { classify } from '../../../lib/classifier';
import { priorityOf } from '../../../lib/classifier/priority';
import type { Assessment } from '../../../lib/model/assessment';
import { SHIPMENT_STATUSES, STATUS_DETAILS } from '../../../lib/model/event';
import { shipmentEvent } from './shipmentEvent';

type Scored = Pick<Assessment, 'severity' | 'escalate' | 'notify' | 'daysLate'>;
const escalated = (severity: Assessment['severity'], daysLate?: number): Scored => ({ severity, escalate: true, notify: true, daysLate });

describe('priorityOf: the formula', () => {
	it('starts from the severity', () => {
		expect(priorityOf(escalated('info'), {})).toBe(10);
		expect(priorityOf(escalated('warning'), {})).toBe(35);
		expect(priorityOf(escalated('critical'), {})).toBe(60);
	});

	it('adds 4 a day late, up to 20', () => {
		expect(priorityOf(escalated('warning', 1), {})).toBe(39);
		expect(priorityOf(escalated('warning', 5), {})).toBe(55);
		expect(priorityOf(escalated('warning', 30), {})).toBe(55);
	});

	it('adds up to 10 for the order value and up to 10 for the lifetime value, on a log scale', () => {
		expect(priorityOf(escalated('warning'), { orderValue: 100 })).toBe(38);
		expect(priorityOf(escalated('warning'), { orderValue: 900 })).toBe(45);
		expect(priorityOf(escalated('warning'), { orderValue: 1e9 })).toBe(45);
		expect(priorityOf(escalated('warning'), { customerLifetimeValue: 1000 })).toBe(38);
		expect(priorityOf(escalated('warning'), { customerLifetimeValue: 9000 })).toBe(45);
	});

	it('reaches 100 at most', () => {
		expect(priorityOf(escalated('critical', 100), { orderValue: 1e12, customerLifetimeValue: 1e12 })).toBe(100);
	});

	it('counts a missing, negative or non-finite input as 0', () => {
		const base = priorityOf(escalated('warning'), {});
		for (const bad of [undefined, -5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
			expect(priorityOf(escalated('warning', bad), { orderValue: bad, customerLifetimeValue: bad })).toBe(base);
		}
	});

	it('is 0 when nothing needs a person: good news, or no news that is not escalated', () => {
		const values = { orderValue: 5000, customerLifetimeValue: 50000 };
		expect(priorityOf({ severity: 'info', escalate: false, notify: true }, values)).toBe(0);
		expect(priorityOf({ severity: 'warning', escalate: false, notify: false, daysLate: 4 }, values)).toBe(0);
		expect(priorityOf({ severity: 'critical', escalate: false, notify: false }, values)).toBe(0);
		expect(priorityOf({ severity: 'warning', escalate: false, notify: true }, {})).toBe(35);
		expect(priorityOf({ severity: 'info', escalate: true, notify: false }, {})).toBe(10);
	});

	it('never falls when any one input grows, and stays within 0-100', () => {
		const steps = [0, 0.5, 1, 2, 3, 5, 8, 50, 99, 100, 101, 500, 900, 1000, 5000, 9000, 10000, 1e6];
		for (const severity of ['info', 'warning', 'critical'] as const) {
			for (const [index, step] of steps.entries()) {
				if (index === 0) continue;
				const before = steps[index - 1];
				const pairs: Array<[number, number]> = [
					[priorityOf(escalated(severity, before), { orderValue: 250, customerLifetimeValue: 2500 }), priorityOf(escalated(severity, step), { orderValue: 250, customerLifetimeValue: 2500 })],
					[priorityOf(escalated(severity, 2), { orderValue: before }), priorityOf(escalated(severity, 2), { orderValue: step })],
					[priorityOf(escalated(severity, 2), { customerLifetimeValue: before }), priorityOf(escalated(severity, 2), { customerLifetimeValue: step })],
				];
				for (const [low, high] of pairs) {
					expect(high).toBeGreaterThanOrEqual(low);
					expect(low).toBeGreaterThanOrEqual(0);
					expect(high).toBeLessThanOrEqual(100);
				}
			}
		}
		expect(priorityOf(escalated('info'), {})).toBeLessThan(priorityOf(escalated('warning'), {}));
		expect(priorityOf(escalated('warning'), {})).toBeLessThan(priorityOf(escalated('critical'), {}));
	});
});

describe('classify: priority and escalation', () => {
	const afterShipped = { lastTrigger: 'shipped' as const };
	const lateBy2 = shipmentEvent({ promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-14' });
	const bigCustomer = { orderValue: 900, customerLifetimeValue: 9000 };

	it('scores what the rules decided', () => {
		expect(classify(shipmentEvent({ status: 'exception', detail: 'lost' }), bigCustomer).priority).toBe(80);
		expect(classify(lateBy2, { ...afterShipped, ...bigCustomer }).priority).toBe(63);
		expect(classify(shipmentEvent({ status: 'delivered' }), bigCustomer).priority).toBe(0);
	});

	it('escalates on priority only when the merchant sets escalateAtPriority', () => {
		const plain = classify(lateBy2, { ...afterShipped, ...bigCustomer });
		expect(plain).toMatchObject({ escalate: false, merchantActions: ['notify'] });
		const reaches = classify(lateBy2, { ...afterShipped, ...bigCustomer, escalateAtPriority: 60 });
		expect(reaches).toMatchObject({ escalate: true, merchantActions: ['notify', 'escalate'], priority: 63 });
		expect(reaches.agentReason).toContain('Escalated, priority 63.');
		expect(classify(lateBy2, { ...afterShipped, ...bigCustomer, escalateAtPriority: 64 }).escalate).toBe(false);
	});

	it('never escalates on priority what needs no person, even at threshold 0', () => {
		const delivered = classify(shipmentEvent({ status: 'delivered' }), { ...bigCustomer, escalateAtPriority: 0 });
		expect(delivered).toMatchObject({ escalate: false, priority: 0 });
	});

	it('changes no trigger, notify or severity, and without a threshold no escalation', () => {
		for (const status of SHIPMENT_STATUSES) {
			for (const detail of [undefined, ...STATUS_DETAILS]) {
				const event = shipmentEvent({ status, detail, promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-14' });
				const plain = classify(event);
				const valued = classify(event, bigCustomer);
				const thresholded = classify(event, { ...bigCustomer, escalateAtPriority: 1 });
				const decision = ({ trigger, notify, severity }: Assessment) => ({ trigger, notify, severity });
				expect(decision(valued)).toEqual(decision(plain));
				expect(decision(thresholded)).toEqual(decision(plain));
				expect(valued.escalate).toBe(plain.escalate);
				expect(thresholded.escalate).toBe(plain.escalate || plain.priority! > 0);
			}
		}
	});
});
