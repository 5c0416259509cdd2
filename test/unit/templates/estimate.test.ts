// The shipped (and in-transit) message gives the delivery estimate the event carries, in words
// that say whose estimate it is.
import { journeyItemToNotifyInput } from '../../../lib/journey/notifyInput';
import { renderMessage } from '../../../lib/templates';

type Json = Record<string, unknown>;

/** A shipped event as it leaves the Delivery Classifier (AfterShip-normalized UPS scan). */
function shippedItem(overrides: Json = {}, assessment: Json = {}): Json {
	return {
		provider: 'aftership',
		trackingNumber: '1Z999AA10123456784',
		carrier: 'ups',
		status: 'in_transit',
		occurredAt: '2025-03-04T09:12:00-06:00',
		trackingUrl: 'https://example.aftership.com/1Z999AA10123456784',
		orderNumber: '#1042',
		order: { number: '#1042', items: [] },
		customer: { name: 'Ada Example', email: 'ada@example.com' },
		assessment: { trigger: 'shipped', notify: true, escalate: false, severity: 'info', reason: 'Your parcel is on its way.', customerAction: 'none', ...assessment },
		...overrides,
	};
}

function render(item: Json, channel: 'email' | 'sms' = 'email', trigger?: 'in_transit') {
	const input = journeyItemToNotifyInput(trigger ? { ...item, trigger } : item, {}, { name: 'Acme' });
	return renderMessage(input.trigger, channel, input.data).text;
}

describe('the estimate in the shipped message', () => {
	it("gives the carrier's own estimate in the carrier's name, on the day the carrier meant", () => {
		// 18:00 in Chicago is already the 7th in UTC: the day shown must still be the 6th.
		const item = shippedItem({ estimatedDelivery: '2025-03-06T18:00:00-06:00' });
		expect(render(item)).toContain('UPS expects to deliver it on Thursday, March 6.');
		expect(render(item, 'sms')).toContain('UPS expects it Thu, Mar 6.');
	});

	it("gives the carrier's window when it has one", () => {
		const item = shippedItem({ estimatedDelivery: '2025-03-06', estimatedDeliveryLatest: '2025-03-07T20:00:00-06:00' });
		expect(render(item)).toContain('UPS expects to deliver it between Thursday, March 6 and Friday, March 7.');
		expect(render(item, 'sms')).toContain('UPS expects it Thu, Mar 6 to Fri, Mar 7.');
	});

	it("calls the package's own estimate what it is: a typical time, not the carrier's word", () => {
		const item = shippedItem({}, { revisedEta: '2025-03-07', etaSource: 'estimated' });
		const email = render(item);
		expect(email).toContain('Parcels like this usually arrive by Friday, March 7.');
		expect(email).not.toMatch(/expects to deliver/);
		expect(render(item, 'sms')).toContain('Usually arrives by Fri, Mar 7.');
	});

	it("prefers the carrier's estimate over the package's own", () => {
		const item = shippedItem({ estimatedDelivery: '2025-03-06' }, { revisedEta: '2025-03-08', etaSource: 'estimated' });
		expect(render(item)).toContain('UPS expects to deliver it on Thursday, March 6.');
		expect(render(item)).not.toContain('March 8');
	});

	it('falls back to the date promised at checkout, from the event or from Order Lookup', () => {
		expect(render(shippedItem({ promisedDelivery: '2025-03-10' }))).toContain('It should arrive by Monday, March 10.');
		const looked = shippedItem({ order: { number: '#1042', items: [], promise: { promisedDate: '2025-03-11T23:59:59-05:00' } } });
		expect(render(looked)).toContain('It should arrive by Tuesday, March 11.');
		expect(render(looked, 'sms')).toContain('Due by Tue, Mar 11.');
	});

	it('says nothing about a date when there is none, and names "the carrier" when it is unknown', () => {
		const text = render(shippedItem());
		expect(text).not.toMatch(/expects|usually arrive|should arrive/);
		const unnamed = render(shippedItem({ carrier: undefined, estimatedDelivery: '2025-03-06' }));
		expect(unnamed).toContain('The carrier expects to deliver it on Thursday, March 6.');
	});

	it('ignores an estimate that is no date', () => {
		expect(render(shippedItem({ estimatedDelivery: 'soon' }))).not.toMatch(/expects|Invalid/);
	});

	it('gives the estimate in the in-transit message too', () => {
		const item = shippedItem({ estimatedDelivery: '2025-03-06' });
		expect(render(item, 'email', 'in_transit')).toContain('UPS expects to deliver it on Thursday, March 6.');
		expect(render(item, 'sms', 'in_transit')).toContain('UPS expects it Thu, Mar 6.');
	});
});
