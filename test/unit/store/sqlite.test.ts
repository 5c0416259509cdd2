import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

import { migrate, SCHEMA_VERSION } from '../../../lib/store/migrations';
import { defaultStorePath, openSqliteStore, SqliteStore } from '../../../lib/store/sqlite';
import { storeContract } from './contract';

let dir: string;
let fileCount = 0;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'pp-store-'));
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});
const freshPath = () => join(dir, `store-${++fileCount}.sqlite`);

storeContract('SqliteStore', () => openSqliteStore(freshPath()));

describe('SqliteStore on a shared file', () => {
	let first: SqliteStore;
	let second: SqliteStore;
	const now = new Date('2025-03-01T10:00:00Z');

	beforeEach(() => {
		const path = freshPath();
		first = openSqliteStore(path);
		second = openSqliteStore(path);
	});
	afterEach(async () => {
		await first.close();
		await second.close();
	});

	it('lets exactly one of two connections win each claim, however they interleave', async () => {
		const keys = Array.from({ length: 40 }, (_, i) => `evt-${i}`);
		const results = await Promise.all(
			keys.flatMap((key, i) => {
				const [a, b] = i % 2 ? [first, second] : [second, first];
				return [a.claim(key, 60_000, now), b.claim(key, 60_000, now)];
			}),
		);
		for (let i = 0; i < keys.length; i++) {
			expect([results[2 * i], results[2 * i + 1]].filter(Boolean)).toHaveLength(1);
		}
	});

	it('sees the other connection release and expire claims', async () => {
		expect(await first.claim('evt', 1000, now)).toBe(true);
		expect(await second.claim('evt', 1000, now)).toBe(false);
		await first.release('evt');
		expect(await second.claim('evt', 1000, now)).toBe(true);
		expect(await first.claim('evt', 1000, new Date(now.getTime() + 1000))).toBe(true);
	});

	it('shares send reservations and the send log', async () => {
		expect(await first.reserveSend('ups:1', 'delivered', 'email', now)).toBe(true);
		expect(await second.reserveSend('ups:1', 'delivered', 'email', now)).toBe(false);
		await second.logSend({ shipmentKey: 'ups:1', trigger: 'delivered', channel: 'email', status: 'sent', at: now.toISOString() });
		expect(await first.countSent('ups:1', now)).toBe(1);
	});

	it('gives each silence mark to exactly one of two connections', async () => {
		const keys = Array.from({ length: 40 }, (_, i) => `ups:S${i}`);
		for (const key of keys) {
			await first.putShipment({ key, trackingNumber: key.slice(4), status: 'in_transit', occurredAt: now.toISOString(), updatedAt: now.toISOString() });
		}
		const results = await Promise.all(
			keys.flatMap((key, i) => {
				const [a, b] = i % 2 ? [first, second] : [second, first];
				return [a.markNotified(key, 'stall', now), b.markNotified(key, 'stall', now)];
			}),
		);
		for (let i = 0; i < keys.length; i++) {
			expect([results[2 * i], results[2 * i + 1]].filter(Boolean)).toHaveLength(1);
		}
	});

	it('runs in WAL mode so readers do not block the writer', () => {
		const db = new DatabaseSync(first.path);
		try {
			expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
		} finally {
			db.close();
		}
	});
});

describe('SqliteStore migrations', () => {
	it('brings a v1 database forward, keeping its data', async () => {
		const path = freshPath();
		const v1 = new DatabaseSync(path);
		expect(migrate(v1, 1)).toBe(1);
		v1.prepare(
			`INSERT INTO shipments (key, tracking_number, status, occurred_at, occurred_ms, last_trigger, updated_at)
			VALUES ('ups:1', '1', 'in_transit', '2025-03-01T10:00:00Z', ?, 'shipped', '2025-03-01T10:00:01Z')`,
		).run(Date.parse('2025-03-01T10:00:00Z'));
		v1.close();

		const store = openSqliteStore(path);
		try {
			expect((await store.getShipment('ups:1'))?.lastTrigger).toBe('shipped');
			// v2 added send reservations.
			expect(await store.reserveSend('ups:1', 'delivered', 'sms')).toBe(true);
			expect(await store.reserveSend('ups:1', 'delivered', 'sms')).toBe(false);
		} finally {
			await store.close();
		}
		const db = new DatabaseSync(path);
		try {
			expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
		} finally {
			db.close();
		}
	});

	it('brings a v4 database forward with the best known silence fields', async () => {
		const path = freshPath();
		const v4 = new DatabaseSync(path);
		expect(migrate(v4, 4)).toBe(4);
		const insert = v4.prepare(
			`INSERT INTO shipments (key, tracking_number, status, occurred_at, occurred_ms, last_trigger, updated_at)
			VALUES (?, ?, ?, ?, ?, 'shipped', '2026-03-03T15:00:00Z')`,
		);
		const rows: Array<[string, string, string]> = [
			['ups:MOVING', 'in_transit', '2026-03-03T09:00:00-05:00'],
			['any:LABEL', 'info_received', '2026-03-02T09:00:00-05:00'],
			['fedex:DONE', 'delivered', '2026-03-04T09:00:00-05:00'],
		];
		for (const [key, status, at] of rows) insert.run(key, key.split(':')[1], status, at, Date.parse(at));
		v4.close();

		const store = openSqliteStore(path);
		try {
			expect(await store.getShipment('ups:MOVING')).toMatchObject({
				carrier: 'ups',
				lastScanAt: '2026-03-03T09:00:00-05:00',
				openedAt: '2026-03-03T09:00:00-05:00',
				lastTrigger: 'shipped',
			});
			const label = await store.getShipment('any:LABEL');
			expect(label).toMatchObject({ openedAt: '2026-03-02T09:00:00-05:00' });
			expect(label?.carrier).toBeUndefined();
			expect(label?.lastScanAt).toBeUndefined();
			expect((await store.getShipment('fedex:DONE'))?.closedAt).toBe('2026-03-04T09:00:00-05:00');
			expect((await store.openShipments(undefined, 10)).map((s) => s.key)).toEqual(['any:LABEL', 'ups:MOVING']);
			// The backfilled scan is the one a sweep judges by.
			expect(await store.markNotified('ups:MOVING', 'stall', new Date('2026-03-09T12:00:00Z'), '2026-03-03T09:00:00-05:00')).toBe(true);
		} finally {
			await store.close();
		}
	});

	it('reads a page of open shipments as a range of the open-shipments index', async () => {
		const path = freshPath();
		await openSqliteStore(path).close();
		const db = new DatabaseSync(path);
		try {
			const plan = db
				.prepare('EXPLAIN QUERY PLAN SELECT * FROM shipments WHERE closed_at IS NULL AND key > ? ORDER BY key LIMIT ?')
				.all('ups:A', 500) as Array<{ detail: string }>;
			expect(plan.map((step) => step.detail).join('\n')).toMatch(/SEARCH shipments USING INDEX shipments_open \(key>\?\)/);
		} finally {
			db.close();
		}
	});

	it('refuses a database from a newer version of the package', () => {
		const path = freshPath();
		const db = new DatabaseSync(path);
		db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
		db.close();
		expect(() => openSqliteStore(path)).toThrow(/newer than this package knows/);
	});
});

describe('defaultStorePath', () => {
	const saved = { ...process.env };
	afterEach(() => {
		process.env = { ...saved };
	});

	it('prefers POSTPURCHASE_STORE_PATH', () => {
		process.env.POSTPURCHASE_STORE_PATH = join(dir, 'explicit.sqlite');
		expect(defaultStorePath()).toBe(join(dir, 'explicit.sqlite'));
	});

	it("lives in n8n's user folder, which it creates", () => {
		delete process.env.POSTPURCHASE_STORE_PATH;
		process.env.N8N_USER_FOLDER = join(dir, 'n8n-home');
		expect(defaultStorePath()).toBe(join(dir, 'n8n-home', '.n8n', 'postpurchase.sqlite'));
		const store = openSqliteStore();
		return store.close();
	});
});
