import { shipmentKey, type WatchCheck, type WatchedShipment, type WatchList } from './types';

/** The watch list in process memory, with SqliteWatchList's semantics. */
export class MemoryWatchList implements WatchList {
	private readonly entries = new Map<string, WatchedShipment>();

	async watch(entry: { trackingNumber: string; carrier: string; metadata?: Record<string, unknown> }, now: Date = new Date()): Promise<WatchedShipment> {
		const carrier = entry.carrier.toLowerCase();
		const key = shipmentKey(entry.trackingNumber, carrier);
		const known = this.entries.get(key);
		if (known) {
			if (entry.metadata) known.metadata = structuredClone(entry.metadata);
			return structuredClone(known);
		}
		const at = now.toISOString();
		const created: WatchedShipment = {
			key,
			trackingNumber: entry.trackingNumber.replace(/[\s-]/g, '').toUpperCase(),
			carrier,
			addedAt: at,
			nextCheckAt: at,
			lastChangeAt: at,
			failures: 0,
			...(entry.metadata ? { metadata: structuredClone(entry.metadata) } : {}),
		};
		this.entries.set(key, created);
		return structuredClone(created);
	}

	async unwatch(key: string): Promise<boolean> {
		return this.entries.delete(key);
	}

	async get(key: string): Promise<WatchedShipment | undefined> {
		const entry = this.entries.get(key);
		return entry && structuredClone(entry);
	}

	async due(carrier: string, now: Date, limit: number): Promise<WatchedShipment[]> {
		const at = now.getTime();
		return [...this.entries.values()]
			.filter((e) => e.carrier === carrier && Date.parse(e.nextCheckAt) <= at)
			.sort((a, b) => Date.parse(a.nextCheckAt) - Date.parse(b.nextCheckAt))
			.slice(0, limit)
			.map((e) => structuredClone(e));
	}

	async recordCheck(key: string, check: WatchCheck): Promise<void> {
		const entry = this.entries.get(key);
		if (!entry) return;
		entry.nextCheckAt = new Date(check.nextCheckAt).toISOString();
		entry.failures = check.failures;
		if (check.lastCheckedAt) entry.lastCheckedAt = check.lastCheckedAt;
		if (check.lastChangeAt) entry.lastChangeAt = check.lastChangeAt;
		if (check.lastStatus) entry.lastStatus = check.lastStatus;
		if (check.lastContentKey) entry.lastContentKey = check.lastContentKey;
		if (check.finalAt) entry.finalAt = check.finalAt;
	}

	async count(carrier?: string): Promise<number> {
		if (!carrier) return this.entries.size;
		return [...this.entries.values()].filter((e) => e.carrier === carrier).length;
	}
}
