'use strict';
// A local FedEx Track API for the demo and the poll bench: the OAuth token endpoint and
// POST /track/v1/trackingnumbers in the documented response shape (see
// test/fixtures/carriers/fedex/*.json). Numbers are in transit unless `states` says otherwise
// (out_for_delivery, delivered). It enforces a rate limit the way carriers do (429 + Retry-After).
const http = require('node:http');
const { performance } = require('node:perf_hooks');

const TOKEN = 'standin-token';

/** Same number, same answer: a second look finds nothing new, as with a parcel sitting still. */
function hash(s) {
	let h = 2166136261;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
	return h >>> 0;
}

const CITIES = [
	['MEMPHIS', 'TN', '38118'],
	['DALLAS', 'TX', '75261'],
	['INDIANAPOLIS', 'IN', '46241'],
	['OAKLAND', 'CA', '94621'],
	['NEWARK', 'NJ', '07114'],
];

const location = ([city, state, postalCode]) => ({ city, stateOrProvinceCode: state, postalCode, countryCode: 'US', residential: false, countryName: 'United States' });

function scan(date, eventType, eventDescription, derivedStatusCode, derivedStatus, city) {
	return { date, eventType, eventDescription, exceptionCode: '', exceptionDescription: '', scanLocation: location(city), locationType: 'FEDEX_FACILITY', derivedStatusCode, derivedStatus };
}

const LATEST = {
	in_transit: { code: 'AR', derivedCode: 'IT', description: 'Arrived at FedEx location', statusByLocale: 'In transit' },
	out_for_delivery: { code: 'OD', derivedCode: 'OD', description: 'On FedEx vehicle for delivery', statusByLocale: 'On FedEx vehicle for delivery' },
	delivered: { code: 'DL', derivedCode: 'DL', description: 'Delivered', statusByLocale: 'Delivered' },
};

/** One completeTrackResult in `state`, with scan dates and an estimate derived from the number. */
function trackResult(trackingNumber, state = 'in_transit', now = Date.now()) {
	const h = hash(trackingNumber);
	const pickup = state === 'in_transit' ? Date.UTC(2026, 10, 16, 15) + (h % 48) * 3_600_000 : now - 30 * 3_600_000;
	const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
	const from = CITIES[h % CITIES.length];
	const via = CITIES[(h >>> 8) % CITIES.length];
	const to = CITIES[(h >>> 16) % CITIES.length];
	const latest = LATEST[state];
	const scans = [
		scan(iso(pickup + 20 * 3_600_000), 'AR', 'Arrived at FedEx location', 'IT', 'In transit', via),
		scan(iso(pickup + 9 * 3_600_000), 'DP', 'Departed FedEx location', 'IT', 'In transit', from),
		scan(iso(pickup), 'PU', 'Picked up', 'PU', 'Picked up', from),
	];
	if (state !== 'in_transit') scans.unshift(scan(iso(pickup + 28 * 3_600_000), latest.code, latest.description, latest.derivedCode, latest.statusByLocale, to));
	return {
		trackingNumber,
		trackResults: [
			{
				trackingNumberInfo: { trackingNumber, carrierCode: 'FDXG', trackingNumberUniqueId: `2460~${trackingNumber}~FDEG` },
				additionalTrackingInfo: { nickname: '', packageIdentifiers: [], hasAssociatedShipments: false },
				shipperInformation: { contact: {}, address: location(from) },
				recipientInformation: { contact: {}, address: location(to) },
				latestStatusDetail: { ...latest, scanLocation: location(state === 'in_transit' ? via : to) },
				dateAndTimes: [
					{ type: 'ESTIMATED_DELIVERY', dateTime: iso(pickup + 3 * 86_400_000) },
					{ type: 'ACTUAL_PICKUP', dateTime: iso(pickup) },
				],
				serviceDetail: { type: 'FEDEX_GROUND', description: 'FedEx Ground', shortDescription: 'FG' },
				scanEvents: scans,
				availableImages: [],
				specialHandlings: [],
				packageDetails: { count: '1' },
				estimatedDeliveryTimeWindow: { window: {}, type: 'ESTIMATED_DELIVERY' },
				standardTransitTimeWindow: { window: { ends: iso(pickup + 4 * 86_400_000) } },
			},
		],
	};
}

/** Token bucket: `rate` per second, bursts of at most `burst`; the usual meaning of "R requests/s". */
function bucket(rate, burst) {
	let tokens = burst;
	let at = performance.now();
	return () => {
		const t = performance.now();
		tokens = Math.min(burst, tokens + ((t - at) * rate) / 1000);
		at = t;
		if (tokens >= 1) {
			tokens -= 1;
			return 0;
		}
		return ((1 - tokens) * 1000) / rate; // ms until the next request would pass
	};
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function send(res, status, body, headers = {}) {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
	res.end(text);
	return Buffer.byteLength(text);
}

function createFedexStandin({ rate = 20, burst = rate, states = {} } = {}) {
	const stats = { tokenRequests: 0, trackRequests: 0, numbersAnswered: 0, tooManyRequests: 0, unauthorized: 0, otherErrors: 0, bytesSent: 0 };
	let arrivals = []; // ms, of track requests let through: to check the spacing the limiter saw
	let allow = bucket(rate, burst);

	const server = http.createServer(async (req, res) => {
		try {
			const body = await readBody(req);
			if (req.method === 'POST' && req.url === '/oauth/token') {
				stats.tokenRequests++;
				const form = new URLSearchParams(body);
				if (form.get('grant_type') !== 'client_credentials' || !form.get('client_id') || !form.get('client_secret')) {
					stats.unauthorized++;
					return void send(res, 401, { errors: [{ code: 'NOT.AUTHORIZED.ERROR', message: 'The given client credentials were not valid.' }] });
				}
				stats.bytesSent += send(res, 200, { access_token: TOKEN, token_type: 'bearer', expires_in: 3599, scope: 'CXS' });
				return;
			}
			if (req.method === 'POST' && req.url === '/track/v1/trackingnumbers') {
				stats.trackRequests++;
				if (req.headers.authorization !== `Bearer ${TOKEN}`) {
					stats.unauthorized++;
					return void send(res, 401, { errors: [{ code: 'NOT.AUTHORIZED.ERROR', message: 'Access token expired or invalid.' }] });
				}
				const waitMs = allow();
				if (waitMs > 0) {
					stats.tooManyRequests++;
					const retryAfter = String(Math.max(1, Math.ceil(waitMs / 1000)));
					return void send(res, 429, { errors: [{ code: 'TOO.MANY.REQUESTS.ERROR', message: 'We have received too many requests in a short duration.' }] }, { 'retry-after': retryAfter });
				}
				arrivals.push(performance.now());
				const numbers = (JSON.parse(body).trackingInfo ?? []).map((t) => t.trackingNumberInfo.trackingNumber);
				stats.numbersAnswered += numbers.length;
				stats.bytesSent += send(res, 200, { transactionId: `standin-${stats.trackRequests}`, output: { completeTrackResults: numbers.map((n) => trackResult(n, states[n])) } });
				return;
			}
			stats.otherErrors++;
			send(res, 404, { errors: [{ code: 'NOT.FOUND.ERROR', message: 'The resource you requested is no longer available.' }] });
		} catch (error) {
			stats.otherErrors++;
			send(res, 500, { errors: [{ code: 'INTERNAL.SERVER.ERROR', message: String(error.message) }] });
		}
	});

	/** Most requests let through in any sliding second: what a stricter (windowed) limiter would see. */
	function maxPerSecond() {
		let max = 0;
		for (let i = 0, j = 0; i < arrivals.length; i++) {
			while (arrivals[i] - arrivals[j] >= 1000) j++;
			max = Math.max(max, i - j + 1);
		}
		return max;
	}

	return {
		server,
		stats: () => ({ ...stats, rate, burst, maxRequestsInAnySecond: maxPerSecond() }),
		reset() {
			for (const k of Object.keys(stats)) stats[k] = 0;
			arrivals = [];
			allow = bucket(rate, burst);
		},
		listen: () => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port))),
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { createFedexStandin, trackResult };
