'use strict';
// One bounded autocannon run against a loopback URL, summarized to the figures the bench reports.
const autocannon = require('autocannon');

/**
 * @param {{ url: string, duration: number, connections: number, body?: () => { body: string, headers: object },
 *   onBody?: (status: number, body: string) => void }} options
 */
function load({ url, duration, connections, body, onBody }) {
	const request = {
		method: 'POST',
		// A fresh body per request when asked: the journey needs every delivery distinct.
		setupRequest: (req) => {
			const next = body ? body() : { body: '{"ping":true}', headers: { 'content-type': 'application/json' } };
			return { ...req, method: 'POST', body: next.body, headers: next.headers };
		},
		onResponse: onBody ? (status, responseBody) => onBody(status, String(responseBody)) : undefined,
	};
	return new Promise((resolve, reject) => {
		autocannon({ url, duration, connections, timeout: 30, requests: [request] }, (error, result) => {
			if (error) return reject(error);
			resolve(summarize(result));
		});
	});
}

function summarize(r) {
	return {
		durationSeconds: r.duration,
		connections: r.connections,
		requests: r.requests.total,
		requestsPerSec: { mean: r.requests.average, stddev: Number(r.requests.stddev.toFixed(2)), min: r.requests.min, max: r.requests.max },
		latencyMs: { p50: r.latency.p50, p99: r.latency.p99, mean: r.latency.average, max: r.latency.max },
		status2xx: r['2xx'],
		non2xx: r.non2xx,
		errors: r.errors,
		timeouts: r.timeouts,
	};
}

module.exports = { load };
