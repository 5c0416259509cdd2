import type { NotifyRecipient } from '../notify/types';
import type { Store, StoredPreference } from '../store/types';
import { emailSubject, orderKeyOf, orderSubject } from './subjects';

type Json = Record<string, unknown>;

/**
 * The customer's own choice from the preference center, if any, for this item: looked up by the
 * order and by the recipient's email hash; when both have one, the newer wins (a choice made for a
 * later order replaces one made earlier).
 */
export async function storedPreferenceFor(item: Json, recipient: NotifyRecipient, store: Pick<Store, 'getPreference'>): Promise<StoredPreference | undefined> {
	const orderKey = orderKeyOf(item);
	const found = await Promise.all([
		orderKey ? store.getPreference([orderSubject(orderKey)]) : undefined,
		recipient.email ? store.getPreference([emailSubject(recipient.email)]) : undefined,
	]);
	return found
		.filter((pref): pref is StoredPreference => pref !== undefined)
		.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
}

/**
 * Precedence for the channel: the customer's own latest choice in the store, then what the item
 * or the node's parameters say (`customer.preference`, a CRM property), then "whatever contact
 * data exists". The stored language becomes the recipient's locale. Opt-outs are untouched: a
 * choice of SMS never overrides a STOP.
 */
export async function applyStoredPreference<T extends { recipient: NotifyRecipient }>(input: T, item: Json, store: Pick<Store, 'getPreference'>): Promise<T> {
	const stored = await storedPreferenceFor(item, input.recipient, store);
	if (!stored) return input;
	return {
		...input,
		recipient: { ...input.recipient, preference: stored.channel, ...(stored.language ? { locale: stored.language } : {}) },
	};
}
