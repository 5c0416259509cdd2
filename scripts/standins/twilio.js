'use strict';
// A local HTTP server speaking the part of Twilio's REST API the SMS channel uses: Basic auth,
// the Messages resource (create and fetch) with Twilio's JSON and error shapes. Each accepted SMS
// is filed as <dir>/sms/<nnn>-<sid>.txt.
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');

const { numberedWriter } = require('./files');
const { countSegments } = require('./sms-segments');

const API = '/2010-04-01';
const E164 = /^\+[1-9]\d{6,14}$/;
const ERROR_TITLES = { 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

function twilioError(status, code, message) {
	return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

/** RFC 2822, as Twilio writes dates: "Tue, 04 Mar 2025 10:00:00 +0000". */
function rfc2822(date) {
	return date.toUTCString().replace('GMT', '+0000');
}

async function readBody(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * @param {{ dir: string, port?: number, accountSid: string, authToken: string, optedOut?: string[],
 *   failFirst?: { status: number, count: number, retryAfter?: number } }} options
 */
async function startTwilioStandin({ dir, port = 0, accountSid, authToken, optedOut = [], failFirst }) {
	const files = numberedWriter(dir, 'sms');
	const messages = new Map();
	const requests = [];
	let failures = failFirst ? { ...failFirst } : { count: 0 };
	const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
	const messagesPath = `${API}/Accounts/${accountSid}/Messages.json`;
	const messagePath = new RegExp(`^${API}/Accounts/${accountSid}/Messages/(SM[0-9a-f]{32})\\.json$`);

	function createMessage(form) {
		const to = form.get('To');
		const from = form.get('From');
		const serviceSid = form.get('MessagingServiceSid');
		const body = form.get('Body');
		if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
		if (!from && !serviceSid) return twilioError(400, 21603, "A 'From' phone number is required.");
		if (!body) return twilioError(400, 21602, 'Message body is required.');
		// Twilio quotes the number here; the channel must not pass it on.
		if (!E164.test(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
		if (optedOut.includes(to)) return twilioError(400, 21610, 'Attempt to send to unsubscribed recipient');
		if (body.length > 1600) {
			return twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
		}
		const sid = `SM${crypto.randomBytes(16).toString('hex')}`;
		const now = rfc2822(new Date());
		const message = {
			account_sid: accountSid,
			api_version: '2010-04-01',
			body,
			date_created: now,
			date_sent: null,
			date_updated: now,
			direction: 'outbound-api',
			error_code: null,
			error_message: null,
			from: from || null,
			messaging_service_sid: serviceSid || null,
			num_media: '0',
			num_segments: String(countSegments(body)),
			price: null,
			price_unit: 'USD',
			sid,
			status: from ? 'queued' : 'accepted',
			subresource_uris: { media: `${API}/Accounts/${accountSid}/Messages/${sid}/Media.json` },
			to,
			uri: `${API}/Accounts/${accountSid}/Messages/${sid}.json`,
		};
		messages.set(sid, message);
		const base = files.next(sid);
		const header = `To: ${to}\nFrom: ${from || serviceSid}\nSid: ${sid}\nSegments: ${message.num_segments}\n\n`;
		fs.writeFileSync(`${base}.txt`, `${header}${body}\n`);
		return { status: 201, body: message };
	}

	function route(method, path, form, authorization) {
		if (authorization !== expectedAuth) {
			return { ...twilioError(401, 20003, 'Authenticate'), headers: { 'WWW-Authenticate': 'Basic realm="Twilio API"' } };
		}
		if (method === 'POST' && path === messagesPath) {
			if (failures.count > 0) {
				failures.count--;
				const failure = twilioError(failures.status, 20000 + failures.status, ERROR_TITLES[failures.status] || 'Error');
				const headers = failures.retryAfter === undefined ? {} : { 'Retry-After': String(failures.retryAfter) };
				return { ...failure, headers };
			}
			return createMessage(form);
		}
		const fetched = method === 'GET' && messagePath.exec(path);
		if (fetched && messages.has(fetched[1])) return { status: 200, body: messages.get(fetched[1]) };
		return twilioError(404, 20404, `The requested resource ${path} was not found`);
	}

	const server = http.createServer((req, res) => {
		readBody(req)
			.then((text) => {
				const path = new URL(req.url, 'http://127.0.0.1').pathname;
				const form = new URLSearchParams(text);
				requests.push({ method: req.method, path, headers: { ...req.headers }, form: Object.fromEntries(form) });
				const answer = route(req.method, path, form, req.headers.authorization);
				res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers });
				res.end(JSON.stringify(answer.body));
			})
			.catch(() => {
				res.writeHead(500);
				res.end();
			});
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const boundPort = server.address().port;

	return {
		port: boundPort,
		baseUrl: `http://127.0.0.1:${boundPort}`,
		messages: () => [...messages.values()],
		requests: () => requests.slice(),
		/** The next `count` message creations answer `status` (with Retry-After when given). */
		setFailures({ status, count, retryAfter }) {
			failures = { status, count, retryAfter };
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

module.exports = { startTwilioStandin };
