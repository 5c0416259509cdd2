// The bundled journey workflows/delivery-updates.json, run in-process by n8n-core with this
// package's built nodes and n8n's own Wait node; mail and SMS go to local stand-ins that speak
// SMTP and Twilio's Messages API. Needs `npm run build` (npm test builds first).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { normalize } from '../../lib/normalize';
import { openSqliteStore } from '../../lib/store/sqlite';
import { shipmentKey } from '../../lib/store/types';
import { startSmtpOutbox, type SmtpOutbox } from '../../scripts/standins/smtp-outbox';
import { startTwilioStandin, type TwilioStandin } from '../../scripts/standins/twilio';
import { channelCredentials } from '../../scripts/standins/credentials';

type Json = Record<string, any>;
interface RunResult {
	status: 'success' | 'error' | 'waiting' | 'canceled';
	outputsOf(nodeName: string): Json[][];
	waitTill?: Date;
	error?: { message: string; node?: string };
	resume(opts?: { now?: Date }): Promise<RunResult>;
}
interface Runtime {
	run(workflow: unknown, opts: { startNode: string; items: Json[]; now?: Date }): Promise<RunResult>;
}
const { createRuntime } = require('../../scripts/inprocess') as {
	createRuntime(opts: { packageDirs?: string[]; baseNodes?: string[]; credentials?: Record<string, object> }): Promise<Runtime>;
};

const root = path.resolve(__dirname, '../..');
const BUNDLED = JSON.parse(fs.readFileSync(path.join(root, 'workflows/delivery-updates.json'), 'utf8'));
/** The bundled workflow with its store in `file` (jest gives each test file its own process.env, so the env var would not reach the nodes). */
function withStore(file: string): Json {
	const workflow = structuredClone(BUNDLED);
	for (const node of workflow.nodes) {
		if (node.name === 'Classify Event') node.parameters.options = { ...node.parameters.options, storePath: file };
		if (node.name === 'Notify Customer') node.parameters.settings = { ...node.parameters.settings, storePath: file };
	}
	return workflow;
}
const TWILIO = { accountSid: 'AC00000000000000000000000000000002', authToken: 'workflow-test-token' };
const OPTED_OUT = '+13125550199';
const REFUSED = 'nobody@bounce.example';

jest.setTimeout(60_000);

let runtime: Runtime;
let smtp: SmtpOutbox;
let twilio: TwilioStandin;
let tmp: string;

beforeAll(async () => {
	if (!fs.existsSync(path.join(root, 'dist/nodes/CustomerNotify/CustomerNotify.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` before the workflow tests (npm test does)');
	}
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postpurchase-wf-'));
	smtp = await startSmtpOutbox({ dir: tmp, rejectRecipients: (address: string) => address === REFUSED });
	twilio = await startTwilioStandin({ dir: tmp, ...TWILIO, optedOut: [OPTED_OUT] });
	runtime = await createRuntime({
		packageDirs: [root],
		baseNodes: ['wait', 'noOp', 'stickyNote'],
		credentials: {
			...channelCredentials({ smtp, twilio, twilioAccount: TWILIO }),
		},
	});
});

afterAll(async () => {
	await smtp.close();
	await twilio.close();
	fs.rmSync(tmp, { recursive: true, force: true });
});

let storeFile = 0;
let WORKFLOW: Json;
beforeEach(() => {
	// A fresh store per test: each starts with no memory of shipments or sends.
	WORKFLOW = withStore(path.join(tmp, `store-${++storeFile}.sqlite`));
});

interface Customer {
	email?: string;
	phone?: string;
	preference?: string;
	timeZone?: string;
}

/** An AfterShip delivery from the fixtures, for one customer, as the trigger emits it. */
function trackingItems(fixture: string, customer: Customer, trackingNumber = '1Z999AA10123456784'): Json[] {
	const payload = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/aftership', `${fixture}.json`), 'utf8'));
	payload.msg.tracking_number = trackingNumber;
	payload.msg.customers = [{ role: 'buyer', name: 'Ada Example', email: customer.email ?? null, phone_number: customer.phone ?? null, language: 'en' }];
	payload.msg.emails = [];
	payload.msg.smses = [];
	payload.msg.custom_fields = { notification_preference: customer.preference, time_zone: customer.timeZone };
	return normalize('aftership', payload).map((event) => ({ ...event, shipmentKey: shipmentKey(event.trackingNumber, event.carrier), raw: payload }));
}

const notifyOutputs = (result: RunResult) => {
	const [sent, deferred, suppressed, failed] = result.outputsOf('Notify Customer');
	const pick = (items: Json[] = []) => items.map((item) => item.notification);
	return { sent: pick(sent), deferred: pick(deferred), suppressed: pick(suppressed), failed: pick(failed) };
};

const DAYTIME = new Date('2026-03-10T15:00:00Z'); // 10:00 in Chicago
const ADA = { email: 'ada@example.com', phone: '+13125550142', timeZone: 'America/Chicago' };

test('a shipped update reaches a customer who chose both channels, by email and SMS', async () => {
	const mails = smtp.messages().length;
	const texts = twilio.messages().length;
	const result = await runtime.run(WORKFLOW, { startNode: 'AfterShip Updates', items: trackingItems('shipped', { ...ADA, preference: 'both' }), now: DAYTIME });
	expect(result.status).toBe('success');
	const out = notifyOutputs(result);
	expect(out.sent.map((d) => d.channel).sort()).toEqual(['email', 'sms']);
	expect(out.sent.every((d) => d.providerMessageId)).toBe(true);
	const mail = smtp.messages()[mails];
	expect(mail.to).toContain('ada@example.com');
	expect(mail.subject).toMatch(/on its way|shipped/i);
	expect(mail.html).toContain('<');
	const sms = twilio.messages()[texts];
	expect(sms.to).toBe('+13125550142');
	expect(Number(sms.num_segments)).toBeLessThanOrEqual(2);
	// The classifier's routes: notified, not escalated.
	expect(result.outputsOf('Escalate to Support')).toEqual([]);
});

test('the same update again starts no second message: the classifier sees a repeat', async () => {
	const items = trackingItems('out-for-delivery', { ...ADA, preference: 'sms' });
	const first = await runtime.run(WORKFLOW, { startNode: 'AfterShip Updates', items, now: DAYTIME });
	expect(notifyOutputs(first).sent).toHaveLength(1);
	const second = await runtime.run(WORKFLOW, { startNode: 'AfterShip Updates', items, now: DAYTIME });
	expect(second.outputsOf('Notify Customer')).toEqual([]);
	const [, , noAction] = second.outputsOf('Classify Event');
	expect(noAction[0].assessment).toMatchObject({ trigger: 'out_for_delivery', notify: false });
});

test('an SMS at night waits for the morning across the spring-forward night, then goes out', async () => {
	// 01:30 EST on 8 March 2026, the night New York moves its clocks to EDT at 02:00.
	const night = new Date('2026-03-08T06:30:00Z');
	const texts = twilio.messages().length;
	const result = await runtime.run(WORKFLOW, {
		startNode: 'AfterShip Updates',
		items: trackingItems('out-for-delivery', { phone: '+12125550143', preference: 'sms', timeZone: 'America/New_York' }, '1Z999AA10123456790'),
		now: night,
	});
	const out = notifyOutputs(result);
	// 08:00 EDT is 12:00 UTC (not 13:00, as it would be in EST).
	expect(out.deferred).toEqual([expect.objectContaining({ channel: 'sms', reasonCode: 'quiet_hours', sendAt: '2026-03-08T12:00:00.000Z' })]);
	expect(result.status).toBe('waiting');
	expect(result.waitTill?.getTime()).toBe(Date.parse('2026-03-08T12:00:00.000Z'));
	expect(twilio.messages()).toHaveLength(texts);

	const resumed = await result.resume();
	expect(resumed.status).toBe('success');
	expect(notifyOutputs(resumed).sent).toEqual([expect.objectContaining({ channel: 'sms', status: 'sent' })]);
	expect(twilio.messages()).toHaveLength(texts + 1);
});

test('Twilio answering 429 with Retry-After is retried, and the message goes out once', async () => {
	const requests = twilio.requests().length;
	twilio.setFailures({ status: 429, count: 1, retryAfter: 1 });
	const result = await runtime.run(WORKFLOW, {
		startNode: 'AfterShip Updates',
		items: trackingItems('delivered', { ...ADA, preference: 'sms' }, '1Z999AA10123456791'),
		now: DAYTIME,
	});
	expect(notifyOutputs(result).sent).toEqual([expect.objectContaining({ channel: 'sms' })]);
	const attempts = twilio.requests().slice(requests).filter((r) => r.method === 'POST');
	expect(attempts).toHaveLength(2);
});

test('an SMTP server refusing the recipient puts the message on Failed with a clear error', async () => {
	const result = await runtime.run(WORKFLOW, {
		startNode: 'AfterShip Updates',
		items: trackingItems('shipped', { email: REFUSED, preference: 'email', timeZone: 'America/Chicago' }, '1Z999AA10123456792'),
		now: DAYTIME,
	});
	expect(result.status).toBe('success');
	const { failed } = notifyOutputs(result);
	expect(failed).toHaveLength(1);
	expect(failed[0]).toMatchObject({ channel: 'email', status: 'failed', error: { providerCode: 550, retryable: false } });
	expect(failed[0].error.message).toMatch(/refused the recipient/i);
	expect(failed[0].error.message).not.toContain(REFUSED);
	expect(result.outputsOf('Failed Sends')[0]).toHaveLength(1);
});

test('preference none and a number that texted STOP are suppressed, each with its reason', async () => {
	const none = await runtime.run(WORKFLOW, {
		startNode: 'AfterShip Updates',
		items: trackingItems('out-for-delivery', { ...ADA, preference: 'none' }, '1Z999AA10123456793'),
		now: DAYTIME,
	});
	expect(notifyOutputs(none).suppressed).toEqual([expect.objectContaining({ status: 'suppressed', reasonCode: 'preference' })]);

	const stopped = await runtime.run(WORKFLOW, {
		startNode: 'AfterShip Updates',
		items: trackingItems('out-for-delivery', { phone: OPTED_OUT, preference: 'sms', timeZone: 'America/Chicago' }, '1Z999AA10123456794'),
		now: DAYTIME,
	});
	expect(notifyOutputs(stopped).suppressed).toEqual([expect.objectContaining({ channel: 'sms', reasonCode: 'opt_out' })]);
	expect(twilio.messages().some((m) => m.to === OPTED_OUT)).toBe(false);
});

test('Preview mode decides and renders without sending or remembering', async () => {
	const preview = structuredClone(WORKFLOW) as Json;
	preview.nodes.find((n: Json) => n.name === 'Notify Customer').parameters.mode = 'preview';
	const mails = smtp.messages().length;
	const items = trackingItems('delayed', { ...ADA, preference: 'email' }, '1Z999AA10123456795');
	const result = await runtime.run(preview, { startNode: 'AfterShip Updates', items, now: DAYTIME });
	const { sent } = notifyOutputs(result);
	expect(sent).toEqual([expect.objectContaining({ channel: 'email', status: 'sent', dryRun: true })]);
	expect(sent[0].message.subject).toMatch(/late/i);
	expect(smtp.messages()).toHaveLength(mails);
	// Nothing was written to the send log, so no later send counts it as a duplicate or toward a cap.
	const storePath = preview.nodes.find((n: Json) => n.name === 'Notify Customer').parameters.settings.storePath;
	const store = openSqliteStore(storePath);
	expect(await store.listSends()).toEqual([]);
	await store.close();
});
