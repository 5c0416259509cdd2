'use strict';
// Part 2: webhook throughput of the bundled journey against a trivial Webhook -> NoOp workflow,
// both in the same n8n in the same run. Both answer onReceived (before their run ends), so each
// phase also waits for n8n to finish the runs it accepted and counts them from its database.
const { startBenchN8n } = require('./n8n-setup');
const { journeyDeliveries } = require('./journey-requests');
const { load } = require('./load');
const { unfinished, executionsSince } = require('./executions');

async function drain(userFolder, workflowId, timeoutMs) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (unfinished(userFolder, workflowId) === 0) return { drained: true, seconds: (Date.now() - started) / 1000 };
		await new Promise((r) => setTimeout(r, 250));
	}
	return { drained: false, seconds: (Date.now() - started) / 1000 };
}

/** Loads one workflow, waits for its backlog, then reads what n8n ran. */
async function phase({ env, name, workflowId, url, duration, connections, body, onBody, log }) {
	log(`part 2: ${name}: ${connections} connections for ${duration} s`);
	const startMs = Date.now();
	const http = await load({ url, duration, connections, body, onBody });
	const loadEndMs = Date.now();
	const backlog = await drain(env.userFolder, workflowId, 90_000);
	const runs = executionsSince(env.userFolder, workflowId, startMs - 1000);
	const result = { http, backlog: { drained: backlog.drained, secondsAfterLoad: Number(backlog.seconds.toFixed(1)) } };
	if (runs) {
		const spanSeconds = ((runs.lastStoppedMs ?? loadEndMs) - startMs) / 1000;
		result.executions = {
			saved: runs.total,
			byStatus: runs.byStatus,
			// Finished runs over the time from the first request to the last run's end.
			finishedPerSec: Number(((runs.byStatus.success ?? 0) / spanSeconds).toFixed(2)),
			spanSeconds: Number(spanSeconds.toFixed(1)),
		};
	}
	log(`part 2: ${name}: ${http.requestsPerSec.mean} req/s, p50 ${http.latencyMs.p50} ms, p99 ${http.latencyMs.p99} ms, non-2xx ${http.non2xx}; ${result.executions ? `${result.executions.finishedPerSec} finished runs/s` : ''}`);
	return result;
}

const ratio = (a, b) => (b ? Number((a / b).toFixed(3)) : null);

async function benchN8nJourney({ repoRoot, duration = 10, connections = 10, preference = 'email', log }) {
	const env = await startBenchN8n({ repoRoot, log });
	const stopOnSignal = () => env.stop().finally(() => process.exit(130));
	process.once('SIGINT', stopOnSignal);
	process.once('SIGTERM', stopOnSignal);
	try {
		const deliveries = journeyDeliveries({ preference });
		// What the journey answers, by body: the trigger means to acknowledge with its counts.
		const answers = {};
		const countAnswer = (status, text) => {
			const key = `${status} ${text.slice(0, 80)}`;
			answers[key] = (answers[key] ?? 0) + 1;
		};
		// Warm-up: n8n loads nodes and compiles code on first use; keep that out of the figures.
		log('part 2: warming up both workflows');
		await load({ url: env.urls.trivial, duration: 2, connections: 2 });
		await load({ url: env.urls.journey, duration: 3, connections: 2, body: () => deliveries.next() });
		await drain(env.userFolder, env.ids.journey, 60_000);
		await drain(env.userFolder, env.ids.trivial, 60_000);

		const common = { env, duration, connections, log };
		const trivial = await phase({ ...common, name: 'trivial', workflowId: env.ids.trivial, url: env.urls.trivial });
		const emailsBefore = env.smtp.messages().length;
		const sentBefore = deliveries.count;
		const journey = await phase({ ...common, name: 'journey', workflowId: env.ids.journey, url: env.urls.journey, body: () => deliveries.next(), onBody: countAnswer });
		// Built includes requests still in flight when autocannon stopped; n8n ran those too.
		journey.deliveries = { signedDistinctBuilt: deliveries.count - sentBefore, answersByBody: answers };
		journey.emailsReceivedBySmtpStandin = env.smtp.messages().length - emailsBefore;

		return {
			n8nVersion: require('../n8n-runtime').N8N_VERSION,
			setup: {
				journey: 'workflows/delivery-updates.json, AfterShip trigger -> Classify -> Notify (email via local SMTP stand-in)',
				trivial: 'scripts/bench/trivial-webhook.json, Webhook (onReceived) -> NoOp',
				requests: `each journey request a distinct first scan of a new shipment, signed with the AfterShip HMAC; customer preference '${preference}'`,
				responseMode: 'both onReceived: n8n answers before the run ends, so see executions.finishedPerSec for runs completed',
				load: `autocannon, ${connections} connections, ${duration} s each, 127.0.0.1; trivial first, then journey, each after its backlog drained`,
				savedExecutions: 'n8n defaults (every execution saved, SQLite)',
			},
			trivial,
			journey,
			ratioJourneyToTrivial: {
				requestsPerSec: ratio(journey.http.requestsPerSec.mean, trivial.http.requestsPerSec.mean),
				finishedExecutionsPerSec: ratio(journey.executions?.finishedPerSec, trivial.executions?.finishedPerSec),
				latencyP50: ratio(journey.http.latencyMs.p50, trivial.http.latencyMs.p50),
			},
		};
	} catch (error) {
		await env.fail(error);
	} finally {
		process.removeListener('SIGINT', stopOnSignal);
		process.removeListener('SIGTERM', stopOnSignal);
		log('part 2: stopping n8n and the stand-ins');
		await env.stop();
	}
}

module.exports = { benchN8nJourney };
