'use strict';
// A local Shopify Admin GraphQL endpoint (POST /admin/api/<version>/graphql.json) holding one
// order: test/fixtures/orders/shopify-order.json, in the documented response shape. It answers
// the queries lib/orders/shopify-schema.ts sends (OrderById, OrdersByQuery, TrackingScan,
// CustomerByEmail), so Order Lookup in the editor finds the order by id, number, email or
// tracking number. A wrong X-Shopify-Access-Token gets Shopify's 401.
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const FIXTURE = path.resolve(__dirname, '../../test/fixtures/orders/shopify-order.json');

function reply(res, status, body) {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

/** The quoted value of `field:"..."` in a search query (the client always quotes). */
function term(query, field) {
	const m = new RegExp(`${field}:"((?:[^"\\\\]|\\\\.)*)"`).exec(query ?? '');
	return m ? m[1].replace(/\\(.)/g, '$1') : undefined;
}

function answer(order, body) {
	const operation = /query\s+(\w+)/.exec(body.query ?? '')?.[1];
	const vars = body.variables ?? {};
	const email = order.email?.toLowerCase();
	switch (operation) {
		case 'OrderById':
			return { order: vars.id === order.id ? order : null };
		case 'OrdersByQuery': {
			const name = term(vars.query, 'name');
			const byEmail = term(vars.query, 'email');
			const hit = (name && name === order.name) || (byEmail && byEmail.toLowerCase() === email);
			return { orders: { nodes: hit ? [order] : [] } };
		}
		case 'TrackingScan': {
			const byEmail = term(vars.query, 'email');
			const hit = !byEmail || byEmail.toLowerCase() === email;
			const nodes = hit ? [{ id: order.id, fulfillments: order.fulfillments.map((f) => ({ trackingInfo: f.trackingInfo.map((t) => ({ number: t.number })) })) }] : [];
			return { orders: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } };
		}
		case 'CustomerByEmail':
			return { customers: { nodes: term(vars.query, 'email')?.toLowerCase() === email ? [order.customer] : [] } };
		default:
			return undefined;
	}
}

/** Starts the stand-in on a free loopback port; `requests()` lists the operations it answered. */
function startShopifyAdmin({ accessToken }) {
	const { order } = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')).data;
	const seen = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			if (req.method !== 'POST' || !/^\/admin\/api\/[\w-]+\/graphql\.json$/.test(req.url ?? '')) return reply(res, 404, { errors: 'Not Found' });
			if (req.headers['x-shopify-access-token'] !== accessToken) {
				return reply(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
			}
			let body;
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			} catch {
				return reply(res, 400, { errors: 'Bad Request' });
			}
			const data = answer(order, body);
			seen.push(/query\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '?');
			if (!data) return reply(res, 200, { errors: [{ message: 'Unknown query', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
			reply(res, 200, { data, extensions: { cost: { requestedQueryCost: 10, actualQueryCost: 5, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 } } } });
		});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({
				baseUrl: `http://127.0.0.1:${server.address().port}`,
				order,
				requests: () => [...seen],
				close: () => new Promise((r) => server.close(() => r())),
			}),
		),
	);
}

module.exports = { startShopifyAdmin };
