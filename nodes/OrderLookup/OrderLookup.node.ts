import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { lookUpOrder } from '../../lib/orders/lookup';
import { getOrderSource } from '../../lib/orders/registry';
import { withOrderContext } from '../../lib/orders/toItem';
import { OrderSourceError, type OrderRef } from '../../lib/orders/types';
import { n8nPlainHttp } from '../shared/n8nHttp';

const FOUND = 0;
const NOT_FOUND = 1;
const REF_FIELDS: Record<string, keyof OrderRef> = { orderId: 'id', orderNumber: 'number', trackingNumber: 'trackingNumber', email: 'email' };

export class OrderLookup implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order Lookup',
		name: 'orderLookup',
		icon: { light: 'file:orderLookup.svg', dark: 'file:orderLookup.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["sources"].join(" + ")}}',
		description: 'Adds the order and customer behind a shipment from Shopify, WooCommerce and HubSpot: items, promise, contacts, consent, preference, lifetime value, time zone',
		defaults: { name: 'Order Lookup' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Found', 'Not Found'],
		usableAsTool: true,
		credentials: [
			{ name: 'shopifyAdminApi', required: true, displayOptions: { show: { sources: ['shopify'] } } },
			{ name: 'wooCommerceStoreApi', required: true, displayOptions: { show: { sources: ['woocommerce'] } } },
			{ name: 'hubSpotCrmApi', required: true, displayOptions: { show: { sources: ['hubspot'] } } },
		],
		properties: [
			{
				displayName: 'Sources',
				name: 'sources',
				type: 'multiOptions',
				options: [
					{ name: 'HubSpot (Customer and Preferences)', value: 'hubspot' },
					{ name: 'Shopify', value: 'shopify' },
					{ name: 'WooCommerce', value: 'woocommerce' },
				],
				default: ['shopify'],
				description: 'Order facts come from the order system; preference and consent from the CRM when it has them (README "Order context")',
			},
			{
				displayName: 'Look Up By',
				name: 'lookUpBy',
				type: 'options',
				options: [
					{ name: 'Customer Email (Latest Order)', value: 'email' },
					{ name: 'Order ID', value: 'orderId' },
					{ name: 'Order Number', value: 'orderNumber' },
					{ name: 'Tracking Number', value: 'trackingNumber' },
				],
				default: 'trackingNumber',
			},
			{
				displayName: 'Value',
				name: 'value',
				type: 'string',
				default: '={{ $json.trackingNumber }}',
				required: true,
				description: 'The order ID, number (#1001), tracking number or email to look up',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[][] = [[], []];
		for (let i = 0; i < items.length; i++) {
			let sources: string[] = [];
			let by = '';
			try {
				sources = this.getNodeParameter('sources', i) as string[];
				by = this.getNodeParameter('lookUpBy', i) as string;
				const value = String(this.getNodeParameter('value', i, '')).trim();
				if (sources.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one source.', { itemIndex: i });
				if (!value) throw new NodeOperationError(this.getNode(), `The value to look up by (${by}) is empty for this item.`, { itemIndex: i });
				const context = await lookUpOrder({ sources, ref: { [REF_FIELDS[by]]: value } }, async (id) => ({
					http: n8nPlainHttp(this),
					credentials: (await this.getCredentials(getOrderSource(id).credentialType)) as unknown as Record<string, string>,
				}));
				if (context) out[FOUND].push({ json: withOrderContext(items[i].json, context) as IDataObject, pairedItem: { item: i } });
				else out[NOT_FOUND].push({ json: { ...items[i].json, lookup: { notFound: true, by, sources } }, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out[NOT_FOUND].push({ json: { ...items[i].json, lookup: { by, sources, error: (error as Error).message } }, pairedItem: { item: i } });
					continue;
				}
				if (error instanceof OrderSourceError) {
					throw new NodeApiError(this.getNode(), { message: error.message } as JsonObject, {
						itemIndex: i,
						message: error.message,
						httpCode: error.details.httpStatus ? String(error.details.httpStatus) : undefined,
					});
				}
				throw error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
		}
		return out;
	}
}
