// The four tracking nodes as a user meets them fresh on the canvas: subtitles in words whatever
// the stored shape, a named credential picker per provider shown only when it is needed, trigger
// panels that say what to paste where, a Tracking Number default that finds the number in what
// the upstream nodes emit. Expressions and display rules are n8n-workflow's own, as the editor's.
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	NodeHelpers,
	Workflow,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IExecuteFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import { CarrierPollTrigger } from '../../../nodes/CarrierPollTrigger/CarrierPollTrigger.node';
import { CarrierTracking } from '../../../nodes/CarrierTracking/CarrierTracking.node';
import { TRACKING_NUMBER_DEFAULT } from '../../../nodes/CarrierTracking/CarrierTracking.properties';
import { OrderEventTrigger } from '../../../nodes/OrderEventTrigger/OrderEventTrigger.node';
import { ShipmentTrackingTrigger } from '../../../nodes/ShipmentTrackingTrigger/ShipmentTrackingTrigger.node';

type Json = Record<string, any>;

function workflowWith(nodeType: INodeType, parameters: INodeParameters): { workflow: Workflow; node: INode } {
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const node: INode = { id: 'n1', name: 'Node', type: `n8n-nodes-postpurchase.${nodeType.description.name}`, typeVersion: 1, position: [0, 0], parameters };
	return { workflow: new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes }), node };
}

/** The subtitle the canvas shows for a node holding `parameters` (defaults filled in, as in the editor). */
function subtitleOf(nodeType: INodeType, parameters: INodeParameters = {}): unknown {
	const { workflow, node } = workflowWith(nodeType, parameters);
	return workflow.expression.getSimpleParameterValue(workflow.getNode(node.name)!, nodeType.description.subtitle, 'internal', {});
}

/** The credential pickers the panel shows for `parameters`, by their labels. */
function pickersFor(nodeType: INodeType, parameters: INodeParameters): string[] {
	const { description } = nodeType;
	const { node } = workflowWith(nodeType, parameters);
	const values = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description)!;
	return (description.credentials ?? []).filter((c) => NodeHelpers.displayParameter(values, c, node, description)).map((c) => c.displayName!);
}

const poll = new CarrierPollTrigger();
const tracking = new CarrierTracking();
const shipments = new ShipmentTrackingTrigger();
const orders = new OrderEventTrigger();

describe('subtitles in words', () => {
	it.each([
		[{}, 'UPS, FedEx, USPS, DHL'],
		[{ carriers: ['fedex', 'ups'] }, 'FedEx, UPS'],
		[{ carriers: 'dhl' }, 'DHL'],
		[{ carriers: 'usps, dhl' }, 'USPS, DHL'],
		[{ carriers: [] }, 'No carrier chosen'],
	])('Carrier Poll Trigger %j → %s', (parameters, words) => {
		expect(subtitleOf(poll, parameters as INodeParameters)).toBe(words);
	});

	it.each([
		[{}, 'Track now · auto-detect'],
		[{ operation: 'watch' }, 'Start watching · auto-detect'],
		[{ operation: 'track', source: 'fedex' }, 'Track now · FedEx'],
		[{ operation: 'unwatch', source: 'seventeentrack' }, 'Stop watching · 17TRACK'],
		[{ operation: 'detect' }, 'Detect carrier'],
		[{ operation: ['watch'], source: ['aftership'] }, 'Start watching · AfterShip'],
	])('Carrier Tracking %j → %s', (parameters, words) => {
		expect(subtitleOf(tracking, parameters as INodeParameters)).toBe(words);
	});

	it.each([
		[shipments, {}, 'AfterShip'],
		[shipments, { provider: 'easypost' }, 'EasyPost'],
		[shipments, { provider: 'seventeentrack' }, '17TRACK'],
		[shipments, { provider: ['shippo'] }, 'Shippo'],
		[orders, {}, 'Shopify'],
		[orders, { platform: 'woocommerce' }, 'WooCommerce'],
	])('%#: the trigger names its provider', (nodeType, parameters, words) => {
		expect(subtitleOf(nodeType, parameters as INodeParameters)).toBe(words);
	});
});

describe('credential pickers: named, and shown only where needed', () => {
	it('every credential entry of the four nodes names its provider', () => {
		for (const nodeType of [poll, tracking, shipments, orders]) {
			const labels = (nodeType.description.credentials ?? []).map((c) => c.displayName);
			expect(labels.every((label) => typeof label === 'string' && label !== 'Credential' && label.length > 3)).toBe(true);
			expect(new Set(labels).size).toBe(labels.length);
		}
	});

	it.each([
		[{}, ['UPS API', 'FedEx API', 'USPS API', 'DHL API']],
		[{ carriers: ['fedex', 'dhl'] }, ['FedEx API', 'DHL API']],
		// One string, as the editor wrote it while it hid Carriers.
		[{ carriers: 'usps' }, ['USPS API']],
	])('Carrier Poll Trigger %j shows %j', (parameters, labels) => {
		expect(pickersFor(poll, parameters as INodeParameters)).toEqual(labels);
	});

	it.each([
		[{}, ['UPS API', 'FedEx API', 'USPS API', 'DHL API']],
		[{ operation: 'watch', source: 'auto' }, ['UPS API', 'FedEx API', 'USPS API', 'DHL API']],
		[{ operation: 'track', source: 'fedex' }, ['FedEx API']],
		[{ operation: 'watch', source: 'easypost' }, ['EasyPost Account']],
		[{ operation: 'detect' }, []],
	])('Carrier Tracking %j shows %j', (parameters, labels) => {
		expect(pickersFor(tracking, parameters as INodeParameters)).toEqual(labels);
	});

	it.each([
		[shipments, {}, ['AfterShip Account']],
		[shipments, { provider: 'seventeentrack' }, ['17TRACK Account']],
		[orders, { platform: 'woocommerce' }, ['WooCommerce Store']],
	])('%#: a trigger shows its provider’s credential only', (nodeType, parameters, labels) => {
		expect(pickersFor(nodeType, parameters as INodeParameters)).toEqual(labels);
	});
});

describe('trigger panels say what to paste where', () => {
	const panel = (nodeType: INodeType) => nodeType.description.triggerPanel as Json;

	it.each([
		[shipments, ['Settings → Notifications → Webhooks', 'edd_revise', 'X-Hmac-Signature', 'Track Updated', '?token=', 'Security Key', 'WebHook', 'HTTPS', 'Production URL']],
		[orders, ['Settings → Notifications → Webhooks', 'orders/create', 'fulfillments/update', 'fulfillment_events/create', 'Settings → Advanced → Webhooks', 'Order updated', 'WP REST API Integration v3', 'HTTPS', 'Production URL']],
		[poll, ['Start Watching', 'Fetch Test Event', 'without recording', 'Store File', 'Issues']],
	])('%#: header, help for an inactive and an active workflow, and an activation hint', (nodeType, facts) => {
		const { header, executionsHelp, activationHint } = panel(nodeType);
		expect(header).toEqual(expect.any(String));
		expect(header).not.toMatch(/^Pull in events/);
		expect(activationHint).toEqual(expect.any(String));
		for (const fact of facts) expect([fact, executionsHelp.inactive.includes(fact)]).toEqual([fact, true]);
		expect(executionsHelp.active).toContain('data-key="executions"');
	});

	it.each([
		[shipments, 'provider', 'aftership', 'webhook secret'],
		[shipments, 'provider', 'easypost', 'webhook secret'],
		[shipments, 'provider', 'shippo', '?token='],
		[shipments, 'provider', 'seventeentrack', 'Security Key'],
		[orders, 'platform', 'shopify', 'fulfillment_events/create'],
		[orders, 'platform', 'woocommerce', 'Order updated'],
	])('%#: the %s %s notice shows for that choice alone and says what to set', (nodeType, selector, value, fact) => {
		const { description } = nodeType;
		const { node } = workflowWith(nodeType, { [selector]: value });
		const values = NodeHelpers.getNodeParameters(description.properties, { [selector]: value }, true, false, node, description)!;
		const shown = description.properties.filter((p) => p.name.endsWith('Setup') && NodeHelpers.displayParameter(values, p, node, description));
		expect(shown.map((p) => p.name)).toEqual([`${value}Setup`]);
		expect(shown[0].displayName).toContain(fact);
		expect(shown[0].displayName).toContain('Production URL');
	});
});

describe('Carrier Tracking: the Tracking Number default reads what upstream nodes emit', () => {
	const numberFrom = (json: Json) => {
		const { workflow, node } = workflowWith(tracking, {});
		return workflow.expression.getParameterValue(TRACKING_NUMBER_DEFAULT, null, 0, 0, node.name, [{ json }], 'manual', {});
	};

	it.each([
		['a tracking event or classifier item', { trackingNumber: '1Z999AA10123456784', carrier: 'ups' }, '1Z999AA10123456784'],
		['an Order Event Trigger item', { trackingNumber: '794600000001', trackingNumbers: ['794600000001', '794600000002'] }, '794600000001'],
		[
			'an Order Lookup item',
			{ order: { number: '#1001', fulfillments: [{ id: 'f0', status: 'cancelled' }, { id: 'f1', status: 'success', trackingNumber: '9400100000000000000000' }] } },
			'9400100000000000000000',
		],
		['an n8n Webhook node', { body: { trackingNumber: 'JD014600006281230701' } }, 'JD014600006281230701'],
		['an item without a number', { order: { number: '#1002', fulfillments: [] } }, ''],
	])('%s', (_what, json, expected) => {
		expect(numberFrom(json)).toBe(expected);
	});
});

describe('multi-select values as a string or a list', () => {
	let dir: string;
	beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tracking-nodes-'))));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	/** A poll context with no credentials at all: every carrier chosen reports itself unconfigured. */
	function pollContext(carriers: unknown): IPollFunctions {
		const parameters: Json = { carriers, options: { storePath: join(dir, 'store.sqlite') } };
		return {
			getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
			getCredentials: async () => {
				throw new Error('Node "Carrier Updates" does not have any credentials set');
			},
			getNode: () => ({ name: 'Carrier Updates' }),
			getMode: () => 'manual',
		} as unknown as IPollFunctions;
	}

	it.each([
		['a list', ['fedex', 'dhl']],
	])('the Carrier Poll Trigger polls the carriers given as %s', async (_shape, carriers) => {
		const output = await poll.poll.call(pollContext(carriers));
		const [changes, issues] = output!;
		expect(changes).toEqual([]);
		expect(issues.map((item) => [item.json.kind, item.json.carrier])).toEqual([
			['carrier_not_configured', 'fedex'],
			['carrier_not_configured', 'dhl'],
		]);
		expect(issues[0].json.message).toContain('No FedEx credential: choose or create one in the node\'s "FedEx API" picker');
	});

	it('names an unknown carrier and the choices', async () => {
		await expect(poll.poll.call(pollContext(['ups', 'canada_post']))).rejects.toThrow('Carriers has "canada_post": choose from UPS, FedEx, USPS, DHL.');
	});

	it('takes one string as one carrier, as n8n shows its credential picker: a comma list is not split', async () => {
		const [, issues] = (await poll.poll.call(pollContext('dhl')))!;
		expect(issues.map((item) => [item.json.kind, item.json.carrier])).toEqual([['carrier_not_configured', 'dhl']]);
		await expect(poll.poll.call(pollContext('fedex, dhl'))).rejects.toThrow('Carriers has "fedex, dhl": choose from UPS, FedEx, USPS, DHL.');
	});

	it('the Shipment Tracking Trigger reads a Provider stored in a list', async () => {
		const secret = 'whsec_tracking_nodes_1';
		const body = Buffer.from(JSON.stringify({ object: 'Event', description: 'batch.created', id: 'evt_1', result: {} }));
		const signature = `hmac-sha256-hex=${createHmac('sha256', secret).update(body).digest('hex')}`;
		const asked: string[] = [];
		const answered: Array<{ status: number; body: unknown }> = [];
		const parameters: Json = { provider: ['easypost'], options: { storePath: join(dir, 'store.sqlite') } };
		const ctx = {
			getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
			getCredentials: async (type: string) => (asked.push(type), { webhookSecret: secret }),
			getRequestObject: () => ({ rawBody: body }),
			getHeaderData: () => ({ 'x-hmac-signature': signature }),
			getQueryData: () => ({}),
			getResponseObject: () => {
				const answer = { status: 0, body: undefined as unknown };
				answered.push(answer);
				const res = { status: (code: number) => ((answer.status = code), res), json: (value: unknown) => ((answer.body = value), res) };
				return res;
			},
			logger: { warn: jest.fn(), error: jest.fn() },
		} as unknown as IWebhookFunctions;
		const result = await shipments.webhook.call(ctx);
		expect(asked).toEqual(['easyPostApi']);
		// A signed EasyPost event that is not a tracker is acknowledged, and nothing runs.
		expect(result).toEqual({ noWebhookResponse: true });
		expect(answered).toEqual([{ status: 200, body: { received: 0, new: 0, duplicates: 0 } }]);
	});
});

describe('a missing credential names the picker to fill', () => {
	/** n8n-core's own words for a credential that is not set: required, optional, not shown. */
	it.each([
		['aftership', 'Node does not have any credentials set for "afterShipApi"', 'AfterShip Account'],
		['fedex', 'Node does not require credentials', 'FedEx API'],
		['ups', 'Credentials not found', 'UPS API'],
	])('Track Now through %s', async (source, n8nSays, picker) => {
		const parameters: Json = { operation: 'track', source, trackingNumber: '1Z999AA10123456784' };
		const ctx = {
			getInputData: () => [{ json: {} }],
			getNodeParameter: (name: string, _item: number, fallback?: unknown) => parameters[name] ?? fallback,
			getCredentials: async () => {
				throw new Error(n8nSays);
			},
			getNode: () => ({ name: 'Carrier Tracking' }),
			continueOnFail: () => false,
		} as unknown as IExecuteFunctions;
		await expect(tracking.execute.call(ctx)).rejects.toThrow(`in the node's "${picker}" picker`);
		expect(tracking.description.credentials!.map((c) => c.displayName)).toContain(picker);
	});
});
