import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openSqliteStore } from '../../../lib/store/sqlite';
import { shipmentKey } from '../../../lib/store/types';
import { startRaceWorker } from '../helpers/raceWorker';

/** Starts a sweep worker; resolves `ready` once it has opened the store, `race` sweeps and gives its keys. */
function startWorker(file: string, now: string) {
	return startRaceWorker<string[]>(join(__dirname, 'sweep-worker.js'), [file, now]);
}

describe('sweepStalled from several processes on one SQLite file', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'pp-sweep-procs-'));
	});
	afterAll(() => {
		rmSync(dir, { recursive: true, force: true });
	});

	it('tells every silent shipment from exactly one process', async () => {
		const file = join(dir, 'shared.sqlite');
		const scan = '2026-03-05T18:00:00-05:00';
		const store = openSqliteStore(file);
		const total = 1500;
		for (let n = 0; n < total; n++) {
			const trackingNumber = `1Z${String(n).padStart(6, '0')}`;
			await store.putShipment({
				key: shipmentKey(trackingNumber, 'ups'),
				trackingNumber,
				status: 'in_transit',
				occurredAt: scan,
				updatedAt: '2026-03-05T23:00:00.000Z',
				carrier: 'ups',
				destinationCountry: 'US',
				lastScanAt: scan,
				openedAt: scan,
			});
		}
		await store.close();

		const workers = Array.from({ length: 3 }, () => startWorker(file, '2026-03-11T15:00:00Z'));
		await Promise.all(workers.map((worker) => worker.ready));
		const told = (await Promise.all(workers.map((worker) => worker.race()))).flat();

		expect(told).toHaveLength(total);
		expect(new Set(told).size).toBe(total);
	}, 30_000);
});
