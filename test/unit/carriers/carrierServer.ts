import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in carrier API on 127.0.0.1 for adapter tests: routes by method + path, records every
 * request, and answers what each test scripts (JSON, 429 with Retry-After, 5xx, broken JSON, a
 * delay, or no answer at all for timeouts). Generic on purpose: any carrier adapter can use it.
 */

export interface RecordedRequest {
	method: string;
	/** Path without the query string. */
	path: string;
	query: Record<string, string>;
	/** Lower-case header names, as Node gives them. */
	headers: IncomingHttpHeaders;
	body: string;
}

export interface Reply {
	status?: number;
	headers?: Record<string, string>;
	/** Sent as JSON with content-type application/json. */
	json?: unknown;
	/** Sent as is (takes precedence over json). */
	body?: string;
	delayMs?: number;
	/** Never answer: the request hangs until the client gives up or the server closes. */
	hang?: boolean;
}

/** A fixed reply, or one computed from the request and its 1-based call number on the route. */
export type Responder = Reply | ((req: RecordedRequest, call: number) => Reply);

export const reply = {
	json: (json: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({ status, json, headers }),
	rateLimited: (retryAfterSeconds: number, json: unknown = { error: 'rate limited' }): Reply => ({
		status: 429,
		json,
		headers: { 'retry-after': String(retryAfterSeconds) },
	}),
	serverError: (status = 500, json: unknown = { error: 'server error' }): Reply => ({ status, json }),
	/** A JSON content type with a body that does not parse. */
	malformedJson: (status = 200): Reply => ({ status, body: '{"trackResponse": {"shipment": [', headers: { 'content-type': 'application/json' } }),
	hang: (): Reply => ({ hang: true }),
};

interface Route {
	replies: Responder[];
	calls: number;
}

export class CarrierServer {
	readonly requests: RecordedRequest[] = [];
	private readonly routes = new Map<string, Route>();
	private readonly timers = new Set<NodeJS.Timeout>();

	private constructor(
		private readonly server: Server,
		readonly url: string,
	) {}

	/** Starts on a free port of 127.0.0.1. */
	static async start(): Promise<CarrierServer> {
		let instance: CarrierServer | undefined;
		const server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => instance?.handle(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'), res));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		instance = new CarrierServer(server, `http://127.0.0.1:${port}`);
		return instance;
	}

	/**
	 * Scripts a route. Each call takes the next reply; the last one repeats. Calling `on` again
	 * for the same route replaces its script and resets its call count.
	 */
	on(method: string, path: string, ...replies: Responder[]): this {
		this.routes.set(`${method.toUpperCase()} ${path}`, { replies: replies.length ? replies : [{ status: 200, json: {} }], calls: 0 });
		return this;
	}

	/** Recorded requests for one route (all routes when no arguments). */
	calls(method?: string, path?: string): RecordedRequest[] {
		return this.requests.filter((r) => (!method || r.method === method.toUpperCase()) && (!path || r.path === path));
	}

	/** Forgets routes and recorded requests, keeps listening. */
	reset(): void {
		this.routes.clear();
		this.requests.length = 0;
	}

	async close(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private handle(method: string, rawUrl: string, headers: IncomingHttpHeaders, body: string, res: ServerResponse): void {
		const url = new URL(rawUrl, this.url);
		const request: RecordedRequest = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body };
		this.requests.push(request);
		const route = this.routes.get(`${method} ${url.pathname}`);
		if (!route) {
			// 501, not 404: an unscripted route must never pass for a carrier's "not found".
			this.write(res, { status: 501, json: { error: `no route for ${method} ${url.pathname}` } });
			return;
		}
		route.calls += 1;
		const responder = route.replies[Math.min(route.calls, route.replies.length) - 1]!;
		const scripted = typeof responder === 'function' ? responder(request, route.calls) : responder;
		if (scripted.hang) return;
		if (scripted.delayMs) {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				this.write(res, scripted);
			}, scripted.delayMs);
			this.timers.add(timer);
			return;
		}
		this.write(res, scripted);
	}

	private write(res: ServerResponse, scripted: Reply): void {
		if (res.destroyed) return;
		const headers: Record<string, string> = { ...scripted.headers };
		let payload = scripted.body;
		if (payload === undefined && scripted.json !== undefined) {
			payload = JSON.stringify(scripted.json);
			if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
		}
		res.writeHead(scripted.status ?? 200, headers);
		res.end(payload ?? '');
	}
}
