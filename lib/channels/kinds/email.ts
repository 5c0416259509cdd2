import { z } from 'zod';
import type { ChannelKind } from '../types';

// Built once: a zod schema per call cost more than the check itself.
const EMAIL = z.string().email();

export const emailKind: ChannelKind = {
	id: 'email',
	displayName: 'Email',
	label: 'email',
	contactField: 'email',
	contactLabel: 'email address',
	optOutField: 'emailOptOut',
	checkAddress(raw) {
		const to = raw.trim();
		return EMAIL.safeParse(to).success ? { ok: true, to } : { ok: false, reasonCode: 'invalid_email', reason: 'The email address is not valid' };
	},
	templateFormat: 'email',
	quietByDefault: false,
	customerName: 'email',
	customerHint: 'Updates to your email address',
	node: {
		from: {
			name: 'emailFrom',
			displayName: 'Email From',
			placeholder: 'Acme Shop <orders@acme.example>',
			description: 'The sender customers see: an address your email provider may send as, optionally with a name',
			required: true,
		},
		contact: {
			name: 'recipientEmail',
			displayName: 'Recipient Email',
			description: "Where email goes. Default: `customer.email`, which the trackers' events, Order Lookup and the Order Event Trigger all give.",
		},
		optOut: { name: 'emailOptOut', displayName: 'Email Opted Out', description: 'Whether the customer withdrew consent to email. `customer.emailOptOut: true` on the item counts too.' },
	},
};
