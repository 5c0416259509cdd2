import type { ChannelKind } from '../types';
import { toE164 } from './phone';

export const smsKind: ChannelKind = {
	id: 'sms',
	displayName: 'SMS',
	label: 'SMS',
	contactField: 'phone',
	contactLabel: 'phone number',
	optOutField: 'smsOptOut',
	checkAddress(raw, { country }) {
		const phone = toE164(raw, country);
		return phone.ok ? { ok: true, to: phone.e164 } : { ok: false, reasonCode: 'invalid_phone', reason: phone.reason };
	},
	templateFormat: 'sms',
	quietByDefault: true,
	customerName: 'text message',
	customerHint: 'Updates by SMS to your phone',
	node: {
		from: {
			name: 'smsFrom',
			displayName: 'SMS From',
			placeholder: '+15005550006',
			description: 'Your SMS number in E.164 (+ and country code) to send from. With Twilio, leave it empty only when a Messaging Service SID is set under Settings.',
		},
		contact: {
			name: 'recipientPhone',
			displayName: 'Recipient Phone',
			description: 'Where SMS goes. Default: `customer.phone` on the item; a number without a country code is read with the Default Country under Settings.',
		},
		optOut: { name: 'smsOptOut', displayName: 'SMS Opted Out', description: 'Whether the customer withdrew consent to SMS. `customer.smsOptOut: true` on the item counts too.' },
	},
};
