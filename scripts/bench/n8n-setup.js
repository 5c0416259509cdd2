'use strict';
// One real n8n for part 2, set up as the demo does (package installed as a community package,
// credentials imported, SMTP and Twilio stand-ins on loopback) plus the trivial baseline workflow.
// Everything lives in a temp folder, so nothing lands in the repo. `stop()` undoes it all.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const runtime = require('../n8n-runtime');
const { installPackage } = require('../demo/install-package');
const { SECRETS } = require('../demo/scenario');
const { startSmtpOutbox } = require('../standins/smtp-outbox');
const { startTwilioStandin } = require('../standins/twilio');

const TWILIO = { accountSid: 'AC00000000000000000000000000000001', authToken: 'demo-twilio-auth-token' };
const JOURNEY_ID = 'ppDeliveryUpdate';
const TRIVIAL_ID = 'ppBenchTrivial';

function credentialsFor(smtpPort, twilioUrl) {
	// The same credentials the demo imports (scripts/demo.js), pointed at this run's stand-ins.
	return [
		{ id: 'pp-aftership', name: 'AfterShip account', type: 'afterShipApi', data: { apiKey: 'demo', webhookSecret: SECRETS.aftership, baseUrl: 'http://127.0.0.1:9' } },
		{ id: 'pp-easypost', name: 'EasyPost account', type: 'easyPostApi', data: { apiKey: 'demo', webhookSecret: SECRETS.easypost, baseUrl: 'http://127.0.0.1:9' } },
		{ id: 'pp-smtp', name: 'Shop SMTP', type: 'postPurchaseSmtp', data: { host: '127.0.0.1', port: smtpPort, secure: false, requireTLS: false, user: '', password: '', ignoreSslIssues: true, hostName: 'bench.local' } },
		{ id: 'pp-twilio', name: 'Shop Twilio', type: 'postPurchaseTwilioApi', data: { ...TWILIO, baseUrl: twilioUrl } },
	];
}

async function post(url, body) {
	try {
		const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
		await res.arrayBuffer();
		return res.status;
	} catch {
		return 0;
	}
}

/** Waits until `url` answers `status` (the workflow is live), as demo.js waitForWebhook does. */
async function waitForStatus(url, status, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if ((await post(url, '{}')) === status) return;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`${url} did not answer ${status} within ${timeoutMs / 1000} s`);
}

async function startBenchN8n({ repoRoot, log }) {
	await runtime.ensureN8n({ log });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'postpurchase-bench-'));
	const userFolder = path.join(work, 'n8n');
	const logFile = path.join(work, 'n8n.log');
	const undo = [async () => fs.rmSync(work, { recursive: true, force: true })];
	const stop = async () => {
		for (const step of undo.splice(0).reverse()) await step().catch((e) => log(`cleanup: ${e.message}`));
	};
	try {
		log(`part 2: installing the package into ${userFolder}`);
		installPackage(repoRoot, userFolder);
		const smtp = await startSmtpOutbox({ dir: path.join(work, 'outbox') });
		undo.push(() => smtp.close());
		const twilio = await startTwilioStandin({ dir: path.join(work, 'outbox'), ...TWILIO });
		undo.push(() => twilio.close());

		const port = await runtime.freePort();
		const env = runtime.n8nEnv({ userFolder, port, brokerPort: await runtime.freePort() });
		const credentialsFile = path.join(work, 'credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify(credentialsFor(smtp.port, twilio.baseUrl)));
		// Both workflows in one import: each n8n CLI call costs seconds of start-up.
		const workflowsFile = path.join(work, 'workflows.json');
		const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
		fs.writeFileSync(workflowsFile, JSON.stringify([read(path.join(repoRoot, 'workflows', 'delivery-updates.json')), read(path.join(__dirname, 'trivial-webhook.json'))]));
		log('part 2: importing credentials and both workflows, publishing them');
		runtime.n8nCli(['import:credentials', `--input=${credentialsFile}`], env);
		runtime.n8nCli(['import:workflow', `--input=${workflowsFile}`], env);
		for (const id of [JOURNEY_ID, TRIVIAL_ID]) runtime.n8nCli(['publish:workflow', `--id=${id}`], env);

		log('part 2: starting n8n');
		const n8n = await runtime.startN8n({ env, port, logFile });
		// Undo runs in reverse: n8n stops before the stand-ins close and the folder goes.
		undo.push(() => n8n.stop());
		const urls = { journey: `${n8n.url}/webhook/postpurchase/aftership`, trivial: `${n8n.url}/webhook/bench/trivial` };
		// Unsigned, the journey answers 401 once live; the trivial one answers 200.
		await waitForStatus(urls.journey, 401);
		await waitForStatus(urls.trivial, 200);
		return { urls, userFolder, logFile, smtp, twilio, ids: { journey: JOURNEY_ID, trivial: TRIVIAL_ID }, stop, fail: (error) => failWithLog(error, logFile, stop) };
	} catch (error) {
		await failWithLog(error, logFile, stop);
	}
}

/** n8n's log goes with the temp folder: keep its tail in the error that ends the bench. */
async function failWithLog(error, logFile, stop) {
	const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-1500) : '';
	await stop();
	if (tail) error.message += `\n--- n8n.log (tail) ---\n${tail}`;
	throw error;
}

module.exports = { startBenchN8n };
