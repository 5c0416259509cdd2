import type { DatabaseSync, StatementSync } from 'node:sqlite';

import type { JourneyTrigger } from '../model/triggers';
import { storableContext, toMillis, type ShipmentContext, type ShipmentState, type SilenceKind } from './types';

interface ShipmentRow {
	key: string;
	tracking_number: string;
	status: string;
	occurred_at: string;
	last_trigger: string | null;
	last_revised_eta: string | null;
	updated_at: string;
	carrier: string | null;
	service: string | null;
	destination_country: string | null;
	destination_region: string | null;
	last_scan_at: string | null;
	opened_at: string | null;
	closed_at: string | null;
	context: string | null;
	stall_notified_at: string | null;
	no_info_notified_at: string | null;
}

/** Row columns that map one-to-one onto optional ShipmentState fields. */
const OPTIONAL_COLUMNS = [
	['last_revised_eta', 'lastRevisedEta'],
	['carrier', 'carrier'],
	['service', 'service'],
	['destination_country', 'destinationCountry'],
	['destination_region', 'destinationRegion'],
	['last_scan_at', 'lastScanAt'],
	['opened_at', 'openedAt'],
	['closed_at', 'closedAt'],
	['stall_notified_at', 'stallNotifiedAt'],
	['no_info_notified_at', 'noInfoNotifiedAt'],
] as const;

function fromRow(row: ShipmentRow): ShipmentState {
	const state: ShipmentState = {
		key: row.key,
		trackingNumber: row.tracking_number,
		status: row.status,
		occurredAt: row.occurred_at,
		lastTrigger: (row.last_trigger as JourneyTrigger | null) ?? null,
		updatedAt: row.updated_at,
	};
	for (const [column, field] of OPTIONAL_COLUMNS) {
		const value = row[column];
		if (value) state[field] = value;
	}
	if (row.context) state.context = JSON.parse(row.context) as ShipmentContext;
	return state;
}

/**
 * The shipments table: last state per shipment, and the open ones in key order for the silence
 * sweep (one range read of the partial index `shipments_open` per page).
 */
export class SqliteShipments {
	private readonly statements: Record<'get' | 'put' | 'open' | 'markStall' | 'markNoInfo', StatementSync>;

	constructor(db: DatabaseSync) {
		// A mark is refused once set, when closed, and when a scan came after the one the caller saw.
		const mark = (column: string) =>
			db.prepare(
				`UPDATE shipments SET ${column} = ?2
				WHERE key = ?1 AND ${column} IS NULL AND closed_at IS NULL AND (?3 = 0 OR COALESCE(last_scan_ms, -1) <= ?4)`,
			);
		this.statements = {
			get: db.prepare('SELECT * FROM shipments WHERE key = ?'),
			// openedAt keeps its first value, the last scan never moves back, a newer scan re-arms the
			// stall mark; the marks themselves are only ever written by markNotified.
			put: db.prepare(
				`INSERT INTO shipments (key, tracking_number, status, occurred_at, occurred_ms, last_trigger, last_revised_eta,
					updated_at, carrier, service, destination_country, destination_region, last_scan_at, last_scan_ms,
					opened_at, closed_at, context)
				VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
				ON CONFLICT (key) DO UPDATE SET
					tracking_number = excluded.tracking_number, status = excluded.status,
					occurred_at = excluded.occurred_at, occurred_ms = excluded.occurred_ms,
					last_trigger = excluded.last_trigger, last_revised_eta = excluded.last_revised_eta,
					updated_at = excluded.updated_at, carrier = excluded.carrier, service = excluded.service,
					destination_country = excluded.destination_country, destination_region = excluded.destination_region,
					stall_notified_at = CASE WHEN excluded.last_scan_ms > COALESCE(shipments.last_scan_ms, -1)
						THEN NULL ELSE shipments.stall_notified_at END,
					last_scan_at = CASE WHEN excluded.last_scan_ms > COALESCE(shipments.last_scan_ms, -1)
						THEN excluded.last_scan_at ELSE shipments.last_scan_at END,
					last_scan_ms = CASE WHEN excluded.last_scan_ms > COALESCE(shipments.last_scan_ms, -1)
						THEN excluded.last_scan_ms ELSE shipments.last_scan_ms END,
					opened_at = COALESCE(shipments.opened_at, excluded.opened_at),
					closed_at = excluded.closed_at, context = excluded.context
				WHERE excluded.occurred_ms >= shipments.occurred_ms
				RETURNING *`,
			),
			open: db.prepare('SELECT * FROM shipments WHERE closed_at IS NULL AND key > ? ORDER BY key LIMIT ?'),
			markStall: mark('stall_notified_at'),
			markNoInfo: mark('no_info_notified_at'),
		};
	}

	get(key: string): ShipmentState | undefined {
		const row = this.statements.get.get(key) as ShipmentRow | undefined;
		return row && fromRow(row);
	}

	put(state: ShipmentState): ShipmentState {
		const context = storableContext(state);
		// .all(), not .get(): a RETURNING statement left open by .get() keeps SQLite from checkpointing the WAL.
		const [written] = this.statements.put.all(
			state.key,
			state.trackingNumber,
			state.status,
			state.occurredAt,
			toMillis(state.occurredAt, 'occurredAt'),
			state.lastTrigger ?? null,
			state.lastRevisedEta ?? null,
			state.updatedAt,
			state.carrier ?? null,
			state.service ?? null,
			state.destinationCountry ?? null,
			state.destinationRegion ?? null,
			state.lastScanAt ?? null,
			state.lastScanAt ? toMillis(state.lastScanAt, 'lastScanAt') : null,
			state.openedAt ?? null,
			state.closedAt ?? null,
			context ? JSON.stringify(context) : null,
		) as unknown as Array<ShipmentRow | undefined>;
		if (written) return fromRow(written);
		// The stored state was newer: RETURNING gives nothing when the WHERE refused the update.
		return fromRow(this.statements.get.get(state.key) as unknown as ShipmentRow);
	}

	open(afterKey: string | undefined, limit: number): ShipmentState[] {
		// Every key is longer than '', so "from the start" is the same range read.
		return (this.statements.open.all(afterKey ?? '', limit) as unknown as ShipmentRow[]).map(fromRow);
	}

	mark(key: string, kind: SilenceKind, at: Date, seenLastScanAt?: string | null): boolean {
		const statement = kind === 'stall' ? this.statements.markStall : this.statements.markNoInfo;
		const guarded = seenLastScanAt !== undefined;
		const seenMs = seenLastScanAt ? toMillis(seenLastScanAt, 'seenLastScanAt') : -1;
		return Number(statement.run(key, at.toISOString(), guarded ? 1 : 0, seenMs).changes) === 1;
	}
}
