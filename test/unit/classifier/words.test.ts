import { classify } from '../../../lib/classifier';
import { agentReason, customerReason } from '../../../lib/classifier/words';
import type { Assessment } from '../../../lib/model/assessment';
import { SHIPMENT_STATUSES, STATUS_DETAILS } from '../../../lib/model/event';
import { shipmentEvent } from './shipmentEvent';

const afterShipped = { lastTrigger: 'shipped' as const };
const late = { promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-15' };

describe("the customer's reason", () => {
	it('says honestly when the carrier gave no cause', () => {
		const assessment = classify(shipmentEvent({ status: 'exception' }));
		expect(assessment.reason).toBe(
			'The carrier has reported a problem with your shipment. The carrier has not said why. We are looking into it.',
		);
	});

	it("names the cause found in the carrier's words, in fixed words of ours", () => {
		const exception = classify(shipmentEvent({ status: 'exception', carrierMessage: 'SEVERE WEATHER - SNOW' }));
		expect(exception.reason).toBe(
			'The carrier has reported a problem with your shipment. The carrier reports severe weather in the area. We are looking into it.',
		);
		const attempt = classify(shipmentEvent({ status: 'attempt_failed', carrierMessage: 'No one available to sign' }));
		expect(attempt.reason).toBe(
			'The carrier tried to deliver your order but could not. The carrier reports that nobody was available to receive it.',
		);
	});

	it('adds the cause to a delay the estimate found', () => {
		const known = classify(shipmentEvent({ ...late, carrierMessage: 'Held for customs clearance' }), afterShipped);
		expect(known.reason).toBe(
			'The carrier now expects to deliver on Friday 15 March, 3 days later than promised. The carrier reports that your order is held for customs clearance.',
		);
	});

	it('does not repeat a cause the rules already name', () => {
		expect(classify(shipmentEvent({ status: 'exception', detail: 'weather' })).reason).toBe(
			'Severe weather is delaying your delivery.',
		);
		expect(classify(shipmentEvent({ status: 'exception', detail: 'weather', ...late })).reason).toBe(
			'The carrier now expects to deliver on Friday 15 March, 3 days later than promised, due to severe weather.',
		);
	});

	it('leaves good news and problems that explain themselves as they were', () => {
		expect(classify(shipmentEvent({ status: 'delivered', carrierMessage: 'Delivered, handed to resident' })).reason).toBe(
			'Your order has been delivered.',
		);
		// Left on the porch: the classifier reads where from the words (delivered_to_third_party).
		expect(classify(shipmentEvent({ status: 'delivered', carrierMessage: 'Delivered, front porch' })).trigger).toBe('delivered_to_third_party');
		expect(classify(shipmentEvent({ status: 'exception', detail: 'lost' })).reason).toBe(
			'The carrier reports that your order has been lost. We will be in touch to put it right.',
		);
	});

	it('puts a reason of one sentence first and the cause after it', () => {
		const assessment = { reason: 'Your order is on its way back to us.', trigger: 'returning_to_sender' } as Assessment;
		expect(customerReason(assessment, { code: 'address', from: 'carrier_words' })).toBe(
			'Your order is on its way back to us. The carrier reports a problem with the delivery address.',
		);
	});
});

describe("the carrier's text and names", () => {
	const signed = 'Delivered, signed by JOHN DOE';

	it("keeps the carrier's words unchanged for the agent", () => {
		expect(classify(shipmentEvent({ status: 'delivered', carrierMessage: signed })).carrierText).toBe(signed);
		expect(classify(shipmentEvent()).carrierText).toBeUndefined();
	});

	it('never lets a name from the carrier text into reason or agentReason', () => {
		const texts = [signed, 'Left with JOHN DOE, recipient not available, severe weather, address insufficient'];
		for (const status of SHIPMENT_STATUSES) {
			for (const detail of [undefined, ...STATUS_DETAILS]) {
				for (const carrierMessage of texts) {
					const assessment = classify(
						shipmentEvent({ status, detail, carrierMessage, providerStatus: 'Signed by JOHN DOE', signedBy: 'JOHN DOE', ...late }),
					);
					for (const words of [assessment.reason, assessment.agentReason]) expect(words).not.toMatch(/john|doe/i);
				}
			}
		}
	});

	it('keeps provider codes but not provider words in agentReason', () => {
		const assessment = classify(
			shipmentEvent({ status: 'delivered', providerStatus: 'Delivered to JANE ROE', providerSubStatus: 'Delivered_003' }),
		);
		expect(assessment.agentReason).toContain('codes Delivered_003');
		expect(assessment.agentReason).not.toMatch(/jane|roe/i);
	});
});

describe("the agent's reason", () => {
	it('tells carrier, provider, codes, time, cause, dates, lateness, what was told and asked, priority and remedy', () => {
		const assessment = classify(
			shipmentEvent({
				carrier: 'ups',
				providerStatus: 'InTransit',
				providerSubStatus: 'Exception_011',
				carrierMessage: 'Customs clearance delay',
				...late,
			}),
			{ ...afterShipped, orderValue: 100 },
		);
		expect(assessment.agentReason).toMatch(/^UPS via aftership: in_transit, codes InTransit \/ Exception_011, at 2024-03-11T09:15:00-05:00\. /);
		expect(assessment.agentReason).toContain("Cause: customs (from the carrier's words).");
		expect(assessment.agentReason).toContain('Promised 2024-03-12. Expected 2024-03-15');
		expect(assessment.agentReason).toContain('3 days late');
		expect(assessment.agentReason).toContain('Customer message: delayed; asks nothing of them.');
		expect(assessment.agentReason).toContain('Escalated, priority 50.');
		expect(assessment.agentReason).toContain('Remedy: refund 10% (3 days late; the policy offers it from 3 days).');
	});

	it('says what the customer is asked to do, and by when', () => {
		const pickup = classify(shipmentEvent({ carrier: 'ups', status: 'available_for_pickup' }));
		expect(pickup.agentReason).toContain('Customer message: available_for_pickup; asks them to pick up the parcel by 2024-03-18.');
		const address = classify(shipmentEvent({ status: 'exception', detail: 'address_issue' }));
		expect(address.agentReason).toContain('Cause: address (from the status).');
		expect(address.agentReason).toContain('asks them to correct the address.');
	});

	it('says when the carrier gave no cause, and why the customer was not told', () => {
		const unknown = classify(shipmentEvent({ status: 'exception' }));
		expect(unknown.agentReason).toContain('Cause: not given by the carrier.');
		const repeat = classify(shipmentEvent({ status: 'exception' }), {
			lastStatus: 'exception',
			lastOccurredAt: '2024-03-11T09:15:00-05:00',
		});
		expect(repeat.agentReason).toContain('No customer message: repeated status.');
	});

	it('names direct carrier feeds once, and an unknown carrier as such', () => {
		expect(classify(shipmentEvent({ provider: 'fedex', carrier: 'fedex' })).agentReason).toMatch(/^FedEx: in_transit, at /);
		expect(classify(shipmentEvent()).agentReason).toMatch(/^Carrier unknown via aftership: in_transit, at /);
	});

	it("tells where the estimate came from, business days late and a promise at risk", () => {
		const assessment = {
			trigger: 'delayed',
			notify: true,
			escalate: false,
			severity: 'warning',
			reason: 'Late.',
			customerAction: 'none',
			promisedDate: '2024-03-12',
			revisedEta: '2024-03-15',
			daysLate: 3,
			businessDaysLate: 1,
			etaSource: 'estimated',
			atRisk: true,
			priority: 47,
		} satisfies Assessment;
		expect(agentReason(assessment, shipmentEvent(), undefined)).toContain(
			'Promised 2024-03-12. Expected 2024-03-15 (our estimate), 3 days late (1 business). At risk of missing the promise. Customer message: delayed; asks nothing of them. Priority 47.',
		);
	});
});
