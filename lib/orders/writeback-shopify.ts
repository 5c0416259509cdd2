import type { StoredPreference } from '../store/types';
import { failure, isObject, requireCredential, sendThrottled } from './common';
import { endpoint } from './shopify';
import { OrderSourceError, type OrderSourceContext } from './types';

const ID = 'shopify';
/** Where the choice lives on the customer: a metafield a Shopify Flow or theme can read too. */
export const PREFERENCE_METAFIELD = { namespace: 'postpurchase', key: 'channel_preference' } as const;

const METAFIELDS_SET = `mutation SetChannelPreference($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { namespace key }
    userErrors { field message code }
  }
}`;

/** 'gid://shopify/Customer/123' from '123' or the gid itself. */
function customerGid(customerId: string): string {
	if (/^gid:\/\/shopify\/Customer\/\d+$/.test(customerId)) return customerId;
	if (/^\d+$/.test(customerId)) return `gid://shopify/Customer/${customerId}`;
	throw new OrderSourceError(ID, 'invalid_request', `${ID}: the customer id must be numeric or a Customer gid`);
}

/**
 * Writes the channel choice to the customer's metafield postpurchase.channel_preference
 * (single_line_text_field) with the Admin GraphQL metafieldsSet mutation; needs write_customers.
 * Setting the same value twice changes nothing, so the throttled retry is safe here.
 */
export async function writeShopifyPreference(ctx: OrderSourceContext, customerId: string, preference: StoredPreference): Promise<void> {
	const headers = { 'X-Shopify-Access-Token': requireCredential(ID, ctx, 'accessToken'), Accept: 'application/json' };
	const metafields = [{ ownerId: customerGid(customerId), ...PREFERENCE_METAFIELD, type: 'single_line_text_field', value: preference.channel }];
	const res = await sendThrottled(ID, ctx, { method: 'POST', url: endpoint(ctx), headers, json: { query: METAFIELDS_SET, variables: { metafields } } });
	if (res.status < 200 || res.status >= 300) throw failure(ID, ctx, res);
	const body = isObject(res.body) ? res.body : {};
	const errors = Array.isArray(body.errors) ? body.errors.filter(isObject) : [];
	if (errors.length > 0) {
		const code = isObject(errors[0].extensions) && typeof errors[0].extensions.code === 'string' ? errors[0].extensions.code : 'GRAPHQL_ERROR';
		const kind = code === 'ACCESS_DENIED' ? 'auth' : code === 'THROTTLED' ? 'rate_limited' : 'invalid_request';
		throw new OrderSourceError(ID, kind, `${ID}: metafieldsSet refused (${code})${kind === 'auth' ? '; grant the app write_customers' : ''}`, { httpStatus: res.status, providerCode: code });
	}
	const result = isObject(body.data) && isObject(body.data.metafieldsSet) ? body.data.metafieldsSet : undefined;
	if (!result) throw new OrderSourceError(ID, 'malformed', `${ID}: unexpected response: data.metafieldsSet: missing`, { httpStatus: res.status, field: 'data.metafieldsSet' });
	const userErrors = Array.isArray(result.userErrors) ? result.userErrors.filter(isObject) : [];
	if (userErrors.length > 0) {
		// Field paths and codes only: the messages may quote the value.
		const where = userErrors.map((e) => (Array.isArray(e.field) ? e.field.join('.') : 'input')).join(', ');
		const code = typeof userErrors[0].code === 'string' ? userErrors[0].code : undefined;
		throw new OrderSourceError(ID, 'invalid_request', `${ID}: metafieldsSet user errors at ${where}${code ? ` (${code})` : ''}`, { httpStatus: res.status, providerCode: code });
	}
}
