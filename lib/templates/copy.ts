import type { JourneyTrigger } from '../model/triggers';
import { CONTACT_SHOWN, HAS_CONTACT, SMS_CONTACT, withContact } from './contact';

/**
 * The words of every default message. The email layout (defaults.ts) wraps `heading` and `body`
 * into the html and text parts; `sms` is the whole SMS. Plain ASCII throughout so SMS stay GSM-7,
 * and no raw `&`, `<` or `>` in the static text because the same paragraphs go into the html.
 */
export interface Paragraph {
	text: string;
	/** Liquid condition: the paragraph is left out entirely when it is false. */
	when?: string;
	/** Liquid condition: the paragraph is left out when it is true. */
	unless?: string;
	/** Liquid that sets variables the conditions read (renders nothing). */
	prelude?: string;
	/** The html part's words when they differ from the text part's (links as link text, not URLs). */
	html?: string;
	/** A call to action: a button in the html part, the URL on its own line in the text part. */
	link?: { url: string; label: string };
}

export interface MessageCopy {
	subject: string;
	heading: string;
	body: Array<string | Paragraph>;
	sms: string;
}

const ORDER = '{% if order.number %}order {{ order.number }}{% else %}order{% endif %}';
const CARRIER = '{% if shipment.carrier %} with {{ shipment.carrier }}{% endif %}';
const long = (date: string) => `{{ ${date} | date: '%A, %B %-d' }}`;
const short = (date: string) => `{{ ${date} | date: '%a, %b %-d' }}`;
const ETA_LONG = long('assessment.revisedEta');
const ETA_SHORT = short('assessment.revisedEta');
const SMS_BRAND = '{% if brand.name %}{{ brand.name }}: {% endif %}';
const SMS_REASON = '{% if assessment.reason %} {{ assessment.reason | sentence }}{% endif %}';
const SMS_TRACK = '{% if shipment.trackingUrl %} Track: {{ shipment.trackingUrl }}{% endif %}';
const SMS_ETA = `{% if assessment.revisedEta %} New delivery date: ${ETA_SHORT}.{% endif %}`;

const reason: Paragraph = { when: 'assessment.reason', text: '{{ assessment.reason | sentence }}' };
const newEta: Paragraph = {
	when: 'assessment.revisedEta',
	// An estimate from transit-time standards is a typical time, not the carrier's word: say so.
	text: `{% if assessment.etaSource == 'estimated' %}Parcels like this usually arrive by ${ETA_LONG}.{% else %}We now expect it to arrive on ${ETA_LONG}.{% endif %}`,
};
// When the reason already names the new date (the classifier's delay reasons do), say it once.
const ETA_IN_REASON_PRELUDE = "{% assign etaDay = assessment.revisedEta | date: '%-d %B' %}";
const ETA_IN_REASON = 'assessment.reason contains etaDay';
const newEtaUnlessInReason: Paragraph = { ...newEta, prelude: ETA_IN_REASON_PRELUDE, unless: ETA_IN_REASON };
const SMS_ETA_UNLESS_IN_REASON = `${ETA_IN_REASON_PRELUDE}{% unless ${ETA_IN_REASON} %}${SMS_ETA}{% endunless %}`;

/**
 * When a parcel leaves: the carrier's own estimate from the event (in the carrier's name), else the
 * assessment's date (worded by its source, as newEta), else the date promised at checkout.
 */
const CARRIER_EXPECTS = "{{ shipment.carrier | default: 'The carrier' }} expects to deliver it";
const latest = 'shipment.estimatedDeliveryLatest';
const estimate: Paragraph = {
	when: 'shipment.estimatedDelivery or assessment.revisedEta or order.promisedDelivery',
	text: `{% if shipment.estimatedDelivery %}{% if ${latest} and ${latest} != shipment.estimatedDelivery %}${CARRIER_EXPECTS} between ${long('shipment.estimatedDelivery')} and ${long(latest)}.{% else %}${CARRIER_EXPECTS} on ${long('shipment.estimatedDelivery')}.{% endif %}{% elsif assessment.revisedEta %}${newEta.text}{% else %}It should arrive by ${long('order.promisedDelivery')}.{% endif %}`,
};
const SMS_ESTIMATE = `{% if shipment.estimatedDelivery %} {{ shipment.carrier | default: 'The carrier' }} expects it ${short('shipment.estimatedDelivery')}{% if ${latest} and ${latest} != shipment.estimatedDelivery %} to ${short(latest)}{% endif %}.{% elsif assessment.revisedEta %}{% if assessment.etaSource == 'estimated' %} Usually arrives by ${ETA_SHORT}.{% else %} Expected ${ETA_SHORT}.{% endif %}{% elsif order.promisedDelivery %} Due by ${short('order.promisedDelivery')}.{% endif %}`;

/**
 * Asks the customer to get in touch, with the merchant's contact; `without` is said when no
 * contact is set (empty: the paragraph is left out), so no message promises a contact it lacks.
 * Once said, the email's "Questions?" footer would repeat it: CONTACT_SHOWN tells the layout.
 */
function contactAsk(lead: string, tail: string, without = ''): Paragraph {
	const shown = `{% assign ${CONTACT_SHOWN} = true %}${lead}`;
	return {
		...(without ? {} : { when: HAS_CONTACT }),
		text: withContact('text', shown, tail, without),
		html: withContact('html', shown, tail, without),
	};
}
const PAY = 'Please update your payment details, and we will send it on its way.';
const CHECK_ADDRESS = 'Please check your delivery address and correct it on the tracking page, so your parcel can be delivered.';
const TELL_ADDRESS = 'Or tell us the right address: ';
const SMS_CONTACT_US = (lead: string) => `{% if ${HAS_CONTACT} %} ${lead} ${SMS_CONTACT}{% endif %}`;
const items: Paragraph = {
	when: 'order.items.size > 0',
	text: 'In this order: {% for item in order.items limit: 10 %}{{ item.quantity | default: 1 }} x {{ item.title }}{% unless forloop.last %}, {% endunless %}{% endfor %}.',
};
const trackingNumber: Paragraph = {
	when: 'shipment.trackingNumber',
	text: 'Tracking number: {{ shipment.trackingNumber }}',
};
const sorry = "We're sorry about this, and we'll be in touch about a replacement or a refund.";

export const DEFAULT_COPY: Record<JourneyTrigger, MessageCopy> = {
	order_confirmed: {
		subject: `We've got your ${ORDER}`,
		heading: 'Thank you for your order',
		body: [
			`We've received your ${ORDER} and are getting it ready. We'll let you know as soon as it ships.`,
			items,
			{
				when: 'preferences.url',
				text: 'How would you like to hear from us about it: email, text message, both or not at all, and in which language?',
				link: { url: 'preferences.url', label: 'Choose how we reach you' },
			},
		],
		sms: `${SMS_BRAND}Thanks! We've got your ${ORDER} and will text you when it ships.{% if preferences.url %} Choose how we update you: {{ preferences.url }}{% endif %}`,
	},
	payment_issue: {
		subject: `There's a problem with the payment for your ${ORDER}`,
		heading: 'Your payment needs attention',
		body: [
			`We couldn't process the payment for your ${ORDER}, so it is on hold for now.`,
			reason,
			contactAsk(`${PAY} If you need help, please get in touch: `, '.', PAY),
		],
		sms: `${SMS_BRAND}We couldn't process the payment for your ${ORDER}, so it's on hold. Please check your email{% if ${HAS_CONTACT} %} or contact us: ${SMS_CONTACT}{% else %}.{% endif %}`,
	},
	preparation_delayed: {
		subject: `Your ${ORDER} is taking a little longer`,
		heading: 'Your order is taking a little longer',
		body: [`Preparing your ${ORDER} is taking longer than planned.`, reason, newEta, "We'll let you know as soon as it ships."],
		sms: `${SMS_BRAND}Preparing your ${ORDER} is taking longer than planned.${SMS_REASON}${SMS_ETA}`,
	},
	shipped: {
		subject: `Your ${ORDER} is on its way`,
		heading: 'Your order has shipped',
		body: [`Good news: your ${ORDER} has shipped${CARRIER}.`, trackingNumber, estimate, items],
		sms: `${SMS_BRAND}Your ${ORDER} has shipped${CARRIER}.${SMS_ESTIMATE}${SMS_TRACK}`,
	},
	in_transit: {
		subject: `Your ${ORDER} is on the move`,
		heading: 'Your parcel is on the move',
		body: [
			`Your ${ORDER} is travelling${CARRIER}{% if shipment.location.city %} and was last scanned in {{ shipment.location.city }}{% endif %}.`,
			estimate,
		],
		sms: `${SMS_BRAND}Your ${ORDER} is on the move{% if shipment.location.city %}, last seen in {{ shipment.location.city }}{% endif %}.${SMS_ESTIMATE}${SMS_TRACK}`,
	},
	out_for_delivery: {
		subject: `Your ${ORDER} arrives today`,
		heading: 'Arriving today',
		body: [`Your ${ORDER} is out for delivery and should arrive today.`, "If nobody will be in, the tracking page shows your options."],
		sms: `${SMS_BRAND}Your ${ORDER} is out for delivery and should arrive today.${SMS_TRACK}`,
	},
	delivered: {
		subject: `Your ${ORDER} has been delivered`,
		heading: 'Delivered',
		body: [
			`Your ${ORDER} has been delivered. We hope you enjoy it!`,
			contactAsk(
				"If you can't find it, please get in touch and we'll help: ",
				'.',
				"If you can't find it, please look around your door and ask your neighbours{% if shipment.trackingUrl %}; the tracking page may show where it was left{% endif %}.",
			),
		],
		sms: `${SMS_BRAND}Your ${ORDER} has been delivered.${SMS_CONTACT_US("Can't find it? Contact us:")}`,
	},
	delivered_to_third_party: {
		subject: `Your ${ORDER} was left in a safe place`,
		heading: 'Delivered to a neighbour or safe place',
		body: [`Your ${ORDER} has been delivered, but not to you in person.`, reason, 'The tracking page shows where it was left.'],
		sms: `${SMS_BRAND}Your ${ORDER} was delivered to a neighbour or safe place.${SMS_REASON}${SMS_TRACK}`,
	},
	available_for_pickup: {
		subject: `Your ${ORDER} is ready for pickup`,
		heading: 'Ready for pickup',
		body: [
			`Your ${ORDER} is waiting for you{% if shipment.location.city %} at a pickup point in {{ shipment.location.city }}{% else %} at a pickup point{% endif %}.`,
			reason,
			"Please bring an ID{% if shipment.trackingNumber %} and your tracking number ({{ shipment.trackingNumber }}){% endif %}. Parcels are only held for a limited time.",
		],
		sms: `${SMS_BRAND}Your ${ORDER} is ready for pickup{% if shipment.location.city %} in {{ shipment.location.city }}{% endif %}. Please bring an ID.${SMS_TRACK}`,
	},
	attempt_failed: {
		subject: `We missed you: delivery of your ${ORDER}`,
		heading: 'We missed you',
		body: [`The carrier tried to deliver your ${ORDER} but couldn't.`, reason, 'They usually try again on the next working day. You can also rearrange delivery on the tracking page.'],
		sms: `${SMS_BRAND}The carrier tried to deliver your ${ORDER} but couldn't.${SMS_REASON} You can rearrange delivery online.${SMS_TRACK}`,
	},
	delayed: {
		subject: `Your ${ORDER} is running late`,
		heading: 'Your delivery is running late',
		body: [
			`We're sorry: your ${ORDER} is taking longer than planned.`,
			reason,
			newEtaUnlessInReason,
			"It's still on its way and we're keeping an eye on it.",
		],
		sms: `${SMS_BRAND}Sorry, your ${ORDER} is running late.${SMS_REASON}${SMS_ETA_UNLESS_IN_REASON}${SMS_TRACK}`,
	},
	eta_earlier: {
		subject: `Good news: your ${ORDER} is arriving early`,
		heading: 'Arriving early',
		body: [`Good news: your ${ORDER} is ahead of schedule.`, { when: 'assessment.revisedEta', text: `It should now arrive on ${ETA_LONG}.` }],
		sms: `${SMS_BRAND}Good news: your ${ORDER} is arriving early{% if assessment.revisedEta %}, now expected ${ETA_SHORT}{% endif %}.${SMS_TRACK}`,
	},
	stalled: {
		subject: `An update on your ${ORDER}`,
		heading: "Your parcel hasn't moved for a while",
		body: [`Your ${ORDER} hasn't had a tracking update for a few days.`, reason, "We're checking with the carrier and will update you as soon as we know more."],
		sms: `${SMS_BRAND}Your ${ORDER} hasn't moved for a few days. We're checking with the carrier and will update you.`,
	},
	address_issue: {
		subject: `Action needed: check the delivery address for your ${ORDER}`,
		heading: 'Please check your delivery address',
		body: [
			`The carrier couldn't deliver your ${ORDER} because of a problem with the address.`,
			reason,
			contactAsk(`Please correct the address on the tracking page, so your parcel can be delivered. ${TELL_ADDRESS}`, '.', 'Please correct the address on the tracking page, so your parcel can be delivered.'),
		],
		sms: `${SMS_BRAND}Action needed: the carrier has a problem with the delivery address for your ${ORDER}. Please check it.${SMS_TRACK}`,
	},
	customs_hold: {
		subject: `Action needed: your ${ORDER} is held at customs`,
		heading: 'Your parcel is held at customs',
		body: [
			`Your ${ORDER} is being held by customs.`,
			reason,
			{
				when: "assessment.customerAction == 'pay_duties_or_send_documents'",
				text: 'To release it, you may need to pay import duties or provide documents. The carrier will tell you how.',
			},
		],
		sms: `${SMS_BRAND}Your ${ORDER} is held at customs.{% if assessment.customerAction == 'pay_duties_or_send_documents' %} Duties or documents may be needed to release it.{% endif %}${SMS_TRACK}`,
	},
	damaged: {
		subject: `Your ${ORDER} was damaged in transit`,
		heading: 'Your parcel was damaged',
		body: [`Unfortunately the carrier reports that your ${ORDER} was damaged on its way to you.`, reason, sorry],
		sms: `${SMS_BRAND}Sorry, your ${ORDER} was damaged in transit. We'll be in touch about a replacement or refund.`,
	},
	lost: {
		subject: `We're sorry: your ${ORDER} appears to be lost`,
		heading: 'Your parcel appears to be lost',
		body: [`The carrier reports that your ${ORDER} has been lost.`, reason, sorry],
		sms: `${SMS_BRAND}Sorry, the carrier reports your ${ORDER} as lost. We'll be in touch about a replacement or refund.`,
	},
	refused: {
		subject: `Your ${ORDER} was refused at delivery`,
		heading: 'Delivery refused',
		body: [
			`The carrier reports that delivery of your ${ORDER} was refused, so it will come back to us.`,
			reason,
			contactAsk("If you didn't refuse it, please get in touch and we'll sort it out: ", '.'),
		],
		sms: `${SMS_BRAND}Delivery of your ${ORDER} was refused and it will come back to us.${SMS_CONTACT_US('Not you? Contact us:')}`,
	},
	returning_to_sender: {
		subject: `Your ${ORDER} is being returned to us`,
		heading: 'Your parcel is on its way back to us',
		body: [
			`Your ${ORDER} couldn't be delivered and is on its way back to us.`,
			reason,
			contactAsk(
				"We'll be in touch once it arrives. If you'd like it sent again, just let us know: ",
				'.',
				"We'll be in touch once it arrives, about sending it again or a refund.",
			),
		],
		sms: `${SMS_BRAND}Your ${ORDER} couldn't be delivered and is coming back to us.${SMS_REASON} We'll be in touch.`,
	},
	returned_to_sender: {
		subject: `Your ${ORDER} has been returned to us`,
		heading: 'Your parcel is back with us',
		body: [`Your ${ORDER} has been returned to us.`, reason, "We'll be in touch about sending it again or a refund."],
		sms: `${SMS_BRAND}Your ${ORDER} has been returned to us. We'll be in touch about a resend or refund.`,
	},
	exception: {
		subject: `An update on your ${ORDER}`,
		heading: 'A problem with your delivery',
		body: [
			`There's a problem with the delivery of your ${ORDER}.`,
			reason,
			{ when: "assessment.customerAction == 'contact_carrier'", text: 'Please contact the carrier{% if shipment.trackingNumber %} with tracking number {{ shipment.trackingNumber }}{% endif %}.' },
			{ when: "assessment.customerAction == 'reschedule'", text: 'Please rearrange delivery on the tracking page.' },
			{
				...contactAsk(`${CHECK_ADDRESS} ${TELL_ADDRESS}`, '.', CHECK_ADDRESS),
				when: "assessment.customerAction == 'correct_address'",
			},
			{ when: "assessment.customerAction == 'pay_duties_or_send_documents'", text: 'To release it, you may need to pay import duties or provide documents. The carrier will tell you how.' },
			"We're keeping an eye on it and will update you.",
		],
		sms: `${SMS_BRAND}There's a problem with the delivery of your ${ORDER}.${SMS_REASON}${SMS_TRACK}`,
	},
};
