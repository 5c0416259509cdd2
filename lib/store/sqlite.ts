import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';

import type { JourneyTrigger } from '../model/triggers';
import { migrate } from './migrations';
import { SqlitePreferences } from './preferences-sqlite';
import { SqliteShipments } from './shipments-sqlite';
import { SqliteWatchList } from './watchlist-sqlite';
import { toMillis, type SendLogEntry, type SendLogFilter, type ShipmentState, type SilenceKind, type Store, type StoredPreference } from './types';

/** How long a writer waits for another process's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * `$POSTPURCHASE_STORE_PATH`, else `postpurchase.sqlite` in n8n's own folder
 * (`$N8N_USER_FOLDER/.n8n` or `~/.n8n`), so the store lives and is backed up with n8n's data.
 */
export function defaultStorePath(): string {
	const explicit = process.env.POSTPURCHASE_STORE_PATH;
	if (explicit) return explicit;
	const folder = join(process.env.N8N_USER_FOLDER || homedir(), '.n8n');
	mkdirSync(folder, { recursive: true });
	return join(folder, 'postpurchase.sqlite');
}

interface SendRow {
	shipment_key: string;
	journey_trigger: string;
	channel: string;
	status: SendLogEntry['status'];
	provider_message_id: string | null;
	tracking_number: string | null;
	reason_code: string | null;
	send_at: string | null;
	at: string;
}

function sendFromRow(row: SendRow): SendLogEntry {
	const entry: SendLogEntry = {
		shipmentKey: row.shipment_key,
		trigger: row.journey_trigger as JourneyTrigger,
		channel: row.channel,
		status: row.status,
		at: row.at,
	};
	if (row.provider_message_id) entry.providerMessageId = row.provider_message_id;
	if (row.tracking_number) entry.trackingNumber = row.tracking_number;
	if (row.reason_code) entry.reasonCode = row.reason_code;
	if (row.send_at) entry.sendAt = row.send_at;
	return entry;
}

/**
 * node:sqlite is loaded on first use, so the rest of the library (normalize, classify, templates)
 * also works on a Node without it.
 */
function loadSqlite(): typeof import('node:sqlite') {
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		return require('node:sqlite') as typeof import('node:sqlite');
	} catch {
		throw new Error(
			`The embedded store needs Node.js 22.13 or newer (node:sqlite); this is ${process.version}. Use n8n 2.x (Node 24), or MemoryStore / openStore({ backend: 'memory' }).`,
		);
	}
}

/**
 * The default Store: one SQLite file on Node's built-in driver, shared by n8n's main process and
 * its workers. WAL lets readers run beside the single writer; every mutation is one statement, so
 * SQLite's own locking makes it atomic across processes.
 */
export class SqliteStore implements Store {
	private readonly db: DatabaseSync;
	readonly watchlist: SqliteWatchList;
	private readonly shipments: SqliteShipments;
	private readonly preferences: SqlitePreferences;
	private readonly statements: Record<
		| 'claim'
		| 'release'
		| 'reserveSend'
		| 'releaseSend'
		| 'countSent'
		| 'logSend'
		| 'listSends'
		| 'purgeExpired',
		StatementSync
	>;

	constructor(readonly path: string) {
		this.db = new (loadSqlite().DatabaseSync)(path, { timeout: BUSY_TIMEOUT_MS });
		this.db.exec('PRAGMA journal_mode = WAL');
		// NORMAL is durable across application crashes in WAL mode, and much faster than FULL.
		this.db.exec('PRAGMA synchronous = NORMAL');
		migrate(this.db);
		this.watchlist = new SqliteWatchList(this.db);
		this.shipments = new SqliteShipments(this.db);
		this.preferences = new SqlitePreferences(this.db);
		// Prepared once: these run on every webhook delivery.
		this.statements = {
			// The upsert only overwrites an expired claim; `changes` says whether this caller won.
			claim: this.db.prepare(
				`INSERT INTO claims (key, expires_at) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE claims.expires_at <= ?`,
			),
			release: this.db.prepare('DELETE FROM claims WHERE key = ?'),
			// A send already logged as 'sent' counts as reserved even if its reservation was released.
			reserveSend: this.db.prepare(
				`INSERT INTO send_reservations (shipment_key, journey_trigger, channel, reserved_at)
				SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (
					SELECT 1 FROM send_log
					WHERE shipment_key = ?1 AND journey_trigger = ?2 AND channel = ?3 AND status = 'sent'
				)
				ON CONFLICT DO NOTHING`,
			),
			releaseSend: this.db.prepare(
				'DELETE FROM send_reservations WHERE shipment_key = ? AND journey_trigger = ? AND channel = ?',
			),
			countSent: this.db.prepare(
				`SELECT COUNT(DISTINCT journey_trigger) AS n FROM send_log WHERE shipment_key = ? AND status = 'sent' AND at_ms >= ?`,
			),
			logSend: this.db.prepare(
				`INSERT INTO send_log (shipment_key, journey_trigger, channel, status, provider_message_id,
					tracking_number, reason_code, send_at, at, at_ms)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			),
			// The newest `limit` matching entries, returned oldest first.
			listSends: this.db.prepare(
				`SELECT * FROM (
					SELECT * FROM send_log
					WHERE (?1 IS NULL OR shipment_key = ?1) AND at_ms >= ?2
					ORDER BY id DESC LIMIT ?3
				) ORDER BY id`,
			),
			purgeExpired: this.db.prepare('DELETE FROM claims WHERE expires_at <= ?'),
		};
	}

	async claim(key: string, ttlMs: number, now: Date = new Date()): Promise<boolean> {
		const at = now.getTime();
		const result = this.statements.claim.run(key, at + ttlMs, at);
		return Number(result.changes) === 1;
	}

	async release(key: string): Promise<void> {
		this.statements.release.run(key);
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

	async reserveSend(
		shipmentKey: string,
		trigger: JourneyTrigger,
		channel: string,
		now: Date = new Date(),
	): Promise<boolean> {
		const result = this.statements.reserveSend.run(shipmentKey, trigger, channel, now.getTime());
		return Number(result.changes) === 1;
	}

	async releaseSend(shipmentKey: string, trigger: JourneyTrigger, channel: string): Promise<void> {
		this.statements.releaseSend.run(shipmentKey, trigger, channel);
	}

	async countSent(shipmentKey: string, since: Date): Promise<number> {
		const row = this.statements.countSent.get(shipmentKey, since.getTime()) as { n: number };
		return Number(row.n);
	}

	async logSend(entry: SendLogEntry): Promise<void> {
		this.statements.logSend.run(
			entry.shipmentKey,
			entry.trigger,
			entry.channel,
			entry.status,
			entry.providerMessageId ?? null,
			entry.trackingNumber ?? null,
			entry.reasonCode ?? null,
			entry.sendAt ?? null,
			entry.at,
			toMillis(entry.at, 'at'),
		);
	}

	async listSends(filter: SendLogFilter = {}): Promise<SendLogEntry[]> {
		const rows = this.statements.listSends.all(
			filter.shipmentKey ?? null,
			filter.since?.getTime() ?? 0,
			filter.limit ?? 1000,
		) as unknown as SendRow[];
		return rows.map(sendFromRow);
	}

	async setPreference(subjects: string[], preference: StoredPreference): Promise<void> {
		this.preferences.set(subjects, preference);
	}

	async getPreference(subjects: string[]): Promise<StoredPreference | undefined> {
		return this.preferences.get(subjects);
	}

	async purgeExpired(now: Date = new Date()): Promise<number> {
		return Number(this.statements.purgeExpired.run(now.getTime()).changes);
	}

	async close(): Promise<void> {
		if (this.db.isOpen) this.db.close();
	}
}

/** Opens (creating it and its folder if needed) and migrates the store at `path`. */
export function openSqliteStore(path: string = defaultStorePath()): SqliteStore {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	return new SqliteStore(path);
}
