import { createServer, type IncomingMessage, type Server } from 'node:http';

import { axiosHttp } from '../../../lib/http/axios';

interface Seen {
	method?: string;
	url?: string;
	contentType?: string;
	body: string;
}

let server: Server;
let baseUrl: string;
let seen: Seen[];

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
	seen = [];
	server = createServer((req, res) => {
		void readBody(req).then((body) => {
			seen.push({ method: req.method, url: req.url, contentType: req.headers['content-type'], body });
			if (req.url?.startsWith('/json')) {
				res.writeHead(404, { 'Content-Type': 'application/json', 'X-Request-Id': 'r1' });
				res.end('{"code":20404,"message":"not found"}');
			} else if (req.url?.startsWith('/slow')) {
				setTimeout(() => res.end('late'), 2000).unref();
			} else {
				res.writeHead(502, { 'Content-Type': 'text/html' });
				res.end('<html>Bad gateway</html>');
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
	seen = [];
});

describe('axiosHttp', () => {
	it('returns error statuses instead of throwing, with parsed JSON and lower-case headers', async () => {
		const response = await axiosHttp({ method: 'GET', url: `${baseUrl}/json`, qs: { page: 2, all: true, q: 'a b' } });
		expect(response.status).toBe(404);
		expect(response.body).toEqual({ code: 20404, message: 'not found' });
		expect(response.headers['x-request-id']).toBe('r1');
		expect(seen[0].url).toBe('/json?page=2&all=true&q=a+b');
	});

	it('keeps a non-JSON body as text', async () => {
		const response = await axiosHttp({ method: 'GET', url: `${baseUrl}/html` });
		expect(response).toMatchObject({ status: 502, body: '<html>Bad gateway</html>' });
	});

	it('sends a form body url-encoded', async () => {
		await axiosHttp({ method: 'POST', url: `${baseUrl}/json`, form: { To: '+14155550123', Body: 'a & b' } });
		expect(seen[0]).toMatchObject({ method: 'POST', contentType: 'application/x-www-form-urlencoded' });
		expect(Object.fromEntries(new URLSearchParams(seen[0].body))).toEqual({ To: '+14155550123', Body: 'a & b' });
	});

	it('sends a JSON body as JSON', async () => {
		await axiosHttp({ method: 'PUT', url: `${baseUrl}/json`, json: { tracking: { id: 1 } } });
		expect(seen[0]).toMatchObject({ method: 'PUT', contentType: 'application/json', body: '{"tracking":{"id":1}}' });
	});

	it('throws when no response comes within the timeout', async () => {
		await expect(axiosHttp({ method: 'GET', url: `${baseUrl}/slow`, timeoutMs: 50 })).rejects.toThrow(/timeout/i);
	});
});
