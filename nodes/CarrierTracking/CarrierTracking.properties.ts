import type { INodeProperties } from 'n8n-workflow';
import { AGGREGATOR_OPTIONS, CARRIER_OPTIONS } from '../shared/carriers';
import { storePathOption } from '../shared/storeOption';

const AGGREGATORS = AGGREGATOR_OPTIONS.map((o) => o.value);
/** The operations that ask a carrier or an aggregator; Detect Carrier reads the number alone. */
export const LOOKUPS = ['track', 'watch', 'unwatch'];
const notDetect = { show: { operation: LOOKUPS } };

export const OPERATION_OPTIONS = [
	{ name: 'Detect Carrier', value: 'detect', action: 'Detect the carrier of a tracking number', description: 'Tell the carrier and format from the number alone (no API call)' },
	{ name: 'Start Watching', value: 'watch', action: 'Start watching a shipment', description: 'Direct carriers: add to the Carrier Poll Trigger watch list. Aggregators: create the tracking there, so its webhooks follow.' },
	{ name: 'Stop Watching', value: 'unwatch', action: 'Stop watching a shipment' },
	{ name: 'Track Now', value: 'track', action: 'Look up a shipment now', description: 'Ask the carrier or aggregator for the current state' },
];

export const SOURCE_OPTIONS = [{ name: 'Auto-Detect From the Number', value: 'auto' }, ...CARRIER_OPTIONS, ...AGGREGATOR_OPTIONS];

/**
 * The number where each upstream node puts it: `trackingNumber` (tracking events, Delivery
 * Classifier, Order Event Trigger), `order.fulfillments[].trackingNumber` (Order Lookup, for an item
 * that had none), `body.trackingNumber` (an n8n Webhook node).
 */
export const TRACKING_NUMBER_DEFAULT =
	'={{ $json.trackingNumber ?? $json.order?.fulfillments?.find((f) => f.trackingNumber)?.trackingNumber ?? $json.body?.trackingNumber ?? "" }}';

export const carrierTrackingProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: OPERATION_OPTIONS,
		default: 'track',
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: TRACKING_NUMBER_DEFAULT,
		description: 'One number per item. The default finds it in what the tracking and order triggers, Order Lookup or a Webhook node emit.',
	},
	{
		displayName: 'Carrier or Aggregator',
		name: 'source',
		type: 'options',
		options: SOURCE_OPTIONS,
		default: 'auto',
		description: `Auto-detect picks the carrier's own API (${CARRIER_OPTIONS.map((o) => o.name).join(', ')}) from the number`,
		displayOptions: notDetect,
	},
	{
		displayName: "Aggregator's Carrier Code",
		name: 'aggregatorCarrier',
		type: 'string',
		default: '',
		placeholder: 'ups',
		description: "The aggregator's code for the carrier (AfterShip slug, EasyPost or Shippo carrier, 17TRACK carrier number). Empty: the aggregator detects it where it can.",
		displayOptions: { show: { source: AGGREGATORS, operation: LOOKUPS } },
	},
	{
		displayName: 'Aggregator Tracking ID',
		name: 'providerTrackingId',
		type: 'string',
		default: '',
		description: "The aggregator's own ID of the tracking (returned by Start Watching); used instead of the number when set",
		displayOptions: { show: { source: AGGREGATORS, operation: ['track', 'unwatch'] } },
	},
	{
		displayName: 'Order and Customer',
		name: 'metadata',
		type: 'json',
		default: '={{ { order: $json.order, customer: $json.customer } }}',
		description:
			'Kept with the watched shipment and emitted with each change it has (so Customer Notify knows whom to tell). AfterShip stores the customer with the tracking.',
		displayOptions: { show: { operation: ['watch'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: ['watch', 'unwatch'] } },
		options: [storePathOption],
	},
];
