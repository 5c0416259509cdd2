import { classify } from '../../../lib/classifier';
import { causeInWords } from '../../../lib/classifier/reasons';
import type { ReasonCode } from '../../../lib/model/assessment';
import { SHIPMENT_STATUSES, STATUS_DETAILS } from '../../../lib/model/event';
import { shipmentEvent } from './shipmentEvent';

const afterShipped = { lastTrigger: 'shipped' as const };

describe('causeInWords: the keyword table', () => {
	it.each<[string, ReasonCode]>([
		['Severe weather conditions have delayed delivery', 'weather'],
		['Snowstorm in the area', 'weather'],
		['weather_delay', 'weather'],
		['Shipment is held for customs clearance', 'customs'],
		['Import duties are owed', 'customs'],
		['The address is incomplete', 'address'],
		['Insufficient Address', 'address'],
		['Undeliverable as addressed', 'address'],
		['No such number', 'address'],
		['Business was closed', 'recipient_unavailable'],
		['No one available to sign', 'recipient_unavailable'],
		['The receiver was not available for delivery', 'recipient_unavailable'],
		['DeliveryFailure_NoBody', 'recipient_unavailable'],
		['Package damaged in transit', 'damaged'],
		['Exception_Damage', 'damaged'],
		['Missorted at facility', 'carrier_capacity'],
		['Late trailer arrival', 'carrier_capacity'],
		['Mechanical failure', 'carrier_capacity'],
		['High volume at the hub', 'carrier_capacity'],
		['Missed connection at the hub', 'carrier_capacity'],
		['Holiday - no delivery today', 'holiday'],
	])('reads %j as %s', (words, code) => {
		expect(causeInWords(words)).toBe(code);
	});

	it('reads a bare "delayed" as no cause: it says what happened, not why', () => {
		expect(causeInWords('Delivery delayed')).toBeUndefined();
	});

	it.each<[string, ReasonCode]>([
		['Delivery delayed due to weather', 'weather'],
		['Customs delay', 'customs'],
		['Holiday delay', 'holiday'],
		['Nobody available at the delivery address', 'recipient_unavailable'],
		['Damaged, delivery delayed', 'damaged'],
	])('prefers the named cause over a plain delay: %j is %s', (words, code) => {
		expect(causeInWords(words)).toBe(code);
	});

	it.each(['Arrived at sort facility', 'Insufficient postage', 'In transit', 'Exception_011', '05', ''])(
		'names no cause for %j',
		(words) => {
			expect(causeInWords(words)).toBeUndefined();
		},
	);

	it('reads the sub-status when the message names nothing', () => {
		expect(causeInWords('Exception', 'Exception_NoBody')).toBe('recipient_unavailable');
		expect(causeInWords(undefined, 'weather_delay')).toBe('weather');
		expect(causeInWords('Severe weather', 'address_issue')).toBe('weather');
	});
});

describe('classify: the cause of a problem', () => {
	it("takes the cause from the carrier's words when the detail says nothing", () => {
		const assessment = classify(shipmentEvent({ status: 'exception', carrierMessage: 'Severe weather in the region' }));
		expect(assessment).toMatchObject({ trigger: 'exception', reasonCode: 'weather' });
	});

	it('lets the detail win over the words', () => {
		const assessment = classify(
			shipmentEvent({ status: 'exception', detail: 'address_issue', carrierMessage: 'Severe weather in the region' }),
		);
		expect(assessment.reasonCode).toBe('address');
	});

	it('takes the cause from a detail the rules did not use', () => {
		// address_issue does not refine 'returning', yet it says why the parcel goes back.
		const assessment = classify(shipmentEvent({ status: 'returning', detail: 'address_issue' }));
		expect(assessment).toMatchObject({ trigger: 'returning_to_sender', reasonCode: 'address' });
	});

	it('names the cause of a delay the estimate found', () => {
		const assessment = classify(
			shipmentEvent({ promisedDelivery: '2024-03-12', estimatedDelivery: '2024-03-14', carrierMessage: 'Weather delay' }),
			afterShipped,
		);
		expect(assessment).toMatchObject({ trigger: 'delayed', reasonCode: 'weather', daysLate: 2 });
	});

	it('never invents a cause: a problem nobody explained says unknown', () => {
		const exception = classify(
			shipmentEvent({ status: 'exception', detail: 'unknown_exception', carrierMessage: 'Arrived at sort facility' }),
		);
		expect(exception.reasonCode).toBe('unknown');
		const attempt = classify(shipmentEvent({ status: 'attempt_failed', carrierMessage: 'Delivery attempted' }));
		expect(attempt.reasonCode).toBe('unknown');
	});

	it('gives good news no cause, whatever the words', () => {
		const outForDelivery = classify(shipmentEvent({ status: 'out_for_delivery', carrierMessage: 'Weather delay cleared' }));
		const delivered = classify(shipmentEvent({ status: 'delivered', carrierMessage: 'Delivered to the address' }));
		expect(outForDelivery.reasonCode).toBeUndefined();
		expect(delivered.reasonCode).toBeUndefined();
	});

	it('keeps the rules\' cause over the words', () => {
		const customs = classify(shipmentEvent({ status: 'exception', detail: 'customs_hold', carrierMessage: 'Damaged' }));
		expect(customs.reasonCode).toBe('customs');
	});

	it("changes no decision of the rules: the carrier's words only explain", () => {
		const words = 'Severe weather; recipient not available; address insufficient; damaged';
		for (const status of SHIPMENT_STATUSES) {
			for (const detail of [undefined, ...STATUS_DETAILS]) {
				const plain = classify(shipmentEvent({ status, detail }));
				const worded = classify(shipmentEvent({ status, detail, carrierMessage: words, providerSubStatus: 'weather_delay' }));
				const decision = ({ trigger, notify, escalate, severity }: typeof plain) => ({ trigger, notify, escalate, severity });
				expect([status, detail, decision(worded)]).toEqual([status, detail, decision(plain)]);
			}
		}
	});
});
