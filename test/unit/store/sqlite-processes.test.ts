import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openSqliteStore } from '../../../lib/store/sqlite';
import { startRaceWorker } from '../helpers/raceWorker';

/** Starts a claim worker and resolves once it has opened the store, with a way to start it racing. */
function startWorker(file: string, keys: number) {
	return startRaceWorker<number[]>(join(__dirname, 'claim-worker.js'), [file, String(keys)]);
}

describe('SqliteStore shared by several processes', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'pp-store-procs-'));
	});
	afterAll(() => {
		rmSync(dir, { recursive: true, force: true });
	});

	it('gives every claim to exactly one process', async () => {
		const file = join(dir, 'shared.sqlite');
		// Created (and migrated) up front: the race is about claims, not about who creates the file.
		await openSqliteStore(file).close();
		const keys = 3000;
		const workers = Array.from({ length: 4 }, () => startWorker(file, keys));
		await Promise.all(workers.map((worker) => worker.ready));
		const won = await Promise.all(workers.map((worker) => worker.race()));

		const winners = new Map<number, number>();
		for (const keysWon of won) for (const key of keysWon) winners.set(key, (winners.get(key) ?? 0) + 1);
		expect(winners.size).toBe(keys);
		expect([...winners.values()].every((count) => count === 1)).toBe(true);
	}, 30_000);
});
