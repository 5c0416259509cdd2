import type { INodeProperties } from 'n8n-workflow';
import { listOrderSources } from '../../lib/orders/registry';
import { storePathOption } from '../shared/storeOption';

const show = (operation: string[]) => ({ show: { operation } });

/** The shops a verified link's order can be looked up in: every registered order system. */
const ORDER_SYSTEMS = listOrderSources().filter((s) => s.hasOrders);
export const LOOKUP_PLATFORMS = ORDER_SYSTEMS.map((s) => s.id);
/** Shopify alone has a write-back of the choice to the customer (its metafield). */
const WITH_WRITE_BACK: Record<string, string> = { shopify: ', and allow the metafield write-back' };
const LOOKUP_OPTIONS = [
	{ name: 'None', value: 'none', description: 'Save the choice for this order only' },
	...ORDER_SYSTEMS.map((s) => ({ name: s.displayName, value: s.id, description: `Also save it for the customer's email (all their orders)${WITH_WRITE_BACK[s.id] ?? ''}` })),
];

export const OPERATION_OPTIONS = [
	{ name: 'Create Link', value: 'createLink', action: 'Create a signed preference link', description: 'Adds the signed link to the item (under preferences) for the order confirmation message' },
	{ name: 'Render Page', value: 'renderPage', action: 'Render the preference page', description: 'For the GET webhook: verifies the link and gives the form as `html`' },
	{ name: 'Save Choice', value: 'saveChoice', action: 'Save the customer s choice', description: 'For the POST webhook: verifies the link, saves the choice, gives the confirmation as `html`' },
];

export const preferenceCenterProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: OPERATION_OPTIONS,
		default: 'createLink',
	},
	{
		displayName:
			'Adds a signed link (`preferences.url`) for the order confirmation: Customer Notify puts it in order_confirmed messages. The credential\'s Page URL is the production URL of the GET Webhook that renders the page.',
		name: 'createLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['createLink']),
	},
	{
		displayName:
			'Put this after a Webhook node (GET for Render Page, POST on the same path for Save Choice; Respond: Using \'Respond to Webhook\' Node), then answer with Respond to Webhook: Respond With Text, the body from `html`, the response code from `statusCode`, the headers in `headers`.',
		name: 'pageNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['renderPage', 'saveChoice']),
	},
	{
		displayName: 'Order Key',
		name: 'orderKey',
		type: 'string',
		default: "={{ ($json.orderId || $json.order?.number || $json.orderNumber) ? ($json.source || 'shop') + ':' + ($json.orderId || $json.order?.number || $json.orderNumber) : '' }}",
		required: true,
		displayOptions: show(['createLink']),
		description:
			"Source and order ID, e.g. shopify:450789469: the same key Customer Notify finds the choice by. Default: the Order Event Trigger's `source` and `orderId` (else the order number).",
	},
	{
		displayName: 'Valid For (Days)',
		name: 'validForDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 365 },
		default: 60,
		displayOptions: show(['createLink']),
		description: 'How long the link works; after that the page says it has expired',
	},
	{
		displayName: 'Look Up Customer In',
		name: 'lookupCustomer',
		type: 'options',
		options: LOOKUP_OPTIONS,
		noDataExpression: true,
		default: 'none',
		displayOptions: show(['saveChoice']),
		description:
			"Where to find the order's customer once the link is verified (orders of that platform only), so the choice holds for all their orders. Asks for that shop's credential.",
	},
	{
		displayName: 'Write Back to Shopify',
		name: 'writeBackShopify',
		type: 'boolean',
		default: false,
		displayOptions: { show: { operation: ['saveChoice'], lookupCustomer: ['shopify'] } },
		description: 'Whether to set the customer metafield postpurchase.channel_preference (needs write_customers)',
	},
	{
		displayName: 'Write Back to HubSpot',
		name: 'writeBackHubSpot',
		type: 'boolean',
		default: false,
		// The contact is found by the email the customer lookup gives: without one there is nobody to write to.
		displayOptions: { show: { operation: ['saveChoice'], lookupCustomer: LOOKUP_PLATFORMS } },
		description:
			"Whether to set the HubSpot contact's preference property too, found by the customer's email (asks for a HubSpot credential with crm.objects.contacts.write)",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['renderPage', 'saveChoice']),
		options: [
			{ displayName: 'Shop Name', name: 'brandName', type: 'string', default: '', description: 'Shown above the form' },
			storePathOption,
		],
	},
];
