import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { ingestOrderWebhook, listOrderWebhookProviders } from '../../lib/orders/webhooks';
import { orderEventToItem } from '../../lib/orders/webhooks/toItem';
import { asList, whenOneOf } from '../shared/credentialShown';
import { storeAt, storePathOption } from '../shared/storeOption';
import { nameOf, wordList } from '../shared/subtitle';
import { answer, rawBodyOf } from '../shared/webhook';
import { DEFAULT_PLATFORM, orderEventPanel, PLATFORM_OPTIONS, platformNotices } from './OrderEventTrigger.panel';

export class OrderEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order Event Trigger',
		name: 'orderEventTrigger',
		icon: { light: 'file:orderEvent.svg', dark: 'file:orderEvent.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ${nameOf('platform', PLATFORM_OPTIONS)} }}`,
		description: 'Starts the workflow when the shop reports an order confirmed, a payment problem or a shipment (Shopify, WooCommerce webhooks)',
		defaults: { name: 'Order Event Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		triggerPanel: orderEventPanel,
		credentials: [
			{ name: 'shopifyAdminApi', displayName: 'Shopify Store', required: true, displayOptions: whenOneOf('platform', ['shopify']) },
			{ name: 'wooCommerceStoreApi', displayName: 'WooCommerce Store', required: true, displayOptions: whenOneOf('platform', ['woocommerce']) },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: '={{$parameter["path"]}}', isFullPath: true }],
		properties: [
			{
				displayName: 'Platform',
				name: 'platform',
				type: 'options',
				noDataExpression: true,
				options: PLATFORM_OPTIONS,
				default: DEFAULT_PLATFORM,
			},
			...platformNotices,
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				required: true,
				default: 'order-events',
				description: 'The Production URL is &lt;your n8n&gt;/webhook/&lt;path&gt;: register it in the shop, signed with the Webhook Secret from the credential',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Changes Without a Message',
						name: 'includeSilent',
						type: 'boolean',
						default: false,
						description: 'Whether to emit order changes that tell the customer nothing (paid, updated) as well',
					},
					storePathOption,
				],
			},
		],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// One value, whether stored as a string or (by an older editor) inside a list.
		const platform = asList(this.getNodeParameter('platform'))[0] ?? '';
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const registered = listOrderWebhookProviders().find((p) => p.id === platform);
		if (!registered) {
			this.logger.error(`Order Event Trigger has no known Platform ("${platform}"): choose one in the node`);
			return answer(this, 500, { error: `The trigger has no Platform chosen: choose ${wordList(PLATFORM_OPTIONS.map((o) => o.name))} in the node` });
		}
		const credentials = await this.getCredentials<{ webhookSecret?: string }>(registered.credentialType);
		if (!credentials.webhookSecret) {
			return answer(this, 401, { error: `The ${platform} credential has no Webhook Secret: add the secret the shop signs webhooks with` });
		}
		const rawBody = (await rawBodyOf(this)) ?? Buffer.alloc(0);
		const result = await ingestOrderWebhook(
			platform,
			rawBody,
			this.getHeaderData() as Record<string, string>,
			credentials.webhookSecret ?? '',
			storeAt(options.storePath as string | undefined),
		);
		if (result.status !== 200) {
			this.logger.warn(`Order Event Trigger refused a ${platform} delivery: ${result.error}`);
			return answer(this, result.status, { error: result.error });
		}
		const events = result.events.filter((event) => event.trigger !== null || options.includeSilent === true);
		const counts = { received: result.events.length + result.duplicates, new: events.length, duplicates: result.duplicates };
		if (events.length === 0) return answer(this, 200, counts);
		this.getResponseObject().status(200).json(counts);
		return { noWebhookResponse: true, workflowData: [events.map((event) => ({ json: orderEventToItem(event) as IDataObject }))] };
	}
}
