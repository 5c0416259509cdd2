import type { JourneyTrigger } from '../model/triggers';
import { MemoryPreferences } from './preferences-memory';
import { MemoryShipments } from './shipments-memory';
import { MemoryWatchList } from './watchlist-memory';
import type { SendLogEntry, SendLogFilter, ShipmentState, SilenceKind, Store, StoredPreference } from './types';

function sendKey(shipmentKey: string, trigger: JourneyTrigger, channel: string): string {
	return JSON.stringify([shipmentKey, trigger, channel]);
}

/**
 * The Store in process memory: for library users without a file, and for tests. Same semantics
 * as SqliteStore. Each method does its work without awaiting in between, so on one event loop it
 * is as atomic as the SQL statements are; it is not shared between processes.
 */
export class MemoryStore implements Store {
	private readonly claims = new Map<string, number>();
	private readonly shipments = new MemoryShipments();
	private readonly reservations = new Set<string>();
	private readonly sendLog: SendLogEntry[] = [];
	private readonly preferences = new MemoryPreferences();
	readonly watchlist = new MemoryWatchList();

	async claim(key: string, ttlMs: number, now: Date = new Date()): Promise<boolean> {
		const at = now.getTime();
		const expiresAt = this.claims.get(key);
		if (expiresAt !== undefined && expiresAt > at) return false;
		this.claims.set(key, at + ttlMs);
		return true;
	}

	async release(key: string): Promise<void> {
		this.claims.delete(key);
	}

	async getShipment(key: string): Promise<ShipmentState | undefined> {
		return this.shipments.get(key);
	}

	async putShipment(state: ShipmentState): Promise<ShipmentState> {
		return this.shipments.put(state);
	}

	async openShipments(afterKey: string | undefined, limit: number): Promise<ShipmentState[]> {
		return this.shipments.open(afterKey, limit);
	}

	async markNotified(key: string, kind: SilenceKind, at: Date, seenLastScanAt?: string | null): Promise<boolean> {
		return this.shipments.mark(key, kind, at, seenLastScanAt);
	}

	async reserveSend(shipmentKey: string, trigger: JourneyTrigger, channel: string): Promise<boolean> {
		const key = sendKey(shipmentKey, trigger, channel);
		if (this.reservations.has(key)) return false;
		const alreadySent = this.sendLog.some(
			(entry) =>
				entry.status === 'sent' &&
				entry.shipmentKey === shipmentKey &&
				entry.trigger === trigger &&
				entry.channel === channel,
		);
		if (alreadySent) return false;
		this.reservations.add(key);
		return true;
	}

	async releaseSend(shipmentKey: string, trigger: JourneyTrigger, channel: string): Promise<void> {
		this.reservations.delete(sendKey(shipmentKey, trigger, channel));
	}

	async countSent(shipmentKey: string, since: Date): Promise<number> {
		const sinceMs = since.getTime();
		const triggers = new Set<string>();
		for (const entry of this.sendLog) {
			if (entry.shipmentKey === shipmentKey && entry.status === 'sent' && Date.parse(entry.at) >= sinceMs) triggers.add(entry.trigger);
		}
		return triggers.size;
	}

	async logSend(entry: SendLogEntry): Promise<void> {
		if (Number.isNaN(Date.parse(entry.at))) throw new TypeError('at is not a date-time');
		this.sendLog.push({ ...entry });
	}

	async listSends(filter: SendLogFilter = {}): Promise<SendLogEntry[]> {
		const sinceMs = filter.since?.getTime() ?? 0;
		const matching = this.sendLog.filter(
			(entry) =>
				(filter.shipmentKey === undefined || entry.shipmentKey === filter.shipmentKey) && Date.parse(entry.at) >= sinceMs,
		);
		return matching.slice(-(filter.limit ?? 1000)).map((entry) => ({ ...entry }));
	}

	async setPreference(subjects: string[], preference: StoredPreference): Promise<void> {
		this.preferences.set(subjects, preference);
	}

	async getPreference(subjects: string[]): Promise<StoredPreference | undefined> {
		return this.preferences.get(subjects);
	}

	async purgeExpired(now: Date = new Date()): Promise<number> {
		const at = now.getTime();
		let purged = 0;
		for (const [key, expiresAt] of this.claims) {
			if (expiresAt <= at) {
				this.claims.delete(key);
				purged++;
			}
		}
		return purged;
	}

	/** Nothing to release: the data lives and goes with this object. */
	async close(): Promise<void> {}
}
