'use strict';
// `npm start`: the whole package in a real n8n 2.41.1 on this machine, offline.
//   builds the package, installs n8n once into a cache, installs the package into a fresh n8n user
//   folder as n8n installs community packages, imports the bundled journey and its credentials,
//   starts local SMTP and Twilio stand-ins, starts n8n, posts a scripted set of signed webhook
//   deliveries, and prints what the customers were sent.
// Flags: --once (exit after the script), --check (assert the outcomes; used by `npm test`),
//        --report=<file> (write the check's counts as JSON), --port=<n8n port>.
require('./node24').ensureNode24();
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const runtime = require('./n8n-runtime');
const { installPackage } = require('./demo/install-package');
const { buildScenario, SECRETS, OPTED_OUT_PHONE, REFUSED_EMAIL, FEDEX_POLLED } = require('./demo/scenario');
const { signAftership, signEasypost } = require('./demo/payloads');
const { printTable, checkOutcomes } = require('./demo/report');
const { startSmtpOutbox } = require('./standins/smtp-outbox');
const { startTwilioStandin } = require('./standins/twilio');
const { createFedexStandin } = require('./standins/fedex');
const { SHOPIFY_SECRET, shopOrder, shopFulfillment, shopifyHeaders } = require('./demo/shop');

const args = Object.fromEntries(
	process.argv.slice(2).map((a) => {
		const [k, v] = a.replace(/^--/, '').split('=');
		return [k, v ?? true];
	}),
);
const root = runtime.repoRoot;
const demoDir = path.join(root, '.demo');
const userFolder = path.join(demoDir, 'n8n');
const outboxDir = path.join(demoDir, 'outbox');
const TWILIO = { accountSid: 'AC00000000000000000000000000000001', authToken: 'demo-twilio-auth-token' };
const PREFERENCES_SECRET = 'demo-preference-link-signing-secret';
const WATCH_TOKEN = 'demo-watch-webhook-token';

const t0 = Date.now();
const say = (msg) => console.log(`[demo ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}`);

async function post(url, body, headers) {
	const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
	return { status: res.status, text: await res.text() };
}

async function main() {
	say('building the package');
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
	await runtime.ensureN8n({ log: say });

	fs.rmSync(demoDir, { recursive: true, force: true });
	fs.mkdirSync(outboxDir, { recursive: true });
	say('installing the package into a fresh n8n user folder (as n8n installs community packages)');
	installPackage(root, userFolder);

	const smtp = await startSmtpOutbox({ dir: outboxDir, rejectRecipients: (address) => address === REFUSED_EMAIL });
	const twilio = await startTwilioStandin({ dir: outboxDir, ...TWILIO, optedOut: [OPTED_OUT_PHONE] });
	const fedex = createFedexStandin({ rate: 50, states: { [FEDEX_POLLED]: 'out_for_delivery' } });
	const fedexUrl = `http://127.0.0.1:${await fedex.listen()}`;
	say(`stand-ins: SMTP on 127.0.0.1:${smtp.port}, Twilio Messages API on ${twilio.baseUrl}, FedEx Track API on ${fedexUrl}`);

	const port = Number(args.port) || (await runtime.freePort());
	const env = runtime.n8nEnv({ userFolder, port, brokerPort: await runtime.freePort() });
	const scenario = buildScenario(new Date());
	const credentials = [
		{ id: 'pp-aftership', name: 'AfterShip account', type: 'afterShipApi', data: { apiKey: 'demo', webhookSecret: SECRETS.aftership, baseUrl: 'http://127.0.0.1:9' } },
		{ id: 'pp-easypost', name: 'EasyPost account', type: 'easyPostApi', data: { apiKey: 'demo', webhookSecret: SECRETS.easypost, baseUrl: 'http://127.0.0.1:9' } },
		{ id: 'pp-smtp', name: 'Shop SMTP', type: 'postPurchaseSmtp', data: { host: '127.0.0.1', port: smtp.port, secure: false, requireTLS: false, user: '', password: '', ignoreSslIssues: true, hostName: 'demo.local' } },
		{ id: 'pp-twilio', name: 'Shop Twilio', type: 'postPurchaseTwilioApi', data: { ...TWILIO, baseUrl: twilio.baseUrl } },
		{ id: 'pp-fedex', name: 'FedEx account', type: 'fedExApi', data: { clientId: 'demo-client', clientSecret: 'demo-secret', baseUrl: fedexUrl } },
		// The Admin API is not reachable offline: Save Choice's customer lookup fails fast on a closed
		// loopback port, and the choice is kept for the order (README "The preference center").
		{ id: 'pp-shopify', name: 'Shopify store', type: 'shopifyAdminApi', data: { shopDomain: 'http://127.0.0.1:9', accessToken: 'demo', webhookSecret: SHOPIFY_SECRET, apiVersion: '2026-07' } },
		{ id: 'pp-watch-token', name: 'Watch webhook token', type: 'httpHeaderAuth', data: { name: 'X-Watch-Token', value: WATCH_TOKEN } },
		{ id: 'pp-preferences', name: 'Preference Center', type: 'postPurchasePreferencesApi', data: { pageUrl: `http://127.0.0.1:${port}/webhook/postpurchase/preferences`, signingSecret: PREFERENCES_SECRET } },
	];
	const credentialsFile = path.join(demoDir, 'credentials.json');
	fs.writeFileSync(credentialsFile, JSON.stringify(credentials));
	say('importing the bundled journeys (workflows/*.json) and their credentials');
	runtime.n8nCli(['import:credentials', `--input=${credentialsFile}`], env);
	fs.rmSync(credentialsFile);
	runtime.n8nCli(['import:workflow', `--input=${path.join(root, 'workflows', 'delivery-updates.json')}`], env);
	runtime.n8nCli(['import:workflow', `--input=${demoPollingWorkflow()}`], env);
	runtime.n8nCli(['import:workflow', `--input=${demoPreferenceWorkflow(scenario.zones.day)}`], env);
	for (const id of ['ppDeliveryUpdate', 'ppCarrierPolling', 'ppPreferenceCenter']) runtime.n8nCli(['publish:workflow', `--id=${id}`], env);

	say('starting n8n');
	const n8n = await runtime.startN8n({ env, port, logFile: path.join(demoDir, 'n8n.log') });
	let exitCode = 0;
	try {
		const hook = (provider) => `${n8n.url}/webhook/postpurchase/${provider}`;
		await waitForWebhook(hook('aftership'));
		say(`n8n is up: editor at ${n8n.url}`);

		const responses = [];
		for (const delivery of scenario.deliveries) {
			const body = JSON.stringify(delivery.payload);
			const secret = delivery.badSignature ? 'not-the-secret' : SECRETS[delivery.provider];
			const headers = delivery.provider === 'aftership' ? signAftership(body, secret) : signEasypost(body, secret);
			const copies = delivery.concurrentCopies ?? 1;
			const answers = await Promise.all(Array.from({ length: copies }, () => post(hook(delivery.provider), body, headers)));
			for (const answer of answers) responses.push({ label: delivery.label, status: answer.status, body: answer.text, expectStatus: delivery.expectStatus ?? 200, copies });
			say(`${delivery.label.padEnd(52)} -> HTTP ${answers.map((a) => a.status).join(', ')}`);
			// Let each step of a journey land before the next, as real carrier scans are hours apart.
			await settle(n8n.url, 300);
		}
		await settle(n8n.url, 1500);

		say('asking the polling journey to watch a FedEx shipment; its Carrier Poll Trigger looks it up within a minute');
		const unauthorized = await post(`${n8n.url}/webhook/postpurchase/watch`, JSON.stringify(scenario.watchRequest), {});
		responses.push({ label: 'Watch without the token', status: unauthorized.status, body: unauthorized.text, expectStatus: 403, kind: 'watch' });
		const watched = await post(`${n8n.url}/webhook/postpurchase/watch`, JSON.stringify(scenario.watchRequest), { 'x-watch-token': WATCH_TOKEN });
		responses.push({ label: 'Watch a FedEx shipment', status: watched.status, body: watched.text, expectStatus: 200, kind: 'watch' });
		await waitForDecision(userFolder, FEDEX_POLLED, 150_000);
		await settle(n8n.url, 500);

		const preferenceCenter = await runPreferenceCenter(n8n.url, scenario, smtp, twilio, responses);

		const outcomes = await readOutcomes(userFolder);
		printTable(outcomes, say);
		console.log(`\nOutbox: ${outboxDir}  (email/*.eml and *.html, sms/*.txt)`);
		console.log(`n8n editor: ${n8n.url}  (executions of "Post-purchase: delivery updates"); log: ${path.join(demoDir, 'n8n.log')}`);
		if (args.check) {
			const report = checkOutcomes({ scenario, outcomes, responses, smtp, twilio, preferenceCenter, logFile: path.join(demoDir, 'n8n.log') });
			for (const line of report.lines) console.log(line);
			console.log(`e2e: ${report.passed} passed, ${report.failed} failed`);
			if (args.report) fs.writeFileSync(String(args.report), JSON.stringify(report, null, 2));
			if (report.failed > 0) exitCode = 1;
		}
		if (!args.once) {
			console.log('\nn8n keeps running; Ctrl-C to stop.');
			await new Promise((resolve) => process.once('SIGINT', resolve));
		}
	} finally {
		await n8n.stop();
		await smtp.close();
		await twilio.close();
		await fedex.close();
	}
	return exitCode;
}

/**
 * The polling journey as the demo runs it: FedEx only (the stand-in), polled every minute; the
 * bundled file polls all four carriers every 30 minutes with the merchant's credentials.
 */
function demoPollingWorkflow() {
	const workflow = JSON.parse(fs.readFileSync(path.join(root, 'workflows', 'carrier-polling.json'), 'utf8'));
	for (const node of workflow.nodes) {
		if (node.type === 'n8n-nodes-postpurchase.carrierPollTrigger') {
			node.parameters.carriers = ['fedex'];
			node.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
		}
		if (node.credentials?.fedExApi) node.credentials = { fedExApi: node.credentials.fedExApi };
	}
	const file = path.join(demoDir, 'carrier-polling.demo.json');
	fs.writeFileSync(file, JSON.stringify(workflow));
	return file;
}

/** The preference-center journey as the demo runs it: quiet hours read in a zone where it is day. */
function demoPreferenceWorkflow(dayZone) {
	const workflow = JSON.parse(fs.readFileSync(path.join(root, 'workflows', 'preference-center.json'), 'utf8'));
	for (const node of workflow.nodes) if (node.type === 'n8n-nodes-postpurchase.customerNotify') node.parameters.timeZone = dayZone;
	const file = path.join(demoDir, 'preference-center.demo.json');
	fs.writeFileSync(file, JSON.stringify(workflow));
	return file;
}

/**
 * A Shopify order arrives; its confirmation email carries a signed link; the customer opens the
 * page in n8n and chooses SMS; the shipment's next update then goes out as SMS, not email.
 */
async function runPreferenceCenter(url, scenario, smtp, twilio, responses) {
	const result = {};
	const { lin } = scenario.people;
	const order = { orderId: 5512345679001, number: 1009, customer: lin, now: new Date() };
	const mailsBefore = smtp.messages().length;
	say('preference center: a Shopify order is created; its confirmation carries a signed link');
	const created = JSON.stringify(shopOrder(order));
	const a = await post(`${url}/webhook/postpurchase/orders`, created, shopifyHeaders('orders/create', created));
	responses.push({ label: 'Shopify orders/create', status: a.status, body: a.text, expectStatus: 200 });
	const mail = await waitFor(() => smtp.messages().slice(mailsBefore).find((m) => /1009/.test(m.subject || '')), 30_000);
	result.link = mail && /(http:\/\/127\.0\.0\.1:\d+\/webhook\/postpurchase\/preferences\?[^\s"<>]+)/.exec(mail.text || '')?.[1];
	if (!result.link) return result;
	const page = await fetch(result.link);
	result.pageStatus = page.status;
	const html = await page.text();
	result.pageHasForm = /<form method="post"/.test(html) && /name="channel"/.test(html);
	const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&(?:amp|#38);/g, '&');
	say(`preference center: the page answered ${page.status}; choosing "Text message"`);
	const saved = await fetch(new URL(action ?? result.link, result.link), {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ channel: 'sms', language: 'en' }).toString(),
	});
	result.saveStatus = saved.status;
	result.confirmation = /saved|thank/i.test(await saved.text());
	const textsBefore = twilio.messages().length;
	const mailsAfterChoice = smtp.messages().length;
	const shipped = JSON.stringify(shopFulfillment({ ...order, trackingNumber: '1Z999AA10123456796' }));
	const b = await post(`${url}/webhook/postpurchase/orders`, shipped, shopifyHeaders('fulfillments/create', shipped));
	responses.push({ label: 'Shopify fulfillments/create', status: b.status, body: b.text, expectStatus: 200 });
	result.sms = await waitFor(() => twilio.messages().slice(textsBefore).find((m) => m.to === lin.phone), 30_000);
	await new Promise((r) => setTimeout(r, 1000));
	result.emailsAfterChoice = smtp.messages().slice(mailsAfterChoice).filter((m) => String(m.to).includes(lin.email)).length;
	say(`preference center: the shipped update went out as ${result.sms ? 'SMS' : 'nothing'}, ${result.emailsAfterChoice} email(s)`);
	return result;
}

async function waitFor(probe, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const found = probe();
		if (found) return found;
		await new Promise((r) => setTimeout(r, 250));
	}
	return undefined;
}

/** Waits until the store's send log has a decision for the tracking number. */
async function waitForDecision(folder, trackingNumber, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if ((await readOutcomes(folder)).some((o) => o.trackingNumber === trackingNumber)) return;
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error(`no message decision for the watched FedEx shipment within ${timeoutMs / 1000} s; see .demo/n8n.log`);
}

async function waitForWebhook(url) {
	// Until the workflow is active the path answers 404; once active, an unsigned POST answers 401.
	for (let i = 0; i < 120; i++) {
		const { status } = await post(url, '{}', {});
		if (status === 401) return;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`the journey's webhook ${url} did not become active; see .demo/n8n.log`);
}

/** Waits until n8n has no running executions (its own count), at least `minMs`. */
async function settle(url, minMs) {
	await new Promise((r) => setTimeout(r, minMs));
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const running = runningExecutions(userFolder);
		if (running === 0) return;
		await new Promise((r) => setTimeout(r, 250));
	}
}

function runningExecutions(folder) {
	const { DatabaseSync } = require('node:sqlite');
	const db = new DatabaseSync(path.join(folder, '.n8n', 'database.sqlite'), { readOnly: true });
	try {
		return Number(db.prepare("SELECT COUNT(*) AS n FROM execution_entity WHERE status IN ('new', 'running')").get().n);
	} catch {
		return 0;
	} finally {
		db.close();
	}
}

async function readOutcomes(folder) {
	const { openSqliteStore } = require('../dist/lib/store');
	const store = openSqliteStore(path.join(folder, '.n8n', 'postpurchase.sqlite'));
	try {
		return await store.listSends({ limit: 1000 });
	} finally {
		await store.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`demo failed: ${error.stack || error.message}`);
		if (args.report) fs.writeFileSync(String(args.report), JSON.stringify({ passed: 0, failed: 1, lines: [String(error.message)] }));
		process.exit(1);
	},
);
