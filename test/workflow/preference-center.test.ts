// The order-confirmation branch of workflows/preference-center.json, run in-process by n8n-core
// with n8n's own Wait node: a confirmation due in quiet hours waits for the morning and then goes
// out, link and all, instead of ending on the Deferred output. Needs `npm run build`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSmtpOutbox, type SmtpOutbox } from '../../scripts/standins/smtp-outbox';
import { startTwilioStandin, type TwilioStandin } from '../../scripts/standins/twilio';
import { channelCredentials } from '../../scripts/standins/credentials';

type Json = Record<string, any>;
interface RunResult {
	status: 'success' | 'error' | 'waiting' | 'canceled';
	outputsOf(nodeName: string): Json[][];
	waitTill?: Date;
	resume(opts?: { now?: Date }): Promise<RunResult>;
}
const { createRuntime } = require('../../scripts/inprocess') as {
	createRuntime(opts: { packageDirs?: string[]; baseNodes?: string[]; credentials?: Record<string, object> }): Promise<{ run(workflow: unknown, opts: { startNode: string; items: Json[]; now?: Date }): Promise<RunResult> }>;
};

const root = path.resolve(__dirname, '../..');
const TWILIO = { accountSid: 'AC00000000000000000000000000000004', authToken: 'preference-center-token' };
const PAGE_URL = 'https://shop.example/webhook/postpurchase/preferences';

jest.setTimeout(60_000);

let smtp: SmtpOutbox;
let twilio: TwilioStandin;
let tmp: string;
let runtime: Awaited<ReturnType<typeof createRuntime>>;

beforeAll(async () => {
	if (!fs.existsSync(path.join(root, 'dist/nodes/PreferenceCenter/PreferenceCenter.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` before the workflow tests (npm test does)');
	}
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postpurchase-pc-'));
	smtp = await startSmtpOutbox({ dir: tmp });
	twilio = await startTwilioStandin({ dir: tmp, ...TWILIO });
	runtime = await createRuntime({
		packageDirs: [root],
		baseNodes: ['wait', 'noOp', 'stickyNote', 'webhook', 'respondToWebhook'],
		credentials: {
			...channelCredentials({ smtp, twilio, twilioAccount: TWILIO }),
			postPurchasePreferencesApi: { pageUrl: PAGE_URL, signingSecret: 'preference-center-signing-secret' },
		},
	});
});

afterAll(async () => {
	await smtp.close();
	await twilio.close();
	fs.rmSync(tmp, { recursive: true, force: true });
});

function bundled(storePath: string): Json {
	const workflow = JSON.parse(fs.readFileSync(path.join(root, 'workflows', 'preference-center.json'), 'utf8'));
	for (const node of workflow.nodes) {
		if (node.name === 'Confirm Order') node.parameters.settings = { ...node.parameters.settings, storePath };
	}
	return workflow;
}

test('an order confirmed at night by a customer who wants SMS waits for the morning, then the SMS with the link goes out', async () => {
	// 23:30 in Chicago (CST): inside the default 21:00-08:00 quiet hours for SMS.
	const night = new Date('2026-03-03T05:30:00Z');
	const order = { source: 'shopify', orderId: '450789470', orderNumber: '#1002', order: { number: '#1002', items: [] } };
	const customer = { phone: '+13125550142', preference: 'sms', timeZone: 'America/Chicago' };
	const texts = twilio.messages().length;
	const result = await runtime.run(bundled(path.join(tmp, 'night.sqlite')), {
		startNode: 'Order Events',
		items: [{ ...order, customer, trigger: 'order_confirmed', shipmentKey: 'order:shopify:450789470', assessment: { trigger: 'order_confirmed', notify: true, severity: 'info' } }],
		now: night,
	});
	const [, deferred] = result.outputsOf('Confirm Order');
	expect(deferred.map((item) => item.notification)).toEqual([expect.objectContaining({ channel: 'sms', reasonCode: 'quiet_hours', sendAt: '2026-03-03T14:00:00.000Z' })]);
	expect(result.status).toBe('waiting');
	expect(result.waitTill?.toISOString()).toBe('2026-03-03T14:00:00.000Z');
	expect(twilio.messages()).toHaveLength(texts);

	const resumed = await result.resume();
	expect(resumed.status).toBe('success');
	const [sent] = resumed.outputsOf('Confirm Order');
	expect(sent.map((item) => item.notification)).toEqual([expect.objectContaining({ channel: 'sms', status: 'sent' })]);
	expect(twilio.messages()).toHaveLength(texts + 1);
	expect(String(twilio.messages().at(-1)!.body)).toContain(`${PAGE_URL}?o=shopify%3A450789470&e=`);
});
