import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

import { migrate, SCHEMA_VERSION } from '../../../lib/store/migrations';
import { openSqliteStore } from '../../../lib/store/sqlite';

describe('SqliteStore migration to v6 (preferences)', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'pp-store-v6-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('brings a v5 database forward, keeping its shipments, with an empty preferences table', async () => {
		const path = join(dir, 'v5.sqlite');
		const v5 = new DatabaseSync(path);
		expect(migrate(v5, 5)).toBe(5);
		v5.prepare(
			`INSERT INTO shipments (key, tracking_number, status, occurred_at, occurred_ms, last_trigger, updated_at, carrier, opened_at)
			VALUES ('ups:1', '1', 'in_transit', '2026-03-01T10:00:00Z', ?, 'shipped', '2026-03-01T10:00:01Z', 'ups', '2026-03-01T10:00:00Z')`,
		).run(Date.parse('2026-03-01T10:00:00Z'));
		v5.close();

		const store = openSqliteStore(path);
		try {
			expect(await store.getShipment('ups:1')).toMatchObject({ lastTrigger: 'shipped', carrier: 'ups' });
			expect(await store.getPreference(['order:shopify:1'])).toBeUndefined();
			await store.setPreference(['order:shopify:1'], { channel: 'sms', updatedAt: '2026-03-02T10:00:00Z' });
			expect(await store.getPreference(['order:shopify:1'])).toEqual({ channel: 'sms', updatedAt: '2026-03-02T10:00:00Z' });
		} finally {
			await store.close();
		}
		const db = new DatabaseSync(path);
		try {
			expect(SCHEMA_VERSION).toBe(6);
			expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: 6 });
		} finally {
			db.close();
		}
	});
});
