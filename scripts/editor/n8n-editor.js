'use strict';
// A real n8n editor for the browser test of the nodes (test/browser/editor-nodes.test.ts): the
// package installed as n8n installs community packages, an owner set up, credentials for every
// node imported and pointed at loopback stand-ins (SMTP outbox, Twilio, FedEx, Shopify Admin),
// one FedEx shipment on the poll trigger's watch list. All in a temp folder; `stop()` undoes it.
// `node scripts/editor/n8n-editor.js` keeps it running and prints the URL and login (to explore).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const runtime = require('../n8n-runtime');
const { installPackage } = require('../demo/install-package');
const { SECRETS } = require('../demo/scenario');
const { SHOPIFY_SECRET } = require('../demo/shop');
const { startSmtpOutbox } = require('../standins/smtp-outbox');
const { startTwilioStandin } = require('../standins/twilio');
const { createFedexStandin } = require('../standins/fedex');
const { startShopifyAdmin } = require('./shopify-admin');

const OWNER = { email: 'owner@example.test', firstName: 'Olive', lastName: 'Operator', password: 'Editor-test-password-1' };
const TWILIO = { accountSid: 'AC00000000000000000000000000000004', authToken: 'editor-test-twilio-token' };
const SHOPIFY_TOKEN = 'shpat_editor_test';
const PREFERENCES_SECRET = 'editor-test-preference-signing-secret';
/** On the watch list before n8n starts, so the poll trigger's "Fetch Test Event" has a shipment to look up. */
const WATCHED_FEDEX = '794644790201'; // a FedEx Express number with a valid check digit

/** Credential names as the pickers show them; one per type the nodes use. */
function credentialsFor({ smtpPort, twilioUrl, fedexUrl, shopifyUrl, n8nPort }) {
	const closed = 'http://127.0.0.1:9'; // a closed loopback port: no real provider is ever reached
	return [
		{ id: 'ed-aftership', name: 'AfterShip account', type: 'afterShipApi', data: { apiKey: 'editor', webhookSecret: SECRETS.aftership, baseUrl: closed } },
		{ id: 'ed-easypost', name: 'EasyPost account', type: 'easyPostApi', data: { apiKey: 'editor', webhookSecret: SECRETS.easypost, baseUrl: closed } },
		{ id: 'ed-smtp', name: 'Shop SMTP', type: 'postPurchaseSmtp', data: { host: '127.0.0.1', port: smtpPort, secure: false, requireTLS: false, user: '', password: '', ignoreSslIssues: true, hostName: 'editor.local' } },
		{ id: 'ed-twilio', name: 'Shop Twilio', type: 'postPurchaseTwilioApi', data: { ...TWILIO, baseUrl: twilioUrl } },
		{ id: 'ed-fedex', name: 'FedEx account', type: 'fedExApi', data: { clientId: 'editor-client', clientSecret: 'editor-secret', baseUrl: fedexUrl } },
		{ id: 'ed-shopify', name: 'Shopify store', type: 'shopifyAdminApi', data: { shopDomain: shopifyUrl, accessToken: SHOPIFY_TOKEN, webhookSecret: SHOPIFY_SECRET, apiVersion: '2026-07' } },
		{ id: 'ed-preferences', name: 'Preference Center', type: 'postPurchasePreferencesApi', data: { pageUrl: `http://127.0.0.1:${n8nPort}/webhook/postpurchase/preferences`, signingSecret: PREFERENCES_SECRET } },
	];
}

async function setupOwner(url) {
	// /healthz answers before the REST routes are mounted: until then the route is a 404.
	const deadline = Date.now() + 60_000;
	let res;
	for (;;) {
		res = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
		if (res.status !== 404 || Date.now() > deadline) break;
		await res.arrayBuffer();
		await new Promise((r) => setTimeout(r, 300));
	}
	if (!res.ok) throw new Error(`owner setup answered HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error('owner setup set no n8n-auth cookie');
	return cookie.split(';')[0].slice('n8n-auth='.length);
}

/** `packageRoot`: the built package to install (default this repo; another checkout to compare). */
async function startEditorN8n({ log = () => {}, packageRoot = process.env.POSTPURCHASE_EDITOR_PACKAGE || runtime.repoRoot } = {}) {
	await runtime.ensureN8n({ log });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'postpurchase-editor-'));
	const userFolder = path.join(work, 'n8n');
	const undo = [async () => fs.rmSync(work, { recursive: true, force: true })];
	const stop = async () => {
		for (const step of undo.splice(0).reverse()) await step().catch((e) => log(`cleanup: ${e.message}`));
	};
	try {
		log(`installing the package into ${userFolder}`);
		installPackage(packageRoot, userFolder);
		const outbox = path.join(work, 'outbox');
		const smtp = await startSmtpOutbox({ dir: outbox });
		undo.push(() => smtp.close());
		const twilio = await startTwilioStandin({ dir: outbox, ...TWILIO });
		undo.push(() => twilio.close());
		const fedex = createFedexStandin({ rate: 50 });
		const fedexUrl = `http://127.0.0.1:${await fedex.listen()}`;
		undo.push(() => fedex.close());
		const shopify = await startShopifyAdmin({ accessToken: SHOPIFY_TOKEN });
		undo.push(() => shopify.close());

		const { openSqliteStore } = require('../../dist/lib/store');
		const store = openSqliteStore(path.join(userFolder, '.n8n', 'postpurchase.sqlite'));
		await store.watchlist.watch({ trackingNumber: WATCHED_FEDEX, carrier: 'fedex' });
		await store.close();

		const port = await runtime.freePort();
		// Under jest NODE_ENV is "test", which makes n8n exit at start.
		const env = runtime.n8nEnv({ userFolder, port, brokerPort: await runtime.freePort(), extra: { NODE_ENV: 'production' } });
		const credentialsFile = path.join(work, 'credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify(credentialsFor({ smtpPort: smtp.port, twilioUrl: twilio.baseUrl, fedexUrl, shopifyUrl: shopify.baseUrl, n8nPort: port })));
		log('importing credentials');
		runtime.n8nCli(['import:credentials', `--input=${credentialsFile}`], env);
		fs.rmSync(credentialsFile);

		log('starting n8n');
		const logFile = path.join(work, 'n8n.log');
		const n8n = await runtime.startN8n({ env, port, logFile });
		undo.push(() => n8n.stop());
		const authCookie = await setupOwner(n8n.url);
		return { url: n8n.url, port, owner: OWNER, authCookie, smtp, twilio, fedex, shopify, userFolder, logFile, watchedFedex: WATCHED_FEDEX, stop };
	} catch (error) {
		// The folder goes with stop(): keep the end of n8n's log in the error.
		const tail = fs.existsSync(path.join(work, 'n8n.log')) ? fs.readFileSync(path.join(work, 'n8n.log'), 'utf8').slice(-1500) : '';
		await stop();
		if (tail) error.message += `\n--- end of n8n.log ---\n${tail}`;
		throw error;
	}
}

/** n8n's own parser for the execution data its REST API returns (the `flatted` format). */
function parseExecutionData(text) {
	return require(path.join(runtime.cacheDir(), 'node_modules', 'flatted')).parse(text);
}

module.exports = { startEditorN8n, parseExecutionData, OWNER, SHOPIFY_TOKEN };

if (require.main === module) {
	startEditorN8n({ log: (m) => console.log(m) }).then(async (editor) => {
		console.log(`n8n editor at ${editor.url}; sign in as ${editor.owner.email} / ${editor.owner.password}; Ctrl-C stops it`);
		console.log(JSON.stringify({ url: editor.url, authCookie: editor.authCookie, logFile: editor.logFile }));
		await new Promise((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
		await editor.stop();
		process.exit(0);
	}, (error) => {
		console.error(error.stack || error.message);
		process.exit(1);
	});
}
