// One node boundary for every action node: on continue-on-fail a failing item leaves exactly as
// { ...input, error: { message, code, hint } } on the node's documented error output and the other
// items go on; without it the node stops with an error that names the item. Each node is run
// through its own execute() with only n8n's context faked (parameters per item, credentials, HTTP).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { CarrierTracking } from '../../../nodes/CarrierTracking/CarrierTracking.node';
import { CustomerNotify } from '../../../nodes/CustomerNotify/CustomerNotify.node';
import { DeliveryClassifier } from '../../../nodes/DeliveryClassifier/DeliveryClassifier.node';
import { OrderLookup } from '../../../nodes/OrderLookup/OrderLookup.node';
import { PreferenceCenter } from '../../../nodes/PreferenceCenter/PreferenceCenter.node';

type Json = Record<string, any>;

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'postpurchase-boundary-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
	items: Json[];
	/** The parameters of item `i`. */
	parameters: (i: number) => Json;
	continueOnFail: boolean;
	credentials?: Record<string, Json>;
	/** n8n's plain request helper: the request's options in, n8n's full response out. */
	http?: (options: Json) => { statusCode: number; body: unknown };
	typeVersion?: number;
}

function run(node: INodeType, { items, parameters, continueOnFail, credentials = {}, http, typeVersion = 1 }: Run): Promise<INodeExecutionData[][]> {
	const ctx = {
		getInputData: () => items.map((json) => ({ json })),
		getNodeParameter: (name: string, i: number, fallback?: unknown) => parameters(i)[name] ?? fallback,
		getCredentials: async (type: string) => {
			if (!credentials[type]) throw new Error(`Credentials not found`);
			return credentials[type];
		},
		getNode: () => ({ name: 'Node', typeVersion }),
		getMode: () => 'trigger',
		continueOnFail: () => continueOnFail,
		helpers: { httpRequest: async (options: Json) => http!(options) },
	} as unknown as IExecuteFunctions;
	return node.execute!.call(ctx) as Promise<INodeExecutionData[][]>;
}

/** The one shape: the input untouched beside an error of exactly three strings. */
function expectErrorItem(out: INodeExecutionData | undefined, input: Json, code: string, message: RegExp): void {
	expect(out).toEqual({ json: { ...input, error: { message: expect.stringMatching(message), code, hint: expect.any(String) } }, pairedItem: { item: expect.any(Number) } });
	expect(Object.keys(out!.json.error as Json).sort()).toEqual(['code', 'hint', 'message']);
}

/** Without continue-on-fail the node stops at the first failing item, and says which. */
async function expectStopsAt(promise: Promise<unknown>, itemIndex: number, message: RegExp): Promise<void> {
	const error = await promise.then(
		() => undefined,
		(thrown: unknown) => thrown as { message: string; context: Json },
	);
	expect(error?.message).toMatch(message);
	expect(error?.context.itemIndex).toBe(itemIndex);
}

const UPS = '1Z999AA10123456784';
const ADA = { name: 'Ada Example', email: 'ada@example.com' };

describe('Carrier Tracking: the one regular output', () => {
	const node = new CarrierTracking();
	const items = [
		{ trackingNumber: 'ORDER-1042', order: { number: '#1042' }, customer: ADA },
		{ trackingNumber: UPS, order: { number: '#1043' }, customer: ADA },
		{ trackingNumber: '', order: { number: '#1044' } },
	];
	const parameters = (i: number) => (i === 0 ? { operation: 'track', source: 'auto', trackingNumber: items[0].trackingNumber } : { operation: 'detect', trackingNumber: items[i].trackingNumber });

	it('a failing item keeps its input beside the error; a detected one keeps order and customer', async () => {
		const [out] = await run(node, { items, parameters, continueOnFail: true });
		expect(out).toHaveLength(3);
		expectErrorItem(out[0], items[0], 'invalid_input', /choose the carrier/);
		expect(JSON.stringify(out[0].json.error)).not.toMatch(/ORDER-1042|ada@example/);
		expect(out[1].json).toMatchObject({ ...items[1], carrier: 'ups', format: 'UPS 1Z' });
		expectErrorItem(out[2], items[2], 'invalid_parameter', /^Tracking Number is empty/);
	});

	it('without continue on fail, the error names the item', async () => {
		await expectStopsAt(run(node, { items: items.slice(1), parameters: (i) => parameters(i + 1), continueOnFail: false }), 1, /^Tracking Number is empty/);
	});
});

describe('Carrier Tracking: a fresh answer replaces what an earlier one said', () => {
	const node = new CarrierTracking();
	const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'carriers', 'ups', name), 'utf8'));
	// An earlier exception event for the shipment, with the order beside it.
	const earlier = { id: 'old', provider: 'aftership', trackingNumber: UPS, carrier: 'ups', status: 'exception', detail: 'address_issue', estimatedDelivery: '2026-03-09', raw: { old: true }, order: { number: '#1043' }, customer: ADA };
	const http = (options: Json) => ({ statusCode: 200, body: fixture(String(options.url).includes('/oauth/') ? 'token.json' : 'delivered.json') });

	it('Track Now: the delivered event keeps the order and customer, not the earlier detail, estimate or payload', async () => {
		const [out] = await run(node, { items: [earlier], parameters: () => ({ operation: 'track', source: 'ups', trackingNumber: UPS }), continueOnFail: false, credentials: { upsApi: { clientId: 'boundary-ups', clientSecret: 's' } }, http });
		expect(out[0].json).toMatchObject({ status: 'delivered', provider: 'ups', order: { number: '#1043' }, customer: ADA });
		expect(out[0].json).not.toHaveProperty('raw');
		expect(out[0].json.detail).not.toBe('address_issue');
		expect(out[0].json.estimatedDelivery).not.toBe('2026-03-09');
	});

	it('Detect: a number that matches nothing leaves no earlier format beside carrier null', async () => {
		const detected = { trackingNumber: UPS, carrier: 'ups', format: 'UPS 1Z', normalized: UPS, checkDigitValid: true, candidates: [], order: { number: '#1043' } };
		const [out] = await run(node, { items: [detected], parameters: () => ({ operation: 'detect', trackingNumber: 'ORDER-1042' }), continueOnFail: false });
		expect(out[0].json).toEqual({ trackingNumber: 'ORDER-1042', carrier: null, reason: 'matches no known carrier format', order: { number: '#1043' } });
	});
});

describe('Order Lookup: Not Found is the error output (an error carries `error` and, for saved workflows, `lookup.error`; a miss `lookup.notFound`)', () => {
	const node = new OrderLookup();
	const items = [{ orderNumber: '#BAD' }, { orderNumber: '' }, { orderNumber: '#1001' }];
	const parameters = (i: number) => ({ sources: ['shopify'], lookUpBy: 'orderNumber', orderNumberValue: items[i].orderNumber });
	const credentials = { shopifyAdminApi: { shopDomain: 'acme', accessToken: 'shpat_test' } };
	// The shop refuses the token for #BAD and knows no other order.
	const http = (options: Json) =>
		JSON.stringify(options.body).includes('#BAD')
			? { statusCode: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } }
			: { statusCode: 200, body: { data: { orders: { nodes: [] } } } };

	it('a refused lookup and an empty number leave with `error`; the unknown order still leaves as not found', async () => {
		const [found, notFound] = await run(node, { items, parameters, continueOnFail: true, credentials, http, typeVersion: 2 });
		expect(found).toEqual([]);
		expect(notFound).toHaveLength(3);
		const lookupOf = (message: RegExp) => ({ lookup: { by: 'orderNumber', sources: ['shopify'], error: expect.stringMatching(message) } });
		expectErrorItem(notFound[0], { ...items[0], ...lookupOf(/^shopify/) }, 'auth', /^shopify/);
		expect(JSON.stringify(notFound[0].json.error)).not.toMatch(/shpat_test|#BAD/);
		expectErrorItem(notFound[1], { ...items[1], ...lookupOf(/^Order Number is empty/) }, 'invalid_parameter', /^Order Number is empty/);
		expect(notFound[2].json).toEqual({ ...items[2], lookup: { notFound: true, by: 'orderNumber', sources: ['shopify'] } });
	});

	it('without continue on fail, the error names the item', async () => {
		await expectStopsAt(run(node, { items: items.slice(1), parameters: (i) => parameters(i + 1), continueOnFail: false, credentials, http, typeVersion: 2 }), 0, /^Order Number is empty/);
		await expectStopsAt(run(node, { items: [items[2], items[0]], parameters: (i) => parameters(i === 0 ? 2 : 0), continueOnFail: false, credentials, http, typeVersion: 2 }), 1, /^shopify/);
	});
});

describe('Delivery Classifier: No Action is the error output, for every operation', () => {
	const node = new DeliveryClassifier();
	const event = { id: 'ups:1', provider: 'ups', trackingNumber: UPS, carrier: 'ups', status: 'in_transit', occurredAt: '2026-11-17T10:00:00Z', order: { number: '#1043' } };

	it('Classify Events: an item that is no event leaves on No Action with its input; the event is classified', async () => {
		const items = [{ order: { number: '#1042' } }, event];
		const routes = await run(node, { items, parameters: () => ({ operation: 'classify', options: { useHistory: false } }), continueOnFail: true });
		const all = routes.flat();
		expect(all.filter((out) => 'error' in out.json)).toHaveLength(1);
		expectErrorItem(routes[2].find((out) => 'error' in out.json), items[0], 'invalid_event', /is not a shipment event/);
		expect(all.find((out) => !('error' in out.json))?.json).toMatchObject({ ...event, assessment: expect.any(Object) });
	});

	it('Check Order Preparation: an order without its creation time leaves on No Action with its input', async () => {
		const items = [{ order: { number: '#1042' } }, { order: { number: '#1043' } }];
		const parameters = (i: number) => ({ operation: 'checkPreparation', createdAt: i === 0 ? '' : '2026-11-16T10:00:00Z', fulfilledAt: i === 0 ? '' : '2026-11-16T12:00:00Z' });
		const routes = await run(node, { items, parameters, continueOnFail: true });
		expectErrorItem(routes[2][0], items[0], 'invalid_input', /^Order Created At is empty/);
		expect(routes[2][1].json).toMatchObject({ ...items[1], assessment: { notify: false, escalate: false } });
		await expectStopsAt(run(node, { items, parameters, continueOnFail: false }), 0, /^Order Created At is empty/);
	});

	it('Sweep Silent Shipments: a store that cannot open leaves the run’s item on No Action', async () => {
		const file = join(dir, 'not-a-folder');
		writeFileSync(file, '');
		const items = [{ timestamp: '2026-11-17T10:00:00Z' }];
		const parameters = () => ({ operation: 'sweepStalled', sweepOptions: { storePath: join(file, 'store.sqlite') } });
		const routes = await run(node, { items, parameters, continueOnFail: true });
		expect(routes[0]).toEqual([]);
		expectErrorItem(routes[2][0], items[0], 'invalid_input', /./);
		await expectStopsAt(run(node, { items, parameters, continueOnFail: false }), 0, /./);
	});
});

describe('Preference Center: the one regular output', () => {
	const node = new PreferenceCenter();
	const credentials = { postPurchasePreferencesApi: { pageUrl: 'https://shop.example/preferences', signingSecret: 's'.repeat(32) } };
	const items = [{ order: { number: '#1042' } }, { order: { number: '#1043' }, customer: ADA }];
	const parameters = (i: number) => ({ operation: 'createLink', orderKey: i === 0 ? 'shopify:' : 'shopify:1043', validForDays: 30 });

	it('an item that names no order leaves with its input and the error; the other gets its link', async () => {
		const [out] = await run(node, { items, parameters, continueOnFail: true, credentials });
		expectErrorItem(out[0], items[0], 'invalid_parameter', /names no order/);
		expect(out[1].json).toMatchObject({ ...items[1], preferences: { url: expect.stringMatching(/^https:\/\/shop\.example\/preferences/) } });
		await expectStopsAt(run(node, { items, parameters, continueOnFail: false, credentials }), 0, /names no order/);
	});
});

describe('Customer Notify: Failed is the error output', () => {
	const node = new CustomerNotify();
	const shipped = { trackingNumber: UPS, carrier: 'ups', assessment: { trigger: 'shipped' }, customer: { email: 'ada@example.com' }, order: { number: '#1043' } };
	const items = [{ trackingNumber: UPS, order: { number: '#1042' } }, shipped];
	const parameters = () => ({ mode: 'preview', channels: ['email'], preference: 'email', recipientEmail: 'ada@example.com', settings: { storePath: join(dir, 'notify.sqlite') } });

	it('an item with no journey trigger leaves on Failed with its input and the error; the other is decided', async () => {
		const [sent, deferred, suppressed, failed] = await run(node, { items, parameters, continueOnFail: true, typeVersion: 2 });
		expect(failed).toHaveLength(1);
		expectErrorItem(failed[0], items[0], 'invalid_input', /no journey trigger/);
		expect([...deferred, ...suppressed]).toEqual([]);
		expect(sent.map((out) => out.json)).toEqual([{ ...shipped, notification: expect.objectContaining({ status: 'sent', channel: 'email', dryRun: true }) }]);
		await expectStopsAt(run(node, { items, parameters, continueOnFail: false }), 0, /no journey trigger/);
	});

	it('a saved version 1 node keeps the `notification` its Failed items had before, beside `error`', async () => {
		const resumed = { ...items[0], notification: { status: 'deferred', channel: 'email' } };
		const [, , , failed] = await run(node, { items: [resumed], parameters, continueOnFail: true, typeVersion: 1 });
		expect(failed.map((out) => out.json)).toEqual([
			{ ...items[0], notification: { status: 'failed', reason: expect.stringMatching(/no journey trigger/) }, error: expect.objectContaining({ code: 'invalid_input' }) },
		]);
	});

	// One knob: a refused send is an outcome, so from version 2 it always leaves on Failed (as a
	// decision under `notification`); a saved version 1 node set to Stop Workflow still stops.
	const refused = { ...shipped, trackingNumber: '1Z999AA10123456792', customer: { phone: '12' } };
	const stopping = (i: number) => ({ ...parameters(), channels: ['sms'], preference: 'sms', recipientPhone: i === 0 ? '12' : '+13125550142', quietHours: { enabled: false }, onSendFailure: 'stop' });

	it('version 2: a refused send leaves on Failed whatever a stale On Send Failure says', async () => {
		const outputs = await run(node, { items: [refused], parameters: stopping, continueOnFail: false, typeVersion: 2 });
		expect(outputs[3].map((out) => out.json.notification)).toEqual([expect.objectContaining({ status: 'failed', reasonCode: 'invalid_phone' })]);
	});

	it('a saved version 1 node on Stop Workflow still stops at the refused item', async () => {
		await expectStopsAt(run(node, { items: [{ ...refused, trackingNumber: '1Z999AA10123456801' }, refused], parameters: (i) => stopping(1 - i), continueOnFail: false, typeVersion: 1 }), 1, /phone/i);
	});
});
