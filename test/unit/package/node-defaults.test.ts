import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeHelpers, Workflow, type IDataObject, type INode, type INodeType, type INodeTypes } from 'n8n-workflow';
import { classify } from '../../../lib/classifier';
import { normalize } from '../../../lib/normalize';
import { shopifySource } from '../../../lib/orders/shopify';
import { withOrderContext } from '../../../lib/orders/toItem';
import { shopifyOrders } from '../../../lib/orders/webhooks';
import { orderEventToItem } from '../../../lib/orders/webhooks/toItem';
import type { OrderContext } from '../../../lib/orders/model';
import { sweepToItems } from '../../../lib/tracking/pollItems';
import { CustomerNotify } from '../../../nodes/CustomerNotify/CustomerNotify.node';
import { DeliveryClassifier } from '../../../nodes/DeliveryClassifier/DeliveryClassifier.node';
import { OrderLookup } from '../../../nodes/OrderLookup/OrderLookup.node';
import { PreferenceCenter } from '../../../nodes/PreferenceCenter/PreferenceCenter.node';
import { fixture, startStandIn } from '../orders/server';

// The default expressions of a fresh node, evaluated by n8n's own expression engine over the items
// the upstream nodes really emit: built by the library code those nodes run, from provider fixtures.

type Json = Record<string, unknown>;
const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const json = (path: string) => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8'));

/** Shipment Tracking Trigger (AfterShip): the normalized event. */
const event = normalize('aftership', json('aftership/delayed.json'))[0] as unknown as Json;

/** Carrier Poll Trigger: the event with what Carrier Tracking → Start Watching attached. */
const polled = sweepToItems({
	changes: [
		{
			event: event as never,
			watched: {
				key: 'ups:x',
				trackingNumber: String(event.trackingNumber),
				carrier: 'ups',
				metadata: { order: { number: '#1042', promisedDate: '2025-03-09' }, customer: { email: 'buyer@example.com' } },
				addedAt: '2025-03-04T00:00:00Z',
				nextCheckAt: '2025-03-07T00:00:00Z',
				lastChangeAt: '2025-03-04T00:00:00Z',
				failures: 0,
			},
		},
	],
	failures: [],
	stopped: [],
	checked: 1,
	cutShort: [],
}).changes[0]!;

/** Order Event Trigger (Shopify orders/create). */
const orderEvent = orderEventToItem(shopifyOrders.normalize('orders/create', json('orders/webhooks/shopify/order.json'))[0]!);

/** Delivery Classifier's Notify Customer output: the event with its assessment. */
const classified = { ...event, assessment: classify(event as never, {}) as unknown as Json };

/** Order Lookup (Shopify, through a stand-in of the Admin API answering the fixture). */
let context: OrderContext;
let looked: Json;
beforeAll(async () => {
	const api = await startStandIn(() => ({ body: fixture('shopify-order') }));
	try {
		context = (await shopifySource.getOrder({ id: '5550001001' }, api.ctx({ shopDomain: api.url, accessToken: 'shpat_test' })))!;
	} finally {
		await api.close();
	}
	looked = withOrderContext(event, context);
});

/** The version the nodes panel gives a fresh node: `defaultVersion`, else the highest. */
const freshVersion = ({ description }: INodeType) => description.defaultVersion ?? Math.max(...[description.version].flat());

/** A parameter of a `type` node (its default unless `parameters` say otherwise), for one input item; a fresh node's version unless told. */
function resolve(type: INodeType, name: string, item: Json, parameters: IDataObject = {}, typeVersion = freshVersion(type)): unknown {
	const description = type.description;
	const node: INode = { id: 'n', name: 'Fresh', type: `n8n-nodes-postpurchase.${description.name}`, typeVersion, position: [0, 0], parameters };
	const nodeTypes: INodeTypes = { getByName: () => type, getByNameAndVersion: () => type, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const value = workflow.getNode('Fresh')!.parameters[name];
	return workflow.expression.getParameterValue(value as string, null, 0, 0, 'Fresh', [{ json: item as IDataObject }], 'manual', {});
}

const NODES: Array<[string, INodeType]> = [
	['Customer Notify', new CustomerNotify()],
	['Order Lookup', new OrderLookup()],
	['Delivery Classifier', new DeliveryClassifier()],
	['Preference Center', new PreferenceCenter()],
];

/** A version and parameters under which `name` is shown: the defaults, else one choice of one selector. */
function showing(type: INodeType, name: string): { parameters: IDataObject; version: number } | undefined {
	const { description } = type;
	const property = description.properties.find((p) => p.name === name)!;
	const choices = description.properties.flatMap((p) => (p.type === 'options' ? (p.options ?? []).map((o) => ({ [p.name]: (o as { value: string }).value })) : []));
	for (const version of [description.version].flat()) {
		const node = { typeVersion: version } as INode;
		const parameters = [{}, ...choices].find((parameters) => {
			const values = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
			return NodeHelpers.displayParameter(values, property, node, description);
		});
		if (parameters) return { parameters, version };
	}
	return undefined;
}

/**
 * The same expression as plain JavaScript over `$json`: n8n's engine turns some TypeErrors (reading a
 * field of undefined) into an empty value, which would hide a default that reads the wrong shape.
 */
function strictly(expression: string, item: Json): unknown {
	const body = /^=\{\{([\s\S]*)\}\}$/.exec(expression)?.[1];
	if (body === undefined || /\$(?!json\b)\w+/.test(body)) throw new Error(`not a plain $json expression: ${expression}`);
	return new Function('$json', `return (${body});`)(item);
}

describe('every default expression', () => {
	const upstream = Object.entries({ event: () => event, polled: () => polled, orderEvent: () => orderEvent, classified: () => classified, looked: () => looked, empty: () => ({}) });

	it.each(NODES)('of %s evaluates over each upstream item without an error', (_name, type) => {
		const expressions = type.description.properties.filter((p) => typeof p.default === 'string' && p.default.startsWith('='));
		expect(expressions.length).toBeGreaterThan(0);
		for (const { name } of expressions) {
			const shown = showing(type, name);
			expect([name, shown !== undefined]).toEqual([name, true]);
			for (const [label, item] of upstream) {
				let error: unknown;
				try {
					resolve(type, name, item(), shown!.parameters, shown!.version);
					strictly(type.description.properties.find((p) => p.name === name)!.default as string, item());
				} catch (caught) {
					error = (caught as Error).message;
				}
				expect([name, label, error]).toEqual([name, label, undefined]);
			}
		}
	});
});

describe('Delivery Classifier', () => {
	const classifier = new DeliveryClassifier();

	it('promises what the event promises when there is no order', () => {
		expect(event.promisedDelivery).toBe('2025-03-07');
		expect(resolve(classifier, 'promisedDate', event)).toBe('2025-03-07');
	});

	it("takes the order's promise from Order Lookup over the event's", () => {
		expect(resolve(classifier, 'promisedDate', looked)).toBe('2026-11-08T23:59:59Z');
	});

	it('takes the promise attached when watching began, in the polling journey', () => {
		expect(resolve(classifier, 'promisedDate', polled)).toBe('2025-03-09');
	});

	it('reads the order value, lifetime value and time zone Order Lookup adds', () => {
		expect(resolve(classifier, 'orderValue', looked)).toBe('129.90');
		expect(resolve(classifier, 'lifetimeValue', looked)).toBe(context.customer.lifetimeValue ?? '');
		expect(resolve(classifier, 'destinationTimeZone', looked)).toBe('America/Los_Angeles');
		expect(resolve(classifier, 'orderValue', event)).toBe('');
	});

	it("reads an order's creation and first fulfilment for Check Order Preparation", () => {
		const parameters = { operation: 'checkPreparation' };
		expect(resolve(classifier, 'createdAt', looked, parameters)).toBe('2026-11-02T14:05:11Z');
		expect(resolve(classifier, 'fulfilledAt', looked, parameters)).toBe('2026-11-03T09:00:00Z');
		expect(resolve(classifier, 'cancelledAt', looked, parameters)).toBe('');
		expect(resolve(classifier, 'createdAt', orderEvent, parameters)).toBe('2025-03-08T10:15:00-05:00');
	});
});

describe('Order Lookup', () => {
	const lookup = new OrderLookup();
	const by = (choice: string, item: Json) => resolve(lookup, `${choice}Value`, item, { lookUpBy: choice });

	it("reads the tracking event's number, order number, order ID and email", () => {
		expect(by('trackingNumber', event)).toBe(event.trackingNumber);
		expect(by('orderNumber', event)).toBe('1042');
		expect(by('orderId', event)).toBe('gid-4410');
		expect(by('email', event)).toBe((event.customer as Json).email);
	});

	it("reads the Order Event Trigger's order", () => {
		expect(by('orderNumber', orderEvent)).toBe(orderEvent.orderNumber);
		expect(by('orderId', orderEvent)).toBe('5512345678901');
		expect(by('trackingNumber', orderEvent)).toBeUndefined();
	});

	it('reads the order attached at Start Watching in the polling journey', () => {
		const { orderNumber: _n, orderId: _i, ...withoutEventOrder } = polled;
		expect(by('orderNumber', withoutEventOrder)).toBe('#1042');
		expect(by('email', polled)).toBe('buyer@example.com');
	});

	it('defaults to the tracking number, and a switch of Look Up By brings that choice\'s default', () => {
		expect(resolve(lookup, 'trackingNumberValue', event)).toBe(event.trackingNumber);
		// The editor keeps only what differs from a default; the other choice's field starts at its own.
		const switched = NodeHelpers.getNodeParameters(lookup.description.properties, { lookUpBy: 'email' }, true, false, { typeVersion: 2 } as INode, lookup.description)!;
		expect(switched).toEqual(expect.objectContaining({ lookUpBy: 'email', emailValue: '={{ $json.customer?.email }}' }));
		expect(switched).not.toHaveProperty('trackingNumberValue');
		expect(switched).not.toHaveProperty('value');
	});

	it('gives a fresh node version 2; a saved version 1 node keeps its single Value, defaulting to the tracking number', () => {
		expect(freshVersion(lookup)).toBe(2);
		expect(resolve(lookup, 'value', event, {}, 1)).toBe(event.trackingNumber);
		expect(resolve(lookup, 'value', event, { lookUpBy: 'orderNumber', value: '={{ $json.orderNumber }}' }, 1)).toBe('1042');
		const v1 = NodeHelpers.getNodeParameters(lookup.description.properties, { lookUpBy: 'email' }, true, false, { typeVersion: 1 } as INode, lookup.description)!;
		expect(Object.keys(v1).filter((name) => /value$/i.test(name))).toEqual(['value']);
		expect(resolve(lookup, 'value', event, {}, 2)).toBeUndefined();
	});
});

describe('Customer Notify', () => {
	const notify = new CustomerNotify();

	it("reads the customer Order Lookup merged in, and the event's own", () => {
		expect(resolve(notify, 'recipientEmail', looked)).toBe(context.customer.email);
		expect(resolve(notify, 'recipientPhone', looked)).toBe(context.customer.phone);
		expect(resolve(notify, 'timeZone', looked)).toBe('America/Los_Angeles');
		expect(resolve(notify, 'recipientEmail', classified)).toBe((event.customer as Json).email);
		expect(resolve(notify, 'recipientEmail', orderEvent)).toBe('lena.muster@example.com');
	});

	it('has both channels on a fresh node', () => {
		expect(resolve(notify, 'channels', {})).toEqual(['email', 'sms']);
	});
});

describe('Preference Center', () => {
	const center = new PreferenceCenter();

	it("keys the Order Event Trigger's order by its source and ID, as Customer Notify looks the choice up", () => {
		expect(resolve(center, 'orderKey', orderEvent)).toBe('shopify:5512345678901');
	});

	it('keys a tracking event by its order ID, and gives nothing when the item names no order', () => {
		expect(resolve(center, 'orderKey', event)).toBe('shop:gid-4410');
		expect(resolve(center, 'orderKey', { trackingNumber: '1Z' })).toBe('');
	});
});
