// The Carrier Tracking node, built, run in-process by n8n-core (scripts/inprocess.js): detect →
// track (auto: the FedEx and UPS APIs, stand-ins on 127.0.0.1 answering in their documented
// shapes) → watch (the poll trigger's watch list in a temp SQLite file). Needs `npm run build`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openSqliteStore } from '../../lib/store/sqlite';
import { shipmentKey } from '../../lib/store/types';
import { CarrierServer, reply } from '../unit/carriers/carrierServer';
import { FEDEX_TOKEN, FEDEX_TRACK, fedexNumbersOf, fedexToken, fedexTrack, UPS_TOKEN, upsBody, upsToken, upsTrackPath } from '../unit/tracking/carrierReplies';
import { fedex12, ups1Z } from '../unit/tracking/checkDigits';

type Json = Record<string, any>;
interface RunResult {
	status: 'success' | 'error' | 'waiting' | 'canceled';
	outputsOf(nodeName: string): Json[][];
	error?: { message: string; node?: string; description?: string };
}
interface Runtime {
	run(workflow: unknown, opts: { startNode: string; items: Json[]; now?: Date }): Promise<RunResult>;
}
const { createRuntime } = require('../../scripts/inprocess') as {
	createRuntime(opts: { packageDirs?: string[]; baseNodes?: string[]; credentials?: Record<string, object> }): Promise<Runtime>;
};

const root = path.resolve(__dirname, '../..');
const FIXTURE: Json = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'carrier-tracking.json'), 'utf8'));

const FEDEX_NUMBER = fedex12('79460000000');
const UNKNOWN_FEDEX = fedex12('79460000001');
const UPS_NUMBER = ups1Z('999AA1012345678');
// Token caches live for the n8n process: credentials of their own keep other test files' tokens apart.
const CLIENT = `carrier-nodes-${process.pid}`;

jest.setTimeout(60_000);

let runtime: Runtime;
let server: CarrierServer;
let tmp: string;

beforeAll(async () => {
	if (!fs.existsSync(path.join(root, 'dist/nodes/CarrierTracking/CarrierTracking.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` before the workflow tests (npm test does)');
	}
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postpurchase-carrier-nodes-'));
	server = await CarrierServer.start();
	runtime = await createRuntime({
		packageDirs: [root],
		baseNodes: ['noOp'],
		credentials: {
			fedExApi: { clientId: `${CLIENT}-fedex`, clientSecret: 'fedex-secret', baseUrl: server.url },
			upsApi: { clientId: `${CLIENT}-ups`, clientSecret: 'ups-secret', baseUrl: server.url },
		},
	});
});

afterAll(async () => {
	await server.close();
	fs.rmSync(tmp, { recursive: true, force: true });
});

let storeFiles = 0;
let storePath: string;
beforeEach(() => {
	server.reset();
	server.on('POST', FEDEX_TOKEN, fedexToken()).on('POST', FEDEX_TRACK, fedexTrack({ notFound: [UNKNOWN_FEDEX] }));
	server.on('POST', UPS_TOKEN, upsToken()).on('GET', upsTrackPath(UPS_NUMBER), reply.json(upsBody(UPS_NUMBER, 'out-for-delivery')));
	storePath = path.join(tmp, `store-${++storeFiles}.sqlite`);
});

/** The fixture with its store in this test's file, and changes to named nodes. */
function workflow(changes: Record<string, Json> = {}): Json {
	const copy = structuredClone(FIXTURE);
	for (const node of copy.nodes) {
		if (node.name === 'Start Watching') node.parameters.options.storePath = storePath;
		Object.assign(node, changes[node.name] ?? {});
	}
	return copy;
}

const ADA = { name: 'Ada Example', email: 'ada@example.com' };
const GRACE = { name: 'Grace Example', phone: '+13125550142' };

test('detect → track (auto) → watch: FedEx and UPS numbers through their own APIs, onto the watch list', async () => {
	const items = [
		{ trackingNumber: FEDEX_NUMBER, order: { number: '#1042' }, customer: ADA },
		{ trackingNumber: UPS_NUMBER, order: { number: '#1043' }, customer: GRACE },
	];
	const result = await runtime.run(workflow(), { startNode: 'Start', items });
	expect(result.error).toBeUndefined();
	expect(result.status).toBe('success');

	const [detected] = result.outputsOf('Detect Carrier');
	expect(detected).toEqual([
		// The input goes on (order, customer) with the detection beside it.
		{ ...items[0], trackingNumber: FEDEX_NUMBER, carrier: 'fedex', format: 'FedEx Express (12)', normalized: FEDEX_NUMBER, checkDigitValid: true, candidates: [] },
		expect.objectContaining({ ...items[1], trackingNumber: UPS_NUMBER, carrier: 'ups', format: 'UPS 1Z', checkDigitValid: true }),
	]);

	const [tracked] = result.outputsOf('Track Now');
	expect(tracked).toHaveLength(2);
	expect(tracked![0]).toMatchObject({
		action: 'track',
		via: 'fedex',
		provider: 'fedex',
		carrier: 'fedex',
		trackingNumber: FEDEX_NUMBER,
		status: 'in_transit',
		occurredAt: '2026-11-17T05:41:00-06:00',
		estimatedDelivery: '2026-11-19T10:00:00-06:00',
		shipmentKey: shipmentKey(FEDEX_NUMBER, 'fedex'),
		event: { trackingNumber: FEDEX_NUMBER, status: 'in_transit' },
	});
	expect(tracked![1]).toMatchObject({ action: 'track', via: 'ups', carrier: 'ups', trackingNumber: UPS_NUMBER, status: 'out_for_delivery', shipmentKey: `ups:${UPS_NUMBER}` });
	expect(server.calls('POST', FEDEX_TRACK).map(fedexNumbersOf)).toEqual([[FEDEX_NUMBER]]);
	expect(server.calls('POST', FEDEX_TOKEN)[0]!.body).toContain(`client_id=${CLIENT}-fedex`);
	expect(server.calls('GET', upsTrackPath(UPS_NUMBER))).toHaveLength(1);

	const [watchedOut] = result.outputsOf('Start Watching');
	expect(watchedOut).toEqual([
		// Track Now's item goes on, with the watch's answer over its action and via.
		{ ...tracked![0], action: 'watch', via: 'poll', watched: expect.objectContaining({ key: `fedex:${FEDEX_NUMBER}`, carrier: 'fedex', metadata: { order: { number: '#1042' }, customer: ADA } }) },
		{ ...tracked![1], action: 'watch', via: 'poll', watched: expect.objectContaining({ key: `ups:${UPS_NUMBER}`, carrier: 'ups', metadata: { order: { number: '#1043' }, customer: GRACE } }) },
	]);

	const store = openSqliteStore(storePath);
	try {
		expect(await store.watchlist.get(shipmentKey(FEDEX_NUMBER, 'fedex'))).toMatchObject({
			trackingNumber: FEDEX_NUMBER,
			carrier: 'fedex',
			metadata: { order: { number: '#1042' }, customer: ADA },
			failures: 0,
		});
		expect(await store.watchlist.get(shipmentKey(UPS_NUMBER, 'ups'))).toMatchObject({ carrier: 'ups', metadata: { order: { number: '#1043' }, customer: GRACE } });
		expect(await store.watchlist.count()).toBe(2);
	} finally {
		await store.close();
	}
});

test('detect says so when a number matches no format, without calling anything', async () => {
	const result = await runtime.run(workflow(), { startNode: 'Start', items: [{ trackingNumber: 'ORDER-1042' }] });
	expect(result.outputsOf('Detect Carrier')[0]).toEqual([{ trackingNumber: 'ORDER-1042', carrier: null, reason: 'matches no known carrier format' }]);
	// Track Now (auto) then refuses to guess.
	expect(result.status).toBe('error');
	expect(result.error).toMatchObject({ node: 'Track Now', message: expect.stringMatching(/choose the carrier/) });
	expect(server.requests).toHaveLength(0);
});

test('a number the carrier does not know, on continue (regular output): an item with a clear error, the others go on', async () => {
	const items = [{ trackingNumber: UNKNOWN_FEDEX, order: { number: '#1044' } }, { trackingNumber: FEDEX_NUMBER, order: { number: '#1042' } }];
	const result = await runtime.run(workflow({ 'Track Now': { onError: 'continueRegularOutput' } }), { startNode: 'Start', items });
	expect(result.status).toBe('success');
	const [tracked] = result.outputsOf('Track Now');
	expect(tracked).toHaveLength(2);
	expect(tracked![0]).toMatchObject({
		trackingNumber: UNKNOWN_FEDEX,
		order: { number: '#1044' },
		error: { message: 'fedex: tracking number not found (TRACKING.TRACKINGNUMBER.NOTFOUND)', code: 'not_found', hint: expect.stringMatching(/does not know this number/) },
	});
	expect(tracked![0]).not.toHaveProperty('status');
	expect(tracked![1]).toMatchObject({ trackingNumber: FEDEX_NUMBER, status: 'in_transit' });
});

test('a number the carrier does not know, without continue: the run fails at the node, the message names no tracking number', async () => {
	const result = await runtime.run(workflow(), { startNode: 'Start', items: [{ trackingNumber: UNKNOWN_FEDEX, order: { number: '#1044' }, customer: ADA }] });
	expect(result.status).toBe('error');
	expect(result.error?.node).toBe('Track Now');
	expect(result.error?.message).toBe('fedex: tracking number not found (TRACKING.TRACKINGNUMBER.NOTFOUND)');
	expect(result.error?.description).toMatch(/does not know this number/);
	expect(result.error?.message).not.toContain(UNKNOWN_FEDEX);
	expect(result.error?.message).not.toContain(ADA.email);
	expect(result.error?.description ?? '').not.toContain(UNKNOWN_FEDEX);
	expect(result.outputsOf('Start Watching')).toEqual([]);
	const store = openSqliteStore(storePath);
	try {
		expect(await store.watchlist.count()).toBe(0);
	} finally {
		await store.close();
	}
});

// The Carrier Poll Trigger cannot start through runtime.run (that hands the start node's items
// on). Its poll() runs here in n8n-core's own PollContext (the object n8n's ActiveWorkflows gives
// a polling node), from the same n8n-core and built package the runtime loaded; only the
// credentials come from a small helper, as in the runtime.
describe('Carrier Poll Trigger in n8n-core’s PollContext', () => {
	const NativeModule = process.getBuiltinModule('node:module') as typeof import('node:module');
	const nativeRequire = NativeModule.createRequire(path.join(root, 'package.json'));
	const POLL_TYPE = 'n8n-nodes-postpurchase.carrierPollTrigger';

	function pollContext(parameters: Json) {
		const core = nativeRequire('n8n-core');
		const nw = nativeRequire('n8n-workflow');
		const { CarrierPollTrigger } = nativeRequire(path.join(root, 'dist/nodes/CarrierPollTrigger/CarrierPollTrigger.node.js'));
		const trigger = new CarrierPollTrigger();
		const nodeTypes = {
			getByName: (type: string) => (type === POLL_TYPE ? trigger : undefined),
			getByNameAndVersion: (type: string) => (type === POLL_TYPE ? trigger : undefined),
			getKnownTypes: () => ({ [POLL_TYPE]: { className: 'CarrierPollTrigger', sourcePath: '' } }),
		};
		const node = {
			id: '7a0d0c1e-5d4c-4b63-9c51-0c7f6a1d2e10',
			name: 'Carrier Poll Trigger',
			type: POLL_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { fedExApi: { id: 'test-fedex', name: 'FedEx stand-in' }, upsApi: { id: 'test-ups', name: 'UPS stand-in' } },
		};
		const workflow = new nw.Workflow({ id: 'ppCarrierPollTest', nodes: [node], connections: {}, active: true, nodeTypes, staticData: {}, settings: {} });
		const credentials: Record<string, Json> = {
			fedExApi: { clientId: `${CLIENT}-fedex`, clientSecret: 'fedex-secret', baseUrl: server.url },
			upsApi: { clientId: `${CLIENT}-ups`, clientSecret: 'ups-secret', baseUrl: server.url },
		};
		const additionalData = {
			credentialsHelper: {
				getDecrypted: async (_additionalData: unknown, _nodeCredentials: unknown, type: string) => structuredClone(credentials[type]),
				getParentTypes: () => [],
				// None of the carrier credentials is restricted to some nodes (restrictToSupportedNodes).
				isCredentialUsableByNode: () => true,
			},
			variables: {},
		};
		const ctx = new core.PollContext(workflow, workflow.getNode(node.name), additionalData, 'trigger', 'activate');
		return { poll: () => trigger.poll.call(ctx) as Promise<Json[][] | null> };
	}

	test('poll emits the watched FedEx shipment with its order and customer, and the unknown number on Issues', async () => {
		const watchItems = [
			{ trackingNumber: FEDEX_NUMBER, order: { number: '#1042' }, customer: ADA },
			{ trackingNumber: UNKNOWN_FEDEX, order: { number: '#1044' } },
		];
		// Start watching through the Carrier Tracking node: detect and track skipped (watch straight from Start).
		const watchOnly = workflow();
		watchOnly.connections = { Start: { main: [[{ node: 'Start Watching', type: 'main', index: 0 }]] } };
		const watched = await runtime.run(watchOnly, { startNode: 'Start', items: watchItems });
		expect(watched.status).toBe('success');
		expect(server.requests).toHaveLength(0);

		const { poll } = pollContext({ carriers: ['fedex'], options: { storePath } });
		const output = await poll();
		expect(output).not.toBeNull();
		const [changes, issues] = output!.map((items) => items.map((item) => item.json));
		expect(changes).toEqual([
			expect.objectContaining({
				provider: 'fedex',
				carrier: 'fedex',
				trackingNumber: FEDEX_NUMBER,
				status: 'in_transit',
				order: { number: '#1042' },
				customer: ADA,
				shipmentKey: shipmentKey(FEDEX_NUMBER, 'fedex'),
			}),
		]);
		expect(issues).toEqual([expect.objectContaining({ kind: 'lookup_failed', trackingNumber: UNKNOWN_FEDEX, carrier: 'fedex', code: 'not_found', failures: 1 })]);
		expect(server.calls('POST', FEDEX_TRACK).map(fedexNumbersOf)).toEqual([[FEDEX_NUMBER, UNKNOWN_FEDEX]]);

		// Nothing is due again yet: the next poll asks nothing and emits nothing.
		expect(await poll()).toBeNull();
		expect(server.calls('POST', FEDEX_TRACK)).toHaveLength(1);

		const store = openSqliteStore(storePath);
		try {
			expect(await store.watchlist.get(shipmentKey(FEDEX_NUMBER, 'fedex'))).toMatchObject({ lastStatus: 'in_transit', failures: 0 });
			expect(await store.watchlist.get(shipmentKey(UNKNOWN_FEDEX, 'fedex'))).toMatchObject({ failures: 1 });
		} finally {
			await store.close();
		}
	});

	test('poll with no carriers chosen fails with a clear message', async () => {
		const { poll } = pollContext({ carriers: [], options: { storePath } });
		await expect(poll()).rejects.toThrow('Choose at least one carrier to poll.');
	});
});
