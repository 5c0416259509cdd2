import { channelKinds, isPreference, preferenceChoices } from '../channels/registry';
import type { Assessment } from '../model/assessment';
import { isJourneyTrigger, type JourneyTrigger, type Severity } from '../model/triggers';
import { carrierDisplayName } from '../model/carriers';
import { shipmentKey } from '../store/types';

/**
 * What the Customer Notify node reads from an item, after its parameters were applied: each
 * channel kind's address and opt-out under the kind's field names (email/emailOptOut, phone/smsOptOut).
 */
export interface JourneyItemFields {
	preference?: string;
	timeZone?: string;
	country?: string;
	[kindField: string]: string | boolean | undefined;
}

type Json = Record<string, unknown>;

/** Providers give countries as alpha-2 or alpha-3 (AfterShip); phone parsing takes alpha-2 only. */
function alpha2(value: unknown): string | undefined {
	return typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : undefined;
}

function obj(value: unknown): Json {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}
function str(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Turns a journey item (event + assessment, maybe order and customer context) into the notify
 * input: who, what trigger, and the data templates may read. Templates see only `data`, a plain
 * copy of the named parts, never the raw payload.
 */
export function journeyItemToNotifyInput(item: Json, fields: JourneyItemFields, brand: Json) {
	const assessment = obj(item.assessment) as Partial<Assessment>;
	const trigger = item.trigger ?? assessment.trigger;
	if (!isJourneyTrigger(trigger)) {
		throw new Error(
			'The item has no journey trigger: expected `assessment.trigger` from the Delivery Classifier (or a `trigger` field) with a value such as "shipped" or "delayed".',
		);
	}
	const trackingNumber = str(item.trackingNumber);
	const orderKey = str(item.orderId) ?? str(obj(item.order).number) ?? str(item.orderNumber);
	if (!trackingNumber && !orderKey) {
		throw new Error('The item has neither a `trackingNumber` nor an order (`orderId`, `order.number`): connect the Delivery Classifier or the Order Event Trigger, or set one of the fields.');
	}
	const customer = obj(item.customer);
	const order = obj(item.order);
	const preference = str(fields.preference)?.toLowerCase();
	if (preference !== undefined && !isPreference(preference)) {
		throw new Error(`Channel Preference must be one of ${preferenceChoices().join(', ')} (or empty for "whatever contact data exists"); got another value.`);
	}
	const perKind: Record<string, string | boolean | undefined> = {};
	for (const kind of channelKinds()) {
		perKind[kind.contactField] = str(fields[kind.contactField]);
		perKind[kind.optOutField] = fields[kind.optOutField] === true || customer[kind.optOutField] === true;
	}
	const name = str(customer.name);
	const location = obj(item.location);
	return {
		trigger: trigger as JourneyTrigger,
		// A delay told again with a new date (or an earlier one) is a new message, not a duplicate.
		...((trigger === 'delayed' || trigger === 'eta_earlier') && assessment.revisedEta ? { variant: assessment.revisedEta } : {}),
		severity: ((item.severity ?? assessment.severity) as Severity | undefined) ?? 'info',
		// Order-level messages (no parcel yet) are keyed by the order, so each is still sent once.
		shipmentKey: str(item.shipmentKey) ?? (trackingNumber ? shipmentKey(trackingNumber, str(item.carrier)) : `order:${str(item.source) ?? 'shop'}:${orderKey}`),
		trackingNumber,
		recipient: {
			...perKind,
			preference,
			timeZone: str(fields.timeZone),
			country: str(fields.country) ?? alpha2(obj(item.destination).country),
			name,
			locale: str(customer.locale),
		},
		data: {
			customer: { name, firstName: name?.split(/\s+/)[0] },
			order: {
				number: str(order.number) ?? str(item.orderNumber),
				items: Array.isArray(order.items) ? order.items : [],
				// The event's promise, else the one Order Lookup found at checkout.
				promisedDelivery: str(item.promisedDelivery) ?? str(obj(order.promise).promisedDate),
			},
			shipment: {
				trackingNumber,
				carrier: carrierDisplayName(str(item.carrier)),
				trackingUrl: str(item.trackingUrl),
				status: str(item.status),
				location: { city: str(location.city), country: str(location.country) },
				// The carrier's own estimate as the event carries it (templates show it on shipped and in transit).
				estimatedDelivery: str(item.estimatedDelivery),
				estimatedDeliveryLatest: str(item.estimatedDeliveryLatest),
			},
			assessment: {
				trigger,
				reason: assessment.reason,
				revisedEta: assessment.revisedEta,
				daysLate: assessment.daysLate,
				customerAction: assessment.customerAction,
				etaSource: assessment.etaSource,
				actionBy: assessment.actionBy,
				promisedDate: assessment.promisedDate,
			},
			brand,
			// The signed preference-center link (Preference Center → Create Link), for order_confirmed.
			preferences: { url: str(obj(item.preferences).url) },
		},
	};
}
