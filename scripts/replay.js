'use strict';
// `npm run replay -- <workflow.json> <deliveries.jsonl> [--out <dir>]`
// A dry run of a journey: runs the workflow in-process over recorded webhook deliveries, in time
// order on a simulated clock, with every message captured by local SMTP and Twilio stand-ins
// instead of reaching anyone. Quiet-hour waits are resumed when the simulated clock reaches them.
// Writes <out>/outbox.jsonl (one line per message decision) and the captured mail and SMS, and
// prints a summary table. The store is a fresh file in <out>, so duplicates and caps behave as
// they would have from the first recorded delivery on.
require('./node24').ensureNode24();
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const PACKAGE = 'n8n-nodes-postpurchase';
/** Where each node keeps its Store File option. */
const STORE_OPTION_GROUP = {
	[`${PACKAGE}.shipmentTrackingTrigger`]: 'options',
	[`${PACKAGE}.deliveryClassifier`]: 'options',
	[`${PACKAGE}.customerNotify`]: 'settings',
};

function usage(message) {
	if (message) console.error(`replay: ${message}`);
	console.error('usage: npm run replay -- <workflow.json> <deliveries.jsonl> [--out <dir>]');
	console.error('  each line of deliveries.jsonl: {"provider": "aftership" | "easypost", "payload": {...}, "receivedAt": "<ISO>"?}');
	process.exit(2);
}

function parseArgs(argv) {
	const positional = [];
	let out = path.join(process.cwd(), '.replay-out');
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--out') out = path.resolve(argv[++i] ?? usage('--out needs a folder'));
		else if (argv[i].startsWith('--out=')) out = path.resolve(argv[i].slice(6));
		else positional.push(argv[i]);
	}
	if (positional.length !== 2) usage();
	return { workflowFile: path.resolve(positional[0]), deliveriesFile: path.resolve(positional[1]), out };
}

/** Reads the recorded deliveries; a bad line is named by its number, never quoted. */
function readDeliveries(file) {
	const lines = fs.readFileSync(file, 'utf8').split('\n');
	const deliveries = [];
	lines.forEach((line, index) => {
		if (!line.trim()) return;
		let record;
		try {
			record = JSON.parse(line);
		} catch {
			throw new Error(`${path.basename(file)} line ${index + 1}: not valid JSON`);
		}
		if (typeof record.provider !== 'string' || typeof record.payload !== 'object' || record.payload === null) {
			throw new Error(`${path.basename(file)} line ${index + 1}: needs "provider" (string) and "payload" (object)`);
		}
		const receivedAt = record.receivedAt ? new Date(record.receivedAt) : undefined;
		if (receivedAt && Number.isNaN(receivedAt.getTime())) throw new Error(`${path.basename(file)} line ${index + 1}: receivedAt is not an ISO date`);
		deliveries.push({ line: index + 1, provider: record.provider.toLowerCase(), payload: record.payload, receivedAt });
	});
	return deliveries;
}

async function replay({ workflowFile, deliveriesFile, out, quiet = false }) {
	if (!fs.existsSync(path.join(root, 'dist', 'lib', 'index.js'))) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
	const lib = require(path.join(root, 'dist', 'lib'));
	const { createRuntime } = require('./inprocess');
	const { startSmtpOutbox } = require('./standins/smtp-outbox');
	const { startTwilioStandin } = require('./standins/twilio');
	const { channelCredentials } = require('./standins/credentials');
	const { printTable } = require('./demo/report');

	const workflow = JSON.parse(fs.readFileSync(workflowFile, 'utf8'));
	const deliveries = readDeliveries(deliveriesFile);
	// Events without a receivedAt take the time their own payload gives, else the previous one's.
	let last = deliveries.find((d) => d.receivedAt)?.receivedAt ?? new Date();
	for (const d of deliveries) {
		if (!d.receivedAt) d.receivedAt = eventTime(lib, d) ?? last;
		last = d.receivedAt;
	}
	deliveries.sort((a, b) => a.receivedAt - b.receivedAt || a.line - b.line);

	fs.rmSync(out, { recursive: true, force: true });
	fs.mkdirSync(out, { recursive: true });
	const storePath = path.join(out, 'replay-store.sqlite');
	for (const node of workflow.nodes) {
		// Every node shares the replay's own store, whatever file the live workflow uses.
		const group = STORE_OPTION_GROUP[node.type];
		if (group) node.parameters = { ...node.parameters, [group]: { ...node.parameters?.[group], storePath } };
	}

	const accountSid = 'AC00000000000000000000000000000000';
	const smtp = await startSmtpOutbox({ dir: out });
	const twilio = await startTwilioStandin({ dir: out, accountSid, authToken: 'replay' });
	const runtime = await createRuntime({
		packageDirs: [root],
		baseNodes: baseNodesOf(workflow),
		credentials: {
			...channelCredentials({ smtp, twilio, twilioAccount: { accountSid, authToken: 'replay' } }),
		},
	});
	const store = lib.openStore({ path: storePath });
	const triggers = workflow.nodes.filter((n) => n.type === `${PACKAGE}.shipmentTrackingTrigger` && !n.disabled);
	const notifyNodes = workflow.nodes.filter((n) => n.type === `${PACKAGE}.customerNotify`).map((n) => n.name);

	const decisions = [];
	const waiting = [];
	const collect = (result, at) => {
		for (const name of notifyNodes) {
			(result.outputsOf(name) ?? []).forEach((items) => {
				for (const item of items ?? []) if (item.notification) decisions.push(decisionLine(item, at));
			});
		}
		if (result.status === 'waiting') waiting.push(result);
		if (result.status === 'error') console.error(`replay: execution failed in node "${result.error?.node}": ${result.error?.message}`);
	};
	const resumeUntil = async (until) => {
		waiting.sort((a, b) => a.waitTill - b.waitTill);
		while (waiting.length && (!until || waiting[0].waitTill <= until)) {
			const next = waiting.shift();
			collect(await next.resume({ now: next.waitTill }), next.waitTill);
		}
	};

	let skipped = 0;
	for (const d of deliveries) {
		await resumeUntil(d.receivedAt);
		const trigger = triggers.find((t) => (t.parameters?.provider ?? 'aftership') === d.provider);
		if (!trigger) throw new Error(`line ${d.line}: the workflow has no Shipment Tracking Trigger for provider "${d.provider}"`);
		let events;
		try {
			events = lib.normalize(d.provider, d.payload);
		} catch (error) {
			console.error(`replay: line ${d.line} skipped: ${error.message}`);
			skipped++;
			continue;
		}
		const fresh = await lib.dropSeen(events, store, d.receivedAt, lib.DEDUPE_TTL_MS);
		if (fresh.length === 0) continue;
		const items = fresh.map((event) => ({ ...event, shipmentKey: lib.shipmentKey(event.trackingNumber, event.carrier), raw: d.payload }));
		collect(await runtime.run(workflow, { startNode: trigger.name, items, now: d.receivedAt }), d.receivedAt);
	}
	await resumeUntil(undefined);

	fs.writeFileSync(path.join(out, 'outbox.jsonl'), decisions.map((d) => JSON.stringify(d)).join('\n') + (decisions.length ? '\n' : ''));
	await store.close();
	await smtp.close();
	await twilio.close();
	if (!quiet) {
		printTable(decisions, (m) => console.log(m));
		const counts = decisions.reduce((acc, d) => ({ ...acc, [d.status]: (acc[d.status] ?? 0) + 1 }), {});
		console.log(`\n${deliveries.length} deliveries (${skipped} skipped), ${decisions.length} decisions: ${JSON.stringify(counts)}`);
		console.log(`written: ${path.join(out, 'outbox.jsonl')}; captured messages under ${out}/email and ${out}/sms`);
	}
	return { decisions, skipped };
}

function eventTime(lib, delivery) {
	try {
		const [event] = lib.normalize(delivery.provider, delivery.payload);
		return event ? new Date(event.emittedAt ?? event.occurredAt) : undefined;
	} catch {
		return undefined;
	}
}

function baseNodesOf(workflow) {
	const names = new Set();
	for (const n of workflow.nodes) if (n.type.startsWith('n8n-nodes-base.')) names.add(n.type.slice('n8n-nodes-base.'.length));
	return [...names];
}

/** One outbox line; absent values are null so every line has the same keys. */
function decisionLine(item, at) {
	const n = item.notification;
	return {
		trackingNumber: item.trackingNumber,
		trigger: item.assessment?.trigger ?? item.trigger,
		channel: n.channel,
		to: n.to ?? null,
		status: n.status,
		reasonCode: n.reasonCode ?? null,
		reason: n.reason ?? null,
		sendAt: n.sendAt ?? null,
		providerMessageId: n.providerMessageId ?? null,
		subject: n.message?.subject ?? null,
		at: new Date(at).toISOString(),
	};
}

module.exports = { replay, readDeliveries };

if (require.main === module) {
	replay(parseArgs(process.argv.slice(2))).catch((error) => {
		console.error(`replay: ${error.message}`);
		process.exit(1);
	});
}
