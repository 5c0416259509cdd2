// Every node of the package as an ops person meets it in the real n8n 2.41.1 editor: a new empty
// workflow, the node added fresh from the nodes panel, its key selectors visible and settable,
// each credential picker labelled with its provider, the minimum filled in, and one execution
// against loopback stand-ins with a meaningful output. Screenshots of each panel go to
// .test-results/editor/<node>.png. n8n is started once (scripts/editor/n8n-editor.js).
// Needs `npm run build`, the n8n install (scripts/n8n-runtime.js) and /usr/bin/chromium.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EditorPage } from './editor-page';

type Json = Record<string, any>;
interface Editor {
	url: string;
	authCookie: string;
	watchedFedex: string;
	logFile: string;
	shopify: { requests(): string[] };
	stop(): Promise<void>;
}
const { startEditorN8n, parseExecutionData } = require('../../scripts/editor/n8n-editor') as {
	startEditorN8n(opts: { log?: (m: string) => void }): Promise<Editor>;
	parseExecutionData(text: string): Json;
};
const { signAftership } = require('../../scripts/demo/payloads') as { signAftership(body: string, secret: string): Record<string, string> };
const { SECRETS } = require('../../scripts/demo/scenario') as { SECRETS: Record<string, string> };
const { shopOrder, shopifyHeaders } = require('../../scripts/demo/shop') as {
	shopOrder(o: object): Json;
	shopifyHeaders(topic: string, body: string): Record<string, string>;
};

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, '.test-results', 'editor');
/** UPS's documented sample number (valid check digit); the Shopify stand-in's order ships with it. */
const UPS_NUMBER = '1Z999AA10123456784';
const CUSTOMER = { name: 'Ada Example', email: 'ada@example.test', phone: '+13125550142', timeZone: 'America/Chicago' };

jest.setTimeout(120_000);

let editor: Editor;
let browser: Browser;
let page: Page;
let ed: EditorPage;

beforeAll(async () => {
	if (!fs.existsSync(path.join(root, 'dist/nodes/CustomerNotify/CustomerNotify.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
	}
	fs.mkdirSync(shots, { recursive: true });
	editor = await startEditorN8n({});
	browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
	});
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	// The owner's session, as the owner setup issued it (the same cookie /signin sets).
	await context.addCookies([{ name: 'n8n-auth', value: editor.authCookie, url: editor.url }]);
	page = await context.newPage();
	ed = new EditorPage(page, editor.url, parseExecutionData);
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await editor?.stop();
});

/** Runs `steps` and screenshots the page as it is when they end, passed or failed. */
async function withShot(node: string, steps: () => Promise<void>): Promise<void> {
	try {
		await steps();
	} finally {
		await ed.screenshot(path.join(shots, `${node}.png`)).catch(() => undefined);
	}
}

/** Every picker names its provider: never the bare "Credential" n8n shows without a displayName. */
async function expectNamedPickers(expected: RegExp[]): Promise<void> {
	const labels = await ed.credentialLabels();
	for (const label of labels) expect(label).not.toMatch(/^Credentials?$/);
	for (const name of expected) expect(labels.some((l) => name.test(l))).toBe(true);
}

/** Mock data on the Manual Trigger n8n put in front of the node, then back to the node. */
async function feed(node: string, items: Json[]): Promise<void> {
	await ed.closeNdv();
	await ed.openNode('When clicking ‘Execute workflow’');
	await ed.pinOutput(items);
	await ed.closeNdv();
	await ed.openNode(node);
}

/** POSTs to the trigger's test webhook until n8n listens there (404 before "Execute step" took). */
async function postWhenListening(url: string, body: string, headers: Record<string, string>): Promise<number> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
		await res.arrayBuffer();
		if (res.status !== 404 || Date.now() > deadline) return res.status;
		await new Promise((r) => setTimeout(r, 250));
	}
}

test('Carrier Tracking: Operation and Carrier or Aggregator are settable; Detect Carrier names UPS for a 1Z number', async () => {
	await ed.newWorkflow();
	await ed.addNode('Carrier Tracking', 'Look up a shipment now');
	await withShot('carrier-tracking', async () => {
		await ed.expectVisible('operation', 'Operation');
		await ed.expectVisible('source', 'Carrier or Aggregator');
		await ed.selectOption('source', 'Auto-Detect From the Number');
		// Auto-detect may need any carrier: one picker per carrier, each named.
		await expectNamedPickers([/UPS/, /FedEx/, /USPS/, /DHL/]);
		await ed.selectOption('operation', 'Detect Carrier');
		expect(await ed.chosen('operation')).toEqual(['Detect Carrier']);
		await feed('Carrier Tracking', [{ trackingNumber: UPS_NUMBER }]);
		await ed.execute();
		const out = await ed.output('Carrier Tracking');
		expect(out.error).toBeUndefined();
		expect(out.items).toHaveLength(1);
		expect(out.items![0]).toMatchObject({ trackingNumber: UPS_NUMBER, carrier: 'ups' });
	});
});

test('Delivery Classifier: Operation is settable; Classify Events reads an address problem as an exception', async () => {
	const { normalize } = require('../../dist/lib/normalize');
	const events = normalize('aftership', JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/aftership/address-issue.json'), 'utf8')));
	await ed.newWorkflow();
	await ed.addNode('Delivery Classifier', 'Classify shipment events');
	await withShot('delivery-classifier', async () => {
		await ed.expectVisible('operation', 'Operation');
		await ed.selectOption('operation', 'Classify Events');
		expect(await ed.chosen('operation')).toEqual(['Classify Events']);
		await feed('Delivery Classifier', events);
		await ed.execute();
		const out = await ed.output('Delivery Classifier');
		expect(out.error).toBeUndefined();
		expect(out.items![0].trackingNumber).toBe(UPS_NUMBER);
		expect(out.items![0].assessment).toMatchObject({ notify: true });
		expect(String(out.items![0].assessment.trigger)).toMatch(/exception|address/);
	});
});

test('Customer Notify: Channels and Mode are settable, both pickers named; Preview renders the email and the SMS', async () => {
	await ed.newWorkflow();
	await ed.addNode('Customer Notify');
	await withShot('customer-notify', async () => {
		await ed.expectVisible('channels', 'Channels');
		await ed.expectVisible('mode', 'Mode');
		await ed.selectOptions('channels', ['Email (SMTP)', 'SMS (Twilio)']);
		expect((await ed.chosen('channels')).sort()).toEqual(['Email (SMTP)', 'SMS (Twilio)']);
		// Send needs both accounts (Preview shows no picker: it sends nothing).
		await ed.selectOption('mode', 'Send');
		await expectNamedPickers([/SMTP|Email/, /Twilio|SMS/]);
		await ed.selectOption('mode', 'Preview');
		await ed.fill('emailFrom', 'Acme Outfitters <orders@example.test>');
		await ed.fill('smsFrom', '+15005550006');
		await feed('Customer Notify', [{ trigger: 'shipped', trackingNumber: UPS_NUMBER, carrier: 'ups', orderNumber: '#1001', customer: { ...CUSTOMER, preference: 'both' } }]);
		await ed.execute();
		const out = await ed.output('Customer Notify');
		expect(out.error).toBeUndefined();
		// One rendered message per channel, nothing sent (Preview).
		const byChannel = Object.fromEntries(out.items!.map((item) => [item.notification.channel, item.notification]));
		expect(Object.keys(byChannel).sort()).toEqual(['email', 'sms']);
		expect(byChannel.email).toMatchObject({ status: 'sent', dryRun: true, to: CUSTOMER.email });
		expect(byChannel.email.message.subject).toContain('#1001');
		expect(byChannel.email.message.text).toContain(UPS_NUMBER);
		expect(byChannel.sms).toMatchObject({ status: 'sent', dryRun: true, to: CUSTOMER.phone });
		expect(byChannel.sms.message.text).toMatch(/#1001 has shipped/);
	});
});

test('Order Lookup: Sources and Look Up By are settable; the Shopify stand-in finds the order by its tracking number; an empty Order Number is named', async () => {
	await ed.newWorkflow();
	await ed.addNode('Order Lookup');
	await withShot('order-lookup', async () => {
		await ed.expectVisible('sources', 'Sources');
		await ed.expectVisible('lookUpBy', 'Look Up By');
		await ed.selectOptions('sources', ['Shopify']);
		await ed.selectOption('lookUpBy', 'Tracking Number');
		await expectNamedPickers([/Shopify/]);
		await feed('Order Lookup', [{ trackingNumber: UPS_NUMBER }]);
		await ed.execute();
		const out = await ed.output('Order Lookup');
		expect(out.error).toBeUndefined();
		expect(out.items![0].order).toMatchObject({ number: '#1001' });
		expect(editor.shopify.requests()).toEqual(expect.arrayContaining(['TrackingScan', 'OrderById']));
	});
	// By order number on an item that has none: the error names the field to fill.
	await withShot('order-lookup-error', async () => {
		await ed.selectOption('lookUpBy', 'Order Number');
		await ed.execute();
		const missing = await ed.output('Order Lookup');
		expect(missing.error).toMatch(/Order Number is empty/);
	});
});

test('Preference Center: Operation is settable; Create Link gives a signed link to the page', async () => {
	await ed.newWorkflow();
	await ed.addNode('Preference Center', 'Create a signed preference link');
	await withShot('preference-center', async () => {
		await ed.expectVisible('operation', 'Operation');
		await ed.selectOption('operation', 'Create Link');
		await expectNamedPickers([/Preference/]);
		await feed('Preference Center', [{ source: 'shopify', orderId: '5550001001', customer: CUSTOMER }]);
		await ed.execute();
		const out = await ed.output('Preference Center');
		expect(out.error).toBeUndefined();
		const url = new URL(out.items![0].preferences.url);
		expect(url.pathname).toBe('/webhook/postpurchase/preferences');
		expect(url.searchParams.get('o')).toBe('shopify:5550001001');
	});
});

test('Shipment Tracking Trigger: Provider is settable; a signed AfterShip test event arrives as a shipment event', async () => {
	await ed.newWorkflow();
	await ed.addNode('Shipment Tracking Trigger');
	await withShot('shipment-tracking-trigger', async () => {
		await ed.expectVisible('provider', 'Provider');
		await ed.selectOption('provider', 'AfterShip');
		expect(await ed.chosen('provider')).toEqual(['AfterShip']);
		await expectNamedPickers([/AfterShip/]);
		await ed.pickCredential(/AfterShip/, 'AfterShip account');
		await ed.execute();
		const body = fs.readFileSync(path.join(root, 'test/fixtures/aftership/shipped.json'), 'utf8');
		expect(await postWhenListening(`${editor.url}/webhook-test/shipment-tracking`, body, signAftership(body, SECRETS.aftership))).toBe(200);
		const out = await ed.output('Shipment Tracking Trigger');
		expect(out.error).toBeUndefined();
		expect(out.items![0]).toMatchObject({ provider: 'aftership', trackingNumber: UPS_NUMBER, carrier: 'ups' });
	});
});

test('Order Event Trigger: Platform is settable; a signed Shopify orders/create test event arrives as an order confirmation', async () => {
	await ed.newWorkflow();
	await ed.addNode('Order Event Trigger');
	await withShot('order-event-trigger', async () => {
		await ed.expectVisible('platform', 'Platform');
		await ed.selectOption('platform', 'Shopify');
		expect(await ed.chosen('platform')).toEqual(['Shopify']);
		await expectNamedPickers([/Shopify/]);
		await ed.pickCredential(/Shopify/, 'Shopify store');
		await ed.execute();
		const body = JSON.stringify(shopOrder({ orderId: 5512345679001, number: 1009, customer: CUSTOMER, now: new Date() }));
		expect(await postWhenListening(`${editor.url}/webhook-test/order-events`, body, shopifyHeaders('orders/create', body))).toBe(200);
		const out = await ed.output('Order Event Trigger');
		expect(out.error).toBeUndefined();
		expect(JSON.stringify(out.items![0])).toContain('#1009');
		expect(out.items![0]).toMatchObject({ trigger: 'order_confirmed' });
	});
});

test('Carrier Poll Trigger: Carriers is settable; Fetch Test Event looks up the watched FedEx shipment at the stand-in', async () => {
	await ed.newWorkflow();
	await ed.addNode('Carrier Poll Trigger');
	await withShot('carrier-poll-trigger', async () => {
		await ed.expectVisible('carriers', 'Carriers');
		await ed.selectOptions('carriers', ['FedEx']);
		expect(await ed.chosen('carriers')).toEqual(['FedEx']);
		await expectNamedPickers([/FedEx/]);
		await ed.pickCredential(/FedEx/, 'FedEx account');
		await ed.execute();
		const out = await ed.output('Carrier Poll Trigger');
		expect(out.error).toBeUndefined();
		expect(out.items![0]).toMatchObject({ trackingNumber: editor.watchedFedex, carrier: 'fedex' });
	});
});
