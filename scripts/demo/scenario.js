'use strict';
// The demo's scripted deliveries: several shipments through their journeys, one delay, one address
// problem, one delivery sent twice at once, one bad signature, one malformed body, and customers
// who chose SMS, email, both or nothing. `expected` is what the end-to-end check asserts.
const { aftershipUpdate, easypostUpdate } = require('./payloads');

// Zones spread over the day, to find one where it is daytime and one where it is night right now,
// so the quiet-hours outcome is the same whenever the demo runs.
const ZONES = [
	'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Denver', 'America/Chicago',
	'America/New_York', 'America/Sao_Paulo', 'Atlantic/Azores', 'Europe/London', 'Europe/Berlin',
	'Europe/Athens', 'Asia/Dubai', 'Asia/Karachi', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Singapore',
	'Asia/Tokyo', 'Australia/Brisbane', 'Pacific/Noumea', 'Pacific/Auckland',
];

function localHour(zone, at) {
	return Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(at));
}
function zoneWhere(at, hours) {
	const zone = ZONES.find((z) => hours.includes(localHour(z, at)));
	if (!zone) throw new Error('no zone found for the requested local hours');
	return zone;
}

const SECRETS = { aftership: 'demo-aftership-webhook-secret', easypost: 'demo-easypost-webhook-secret' };
/** Twilio's stand-in answers 21610 (unsubscribed) for this number, as Twilio does after a STOP. */
const OPTED_OUT_PHONE = '+13125550199';
/** A FedEx Express number (valid check digit) the FedEx stand-in reports out for delivery. */
const FEDEX_POLLED = '794644790201';
/** The SMTP stand-in refuses this recipient at RCPT TO. */
const REFUSED_EMAIL = 'nobody@bounce.example';

function buildScenario(now = new Date()) {
	const day = zoneWhere(now, [10, 11, 12, 13, 14, 15, 16, 17]);
	const night = zoneWhere(now, [23, 0, 1, 2, 3, 4]);
	const people = {
		ada: { name: 'Ada Example', email: 'ada@example.com', phone: '+13125550142', preference: 'both', timeZone: day },
		grace: { name: 'Grace Sample', email: 'grace@example.com', phone: '+13125550143', preference: 'email', timeZone: day },
		alan: { name: 'Alan Placeholder', email: 'alan@example.com', phone: '+13125550144', preference: 'sms', timeZone: day },
		linus: { name: 'Linus Nobody', email: 'linus@example.com', phone: '+13125550145', preference: 'none', timeZone: day },
		edsger: { name: 'Edsger Optout', email: 'edsger@example.com', phone: OPTED_OUT_PHONE, preference: 'sms', timeZone: day },
		barbara: { name: 'Barbara Night', email: 'barbara@example.com', phone: '+13125550146', preference: 'sms', timeZone: night },
		hedy: { name: 'Hedy Bounce', email: REFUSED_EMAIL, phone: '+13125550147', preference: 'email', timeZone: day },
		lin: { name: 'Lin Chooses', email: 'lin@example.com', phone: '+13125550149', timeZone: day },
		katherine: { name: 'Katherine Polled', email: 'katherine@example.com', phone: '+13125550148', preference: 'both', timeZone: day },
	};
	// The second journey: a shop without an aggregator asks to watch a FedEx shipment; the Carrier
	// Poll Trigger finds it out for delivery at FedEx (the stand-in) on its next poll.
	const watchRequest = {
		trackingNumber: FEDEX_POLLED,
		order: { number: '1008' },
		customer: { name: people.katherine.name, email: people.katherine.email, phone: people.katherine.phone, preference: 'both', timeZone: day },
	};
	const as = (label, args) => ({ label, provider: 'aftership', payload: aftershipUpdate({ now, ...args }) });
	const ep = (label, args) => ({ label, provider: 'easypost', payload: easypostUpdate({ now, ...args }) });
	const ups = (customer, orderNumber, trackingNumber) => ({ customer, orderNumber, trackingNumber, slug: 'ups', promisedInDays: 2, estimateInDays: 1 });

	const adaDelivered = as('Ada: delivered', { ...ups(people.ada, '1001', '1Z999AA10123456784'), steps: [['InTransit_002', 'Pickup Scan', 40], ['OutForDelivery_001', 'Out For Delivery Today', 3], ['Delivered_001', 'Delivered', 0]] });
	const deliveries = [
		as('Ada: shipped', { ...ups(people.ada, '1001', '1Z999AA10123456784'), steps: [['InTransit_002', 'Pickup Scan', 40]] }),
		as('Ada: out for delivery', { ...ups(people.ada, '1001', '1Z999AA10123456784'), steps: [['InTransit_002', 'Pickup Scan', 40], ['OutForDelivery_001', 'Out For Delivery Today', 3]] }),
		{ ...adaDelivered, concurrentCopies: 2, label: 'Ada: delivered (sent twice at once)' },
		as('Grace: shipped', { customer: people.grace, orderNumber: '1002', trackingNumber: '794644790138', slug: 'fedex', promisedInDays: 1, estimateInDays: 1, steps: [['InTransit_002', 'Picked up', 30]] }),
		as('Grace: delayed', { customer: people.grace, orderNumber: '1002', trackingNumber: '794644790138', slug: 'fedex', promisedInDays: 1, estimateInDays: 4, steps: [['InTransit_002', 'Picked up', 30], ['InTransit_003', 'Arrived at FedEx location', 5]] }),
		as('Alan: address problem', { customer: people.alan, orderNumber: '1003', trackingNumber: '9400111899223344556677', slug: 'usps', steps: [['InTransit_002', 'Accepted at USPS Origin Facility', 30], ['Exception_007', 'Insufficient Address', 1]] }),
		as('Linus: out for delivery (wants no updates)', { customer: people.linus, orderNumber: '1004', trackingNumber: '1Z999AA10123456785', slug: 'ups', steps: [['OutForDelivery_001', 'Out For Delivery Today', 1]] }),
		as('Edsger: out for delivery (texted STOP)', { customer: people.edsger, orderNumber: '1005', trackingNumber: '1Z999AA10123456786', slug: 'ups', steps: [['OutForDelivery_001', 'Out For Delivery Today', 1]] }),
		as('Barbara: out for delivery (night where she lives)', { customer: people.barbara, orderNumber: '1006', trackingNumber: '1Z999AA10123456787', slug: 'ups', steps: [['OutForDelivery_001', 'Out For Delivery Today', 1]] }),
		as('Hedy: shipped (mailbox refuses mail)', { customer: people.hedy, orderNumber: '1007', trackingNumber: '1Z999AA10123456788', slug: 'ups', steps: [['InTransit_002', 'Pickup Scan', 2]] }),
		ep('EasyPost USPS: first scan (no customer on a tracker)', { trackingCode: '9400100000000000000000', carrier: 'USPS', status: 'in_transit', statusDetail: 'received_at_origin_facility', message: 'Accepted at USPS Origin Facility', previousStatus: 'pre_transit' }),
		{ ...as('Forged: bad signature', { ...ups(people.ada, '1001', '1Z999AA10123456784'), steps: [['Delivered_001', 'Delivered', 0]] }), badSignature: true, expectStatus: 401 },
		{ label: 'Malformed: signed, but no tracking number', provider: 'aftership', payload: { event: 'tracking_update', event_id: 'malformed-1', msg: { slug: 'ups', tag: 'InTransit' } }, expectStatus: 400 },
	];

	// [tracking number, trigger, channel, status, reasonCode?]
	const expected = [
		['1Z999AA10123456784', 'shipped', 'email', 'sent'],
		['1Z999AA10123456784', 'shipped', 'sms', 'sent'],
		['1Z999AA10123456784', 'out_for_delivery', 'email', 'sent'],
		['1Z999AA10123456784', 'out_for_delivery', 'sms', 'sent'],
		['1Z999AA10123456784', 'delivered', 'email', 'sent'],
		['1Z999AA10123456784', 'delivered', 'sms', 'sent'],
		['794644790138', 'shipped', 'email', 'sent'],
		['794644790138', 'delayed', 'email', 'sent'],
		['9400111899223344556677', 'address_issue', 'sms', 'sent'],
		['1Z999AA10123456785', 'out_for_delivery', '*', 'suppressed', 'preference'],
		['1Z999AA10123456786', 'out_for_delivery', 'sms', 'suppressed', 'opt_out'],
		['1Z999AA10123456787', 'out_for_delivery', 'sms', 'deferred', 'quiet_hours'],
		['1Z999AA10123456788', 'shipped', 'email', 'failed'],
		['9400100000000000000000', 'shipped', '*', 'suppressed', 'no_contact'],
		[FEDEX_POLLED, 'out_for_delivery', 'email', 'sent'],
		[FEDEX_POLLED, 'out_for_delivery', 'sms', 'sent'],
	];
	return { deliveries, expected, people, watchRequest, zones: { day, night } };
}

module.exports = { buildScenario, SECRETS, OPTED_OUT_PHONE, REFUSED_EMAIL, FEDEX_POLLED };
