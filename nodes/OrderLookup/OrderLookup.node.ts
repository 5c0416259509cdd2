import type { IDataObject, IPairedItemData, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { lookUpOrder } from '../../lib/orders/lookup';
import { getOrderSource, listOrderSources } from '../../lib/orders/registry';
import { withOrderContext } from '../../lib/orders/toItem';
import type { OrderRef } from '../../lib/orders/types';
import { eachItem } from '../shared/boundary';
import { asList, whenIncludes } from '../shared/credentialShown';
import { n8nPlainHttp } from '../shared/n8nHttp';
import { namesOf } from '../shared/subtitle';
import { DEFAULT_SOURCES, orderLookupProperties, valueParameterOf } from './OrderLookup.properties';

const FOUND = 0;
/** Also where an item that failed goes on continue-on-fail, with `error` instead of `lookup` (README). */
const NOT_FOUND = 1;
const REF_FIELDS: Record<string, keyof OrderRef> = { orderId: 'id', orderNumber: 'number', trackingNumber: 'trackingNumber', email: 'email' };
const SUBTITLE_SOURCES = listOrderSources().map((s) => ({ value: s.id, name: s.displayName }));
const LABELS: Record<string, string> = { orderId: 'Order ID', orderNumber: 'Order Number', trackingNumber: 'Tracking Number', email: 'Customer Email' };

export class OrderLookup implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order Lookup',
		name: 'orderLookup',
		icon: { light: 'file:orderLookup.svg', dark: 'file:orderLookup.dark.svg' },
		group: ['transform'],
		// 2: one value field per Look Up By choice instead of version 1's single Value.
		version: [1, 2],
		defaultVersion: 2,
		// "Shopify + HubSpot"; a string (older workflows) reads the same as a list.
		subtitle: `={{ ${namesOf('sources', SUBTITLE_SOURCES, ' + ')} || "No source chosen" }}`,
		description: 'Adds the order and customer behind a shipment from Shopify, WooCommerce and HubSpot: items, promise, contacts, consent, preference, lifetime value, time zone',
		defaults: { name: 'Order Lookup' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Found', 'Not Found'],
		usableAsTool: true,
		credentials: [
			{ name: 'shopifyAdminApi', displayName: 'Shopify Admin API', required: true, displayOptions: whenIncludes('sources', 'shopify') },
			{ name: 'wooCommerceStoreApi', displayName: 'WooCommerce REST API', required: true, displayOptions: whenIncludes('sources', 'woocommerce') },
			{ name: 'hubSpotCrmApi', displayName: 'HubSpot CRM (Private App)', required: true, displayOptions: whenIncludes('sources', 'hubspot') },
		],
		properties: orderLookupProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[][] = [[], []];
		await eachItem(
			this,
			items,
			async (_item, i) => {
				const sources = asList(this.getNodeParameter('sources', i, DEFAULT_SOURCES));
				const by = this.getNodeParameter('lookUpBy', i, 'trackingNumber') as string;
				if (sources.length === 0) throw new NodeOperationError(this.getNode(), 'Sources is empty: choose Shopify or WooCommerce (and HubSpot for consent and preference).', { itemIndex: i });
				if (!REF_FIELDS[by]) throw new NodeOperationError(this.getNode(), `Look Up By must be one of ${Object.keys(REF_FIELDS).join(', ')}.`, { itemIndex: i });
				if (by !== 'email' && !sources.some((id) => getOrderSource(id).hasOrders)) {
					throw new NodeOperationError(this.getNode(), 'Sources has no order system: add Shopify or WooCommerce, or set Look Up By to Customer Email (HubSpot keeps contacts, not orders).', { itemIndex: i });
				}
				const version = this.getNode().typeVersion;
				const value = String(this.getNodeParameter(valueParameterOf(by, version), i, '') ?? '').trim();
				if (!value) {
					const field = version < 2 ? `Value (the ${LABELS[by]})` : LABELS[by];
					throw new NodeOperationError(this.getNode(), `${field} is empty for this item: map the field that holds it (the input has no value there).`, { itemIndex: i });
				}
				const context = await lookUpOrder({ sources, ref: { [REF_FIELDS[by]]: value } }, async (id) => ({
					http: n8nPlainHttp(this),
					credentials: (await this.getCredentials(getOrderSource(id).credentialType)) as unknown as Record<string, string>,
				}));
				if (context) out[FOUND].push({ json: withOrderContext(items[i].json, context) as IDataObject, pairedItem: { item: i } });
				else out[NOT_FOUND].push({ json: { ...items[i].json, lookup: { notFound: true, by, sources } }, pairedItem: { item: i } });
			},
			(failed) => {
				// Saved workflows told an error from a miss by `lookup.error`: it stays beside `error`.
				const i = (failed.pairedItem as IPairedItemData).item;
				const read = (name: string, fallback: unknown) => {
					try {
						return this.getNodeParameter(name, i, fallback);
					} catch {
						return fallback;
					}
				};
				const by = read('lookUpBy', 'trackingNumber') as string;
				const sources = asList(read('sources', DEFAULT_SOURCES));
				failed.json.lookup = { by, sources, error: (failed.json.error as IDataObject).message };
				out[NOT_FOUND].push(failed);
			},
		);
		return out;
	}
}
