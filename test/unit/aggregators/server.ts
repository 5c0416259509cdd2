import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { axiosHttp } from '../../../lib/http/axios';
import type { AggregatorContext } from '../../../lib/aggregators/types';

export interface Recorded {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

export interface Reply {
	status?: number;
	/** JSON body; `raw` wins when both are given. */
	body?: unknown;
	raw?: string;
	headers?: Record<string, string>;
}

export interface TestServer {
	baseUrl: string;
	requests: Recorded[];
	ctx(apiKey?: string): AggregatorContext;
	close(): Promise<void>;
}

export function aggregatorFixture(name: string): Record<string, any> {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'aggregators', `${name}.json`), 'utf8'));
}

/** A stand-in API on 127.0.0.1 answering each request with what `handler` returns. */
export async function startServer(handler: (req: Recorded) => Reply): Promise<TestServer> {
	const requests: Recorded[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			const recorded: Recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined };
			requests.push(recorded);
			const reply = handler(recorded);
			const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
			res.writeHead(reply.status ?? 200, { 'content-type': reply.raw === undefined ? 'application/json' : 'text/plain', ...reply.headers });
			res.end(payload);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		baseUrl,
		requests,
		ctx: (apiKey = 'test_key_1') => ({ http: axiosHttp, credentials: { apiKey, baseUrl }, now: () => new Date('2025-09-01T00:00:00Z') }),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
