import type {
	ICredentialsDecrypted,
	ICredentialsDisplayOptions,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { lookUpOrder } from '../../lib/orders/lookup';
import { getOrderSource } from '../../lib/orders/registry';
import { writeHubSpotPreference } from '../../lib/orders/writeback-hubspot';
import { writeShopifyPreference } from '../../lib/orders/writeback-shopify';
import { PREFERENCE_PAGE_HEADERS, renderPreferenceRequest, savePreferenceRequest } from '../../lib/preferences/handle';
import { signPreferenceLink } from '../../lib/preferences/link';
import { orderNameOf } from '../../lib/preferences/subjects';
import type { PreferenceCustomer, PreferenceWriteBack } from '../../lib/preferences/save';
import { eachItem } from '../shared/boundary';
import { whenOneOf } from '../shared/credentialShown';
import { n8nPlainHttp } from '../shared/n8nHttp';
import { storeAt } from '../shared/storeOption';
import { nameOf } from '../shared/subtitle';
import { LOOKUP_PLATFORMS, OPERATION_OPTIONS, preferenceCenterProperties } from './PreferenceCenter.properties';

const DAY_MS = 86_400_000;
/** "Create link", "Render page", "Save choice". */
const SUBTITLE_OPERATIONS = OPERATION_OPTIONS.map((o) => ({ value: o.value, name: o.name.charAt(0) + o.name.slice(1).toLowerCase() }));

/**
 * Shown for Save Choice while `also` holds too. Operation and Look Up Customer In are matched by
 * conditions (credentialShown.ts), so the editor never takes either for the authentication field;
 * a boolean has no options, so the editor's rule never looks at it.
 */
function onSaveChoice(also: ICredentialsDisplayOptions): ICredentialsDisplayOptions {
	return { show: { ...whenOneOf('operation', ['saveChoice']).show, ...also.show } };
}

export class PreferenceCenter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Preference Center',
		name: 'preferenceCenter',
		icon: { light: 'file:preferenceCenter.svg', dark: 'file:preferenceCenter.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: `={{ ${nameOf('operation', SUBTITLE_OPERATIONS)} }}`,
		description: 'Lets customers choose email, text, both or no delivery updates, and their language, through a signed expiring link',
		defaults: { name: 'Preference Center' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			{ name: 'postPurchasePreferencesApi', displayName: 'Preference Page (URL and Signing Secret)', required: true, testedBy: 'postPurchasePreferencesTest' },
			{ name: 'shopifyAdminApi', displayName: 'Shopify Admin API (Customer Lookup)', required: true, displayOptions: onSaveChoice(whenOneOf('lookupCustomer', ['shopify'])) },
			{ name: 'wooCommerceStoreApi', displayName: 'WooCommerce REST API (Customer Lookup)', required: true, displayOptions: onSaveChoice(whenOneOf('lookupCustomer', ['woocommerce'])) },
			{ name: 'hubSpotCrmApi', displayName: 'HubSpot CRM (Write-Back)', required: true, displayOptions: onSaveChoice({ show: { ...whenOneOf('lookupCustomer', LOOKUP_PLATFORMS).show, writeBackHubSpot: [true] } }) },
		],
		properties: preferenceCenterProperties,
	};

	methods = {
		credentialTest: {
			/** Nothing to call: signing a link proves the URL and the secret are usable. */
			async postPurchasePreferencesTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const { pageUrl, signingSecret } = (credential.data ?? {}) as { pageUrl?: string; signingSecret?: string };
				try {
					signPreferenceLink({ baseUrl: pageUrl ?? '', orderKey: 'test:1', expiresAt: new Date(Date.now() + DAY_MS) }, signingSecret ?? '');
					return { status: 'OK', message: 'The page URL and the secret can sign links' };
				} catch (error) {
					return { status: 'Error', message: (error as Error).message };
				}
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const operation = this.getNodeParameter('operation', 0) as string;
		const { pageUrl, signingSecret } = await this.getCredentials<{ pageUrl: string; signingSecret: string }>('postPurchasePreferencesApi');
		const out: INodeExecutionData[] = [];
		await eachItem(
			this,
			items,
			async ({ json }, i) => {
				if (operation === 'createLink') {
					const orderKey = String(this.getNodeParameter('orderKey', i, '')).trim();
					if (!orderKey || /:(undefined|null)?$/.test(orderKey)) {
						throw new NodeOperationError(this.getNode(), 'The item names no order: a preference link needs an Order Key such as "shopify:450789469" (source and order ID).', { itemIndex: i });
					}
					const expiresAt = new Date(Date.now() + (this.getNodeParameter('validForDays', i, 60) as number) * DAY_MS);
					// The order's name (#1009) rides along, signed, so the page shows it instead of the internal id.
					const url = signPreferenceLink({ baseUrl: pageUrl, orderKey, orderName: orderNameOf(json), expiresAt }, signingSecret);
					out.push({ json: { ...json, preferences: { url, expiresAt: expiresAt.toISOString() } }, pairedItem: { item: i } });
					return;
				}
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const store = storeAt(options.storePath as string | undefined);
				const brandName = (options.brandName as string) || undefined;
				const query = (json.query ?? {}) as IDataObject;
				const response =
					operation === 'renderPage'
						? await renderPreferenceRequest({ query, secret: signingSecret, store, brandName })
						: await savePreferenceRequest({ query, form: (json.body ?? {}) as IDataObject, secret: signingSecret, store, brandName, ...(await saveHooks(this, i)) });
				// The one exception to enriching the item: it is the page's HTTP request, and this is its response,
				// so the request's headers and body stay behind and the page and the outcome are all that go on.
				const saved = response.saved && { orderKey: response.saved.orderKey, ...response.saved.preference, savedFor: response.saved.savedFor, writeBack: response.saved.writeBack, writeBackErrors: response.saved.writeBackErrors };
				out.push({ json: { statusCode: response.statusCode, html: response.html, headers: { ...PREFERENCE_PAGE_HEADERS }, ...(saved ? { saved } : {}) } as IDataObject, pairedItem: { item: i } });
			},
			(failed) => out.push(failed),
		);
		return [out];
	}
}

/** The customer lookup and write-backs Save Choice was configured with. */
async function saveHooks(ctx: IExecuteFunctions, i: number): Promise<{ customer?: (orderKey: string) => Promise<PreferenceCustomer | undefined>; writeBack: PreferenceWriteBack }> {
	const platform = ctx.getNodeParameter('lookupCustomer', i, 'none') as string;
	const http = n8nPlainHttp(ctx);
	const credentialsOf = async (type: string) => (await ctx.getCredentials(type)) as unknown as Record<string, string>;
	const writeBack: PreferenceWriteBack = {};
	if (platform === 'shopify' && ctx.getNodeParameter('writeBackShopify', i, false)) {
		const credentials = await credentialsOf('shopifyAdminApi');
		writeBack.shopify = (customerId, preference) => writeShopifyPreference({ http, credentials }, customerId, preference);
	}
	if (ctx.getNodeParameter('writeBackHubSpot', i, false)) {
		const credentials = await credentialsOf('hubSpotCrmApi');
		writeBack.hubspot = (email, preference) => writeHubSpotPreference({ http, credentials }, email, preference);
	}
	if (platform === 'none') return { writeBack };
	const customer = async (orderKey: string): Promise<PreferenceCustomer | undefined> => {
		const [source, id] = [orderKey.slice(0, orderKey.indexOf(':')), orderKey.slice(orderKey.indexOf(':') + 1)];
		// Only an order of the configured platform can be looked up by its id.
		if (source !== platform) return undefined;
		const context = await lookUpOrder({ sources: [platform], ref: { id } }, async (sourceId) => ({ http, credentials: await credentialsOf(getOrderSource(sourceId).credentialType) }));
		const found = context?.customer;
		return found && { email: found.email, ...(platform === 'shopify' && found.id ? { shopifyCustomerId: found.id } : {}) };
	};
	return { customer, writeBack };
}
