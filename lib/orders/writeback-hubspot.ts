import type { StoredPreference } from '../store/types';
import { clean, enc, failure, isObject, requireCredential, sendThrottled } from './common';
import { DEFAULT_PREFERENCE_PROPERTY } from './hubspot';
import type { OrderSourceContext } from './types';

const ID = 'hubspot';

/**
 * Writes the channel choice to the contact's preference property (the credential's, default
 * postpurchase_channel_preference): PATCH /crm/v3/objects/contacts/{email}?idProperty=email;
 * needs crm.objects.contacts.write. False when no contact has the address (nothing is created).
 */
export async function writeHubSpotPreference(ctx: OrderSourceContext, email: string, preference: StoredPreference): Promise<boolean> {
	const base = (clean(ctx.credentials.baseUrl) ?? 'https://api.hubapi.com').replace(/\/+$/, '');
	const property = clean(ctx.credentials.preferenceProperty) ?? DEFAULT_PREFERENCE_PROPERTY;
	const res = await sendThrottled(ID, ctx, {
		method: 'PATCH',
		url: `${base}/crm/v3/objects/contacts/${enc(email.trim())}`,
		headers: { Authorization: `Bearer ${requireCredential(ID, ctx, 'accessToken')}`, Accept: 'application/json' },
		qs: { idProperty: 'email' },
		json: { properties: { [property]: preference.channel } },
	});
	const category = isObject(res.body) && typeof res.body.category === 'string' ? res.body.category : undefined;
	if (res.status === 404 && category === 'OBJECT_NOT_FOUND') return false;
	if (res.status < 200 || res.status >= 300) throw failure(ID, ctx, res, category);
	return true;
}
