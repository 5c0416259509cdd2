// The preference center as a customer meets it, in Debian's headless Chromium (playwright-core):
// the order confirmation (bundled workflows/preference-center.json, run in-process by n8n-core)
// carries the signed link; the customer opens it, chooses "Text message" and submits; the next
// update (workflows/delivery-updates.json) then goes out by SMS, not by email. The page is served
// by a node:http server through the same library calls the Preference Center node makes.
// Needs `npm run build` and /usr/bin/chromium (scripts/ensure-chromium.js).
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PREFERENCE_PAGE_HEADERS, renderPreferenceRequest, savePreferenceRequest } from '../../lib/preferences/handle';
import { normalize } from '../../lib/normalize';
import { openSqliteStore, type SqliteStore } from '../../lib/store/sqlite';
import { shipmentKey } from '../../lib/store/types';
import { startSmtpOutbox, type SmtpOutbox } from '../../scripts/standins/smtp-outbox';
import { startTwilioStandin, type TwilioStandin } from '../../scripts/standins/twilio';
import { channelCredentials } from '../../scripts/standins/credentials';

type Json = Record<string, any>;
interface RunResult {
	status: string;
	outputsOf(nodeName: string): Json[][];
}
const { createRuntime } = require('../../scripts/inprocess') as {
	createRuntime(opts: { packageDirs?: string[]; baseNodes?: string[]; credentials?: Record<string, object> }): Promise<{ run(workflow: unknown, opts: { startNode: string; items: Json[]; now?: Date }): Promise<RunResult> }>;
};

const root = path.resolve(__dirname, '../..');
const SECRET = 'browser-test-secret-0123456789';
const TWILIO = { accountSid: 'AC00000000000000000000000000000003', authToken: 'browser-test-token' };
const ADA = { name: 'Ada Example', email: 'ada@example.com', phone: '+13125550142', timeZone: 'America/Chicago' };
const DAYTIME = new Date('2026-03-10T15:00:00Z'); // 10:00 in Chicago: no quiet hours for the SMS

jest.setTimeout(120_000);

let tmp: string;
let storeFile: string;
let store: SqliteStore;
let smtp: SmtpOutbox;
let twilio: TwilioStandin;
let server: Server;
let pageUrl: string;
let browser: Browser;
let runtime: Awaited<ReturnType<typeof createRuntime>>;

/** A bundled workflow with every node of ours on the test's store file. */
function workflow(file: string): Json {
	const wf = JSON.parse(fs.readFileSync(path.join(root, 'workflows', file), 'utf8'));
	for (const node of wf.nodes) {
		if (node.type.endsWith('.customerNotify')) node.parameters.settings = { ...node.parameters.settings, storePath: storeFile };
		if (node.type.endsWith('.deliveryClassifier') || node.type.endsWith('.preferenceCenter')) node.parameters.options = { ...node.parameters.options, storePath: storeFile };
	}
	return wf;
}

/** The preference page over HTTP, as the webhook → Preference Center → Respond to Webhook path serves it. */
function startPageServer(): Promise<Server> {
	const srv = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', async () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const query = Object.fromEntries(url.searchParams);
			const response =
				req.method === 'POST'
					? await savePreferenceRequest({ query, form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))), secret: SECRET, store })
					: await renderPreferenceRequest({ query, secret: SECRET, store });
			res.writeHead(response.statusCode, PREFERENCE_PAGE_HEADERS);
			res.end(response.html);
		});
	});
	return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

beforeAll(async () => {
	if (!fs.existsSync(path.join(root, 'dist/nodes/PreferenceCenter/PreferenceCenter.node.js'))) {
		throw new Error('dist/ is missing the Preference Center: run `npm run build` first (npm test does)');
	}
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postpurchase-browser-'));
	storeFile = path.join(tmp, 'store.sqlite');
	store = openSqliteStore(storeFile);
	smtp = await startSmtpOutbox({ dir: tmp });
	twilio = await startTwilioStandin({ dir: tmp, ...TWILIO });
	server = await startPageServer();
	pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/postpurchase/preferences`;
	runtime = await createRuntime({
		packageDirs: [root],
		baseNodes: ['wait', 'noOp', 'stickyNote', 'webhook', 'respondToWebhook'],
		credentials: {
			...channelCredentials({ smtp, twilio, twilioAccount: TWILIO }),
			postPurchasePreferencesApi: { pageUrl, signingSecret: SECRET },
			shopifyAdminApi: { shopDomain: 'acme-test', accessToken: 'shpat_unused', webhookSecret: 'unused' },
		},
	});
	browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
	});
});

afterAll(async () => {
	await browser?.close();
	if (server) await new Promise((resolve) => server.close(resolve));
	await smtp?.close();
	await twilio?.close();
	await store?.close();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the customer chooses SMS on the page from the order confirmation, and the next update goes out as SMS, not email', async () => {
	// 1. Order confirmed: the link is created and the confirmation email carries it.
	const order = { source: 'shopify', orderId: '450789469', orderNumber: '#1001', order: { number: '#1001', items: [{ title: 'Blue Mug', quantity: 2 }] }, customer: ADA };
	const confirmed = await runtime.run(workflow('preference-center.json'), {
		startNode: 'Order Events',
		items: [{ ...order, trigger: 'order_confirmed', shipmentKey: 'order:shopify:450789469', assessment: { trigger: 'order_confirmed', notify: true, severity: 'info' } }],
	});
	expect(confirmed.status).toBe('success');
	const [sent] = confirmed.outputsOf('Confirm Order');
	expect(sent.map((item) => item.notification.channel)).toEqual(['email']);
	const link = sent[0].preferences.url as string;
	expect(link.startsWith(`${pageUrl}?o=shopify%3A450789469&e=`)).toBe(true);
	expect(smtp.messages().at(-1)!.text).toContain(link);

	// 2. The customer opens it, chooses "Text message" and saves.
	const page = await browser.newPage();
	const opened = await page.goto(link);
	expect(opened?.status()).toBe(200);
	expect(await page.getAttribute('html', 'lang')).toBe('en');
	// The order as the customer knows it, signed into the link, not the internal id.
	expect(await page.textContent('main')).toContain('Order #1001: choose how');
	await expect(page.getByRole('group', { name: 'Delivery updates by' }).isVisible()).resolves.toBe(true);
	await page.getByLabel('Text message', { exact: true }).check();
	await page.getByLabel('Language', { exact: true }).selectOption('de');
	await Promise.all([page.waitForLoadState('domcontentloaded'), page.getByRole('button', { name: 'Save my choice' }).click()]);
	await page.waitForSelector('text=your choice is saved');
	expect(await page.textContent('main')).toContain('We will send your delivery updates by text message.');
	// A changed link reaches no order.
	const forged = await page.goto(link.replace('450789469', '450789470'));
	expect(forged?.status()).toBe(404);
	await page.close();

	// 3. The next update: the item still says "email" (the CRM's old value), the customer's own choice wins.
	const mails = smtp.messages().length;
	const texts = twilio.messages().length;
	const payload = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/aftership/shipped.json'), 'utf8'));
	payload.msg.customers = [{ role: 'buyer', name: ADA.name, email: ADA.email, phone_number: ADA.phone, language: 'en' }];
	payload.msg.emails = [];
	payload.msg.smses = [];
	payload.msg.custom_fields = { notification_preference: 'email', time_zone: ADA.timeZone };
	const items = normalize('aftership', payload).map((event) => ({ ...event, source: 'shopify', orderId: '450789469', shipmentKey: shipmentKey(event.trackingNumber, event.carrier) }));
	const shipped = await runtime.run(workflow('delivery-updates.json'), { startNode: 'AfterShip Updates', items, now: DAYTIME });
	expect(shipped.status).toBe('success');
	const [sentNow] = shipped.outputsOf('Notify Customer');
	expect(sentNow.map((item) => item.notification.channel)).toEqual(['sms']);
	expect(smtp.messages().length).toBe(mails);
	expect(twilio.messages().slice(texts).map((m) => m.to)).toEqual([ADA.phone]);
});
