import type { DatabaseSync } from 'node:sqlite';

/**
 * The SQLite schema, as an ordered list of steps. Step N brings a database from
 * `PRAGMA user_version` N to N + 1. Append only: a released step is never edited, because
 * databases in the field already ran it.
 */
export const MIGRATIONS: readonly string[] = [
	// v1: claims, last state per shipment, send log.
	`
	CREATE TABLE claims (
		key TEXT PRIMARY KEY,
		expires_at INTEGER NOT NULL
	);
	CREATE TABLE shipments (
		key TEXT PRIMARY KEY,
		tracking_number TEXT NOT NULL,
		status TEXT NOT NULL,
		occurred_at TEXT NOT NULL,
		occurred_ms INTEGER NOT NULL,
		last_trigger TEXT,
		updated_at TEXT NOT NULL
	);
	CREATE TABLE send_log (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		shipment_key TEXT NOT NULL,
		journey_trigger TEXT NOT NULL,
		channel TEXT NOT NULL,
		status TEXT NOT NULL,
		provider_message_id TEXT,
		at TEXT NOT NULL,
		at_ms INTEGER NOT NULL
	);
	`,
	// v2: send reservations (no duplicate sends), and indexes for the hot lookups.
	`
	CREATE TABLE send_reservations (
		shipment_key TEXT NOT NULL,
		journey_trigger TEXT NOT NULL,
		channel TEXT NOT NULL,
		reserved_at INTEGER NOT NULL,
		PRIMARY KEY (shipment_key, journey_trigger, channel)
	);
	CREATE INDEX send_log_by_shipment ON send_log (shipment_key, status, at_ms);
	CREATE INDEX claims_by_expiry ON claims (expires_at);
	`,
	// v3: every decision is auditable (why suppressed, until when deferred); delays that grow.
	`
	ALTER TABLE send_log ADD COLUMN tracking_number TEXT;
	ALTER TABLE send_log ADD COLUMN reason_code TEXT;
	ALTER TABLE send_log ADD COLUMN send_at TEXT;
	ALTER TABLE shipments ADD COLUMN last_revised_eta TEXT;
	`,
	// v4: the poll trigger's watch list, read in pages of due shipments per carrier.
	`
	CREATE TABLE watchlist (
		key TEXT PRIMARY KEY,
		tracking_number TEXT NOT NULL,
		carrier TEXT NOT NULL,
		metadata TEXT,
		added_at TEXT NOT NULL,
		next_check_ms INTEGER NOT NULL,
		last_checked_at TEXT,
		last_change_at TEXT NOT NULL,
		last_status TEXT,
		last_content_key TEXT,
		failures INTEGER NOT NULL DEFAULT 0,
		final_at TEXT
	);
	CREATE INDEX watchlist_due ON watchlist (carrier, next_check_ms);
	`,
	// v5: what a sweep for silent shipments needs; open shipments are a partial index, so a page is
	// a range read. Older rows get the best known values: the carrier from the key, the last event
	// as the last scan when its status was one, and a closing time for final statuses.
	`
	ALTER TABLE shipments ADD COLUMN carrier TEXT;
	ALTER TABLE shipments ADD COLUMN service TEXT;
	ALTER TABLE shipments ADD COLUMN destination_country TEXT;
	ALTER TABLE shipments ADD COLUMN destination_region TEXT;
	ALTER TABLE shipments ADD COLUMN last_scan_at TEXT;
	ALTER TABLE shipments ADD COLUMN last_scan_ms INTEGER;
	ALTER TABLE shipments ADD COLUMN opened_at TEXT;
	ALTER TABLE shipments ADD COLUMN closed_at TEXT;
	ALTER TABLE shipments ADD COLUMN context TEXT;
	ALTER TABLE shipments ADD COLUMN stall_notified_at TEXT;
	ALTER TABLE shipments ADD COLUMN no_info_notified_at TEXT;
	UPDATE shipments SET
		carrier = NULLIF(substr(key, 1, instr(key, ':') - 1), 'any'),
		opened_at = occurred_at,
		closed_at = CASE WHEN status IN ('delivered', 'returned', 'cancelled') THEN occurred_at END,
		last_scan_at = CASE WHEN status NOT IN ('pending', 'info_received', 'unknown', 'expired') THEN occurred_at END,
		last_scan_ms = CASE WHEN status NOT IN ('pending', 'info_received', 'unknown', 'expired') THEN occurred_ms END;
	CREATE INDEX shipments_open ON shipments (key) WHERE closed_at IS NULL;
	`,
	// v6: the customer's own channel and language choice (preference center), by order and by
	// email hash; updated_ms keeps the latest choice when two saves cross.
	`
	CREATE TABLE preferences (
		subject TEXT PRIMARY KEY,
		channel TEXT NOT NULL,
		language TEXT,
		updated_at TEXT NOT NULL,
		updated_ms INTEGER NOT NULL
	);
	`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

function userVersion(db: DatabaseSync): number {
	const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
	return Number(row.user_version);
}

/**
 * Runs the steps the database has not run yet, each in its own IMMEDIATE transaction so two
 * processes opening the same file at once take turns instead of both migrating. `target` exists
 * for tests that need an old-version database.
 */
export function migrate(db: DatabaseSync, target: number = SCHEMA_VERSION): number {
	if (userVersion(db) > SCHEMA_VERSION) {
		throw new Error(
			`the store's schema (v${userVersion(db)}) is newer than this package knows (v${SCHEMA_VERSION}); update the package`,
		);
	}
	for (;;) {
		db.exec('BEGIN IMMEDIATE');
		let version: number | undefined;
		try {
			// Re-read inside the lock: another process may have migrated meanwhile.
			const current = userVersion(db);
			if (current < target) {
				db.exec(MIGRATIONS[current]);
				db.exec(`PRAGMA user_version = ${current + 1}`);
			}
			db.exec('COMMIT');
			version = current;
		} finally {
			// A failed step leaves the database as it was before the step.
			if (version === undefined) db.exec('ROLLBACK');
		}
		if (version >= target) return version;
	}
}
