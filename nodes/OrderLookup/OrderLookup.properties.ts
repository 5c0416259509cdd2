import type { INodeProperties } from 'n8n-workflow';
import { listOrderSources } from '../../lib/orders/registry';

/**
 * Every registered source, by name as n8n's lint wants options: a CRM (no orders) is named for what
 * it adds. The subtitle names each by its display name.
 */
export const SOURCE_OPTIONS = listOrderSources()
	.map((s) => ({ name: s.hasOrders ? s.displayName : `${s.displayName} (Customer and Preferences)`, value: s.id, description: s.summary }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** A fresh node asks the first order system registered. */
export const DEFAULT_SOURCES = listOrderSources()
	.filter((s) => s.hasOrders)
	.slice(0, 1)
	.map((s) => s.id);

/** The parameter holding the value for a "Look Up By" choice: one `value` in version 1, one per choice since 2. */
export const valueParameterOf = (by: string, version: number) => (version < 2 ? 'value' : `${by}Value`);

// Version 2 split version 1's single Value into one field per choice; saved version 1 nodes keep
// theirs (n8n keeps a node's typeVersion), fresh nodes get version 2.
const V1 = { '@version': [1] };
const V2 = { '@version': [{ _cnd: { gte: 2 } }] };
const when = (by: string) => ({ show: { lookUpBy: [by], ...V2 } });

/*
 * One value field per "Look Up By" choice, each defaulting to where the upstream node puts it: the
 * trackers' normalized event (trackingNumber, orderId, orderNumber, customer.email) or an item that
 * already has an `order` (Order Event Trigger). Separate fields, so switching the choice brings up
 * that choice's default instead of keeping the previous one's expression.
 */
export const orderLookupProperties: INodeProperties[] = [
	{
		displayName:
			'Found: the item with `order`, `customer` (contacts, preference, time zone, lifetime value) and `orderContext`, ready for the Delivery Classifier and Customer Notify. Not Found: the item with `lookup` saying what was asked.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Sources',
		name: 'sources',
		type: 'multiOptions',
		noDataExpression: true,
		options: SOURCE_OPTIONS,
		default: [...DEFAULT_SOURCES],
		description:
			'The shop the order lives in, and HubSpot if the CRM keeps the customer\'s consent and preference (README "Order context"). Each source asks for its own credential.',
	},
	{
		displayName: 'Look Up By',
		name: 'lookUpBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Customer Email (Latest Order)', value: 'email' },
			{ name: 'Order ID', value: 'orderId' },
			{ name: 'Order Number', value: 'orderNumber' },
			{ name: 'Tracking Number', value: 'trackingNumber' },
		],
		default: 'trackingNumber',
		description: 'What the incoming item knows about the order. HubSpot on its own can only look up by email.',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '={{ $json.trackingNumber }}',
		required: true,
		description: 'The order ID, number (#1001), tracking number or email to look up, as Look Up By says',
		displayOptions: { show: V1 },
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumberValue',
		type: 'string',
		default: '={{ $json.trackingNumber }}',
		placeholder: '1Z999AA10123456784',
		required: true,
		description: "The parcel's tracking number. Default: the event's `trackingNumber` (Shipment Tracking Trigger, Carrier Poll Trigger, Carrier Tracking).",
		displayOptions: when('trackingNumber'),
	},
	{
		displayName: 'Order Number',
		name: 'orderNumberValue',
		type: 'string',
		default: '={{ $json.orderNumber ?? $json.order?.number }}',
		placeholder: '#1001',
		required: true,
		description: "The number the customer sees (#1001 in Shopify, 1001 in WooCommerce). Default: the event's `orderNumber`, else `order.number`.",
		displayOptions: when('orderNumber'),
	},
	{
		displayName: 'Order ID',
		name: 'orderIdValue',
		type: 'string',
		default: '={{ $json.orderId ?? $json.order?.id }}',
		placeholder: '450789469',
		required: true,
		description: "The shop's internal order ID (Shopify's numeric ID or gid://shopify/Order/…, WooCommerce's order ID). Default: the event's `orderId`, else the ID of the item's `order`.",
		displayOptions: when('orderId'),
	},
	{
		displayName: 'Customer Email',
		name: 'emailValue',
		type: 'string',
		default: '={{ $json.customer?.email }}',
		placeholder: 'name@email.com',
		required: true,
		description: "Finds the customer's latest order. Default: `customer.email` on the item.",
		displayOptions: when('email'),
	},
];
