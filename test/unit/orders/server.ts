import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { axiosHttp } from '../../../lib/http/axios';
import type { OrderSourceContext } from '../../../lib/orders/types';

export interface Recorded {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: any;
}

export interface Reply {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface StandIn {
	url: string;
	requests: Recorded[];
	/** Every wait the client asked for, in ms. */
	waits: number[];
	ctx(credentials: Record<string, string>): OrderSourceContext;
	close(): Promise<void>;
}

export const NOW = new Date('2026-11-05T12:00:00Z');

export function fixture(name: string): any {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'orders', `${name}.json`), 'utf8'));
}

/** An API stand-in on 127.0.0.1 answering each request with what `handler` returns. */
export async function startStandIn(handler: (req: Recorded, index: number) => Reply): Promise<StandIn> {
	const requests: Recorded[] = [];
	const waits: number[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			const recorded: Recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined };
			requests.push(recorded);
			const reply = handler(recorded, requests.length - 1);
			res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
			res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		requests,
		waits,
		ctx: (credentials) => ({
			http: axiosHttp,
			credentials,
			now: () => NOW,
			sleep: async (ms: number) => {
				waits.push(ms);
			},
		}),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
