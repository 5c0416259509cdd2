// The in-process n8n harness (scripts/inprocess.js) with small workflows of n8n-nodes-base nodes
// and a test-only package (fixtures/basic-auth-package) for credentials.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

type Json = Record<string, unknown>;
interface RunResult {
	status: 'success' | 'error' | 'waiting' | 'canceled';
	runData: Record<string, unknown[]>;
	outputsOf(nodeName: string): Json[][];
	waitTill?: Date;
	error?: { message: string; node?: string };
	resume(opts?: { now?: Date }): Promise<RunResult>;
}
interface Runtime {
	run(workflow: unknown, opts: { startNode: string; items: Json[]; now?: Date }): Promise<RunResult>;
	nodeTypeNames(): string[];
}

// Plain JS module (no build step), so require it; its types are restated above.
const { createRuntime } = require('../../scripts/inprocess') as {
	createRuntime(opts: { packageDirs?: string[]; baseNodes?: string[]; credentials?: Record<string, object> }): Promise<Runtime>;
};

const fixtures = path.join(__dirname, 'fixtures');
const fixture = (name: string): Json => JSON.parse(JSON.stringify(require(path.join(fixtures, name))));

// Loading n8n-core and the base nodes takes a few seconds the first time.
jest.setTimeout(60_000);

let runtime: Runtime;
let server: http.Server;
let seen: Array<{ url?: string; authorization?: string; tenant?: string | string[] }>;
let baseUrl: string;

beforeAll(async () => {
	seen = [];
	server = http.createServer((req, res) => {
		seen.push({ url: req.url, authorization: req.headers.authorization, tenant: req.headers['x-tenant'] });
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify({ ok: true, path: req.url }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	runtime = await createRuntime({
		baseNodes: ['webhook', 'set', 'noOp', 'if', 'wait', 'stickyNote'],
		packageDirs: [path.join(fixtures, 'basic-auth-package')],
		credentials: { harnessBasicApi: { user: 'shop', password: 's3cret' } },
	});
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

test('loads base nodes and package nodes under their n8n type names', () => {
	expect(runtime.nodeTypeNames()).toEqual(
		expect.arrayContaining(['n8n-nodes-base.webhook', 'n8n-nodes-base.wait', 'n8n-nodes-harness-fixture.harnessFetch']),
	);
});

test('Webhook → Set → NoOp: the start node emits the items and Set computes from them', async () => {
	const result = await runtime.run(fixture('webhook-set.json'), { startNode: 'Webhook', items: [{ body: { x: 21 } }, { body: { x: 2 } }] });
	expect(result.status).toBe('success');
	expect(result.error).toBeUndefined();
	expect(result.outputsOf('Done')).toEqual([[{ doubled: 42 }, { doubled: 4 }]]);
	// The trigger is not executed again: its run data is just the items it was given.
	expect(result.outputsOf('Webhook')).toEqual([[{ body: { x: 21 } }, { body: { x: 2 } }]]);
	expect(result.runData.Webhook).toHaveLength(1);
	expect(result.runData.Note).toBeUndefined();
});

test('runs are independent: the same workflow object can be run again', async () => {
	const workflow = fixture('webhook-set.json');
	const first = await runtime.run(workflow, { startNode: 'Webhook', items: [{ body: { x: 1 } }] });
	const second = await runtime.run(workflow, { startNode: 'Webhook', items: [{ body: { x: 5 } }] });
	expect(first.outputsOf('Done')).toEqual([[{ doubled: 2 }]]);
	expect(second.outputsOf('Done')).toEqual([[{ doubled: 10 }]]);
	expect(workflow).toEqual(fixture('webhook-set.json'));
});

test('IF routes items to its true and false outputs', async () => {
	const result = await runtime.run(fixture('if-route.json'), { startNode: 'Webhook', items: [{ amount: 150 }, { amount: 5 }, { amount: 101 }] });
	expect(result.status).toBe('success');
	expect(result.outputsOf('Big?')).toEqual([[{ amount: 150 }, { amount: 101 }], [{ amount: 5 }]]);
	expect(result.outputsOf('Big')).toEqual([[{ amount: 150 }, { amount: 101 }]]);
	expect(result.outputsOf('Small')).toEqual([[{ amount: 5 }]]);
	expect(result.outputsOf('Nowhere')).toEqual([]);
});

test('Wait "At Specified Time" in the future waits; resume() finishes with the data carried through', async () => {
	const until = new Date(Date.now() + 3 * 24 * 3600_000);
	const result = await runtime.run(fixture('wait-until.json'), {
		startNode: 'Webhook',
		items: [{ body: { until: until.toISOString(), order: 'A-1001' } }],
	});
	expect(result.status).toBe('waiting');
	expect(result.waitTill?.getTime()).toBe(until.getTime());
	expect(result.runData.After).toBeUndefined();

	const done = await result.resume();
	expect(done.status).toBe('success');
	expect(done.outputsOf('After')).toEqual([[{ order: 'A-1001', resumedAt: expect.any(String) }]]);
	// As in n8n, the waiting run of the Wait node is replaced by the resumed one.
	expect(done.runData.Wait).toHaveLength(1);
	expect(done.outputsOf('Wait')).toEqual([[{ body: { until: until.toISOString(), order: 'A-1001' } }]]);
	await expect(result.resume()).rejects.toThrow(/already resumed/);
	await expect(done.resume()).rejects.toThrow(/waiting/);
});

test('with `now`, time runs from then: a 2 h interval waits until now + 2 h and resumes at that time', async () => {
	const now = new Date('2024-03-01T10:00:00Z');
	const result = await runtime.run(fixture('wait-until.json'), {
		startNode: 'Webhook',
		items: [{ body: { until: '2024-03-01T12:00:00Z', order: 'B-7' } }],
		now,
	});
	expect(result.status).toBe('waiting');
	expect(result.waitTill?.toISOString()).toBe('2024-03-01T12:00:00.000Z');
	const done = await result.resume();
	expect(done.status).toBe('success');
	const [[after]] = done.outputsOf('After');
	const resumedAt = new Date(after.resumedAt as string).getTime();
	expect(resumedAt).toBeGreaterThanOrEqual(Date.parse('2024-03-01T12:00:00Z'));
	expect(resumedAt).toBeLessThan(Date.parse('2024-03-01T12:01:00Z'));
	// The real clock is back once the run is over.
	expect(new Date().getFullYear()).toBeGreaterThan(2024);

	const interval = await runtime.run(fixture('wait-interval.json'), { startNode: 'Webhook', items: [{ n: 1 }], now });
	expect(interval.status).toBe('waiting');
	expect(Math.abs((interval.waitTill?.getTime() ?? 0) - Date.parse('2024-03-01T12:00:00Z'))).toBeLessThan(5_000);
	expect((await interval.resume()).outputsOf('Done')).toEqual([[{ n: 1 }]]);
});

test('a wait under 65 seconds sleeps in-process, as in n8n', async () => {
	const workflow = fixture('wait-interval.json') as { nodes: Array<{ name: string; parameters: Json }> };
	workflow.nodes.find((n) => n.name === 'Wait')!.parameters = { amount: 0.2, unit: 'seconds' };
	const started = Date.now();
	const result = await runtime.run(workflow, { startNode: 'Webhook', items: [{ n: 2 }] });
	expect(result.status).toBe('success');
	expect(Date.now() - started).toBeGreaterThanOrEqual(150);
	expect(result.outputsOf('Done')).toEqual([[{ n: 2 }]]);
});

test('an erroring node gives status error naming the node, without throwing', async () => {
	const result = await runtime.run(fixture('error-node.json'), { startNode: 'Webhook', items: [{ body: { amount: 'twelve' } }] });
	expect(result.status).toBe('error');
	expect(result.error).toEqual(expect.objectContaining({ node: 'Broken Set', message: expect.stringContaining("'amount' expects a number") }));
	expect(result.runData.Never).toBeUndefined();
});

test('a node that continues on fail does not fail the run', async () => {
	const workflow = fixture('fetch-auth.json') as { nodes: Array<{ name: string; parameters: Json; onError?: string }> };
	const fetch = workflow.nodes.find((n) => n.name === 'Fetch')!;
	fetch.parameters.fail = true;
	const failing = await runtime.run(workflow, { startNode: 'Webhook', items: [{ body: { url: baseUrl } }] });
	expect(failing.status).toBe('error');
	expect(failing.error).toEqual({ node: 'Fetch', message: 'Harness fetch was told to fail' });

	fetch.onError = 'continueRegularOutput';
	const continued = await runtime.run(workflow, { startNode: 'Webhook', items: [{ body: { url: baseUrl } }] });
	expect(continued.status).toBe('success');
	expect(continued.error).toBeUndefined();
});

test('httpRequestWithAuthentication applies the credential type generic authenticate', async () => {
	seen.length = 0;
	const result = await runtime.run(fixture('fetch-auth.json'), { startNode: 'Webhook', items: [{ body: { url: `${baseUrl}/orders` } }] });
	expect(result.error).toBeUndefined();
	expect(result.status).toBe('success');
	expect(seen).toEqual([
		{
			url: '/orders?source=harness',
			authorization: `Basic ${Buffer.from('shop:s3cret').toString('base64')}`,
			// Unset credential fields take the credential type's defaults, as n8n does.
			tenant: 'default-tenant',
		},
	]);
	expect(result.outputsOf('Fetch')).toEqual([[{ ok: true, path: '/orders?source=harness' }]]);
});

test('unknown node types give status error rather than a throw', async () => {
	const workflow = fixture('webhook-set.json') as { nodes: Array<{ name: string; type: string }> };
	workflow.nodes.find((n) => n.name === 'Done')!.type = 'n8n-nodes-base.notLoaded';
	const result = await runtime.run(workflow, { startNode: 'Webhook', items: [{ body: { x: 1 } }] });
	expect(result.status).toBe('error');
	expect(result.error?.message).toMatch(/issues/i);
	await expect(runtime.run(workflow, { startNode: 'Nope', items: [] })).rejects.toThrow(/not found/);
});
