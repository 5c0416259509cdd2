import { resolve } from 'node:path';

import type { JourneyTrigger } from '../model/triggers';
import { MemoryStore } from './memory';
import { defaultStorePath, openSqliteStore } from './sqlite';
import type { SendLogEntry, SendLogFilter, ShipmentState, SilenceKind, Store, StoredPreference, WatchList } from './types';

export { MemoryStore } from './memory';
export { MemoryWatchList } from './watchlist-memory';
export { SqliteWatchList } from './watchlist-sqlite';
export { SqliteStore, defaultStorePath, openSqliteStore } from './sqlite';
export { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations';
export * from './types';

export interface OpenStoreOptions {
	/** SQLite file (default: defaultStorePath()); for 'memory', a name to share one store by. */
	path?: string;
	backend?: 'sqlite' | 'memory';
}

interface OpenStore {
	store: Store;
	handles: number;
}

/** One connection per file per process: every node opening the same path shares it. */
const openStores = new Map<string, OpenStore>();

/**
 * What openStore hands out: the shared store, with a close() that only closes the connection
 * when the last holder lets go, so one node closing cannot break another mid-execution.
 */
class StoreHandle implements Store {
	private closed = false;

	constructor(
		private readonly cacheKey: string,
		private readonly shared: OpenStore,
	) {}

	claim(key: string, ttlMs: number, now?: Date): Promise<boolean> {
		return this.shared.store.claim(key, ttlMs, now);
	}
	release(key: string): Promise<void> {
		return this.shared.store.release(key);
	}
	getShipment(key: string): Promise<ShipmentState | undefined> {
		return this.shared.store.getShipment(key);
	}
	putShipment(state: ShipmentState): Promise<ShipmentState> {
		return this.shared.store.putShipment(state);
	}
	openShipments(afterKey: string | undefined, limit: number): Promise<ShipmentState[]> {
		return this.shared.store.openShipments(afterKey, limit);
	}
	markNotified(key: string, kind: SilenceKind, at: Date, seenLastScanAt?: string | null): Promise<boolean> {
		return this.shared.store.markNotified(key, kind, at, seenLastScanAt);
	}
	reserveSend(shipmentKey: string, trigger: JourneyTrigger, channel: string, now?: Date): Promise<boolean> {
		return this.shared.store.reserveSend(shipmentKey, trigger, channel, now);
	}
	releaseSend(shipmentKey: string, trigger: JourneyTrigger, channel: string): Promise<void> {
		return this.shared.store.releaseSend(shipmentKey, trigger, channel);
	}
	countSent(shipmentKey: string, since: Date): Promise<number> {
		return this.shared.store.countSent(shipmentKey, since);
	}
	logSend(entry: SendLogEntry): Promise<void> {
		return this.shared.store.logSend(entry);
	}
	listSends(filter?: SendLogFilter): Promise<SendLogEntry[]> {
		return this.shared.store.listSends(filter);
	}
	setPreference(subjects: string[], preference: StoredPreference): Promise<void> {
		return this.shared.store.setPreference(subjects, preference);
	}
	getPreference(subjects: string[]): Promise<StoredPreference | undefined> {
		return this.shared.store.getPreference(subjects);
	}
	get watchlist(): WatchList {
		return this.shared.store.watchlist;
	}
	purgeExpired(now?: Date): Promise<number> {
		return this.shared.store.purgeExpired(now);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.shared.handles--;
		if (this.shared.handles > 0) return;
		openStores.delete(this.cacheKey);
		await this.shared.store.close();
	}
}

function cacheKeyFor(backend: 'sqlite' | 'memory', path: string | undefined): string {
	if (backend === 'memory') return `memory:${path ?? ''}`;
	const file = path ?? defaultStorePath();
	return `sqlite:${file === ':memory:' ? file : resolve(file)}`;
}

/**
 * Opens the package's store, reusing the process's connection to the same file. Each call returns
 * its own handle; close it when done. SQLite ':memory:' paths are not shared (each is its own db).
 */
export function openStore(options: OpenStoreOptions = {}): Store {
	const backend = options.backend ?? 'sqlite';
	const cacheKey = cacheKeyFor(backend, options.path);
	if (cacheKey === 'sqlite::memory:') return openSqliteStore(':memory:');
	let shared = openStores.get(cacheKey);
	if (!shared) {
		const store = backend === 'memory' ? new MemoryStore() : openSqliteStore(cacheKey.slice('sqlite:'.length));
		shared = { store, handles: 0 };
		openStores.set(cacheKey, shared);
	}
	shared.handles++;
	return new StoreHandle(cacheKey, shared);
}
