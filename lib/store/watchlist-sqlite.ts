import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { shipmentKey, type WatchCheck, type WatchedShipment, type WatchList } from './types';

interface WatchRow {
	key: string;
	tracking_number: string;
	carrier: string;
	metadata: string | null;
	added_at: string;
	next_check_ms: number;
	last_checked_at: string | null;
	last_change_at: string;
	last_status: string | null;
	last_content_key: string | null;
	failures: number;
	final_at: string | null;
}

function fromRow(row: WatchRow): WatchedShipment {
	const entry: WatchedShipment = {
		key: row.key,
		trackingNumber: row.tracking_number,
		carrier: row.carrier,
		addedAt: row.added_at,
		nextCheckAt: new Date(Number(row.next_check_ms)).toISOString(),
		lastChangeAt: row.last_change_at,
		failures: Number(row.failures),
	};
	if (row.metadata) entry.metadata = JSON.parse(row.metadata) as Record<string, unknown>;
	if (row.last_checked_at) entry.lastCheckedAt = row.last_checked_at;
	if (row.last_status) entry.lastStatus = row.last_status;
	if (row.last_content_key) entry.lastContentKey = row.last_content_key;
	if (row.final_at) entry.finalAt = row.final_at;
	return entry;
}

/** The watch list in the store's SQLite file; `due` is one indexed range read per page. */
export class SqliteWatchList implements WatchList {
	private readonly statements: Record<'watch' | 'unwatch' | 'get' | 'due' | 'check' | 'count' | 'countAll', StatementSync>;

	constructor(db: DatabaseSync) {
		this.statements = {
			// Watching again keeps the state (and due time) and only refreshes the metadata.
			watch: db.prepare(
				`INSERT INTO watchlist (key, tracking_number, carrier, metadata, added_at, next_check_ms, last_change_at)
				VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5)
				ON CONFLICT (key) DO UPDATE SET metadata = COALESCE(excluded.metadata, watchlist.metadata)
				RETURNING *`,
			),
			unwatch: db.prepare('DELETE FROM watchlist WHERE key = ?'),
			get: db.prepare('SELECT * FROM watchlist WHERE key = ?'),
			due: db.prepare('SELECT * FROM watchlist WHERE carrier = ? AND next_check_ms <= ? ORDER BY next_check_ms LIMIT ?'),
			check: db.prepare(
				`UPDATE watchlist SET next_check_ms = ?2, last_checked_at = ?3, failures = ?4,
					last_change_at = COALESCE(?5, last_change_at), last_status = COALESCE(?6, last_status),
					last_content_key = COALESCE(?7, last_content_key), final_at = COALESCE(?8, final_at)
				WHERE key = ?1`,
			),
			count: db.prepare('SELECT COUNT(*) AS n FROM watchlist WHERE carrier = ?'),
			countAll: db.prepare('SELECT COUNT(*) AS n FROM watchlist'),
		};
	}

	async watch(entry: { trackingNumber: string; carrier: string; metadata?: Record<string, unknown> }, now: Date = new Date()): Promise<WatchedShipment> {
		const carrier = entry.carrier.toLowerCase();
		// .all(), not .get(): a RETURNING statement left open by .get() keeps SQLite from checkpointing the WAL.
		const [row] = this.statements.watch.all(
			shipmentKey(entry.trackingNumber, carrier),
			entry.trackingNumber.replace(/[\s-]/g, '').toUpperCase(),
			carrier,
			entry.metadata ? JSON.stringify(entry.metadata) : null,
			now.toISOString(),
			now.getTime(),
		) as unknown as WatchRow[];
		return fromRow(row);
	}

	async unwatch(key: string): Promise<boolean> {
		return Number(this.statements.unwatch.run(key).changes) === 1;
	}

	async get(key: string): Promise<WatchedShipment | undefined> {
		const row = this.statements.get.get(key) as WatchRow | undefined;
		return row && fromRow(row);
	}

	async due(carrier: string, now: Date, limit: number): Promise<WatchedShipment[]> {
		return (this.statements.due.all(carrier, now.getTime(), limit) as unknown as WatchRow[]).map(fromRow);
	}

	async recordCheck(key: string, check: WatchCheck): Promise<void> {
		this.statements.check.run(
			key,
			Date.parse(check.nextCheckAt),
			check.lastCheckedAt ?? null,
			check.failures,
			check.lastChangeAt ?? null,
			check.lastStatus ?? null,
			check.lastContentKey ?? null,
			check.finalAt ?? null,
		);
	}

	async count(carrier?: string): Promise<number> {
		const row = (carrier ? this.statements.count.get(carrier) : this.statements.countAll.get()) as { n: number };
		return Number(row.n);
	}
}
