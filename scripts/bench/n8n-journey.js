'use strict';
// Part 2: webhook throughput of the bundled journey against a trivial Webhook -> NoOp workflow,
// both in the same n8n in the same run, alternated over rounds so machine noise shows. Both answer
// onReceived (once the run is started, not finished), so each phase also waits for n8n to finish
// the runs it accepted and counts them from n8n's own database.
const { startBenchN8n } = require('./n8n-setup');
const { journeyDeliveries } = require('./journey-requests');
const { load } = require('./load');
const { unfinished, executionsSince } = require('./executions');
const { summary } = require('./stats');

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
	const startMs = Date.now();
	const http = await load({ url, duration, connections, body, onBody });
	const loadEndMs = Date.now();
	const backlog = await drain(env.userFolder, workflowId, 90_000);
	const runs = executionsSince(env.userFolder, workflowId, startMs - 1000);
	const result = { http, backlog: { drained: backlog.drained, secondsAfterLoad: Number(backlog.seconds.toFixed(1)) } };
	if (runs) {
		const spanSeconds = ((runs.lastStoppedMs ?? loadEndMs) - startMs) / 1000;
		result.executions = {
			// Includes requests still in flight when autocannon stopped counting: n8n ran them too.
			saved: runs.total,
			byStatus: runs.byStatus,
			// Successful runs over the time from the first request to the last run's end.
			finishedPerSec: Number(((runs.byStatus.success ?? 0) / spanSeconds).toFixed(2)),
			spanSeconds: Number(spanSeconds.toFixed(1)),
		};
	}
	log(`part 2: ${name}: ${http.requestsPerSec.mean} req/s, p50 ${http.latencyMs.p50} ms, p99 ${http.latencyMs.p99} ms, non-2xx ${http.non2xx}${result.executions ? `; ${result.executions.finishedPerSec} finished runs/s` : ''}`);
	return result;
}

const ratio = (a, b) => (a != null && b ? Number((a / b).toFixed(3)) : null);

function across(rounds) {
	return {
		requestsPerSec: summary(rounds.map((r) => r.http.requestsPerSec.mean), 2),
		latencyP50Ms: summary(rounds.map((r) => r.http.latencyMs.p50)),
		latencyP99Ms: summary(rounds.map((r) => r.http.latencyMs.p99)),
		non2xx: rounds.reduce((sum, r) => sum + r.http.non2xx, 0),
		errorsAndTimeouts: rounds.reduce((sum, r) => sum + r.http.errors + r.http.timeouts, 0),
		...(rounds[0].executions ? { finishedExecutionsPerSec: summary(rounds.map((r) => r.executions.finishedPerSec), 2), executionsSaved: rounds.reduce((sum, r) => sum + r.executions.saved, 0) } : {}),
	};
}

async function benchN8nJourney({ repoRoot, duration = 10, connections = 10, rounds = 2, preference = 'email', log }) {
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
		const trivial = [];
		const journey = [];
		const emailsBefore = env.smtp.messages().length;
		const smsBefore = env.twilio.messages?.().length;
		for (let r = 1; r <= rounds; r++) {
			log(`part 2: round ${r}/${rounds}: trivial, then journey, ${connections} connections for ${duration} s each`);
			trivial.push(await phase({ ...common, name: 'trivial', workflowId: env.ids.trivial, url: env.urls.trivial }));
			journey.push(await phase({ ...common, name: 'journey', workflowId: env.ids.journey, url: env.urls.journey, body: () => deliveries.next(), onBody: countAnswer }));
		}
		const journeyRuns = journey.reduce((sum, r) => sum + (r.executions?.saved ?? 0), 0);
		const t = across(trivial);
		const j = across(journey);
		return {
			n8nVersion: require('../n8n-runtime').N8N_VERSION,
			setup: {
				journey: 'workflows/delivery-updates.json: AfterShip trigger -> Classify Event -> Notify Customer (email through the local SMTP stand-in)',
				trivial: 'scripts/bench/trivial-webhook.json: Webhook (onReceived) -> NoOp',
				requests: `every journey request a distinct first scan of a new shipment, AfterShip-HMAC signed; customer preference '${preference}'`,
				responseMode: 'both onReceived: n8n answers once a run is started, so finishedExecutionsPerSec (from its database) is the work actually done',
				load: `autocannon on 127.0.0.1, ${connections} connections, ${duration} s per phase, ${rounds} rounds of trivial then journey, each phase after the previous backlog drained`,
				savedExecutions: 'n8n defaults: SQLite, every execution saved',
			},
			trivial: { ...t, rounds: trivial },
			journey: {
				...j,
				emailsReceivedBySmtpStandin: env.smtp.messages().length - emailsBefore,
				journeyExecutions: journeyRuns,
				smsSent: smsBefore === undefined ? undefined : env.twilio.messages().length - smsBefore,
				answersByBody: answers,
				rounds: journey,
			},
			ratioJourneyToTrivial: {
				requestsPerSec: ratio(j.requestsPerSec.median, t.requestsPerSec.median),
				finishedExecutionsPerSec: ratio(j.finishedExecutionsPerSec?.median, t.finishedExecutionsPerSec?.median),
				latencyP50: ratio(j.latencyP50Ms.median, t.latencyP50Ms.median),
				perRoundRequestsPerSec: trivial.map((tr, i) => ratio(journey[i].http.requestsPerSec.mean, tr.http.requestsPerSec.mean)),
			},
		};
	} catch (error) {
		return env.fail(error);
	} finally {
		process.removeListener('SIGINT', stopOnSignal);
		process.removeListener('SIGTERM', stopOnSignal);
		log('part 2: stopping n8n and the stand-ins');
		await env.stop();
	}
}

module.exports = { benchN8nJourney };
