// Customer Notify, Order Lookup, Delivery Classifier and Preference Center as a user meets them
// dragged fresh onto the canvas: no parameters but the minimum (n8n fills in the defaults), or a
// string where an older editor wrote one value into a multi-select. Run in-process by n8n-core
// (scripts/inprocess.js) against local stand-ins of Shopify, SMTP and Twilio. Needs `npm run build`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { normalize } from '../../lib/normalize';
import { shopifyOrders } from '../../lib/orders/webhooks';
import { orderEventToItem } from '../../lib/orders/webhooks/toItem';
import { verifyPreferenceLink } from '../../lib/preferences/link';
import { startSmtpOutbox, type SmtpOutbox } from '../../scripts/standins/smtp-outbox';
import { startTwilioStandin, type TwilioStandin } from '../../scripts/standins/twilio';
import { channelCredentials } from '../../scripts/standins/credentials';
import { fixture, startStandIn, type Recorded, type Reply, type StandIn } from '../unit/orders/server';

type Json = Record<string, any>;
interface RunResult {
	status: 'success' | 'error' | 'waiting' | 'canceled';
	outputsOf(nodeName: string): Json[][];
	error?: { message: string; node?: string };
}
interface Runtime {
	run(workflow: unknown, opts: { startNode: string; items: Json[]; now?: Date }): Promise<RunResult>;
}
const { createRuntime } = require('../../scripts/inprocess') as {
	createRuntime(opts: { packageDirs?: string[]; baseNodes?: string[]; credentials?: Record<string, object> }): Promise<Runtime>;
};

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
const TWILIO = { accountSid: 'AC00000000000000000000000000000003', authToken: 'fresh-nodes-token' };
const SECRET = 'fresh-nodes-signing-secret';
const TRACKING = '1Z999AA10123456784';

jest.setTimeout(60_000);

let runtime: Runtime;
let shopify: StandIn;
let shopifyReply: (req: Recorded) => Reply;
let smtp: SmtpOutbox;
let twilio: TwilioStandin;
let tmp: string;

beforeAll(async () => {
	if (!fs.existsSync(path.join(root, 'dist/nodes/OrderLookup/OrderLookup.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` before the workflow tests (npm test does)');
	}
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postpurchase-fresh-'));
	shopify = await startStandIn((req) => shopifyReply(req));
	smtp = await startSmtpOutbox({ dir: tmp });
	twilio = await startTwilioStandin({ dir: tmp, ...TWILIO });
	runtime = await createRuntime({
		packageDirs: [root],
		baseNodes: ['noOp'],
		credentials: {
			shopifyAdminApi: { shopDomain: shopify.url, accessToken: 'shpat_fresh', apiVersion: '2026-07' },
			...channelCredentials({ smtp, twilio, twilioAccount: TWILIO }),
			postPurchasePreferencesApi: { pageUrl: 'https://shop.example/preferences', signingSecret: SECRET },
		},
	});
});

afterAll(async () => {
	await shopify.close();
	await smtp.close();
	await twilio.close();
	fs.rmSync(tmp, { recursive: true, force: true });
});

/** Shopify's Admin API: the tracking scan finds the fixture's order, which is then read by id. */
beforeEach(() => {
	const order = fixture('shopify-order');
	shopifyReply = (req) =>
		req.body.query.includes('TrackingScan')
			? { body: { data: { orders: { nodes: [{ id: order.data.order.id, fulfillments: [{ trackingInfo: [{ number: TRACKING }] }] }], pageInfo: { hasNextPage: false, endCursor: null } } } } }
			: { body: order };
});

let stores = 0;
const storeFile = () => path.join(tmp, `store-${++stores}.sqlite`);

/** The version the nodes panel gives a fresh `type` node (`defaultVersion`, else the highest), from the built package. */
function panelVersion(type: string): number {
	for (const file of pkg.n8n.nodes) {
		for (const NodeClass of Object.values(require(path.join(root, file))) as Array<new () => { description: Json }>) {
			const { description } = new NodeClass();
			if (description.name === type) return description.defaultVersion ?? Math.max(...[description.version].flat());
		}
	}
	throw new Error(`package.json lists no node ${type}`);
}

/** Start → one fresh node named Fresh (or a saved one of `typeVersion`), with only `parameters` set and the credentials picked. */
function freshWorkflow(type: string, parameters: Json, credentials: string[] = [], typeVersion = panelVersion(type)): Json {
	const picked = Object.fromEntries(credentials.map((name) => [name, { id: `fresh-${name}`, name }]));
	return {
		name: `Fresh ${type}`,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'fresh', name: 'Fresh', type: `n8n-nodes-postpurchase.${type}`, typeVersion, position: [220, 0], parameters, credentials: picked },
		],
		connections: { Start: { main: [[{ node: 'Fresh', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** An AfterShip "delayed" update for one customer, as the Shipment Tracking Trigger emits it. */
function trackingEvent(customer: Json): Json {
	const payload = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/aftership/delayed.json'), 'utf8'));
	payload.msg.tracking_number = TRACKING;
	payload.msg.customers = [{ role: 'buyer', name: 'Ada Example', email: customer.email ?? null, phone_number: customer.phone ?? null, language: 'en' }];
	return normalize('aftership', payload)[0] as unknown as Json;
}

const ADA = { email: 'ada@example.com', phone: '+13125550142' };
const DAYTIME = new Date('2026-03-10T15:00:00Z');

describe('Order Lookup, fresh', () => {
	it('finds the order behind a tracking event with nothing set but the credential', async () => {
		const result = await runtime.run(freshWorkflow('orderLookup', {}, ['shopifyAdminApi']), { startNode: 'Start', items: [trackingEvent(ADA)] });
		expect(result.error).toBeUndefined();
		const [found, notFound] = result.outputsOf('Fresh');
		expect(notFound).toEqual([]);
		expect(found![0]!.order).toMatchObject({ number: '#1001', promise: { promisedDate: '2026-11-08T23:59:59Z' } });
		expect(found![0]!.trackingNumber).toBe(TRACKING);
	});

	it('takes Sources as a string, as an older editor saved it', async () => {
		const result = await runtime.run(freshWorkflow('orderLookup', { sources: 'shopify' }, ['shopifyAdminApi']), { startNode: 'Start', items: [trackingEvent(ADA)] });
		expect(result.error).toBeUndefined();
		expect(result.outputsOf('Fresh')[0]![0]!.order.number).toBe('#1001');
	});

	it('says HubSpot alone looks up by email only', async () => {
		const result = await runtime.run(freshWorkflow('orderLookup', { sources: 'hubspot' }, ['hubSpotCrmApi']), { startNode: 'Start', items: [trackingEvent(ADA)] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Sources has no order system: add Shopify or WooCommerce, or set Look Up By to Customer Email/);
	});

	it('names the field when the item has no tracking number', async () => {
		const result = await runtime.run(freshWorkflow('orderLookup', {}, ['shopifyAdminApi']), { startNode: 'Start', items: [{ orderNumber: '1001' }] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Tracking Number is empty/);
	});

	it('looks up by the field for its Look Up By choice (version 2)', async () => {
		const asked = shopify.requests.length;
		const parameters = { lookUpBy: 'orderId', orderIdValue: '={{ $json.ref }}' };
		const result = await runtime.run(freshWorkflow('orderLookup', parameters, ['shopifyAdminApi']), { startNode: 'Start', items: [{ ref: '5550001001' }] });
		expect(result.error).toBeUndefined();
		expect(result.outputsOf('Fresh')[0]![0]!.order.number).toBe('#1001');
		expect(shopify.requests.slice(asked).map((r) => r.body.variables)).toEqual([{ id: 'gid://shopify/Order/5550001001' }]);
	});
});

describe('Order Lookup, saved as version 1 (one Value for every Look Up By)', () => {
	it('reads the tracking number by default, as version 1 did', async () => {
		const result = await runtime.run(freshWorkflow('orderLookup', {}, ['shopifyAdminApi'], 1), { startNode: 'Start', items: [trackingEvent(ADA)] });
		expect(result.error).toBeUndefined();
		expect(result.outputsOf('Fresh')[0]![0]!.order.number).toBe('#1001');
	});

	it('looks up by the saved Value, whatever Look Up By is', async () => {
		const asked = shopify.requests.length;
		const parameters = { lookUpBy: 'orderId', value: '={{ $json.ref }}' };
		const result = await runtime.run(freshWorkflow('orderLookup', parameters, ['shopifyAdminApi'], 1), { startNode: 'Start', items: [{ ref: '5550001001' }] });
		expect(result.error).toBeUndefined();
		expect(result.outputsOf('Fresh')[0]![0]!.order.number).toBe('#1001');
		expect(shopify.requests.slice(asked).map((r) => r.body.variables)).toEqual([{ id: 'gid://shopify/Order/5550001001' }]);
	});

	it('names Value when it is empty for the item', async () => {
		const parameters = { lookUpBy: 'orderNumber', value: '={{ $json.missing }}' };
		const result = await runtime.run(freshWorkflow('orderLookup', parameters, ['shopifyAdminApi'], 1), { startNode: 'Start', items: [{ orderNumber: '1001' }] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Value \(the Order Number\) is empty/);
	});
});

describe('Delivery Classifier, fresh', () => {
	it("compares the estimate with the event's own promise", async () => {
		const result = await runtime.run(freshWorkflow('deliveryClassifier', { options: { storePath: storeFile() } }), { startNode: 'Start', items: [trackingEvent(ADA)], now: new Date('2025-03-07T12:00:00Z') });
		expect(result.error).toBeUndefined();
		const [notifyCustomer] = result.outputsOf('Fresh');
		expect(notifyCustomer![0]!.assessment).toMatchObject({ trigger: 'delayed', promisedDate: '2025-03-07' });
	});
});

describe('Customer Notify, fresh', () => {
	const delayed = () => ({ ...trackingEvent(ADA), assessment: { trigger: 'delayed', notify: true, severity: 'warning', reason: 'Running late' } });

	it('asks for the sender first, naming the field (n8n checks the required parameter)', async () => {
		const result = await runtime.run(freshWorkflow('customerNotify', {}, ['postPurchaseSmtp', 'postPurchaseTwilioApi']), { startNode: 'Start', items: [delayed()] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Parameter "Email From" is required/);
	});

	it('previews with no email or SMS account: the credentials are not asked for', async () => {
		const [mails, texts] = [smtp.messages().length, twilio.messages().length];
		const result = await runtime.run(freshWorkflow('customerNotify', { mode: 'preview', emailFrom: 'Acme <orders@acme.example>', smsFrom: '+15005550006', preference: 'both' }), { startNode: 'Start', items: [delayed()], now: DAYTIME });
		expect(result.error).toBeUndefined();
		const [sent] = result.outputsOf('Fresh');
		expect(sent!.map((item) => [item.notification.channel, item.notification.dryRun]).sort()).toEqual([['email', true], ['sms', true]]);
		expect(sent![0]!.notification.message.subject ?? sent![1]!.notification.message.subject).toMatch(/late/i);
		expect([smtp.messages().length, twilio.messages().length]).toEqual([mails, texts]);
	});

	it('names Email From when an expression gives it empty', async () => {
		const result = await runtime.run(freshWorkflow('customerNotify', { emailFrom: '={{ $json.sender }}' }, ['postPurchaseSmtp', 'postPurchaseTwilioApi']), { startNode: 'Start', items: [delayed()] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Email From is empty/);
	});

	it('sends by email and SMS with the senders set: both channels are on by default', async () => {
		const [mails, texts] = [smtp.messages().length, twilio.messages().length];
		const parameters = { emailFrom: 'Acme <orders@acme.example>', smsFrom: '+15005550006', preference: 'both', settings: { storePath: storeFile() } };
		const result = await runtime.run(freshWorkflow('customerNotify', parameters, ['postPurchaseSmtp', 'postPurchaseTwilioApi']), { startNode: 'Start', items: [delayed()], now: DAYTIME });
		expect(result.error).toBeUndefined();
		const [sent] = result.outputsOf('Fresh');
		expect(sent!.map((item) => item.notification.channel).sort()).toEqual(['email', 'sms']);
		expect(smtp.messages()[mails]!.to).toContain(ADA.email);
		expect(twilio.messages()[texts]!.to).toBe(ADA.phone);
	});

	it('takes Channels as the string "sms" and needs no SMTP credential then', async () => {
		const texts = twilio.messages().length;
		const parameters = { channels: 'sms', smsFrom: '+15005550006', preference: 'both', settings: { storePath: storeFile() } };
		const result = await runtime.run(freshWorkflow('customerNotify', parameters, ['postPurchaseTwilioApi']), { startNode: 'Start', items: [delayed()], now: DAYTIME });
		expect(result.error).toBeUndefined();
		expect(result.outputsOf('Fresh')[0]!.map((item) => item.notification.channel)).toEqual(['sms']);
		expect(twilio.messages()).toHaveLength(texts + 1);
	});
});

describe('Preference Center, fresh', () => {
	it("signs a link for the Order Event Trigger's order with nothing set but the credential", async () => {
		const order = orderEventToItem(shopifyOrders.normalize('orders/create', JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/orders/webhooks/shopify/order.json'), 'utf8')))[0]!);
		const result = await runtime.run(freshWorkflow('preferenceCenter', {}, ['postPurchasePreferencesApi']), { startNode: 'Start', items: [order] });
		expect(result.error).toBeUndefined();
		const url = new URL(result.outputsOf('Fresh')[0]![0]!.preferences.url);
		expect(`${url.origin}${url.pathname}`).toBe('https://shop.example/preferences');
		expect(verifyPreferenceLink(Object.fromEntries(url.searchParams), SECRET)).toMatchObject({ ok: true, orderKey: 'shopify:5512345678901', orderName: '#1042' });
	});
});
