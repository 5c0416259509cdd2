import type { INodeProperties } from 'n8n-workflow';
import { storePathOption } from '../shared/storeOption';

export const OPERATION_OPTIONS = [
	{ name: 'Check Order Preparation', value: 'checkPreparation', action: 'Check whether orders ship in time', description: 'Orders not fulfilled within the promised handling time become preparation_delayed' },
	{ name: 'Classify Events', value: 'classify', action: 'Classify shipment events', description: 'What each carrier event means for the customer and the merchant' },
	{ name: 'Sweep Silent Shipments', value: 'sweepSilent', action: 'Find shipments that went silent', description: 'Run from a Schedule Trigger: open shipments without a carrier scan for too long become stalled, each told once' },
];

const classify = { show: { operation: ['classify'] } };
const sweep = { show: { operation: ['sweepSilent'] } };
const preparation = { show: { operation: ['checkPreparation'] } };

const remedyPolicy: INodeProperties = {
	displayName: 'Remedy Policy',
	name: 'remedyPolicy',
	type: 'collection',
	placeholder: 'Change the Remedy Policy',
	default: {},
	description: 'What to offer (README "Remedies"). Default: 10% refund for delays of 3+ days, an expedited replacement for lost or damaged orders.',
	options: [
		{ displayName: 'Delay Remedy', name: 'delayKind', type: 'options', options: [{ name: 'Coupon', value: 'coupon' }, { name: 'None', value: 'none' }, { name: 'Refund Percent', value: 'refund_percent' }], default: 'refund_percent' },
		{ displayName: 'Delay Remedy From (Days Late)', name: 'delayDays', type: 'number', typeOptions: { minValue: 1 }, default: 3 },
		{ displayName: 'Delay Remedy Value', name: 'delayValue', type: 'string', default: '10', description: 'The percent, or the coupon amount or code' },
		{ displayName: 'Lost or Damaged Refund Percent', name: 'lossPercent', type: 'number', default: 100 },
		{ displayName: 'Lost or Damaged Remedy', name: 'lossKind', type: 'options', options: [{ name: 'Expedited Replacement', value: 'expedited_replacement' }, { name: 'None', value: 'none' }, { name: 'Refund Percent', value: 'refund_percent' }, { name: 'Reship', value: 'reship' }], default: 'expedited_replacement' },
		{ displayName: 'Minimum Order Value', name: 'minOrderValue', type: 'number', default: 0, description: 'Smaller orders earn no remedy; 0 for no minimum' },
		{ displayName: 'VIP Lifetime Value', name: 'vipLifetimeValue', type: 'number', default: 0, description: 'Customers with at least this lifetime value earn the delay remedy from 1 day late; 0 for none' },
	],
};

export const deliveryClassifierProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: OPERATION_OPTIONS,
		default: 'classify',
	},
	{
		displayName:
			'Items worth telling the customer leave on Notify Customer; items the merchant should look at (lost, damaged, returned, long delays, high priority) also leave on Escalate; the rest on No Action. Each item gains an `assessment`.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Promised Delivery Date',
		name: 'promisedDate',
		type: 'string',
		// The shop's promise beats what the tracking event carries: Order Lookup's order.promise, or
		// an `order.promisedDate` attached at Carrier Tracking → Start Watching (the polling journey).
		default: '={{ $json.order?.promise?.promisedDate ?? $json.order?.promisedDate ?? $json.promisedDelivery ?? "" }}',
		placeholder: '2026-03-14',
		description:
			'The date promised at checkout (YYYY-MM-DD or ISO). Default: the order\'s promise (Order Lookup\'s `order.promise.promisedDate`, or an `order.promisedDate` attached when watching began), else the `promisedDelivery` the tracking event carries. Empty: the event\'s `promisedDelivery` still counts when it has one; without any promise, estimates are compared with the previous estimate.',
		displayOptions: classify,
	},
	{
		displayName: 'Order Value',
		name: 'orderValue',
		type: 'string',
		default: '={{ $json.order?.totalPrice ?? "" }}',
		placeholder: '49.90',
		description: 'For the escalation priority and remedies. Default: `order.totalPrice` from Order Lookup or the Order Event Trigger; empty when unknown.',
		displayOptions: classify,
	},
	{
		displayName: 'Customer Lifetime Value',
		name: 'lifetimeValue',
		type: 'string',
		default: '={{ $json.customer?.lifetimeValue ?? "" }}',
		placeholder: '1250',
		description: 'Same currency as the order value. Default: `customer.lifetimeValue` from Order Lookup; empty when unknown.',
		displayOptions: classify,
	},
	{
		displayName: 'Destination Time Zone',
		name: 'destinationTimeZone',
		type: 'string',
		default: '={{ $json.customer?.timeZone ?? "" }}',
		placeholder: 'America/Chicago',
		description: 'IANA zone calendar dates are read in. Default: `customer.timeZone` (the event\'s, or Order Lookup\'s from the shipping address); empty: the zone of the destination, else as the carrier gives them.',
		displayOptions: classify,
	},
	{ ...remedyPolicy, displayOptions: classify },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: classify,
		options: [
			{ displayName: 'Escalate From Priority', name: 'escalateAtPriority', type: 'number', typeOptions: { minValue: 0, maxValue: 100 }, default: 0, description: 'Also escalate any news at or above this priority (0-100); 0 leaves escalation to the rules' },
			{ displayName: 'Notify on Routine Transit Scans', name: 'notifyInTransit', type: 'boolean', default: false, description: 'Whether every in-transit scan is worth a message (usually noise)' },
			{ displayName: 'Use Shipment History', name: 'useHistory', type: 'boolean', default: true, description: 'Whether to compare each event with the last one stored for its shipment, so older events and repeated statuses trigger nothing' },
			storePathOption,
		],
	},
	{
		displayName: 'Stall Thresholds',
		name: 'thresholds',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Threshold',
		default: {},
		description: 'Business days without a scan before a shipment counts as stalled; defaults: 2 express, 3 domestic, 5 international (README)',
		displayOptions: sweep,
		options: [
			{
				displayName: 'Threshold',
				name: 'threshold',
				values: [
					{ displayName: 'Business Days', name: 'businessDays', type: 'number', typeOptions: { minValue: 1 }, default: 3 },
					{ displayName: 'Carrier', name: 'carrier', type: 'string', default: '', placeholder: 'ups', description: 'Any carrier when empty' },
					{ displayName: 'Scope', name: 'scope', type: 'options', options: [{ name: 'Any', value: '' }, { name: 'Domestic', value: 'domestic' }, { name: 'International', value: 'international' }], default: '' },
					{ displayName: 'Service Words', name: 'service', type: 'string', default: '', placeholder: 'ground', description: 'Words of the service name; any service when empty' },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'sweepOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: sweep,
		options: [
			{ displayName: 'Max Shipments per Sweep', name: 'maxShipments', type: 'number', typeOptions: { minValue: 1 }, default: 1000, description: 'The rest are found by the next sweep' },
			{ displayName: 'No-Scan Exception After (Days)', name: 'noInfoDays', type: 'number', typeOptions: { minValue: 1 }, default: 5, description: 'A label never scanned this long becomes an exception' },
			{ displayName: 'Ship-From Country', name: 'originCountry', type: 'string', default: '', placeholder: 'US', description: 'To tell international shipments' },
			storePathOption,
		],
	},
	{
		displayName: 'Order Created At',
		name: 'createdAt',
		type: 'string',
		default: '={{ $json.order?.createdAt ?? "" }}',
		required: true,
		placeholder: '2026-03-02T10:15:00-05:00',
		description: 'When the order was placed (ISO date-time). Default: `order.createdAt` from Order Lookup or the Order Event Trigger.',
		displayOptions: preparation,
	},
	{
		displayName: 'Fulfilled At',
		name: 'fulfilledAt',
		type: 'string',
		default: '={{ $json.order?.fulfillments?.[0]?.createdAt ?? "" }}',
		description: 'When the order shipped; empty while unfulfilled. Default: the first fulfillment of Order Lookup\'s `order.fulfillments`.',
		displayOptions: preparation,
	},
	{
		displayName: 'Cancelled At',
		name: 'cancelledAt',
		type: 'string',
		default: '={{ $json.order?.cancelledAt ?? "" }}',
		description: 'Cancelled orders are never late. Default: Order Lookup\'s `order.cancelledAt`.',
		displayOptions: preparation,
	},
	{
		displayName: 'Handling Days',
		name: 'handlingDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 2,
		description: 'Business days promised at checkout to ship the order. Order Lookup gives the shop\'s own as `order.promise.handlingDays` when it has one: map that field here as an expression.',
		displayOptions: preparation,
	},
	{ displayName: 'Ship-From Country', name: 'shipFromCountry', type: 'string', default: '', placeholder: 'US', description: "The warehouse's country: its holidays are the ones that count", displayOptions: preparation },
	{ displayName: 'Ship-From Region', name: 'shipFromRegion', type: 'string', default: '', placeholder: 'CA', displayOptions: preparation },
];
