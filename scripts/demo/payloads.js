'use strict';
// Builders for provider webhook payloads in their documented shapes (AfterShip Tracking webhook,
// API 2025-01; EasyPost Event with a Tracker), used by the demo and the end-to-end check.
const crypto = require('node:crypto');

const SUBTAG_MESSAGES = {
	InfoReceived_001: 'Info Received',
	InTransit_002: 'Acceptance scan',
	InTransit_003: 'Arrival scan',
	OutForDelivery_001: 'Out for Delivery',
	Delivered_001: 'Delivered',
	Delivered_005: 'Delivered to neighbour',
	Exception_007: 'Incorrect address',
	Exception_005: 'Delayed (External factors)',
	AttemptFail_001: 'Failed Attempt',
};

function isoMinus(now, hours) {
	return new Date(now.getTime() - hours * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
function dateOffset(now, days) {
	return new Date(now.getTime() + days * 86400_000).toISOString().slice(0, 10);
}

/**
 * An AfterShip `tracking_update` for a shipment whose checkpoints are `steps` (subtag + message +
 * hours ago), newest last. `customer` goes to `customers[]`; preference and zone to custom fields.
 */
function aftershipUpdate({ now, trackingNumber, slug, orderNumber, customer, steps, promisedInDays, estimateInDays, event = 'tracking_update' }) {
	const checkpoints = steps.map(([subtag, message, hoursAgo]) => ({
		created_at: isoMinus(now, hoursAgo),
		slug,
		checkpoint_time: isoMinus(now, hoursAgo),
		location: 'Chicago, IL, USA',
		city: 'Chicago',
		state: 'IL',
		zip: '60638',
		country_region: 'USA',
		country_region_name: 'United States',
		message,
		tag: subtag.split('_')[0],
		subtag,
		subtag_message: SUBTAG_MESSAGES[subtag] ?? subtag,
		raw_tag: 'I',
		events: [],
		source: 'carrier',
	}));
	const last = checkpoints[checkpoints.length - 1];
	const estimate = estimateInDays === undefined ? null : dateOffset(now, estimateInDays);
	return {
		event,
		event_id: crypto.randomUUID(),
		is_tracking_first_tag: false,
		ts: Math.floor(now.getTime() / 1000),
		msg: {
			id: crypto.createHash('md5').update(trackingNumber).digest('hex'),
			created_at: isoMinus(now, 96),
			updated_at: isoMinus(now, 0),
			tracking_number: trackingNumber,
			slug,
			active: last.tag !== 'Delivered',
			custom_fields: { notification_preference: customer.preference, time_zone: customer.timeZone },
			destination_country_region: 'USA',
			destination_state: 'IL',
			destination_city: 'Oak Park',
			destination_postal_code: '60302',
			courier_estimated_delivery_date: estimate
				? { estimated_delivery_date: estimate, estimated_delivery_date_min: null, estimated_delivery_date_max: null }
				: null,
			order_id: `gid-${orderNumber}`,
			order_number: orderNumber,
			shipment_type: slug === 'ups' ? 'UPS Ground' : 'Ground',
			signed_by: null,
			tag: last.tag,
			subtag: last.subtag,
			subtag_message: last.subtag_message,
			title: `#${orderNumber}`,
			language: 'en',
			checkpoints,
			order_promised_delivery_date: promisedInDays === undefined ? null : dateOffset(now, promisedInDays),
			latest_estimated_delivery: estimate
				? { type: 'specific', source: 'Carrier EDD', datetime: estimate, datetime_min: null, datetime_max: null, revise_reason: null }
				: null,
			courier_tracking_link: `https://tracking.example/${trackingNumber}`,
			aftership_tracking_url: `https://acme.aftership.example/${trackingNumber}`,
			customers: [
				{ role: 'buyer', name: customer.name, phone_number: customer.phone ?? null, email: customer.email ?? null, language: 'en' },
			],
		},
	};
}

/** An EasyPost `tracker.updated` Event whose tracker is now at `status` / `statusDetail`. */
function easypostUpdate({ now, trackingCode, carrier, status, statusDetail, message, previousStatus, estimateInDays = 1 }) {
	const at = isoMinus(now, 0).replace('+00:00', 'Z');
	return {
		object: 'Event',
		id: `evt_${crypto.randomBytes(12).toString('hex')}`,
		mode: 'test',
		description: 'tracker.updated',
		user_id: 'user_0a1b2c3d4e5f',
		status: 'pending',
		pending_urls: [],
		completed_urls: [],
		created_at: at,
		updated_at: at,
		previous_attributes: previousStatus ? { status: previousStatus } : {},
		result: {
			id: `trk_${crypto.createHash('md5').update(trackingCode).digest('hex').slice(0, 16)}`,
			object: 'Tracker',
			mode: 'test',
			tracking_code: trackingCode,
			status,
			status_detail: statusDetail,
			created_at: isoMinus(now, 72).replace('+00:00', 'Z'),
			updated_at: at,
			signed_by: null,
			est_delivery_date: `${dateOffset(now, estimateInDays)}T00:00:00Z`,
			carrier,
			tracking_details: [
				{
					object: 'TrackingDetail',
					message,
					description: '',
					status,
					status_detail: statusDetail,
					datetime: at,
					source: carrier,
					tracking_location: { object: 'TrackingLocation', city: 'PORTLAND', state: 'OR', country: 'US', zip: '97218' },
				},
			],
			carrier_detail: { object: 'CarrierDetail', service: 'GroundAdvantage' },
			public_url: `https://track.easypost.example/${trackingCode}`,
		},
	};
}

function signAftership(body, secret) {
	return { 'aftership-hmac-sha256': crypto.createHmac('sha256', secret).update(body).digest('base64') };
}
function signEasypost(body, secret) {
	return { 'x-hmac-signature': `hmac-sha256-hex=${crypto.createHmac('sha256', secret.normalize('NFKD')).update(body).digest('hex')}` };
}

module.exports = { aftershipUpdate, easypostUpdate, signAftership, signEasypost };
