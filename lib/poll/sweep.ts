import { contentKey } from '../model/build';
import type { ShipmentEvent } from '../model/event';
import { CarrierError, type CarrierAdapter, type CarrierContext, type TrackResult } from '../carriers/types';
import type { WatchedShipment, WatchList } from '../store/types';
import { Pacer } from './pacer';

export { Pacer };

export interface SweepCarrier {
	adapter: CarrierAdapter;
	ctx: CarrierContext;
	/** The merchant's own quota when it differs from the carrier's published one. */
	rateLimit?: { requests: number; perMs: number };
}

export interface SweepOptions {
	now?: () => Date;
	sleep?: (ms: number) => Promise<void>;
	/** Shipments read from the store at a time: the memory bound. Default 200. */
	pageSize?: number;
	/** Most lookups per carrier in one sweep (the rest stay due for the next). Default 1000. */
	maxLookups?: number;
	/** Stop starting new lookups after this long. Default 4 minutes. */
	maxDurationMs?: number;
	/** Next lookup after an unchanged in-transit answer. Default 2 hours. */
	recheckMs?: number;
	/** Keep watching this long after delivered or returned (corrections, returns). Default 48 h. */
	finalGraceMs?: number;
	/** Stop watching after this long without news. Default 30 days. */
	staleAfterMs?: number;
	/** First wait after a failed lookup, doubled per further failure up to 6 h. Default 15 min. */
	failureBackoffMs?: number;
	/**
	 * Pacers by carrier, kept between sweeps so a limit like DHL's 250 a day holds across polls
	 * (the n8n node passes one map for the whole process). Default: fresh for this sweep.
	 */
	pacers?: Map<string, Pacer>;
}

export interface SweepChange {
	event: ShipmentEvent;
	watched: WatchedShipment;
}
export interface SweepFailure {
	trackingNumber: string;
	carrier: string;
	code: CarrierError['code'];
	message: string;
	retryable: boolean;
	/** Consecutive failures of this shipment, this one included. */
	failures: number;
	nextCheckAt: string;
}
export interface SweepStop {
	trackingNumber: string;
	carrier: string;
	reason: 'final' | 'stale';
	metadata?: Record<string, unknown>;
}
export interface SweepReport {
	changes: SweepChange[];
	failures: SweepFailure[];
	stopped: SweepStop[];
	checked: number;
	/** Carriers whose sweep ended early: rate limited, credentials refused, or out of time. */
	cutShort: Array<{ carrier: string; reason: string }>;
}

const FINAL = new Set(['delivered', 'returned']);
const HOUR = 3_600_000;
/** How soon to look again, by what the parcel is doing: today's deliveries change within hours. */
const RECHECK_FACTOR: Partial<Record<string, number>> = { out_for_delivery: 0.25, available_for_pickup: 1, pending: 3, info_received: 3 };

/**
 * One pass over the watch list: every carrier in parallel, each paced to its rate limit, reading
 * due shipments a page at a time. Emits only changes; a failed lookup keeps the shipment (looked
 * up again after a backoff) and is reported; watching ends after a final status plus a grace
 * period, or after a long silence.
 */
export async function sweep(watchlist: WatchList, carriers: SweepCarrier[], options: SweepOptions = {}): Promise<SweepReport> {
	const report: SweepReport = { changes: [], failures: [], stopped: [], checked: 0, cutShort: [] };
	const settings = {
		now: options.now ?? (() => new Date()),
		sleep: options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
		pageSize: options.pageSize ?? 200,
		maxLookups: options.maxLookups ?? 1000,
		recheckMs: options.recheckMs ?? 2 * HOUR,
		finalGraceMs: options.finalGraceMs ?? 48 * HOUR,
		staleAfterMs: options.staleAfterMs ?? 30 * 24 * HOUR,
		failureBackoffMs: options.failureBackoffMs ?? 15 * 60_000,
	};
	const deadline = settings.now().getTime() + (options.maxDurationMs ?? 4 * 60_000);
	const pacers = options.pacers ?? new Map<string, Pacer>();
	const outcomes = await Promise.allSettled(
		carriers.map((carrier) => {
			const limit = carrier.rateLimit ?? carrier.adapter.rateLimit;
			const key = `${carrier.adapter.id}|${limit.requests}/${limit.perMs}`;
			let pacer = pacers.get(key);
			if (!pacer) pacers.set(key, (pacer = new Pacer(limit, () => settings.now().getTime(), settings.sleep)));
			return sweepCarrier(watchlist, carrier, pacer, settings, deadline, report);
		}),
	);
	// A carrier whose sweep broke (the store failed under it) is reported; what the others found stands.
	outcomes.forEach((outcome, i) => {
		if (outcome.status === 'rejected') {
			report.cutShort.push({ carrier: carriers[i].adapter.id, reason: `sweep failed: ${(outcome.reason as Error)?.message ?? 'unknown error'}; the rest stay due` });
		}
	});
	return report;
}

type Settings = Required<Omit<SweepOptions, 'maxDurationMs' | 'pacers'>>;

async function sweepCarrier(
	watchlist: WatchList,
	carrier: SweepCarrier,
	pacer: Pacer,
	s: Settings,
	deadline: number,
	report: SweepReport,
): Promise<void> {
	const { adapter } = carrier;
	let lookups = 0;
	while (lookups < s.maxLookups) {
		// Pages are whole batches, so no request goes out part-empty at a page edge.
		const pageSize = Math.max(adapter.maxBatch, Math.floor(s.pageSize / adapter.maxBatch) * adapter.maxBatch);
		const page = await watchlist.due(adapter.id, s.now(), Math.min(pageSize, s.maxLookups - lookups));
		if (page.length === 0) return;
		for (let i = 0; i < page.length; i += adapter.maxBatch) {
			const batch = page.slice(i, i + adapter.maxBatch);
			// Never sleep past the poll's end: a slow limit (DHL: one call in 6 minutes) waits for the next poll.
			if (s.now().getTime() + pacer.delay() >= deadline) {
				report.cutShort.push({ carrier: adapter.id, reason: 'out of time for this poll (rate limit); the rest stay due' });
				return;
			}
			await pacer.turn();
			const results = await lookUp(adapter, carrier.ctx, batch);
			report.checked += batch.length;
			lookups += batch.length;
			let stop: string | undefined;
			for (let j = 0; j < batch.length; j++) {
				const result = results[j];
				if (result.ok) await onAnswer(watchlist, batch[j], result.events, s, report);
				else {
					// Every failure is recorded and reported, even after one of them stopped the carrier.
					const why = await onFailure(watchlist, batch[j], result.error, s, pacer, report);
					stop ??= why;
				}
			}
			if (stop) {
				report.cutShort.push({ carrier: adapter.id, reason: stop });
				return;
			}
		}
	}
}

/** The adapter's answer for each number; a thrown CarrierError (the whole call failed) fails each. */
async function lookUp(adapter: CarrierAdapter, ctx: CarrierContext, batch: WatchedShipment[]): Promise<TrackResult[]> {
	try {
		const results = await adapter.track(batch.map((w) => w.trackingNumber), ctx);
		if (results.length !== batch.length) throw new CarrierError(adapter.id, 'malformed', `${adapter.id}: ${results.length} results for ${batch.length} numbers`);
		return results;
	} catch (error) {
		const failure =
			error instanceof CarrierError ? error : new CarrierError(adapter.id, 'server', `${adapter.id}: lookup failed (${(error as Error).name})`);
		return batch.map((w) => ({ trackingNumber: w.trackingNumber, ok: false as const, error: failure }));
	}
}

async function onAnswer(watchlist: WatchList, watched: WatchedShipment, events: ShipmentEvent[], s: Settings, report: SweepReport): Promise<void> {
	const now = s.now();
	const event = events[events.length - 1];
	const at = now.toISOString();
	if (!event) {
		await watchlist.recordCheck(watched.key, { nextCheckAt: new Date(now.getTime() + s.recheckMs).toISOString(), lastCheckedAt: at, failures: 0 });
		return stopIfDone(watchlist, watched, now, s, report);
	}
	const key = contentKey(event);
	const changed = key !== watched.lastContentKey;
	if (changed) report.changes.push({ event, watched });
	const finalAt = watched.finalAt ?? (FINAL.has(event.status) ? at : undefined);
	const factor = RECHECK_FACTOR[event.status] ?? 1;
	const next = finalAt ? s.finalGraceMs / 4 : s.recheckMs * factor;
	const updated: WatchedShipment = { ...watched, lastChangeAt: changed ? at : watched.lastChangeAt, finalAt };
	await watchlist.recordCheck(watched.key, {
		nextCheckAt: new Date(now.getTime() + next).toISOString(),
		lastCheckedAt: at,
		failures: 0,
		lastStatus: event.status,
		lastContentKey: key,
		lastChangeAt: changed ? at : undefined,
		finalAt,
	});
	await stopIfDone(watchlist, updated, now, s, report);
}

async function stopIfDone(watchlist: WatchList, watched: WatchedShipment, now: Date, s: Settings, report: SweepReport): Promise<void> {
	const at = now.getTime();
	let reason: SweepStop['reason'] | undefined;
	if (watched.finalAt && at - Date.parse(watched.finalAt) >= s.finalGraceMs) reason = 'final';
	else if (at - Date.parse(watched.lastChangeAt) >= s.staleAfterMs) reason = 'stale';
	if (!reason) return;
	await watchlist.unwatch(watched.key);
	report.stopped.push({ trackingNumber: watched.trackingNumber, carrier: watched.carrier, reason, ...(watched.metadata ? { metadata: watched.metadata } : {}) });
}

/** Records the failure and says whether the carrier's sweep must stop (quota spent, credentials refused). */
async function onFailure(
	watchlist: WatchList,
	watched: WatchedShipment,
	error: CarrierError,
	s: Settings,
	pacer: Pacer,
	report: SweepReport,
): Promise<string | undefined> {
	const now = s.now();
	const failures = watched.failures + 1;
	let waitMs = Math.min(s.failureBackoffMs * 2 ** (failures - 1), 6 * HOUR);
	if (error.code === 'rate_limited') waitMs = Math.max(error.details.retryAfterMs ?? 60_000, 1000);
	const nextCheckAt = new Date(now.getTime() + waitMs).toISOString();
	await watchlist.recordCheck(watched.key, { nextCheckAt, lastCheckedAt: now.toISOString(), failures });
	report.failures.push({ trackingNumber: watched.trackingNumber, carrier: watched.carrier, code: error.code, message: error.message, retryable: error.retryable, failures, nextCheckAt });
	await stopIfDone(watchlist, watched, now, s, report);
	if (error.code === 'rate_limited') {
		pacer.pause(waitMs);
		return `rate limited: paused ${Math.round(waitMs / 1000)} s; the rest stay due`;
	}
	if (error.code === 'auth') return 'credentials refused: check the credential';
	return undefined;
}
