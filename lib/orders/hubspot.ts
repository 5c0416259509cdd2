import { z } from 'zod';
import type { HttpResponse } from '../http';
import { isPreference } from '../channels/registry';
import type { Preference } from '../model/preferences';
import { compact } from '../model/build';
import { clean, enc, failure, isObject, missingRef, parseAs, requireCredential, sendThrottled } from './common';
import type { OrderContext, OrderCustomer } from './model';
import type { OrderRef, OrderSource, OrderSourceContext } from './types';

const ID = 'hubspot';
const DEFAULT_BASE = 'https://api.hubapi.com';
/** A custom contact property (single-line text or dropdown) holding email, sms, both or none. */
export const DEFAULT_PREFERENCE_PROPERTY = 'postpurchase_channel_preference';
/** HubSpot's default "Total revenue" contact property (sum of the contact's closed-won deals). */
export const DEFAULT_LIFETIME_VALUE_PROPERTY = 'total_revenue';

const Contact = z.object({ id: z.string(), properties: z.record(z.string().nullable()) }).passthrough();

function settings(ctx: OrderSourceContext) {
	return {
		base: (clean(ctx.credentials.baseUrl) ?? DEFAULT_BASE).replace(/\/+$/, ''),
		token: requireCredential(ID, ctx, 'accessToken'),
		preference: clean(ctx.credentials.preferenceProperty) ?? DEFAULT_PREFERENCE_PROPERTY,
		lifetimeValue: clean(ctx.credentials.lifetimeValueProperty) ?? DEFAULT_LIFETIME_VALUE_PROPERTY,
	};
}

/** 'Email', 'SMS ', 'both' → the preference; anything else (a typo in the CRM) is no preference. */
function preferenceOf(value: string | null | undefined): Preference | undefined {
	const lower = clean(value)?.toLowerCase();
	return isPreference(lower) ? lower : undefined;
}

function numberOf(value: string | null | undefined): number | undefined {
	const number = Number(clean(value) ?? NaN);
	return Number.isFinite(number) && number >= 0 ? number : undefined;
}

/** HubSpot error bodies carry `category` (OBJECT_NOT_FOUND, INVALID_AUTHENTICATION, RATE_LIMITS...). */
const category = (body: unknown) => (isObject(body) && typeof body.category === 'string' ? body.category : undefined);

function customerOf(contact: z.infer<typeof Contact>, s: ReturnType<typeof settings>): OrderCustomer {
	const p = contact.properties;
	const first = clean(p.firstname);
	const name = [first, clean(p.lastname)].filter(Boolean).join(' ') || undefined;
	return compact({
		id: contact.id,
		name,
		firstName: first,
		email: clean(p.email),
		// A mobile number is the one an SMS reaches; the main phone may be a landline.
		phone: clean(p.mobilephone) ?? clean(p.phone),
		locale: clean(p.hs_language),
		// hs_email_optout is "unsubscribed from all email"; HubSpot has no SMS equivalent on the contact.
		emailConsent: p.hs_email_optout === 'true' ? 'unsubscribed' : undefined,
		preference: preferenceOf(p[s.preference]),
		lifetimeValue: numberOf(p[s.lifetimeValue]),
	});
}

/** GET /crm/v3/objects/contacts/{email}?idProperty=email: one call, 404 when no contact has it. */
async function contactByEmail(email: string, ctx: OrderSourceContext): Promise<OrderContext | null> {
	const s = settings(ctx);
	const properties = ['firstname', 'lastname', 'email', 'phone', 'mobilephone', 'hs_language', 'hs_email_optout', s.preference, s.lifetimeValue];
	const res: HttpResponse = await sendThrottled(ID, ctx, {
		method: 'GET',
		url: `${s.base}/crm/v3/objects/contacts/${enc(email)}`,
		headers: { Authorization: `Bearer ${s.token}`, Accept: 'application/json' },
		qs: { idProperty: 'email', properties: properties.join(',') },
	});
	if (res.status === 404 && category(res.body) === 'OBJECT_NOT_FOUND') return null;
	if (res.status < 200 || res.status >= 300) throw failure(ID, ctx, res, category(res.body));
	const contact = parseAs(ID, res, Contact, res.body, []);
	return { source: ID, customer: customerOf(contact, s), sources: [ID] };
}

/** A CRM, not an order system: getOrder answers with the buyer's contact for ref.email. */
export const hubspotSource: OrderSource = {
	id: ID,
	displayName: 'HubSpot',
	summary: "Contact, consent and channel preference, found by the order's email",
	credentialType: 'hubSpotCrmApi',
	hasOrders: false,

	async getOrder(ref: OrderRef, ctx: OrderSourceContext) {
		const email = clean(ref.email);
		if (!email) throw missingRef(ID, 'email (HubSpot finds contacts, not orders)');
		return contactByEmail(email, ctx);
	},

	async getCustomer(ref: { email: string }, ctx: OrderSourceContext) {
		const email = clean(ref.email);
		if (!email) throw missingRef(ID, 'email');
		return contactByEmail(email, ctx);
	},
};
