import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openStore } from '../../../lib/store';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'pp-open-store-'));
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

describe('openStore', () => {
	const now = new Date('2025-03-01T10:00:00Z');

	it('shares one store between openers of the same file, even spelled differently', async () => {
		const a = openStore({ path: join(dir, 'shared.sqlite') });
		const b = openStore({ path: join(dir, 'sub', '..', 'shared.sqlite') });
		expect(await a.claim('evt', 60_000, now)).toBe(true);
		expect(await b.claim('evt', 60_000, now)).toBe(false);
		await a.close();
		await b.close();
	});

	it('keeps the connection open until the last handle closes', async () => {
		const path = join(dir, 'refcount.sqlite');
		const a = openStore({ path });
		const b = openStore({ path });
		await a.close();
		await a.close(); // closing a handle twice does not steal b's reference
		expect(await b.claim('evt', 60_000, now)).toBe(true);
		await b.close();
		await expect(b.claim('evt-2', 60_000, now)).rejects.toThrow();

		const reopened = openStore({ path });
		expect(await reopened.claim('evt', 60_000, now)).toBe(false);
		await reopened.close();
	});

	it('shares a memory store by name and keeps names apart', async () => {
		const a = openStore({ backend: 'memory', path: 'm1' });
		const b = openStore({ backend: 'memory', path: 'm1' });
		const other = openStore({ backend: 'memory', path: 'm2' });
		expect(await a.claim('evt', 60_000, now)).toBe(true);
		expect(await b.claim('evt', 60_000, now)).toBe(false);
		expect(await other.claim('evt', 60_000, now)).toBe(true);
		await Promise.all([a.close(), b.close(), other.close()]);
	});

	it('gives every SQLite :memory: opener its own database', async () => {
		const a = openStore({ path: ':memory:' });
		const b = openStore({ path: ':memory:' });
		expect(await a.claim('evt', 60_000, now)).toBe(true);
		expect(await b.claim('evt', 60_000, now)).toBe(true);
		await Promise.all([a.close(), b.close()]);
	});
});
