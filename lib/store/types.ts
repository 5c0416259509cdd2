import type { JourneyTrigger } from '../model/triggers';
import type { Preference } from '../model/preferences';

/**
 * What the journey item carried about the customer and the order, kept so a shipment that goes
 * silent can still be notified. Privacy: kept only while the shipment is open; both backends drop
 * it when `closedAt` is set, so the store holds no contact data for finished shipments.
 */
export interface ShipmentContext {
	customer?: Record<string, unknown>;
	order?: Record<string, unknown>;
}

/** What a sweep marks as told about a silent shipment (see Store.markNotified). */
export type SilenceKind = 'stall' | 'no_info';

/** The last known state of one shipment, as the journey saw it. */
export interface ShipmentState {
	/** `${carrier || provider}:${trackingNumber}`; see shipmentKey(). */
	key: string;
	trackingNumber: string;
	status: string;
	occurredAt: string;
	lastTrigger?: JourneyTrigger | null;
	/** The revised ETA last told in a `delayed` message, so a delay that grows is told again. */
	lastRevisedEta?: string | null;
	updatedAt: string;
	carrier?: string;
	service?: string;
	/** ISO country (alpha-2 or alpha-3) and region of the destination, for its business days. */
	destinationCountry?: string;
	destinationRegion?: string;
	/** occurredAt of the last real carrier scan (not an estimate revision, not a label or a placeholder). */
	lastScanAt?: string;
	/** When the journey first heard of the shipment; the first write wins. */
	openedAt?: string;
	/** Set on a final status (delivered, returned, cancelled); closed shipments are never swept. */
	closedAt?: string;
	/** Dropped by the store once closedAt is set (privacy, see ShipmentContext). */
	context?: ShipmentContext;
	/**
	 * Set only by markNotified; putShipment keeps them whatever it is given, except that a newer
	 * scan clears stallNotifiedAt so a second silence later is told again.
	 */
	stallNotifiedAt?: string;
	noInfoNotifiedAt?: string;
}

export interface SendLogEntry {
	shipmentKey: string;
	trigger: JourneyTrigger;
	channel: string;
	/** 'sent' only counts toward caps and duplicates; other outcomes are kept for audit. */
	status: 'sent' | 'deferred' | 'suppressed' | 'failed';
	providerMessageId?: string;
	/** Tracking number, for audit tables (a carrier's number, not customer data). */
	trackingNumber?: string;
	/** Why it was not sent: preference, opt_out, duplicate, cap, quiet_hours, no_contact... */
	reasonCode?: string;
	/** For deferred messages: when they are due. */
	sendAt?: string;
	at: string;
}

export interface SendLogFilter {
	shipmentKey?: string;
	since?: Date;
	/** Newest entries first are cut; default 1000. */
	limit?: number;
}

/** A shipment the Carrier Poll Trigger looks up at the carrier's API until it is done. */
export interface WatchedShipment {
	/** shipmentKey(trackingNumber, carrier). */
	key: string;
	trackingNumber: string;
	/** Carrier adapter id: 'ups', 'fedex', 'usps', 'dhl'. */
	carrier: string;
	/** What the merchant attached (order number, customer...): emitted with every change. */
	metadata?: Record<string, unknown>;
	addedAt: string;
	/** Due for a lookup at or after this time. */
	nextCheckAt: string;
	lastCheckedAt?: string;
	/** When the carrier last reported something new (or when watching began). */
	lastChangeAt: string;
	lastStatus?: string;
	/** contentKey of the last state emitted, so only changes are emitted. */
	lastContentKey?: string;
	/** Consecutive failed lookups. */
	failures: number;
	/** When it reached a final status (delivered, returned): watching ends a grace period later. */
	finalAt?: string;
}

/** What a lookup changes on a watched shipment. */
export type WatchCheck = Pick<WatchedShipment, 'nextCheckAt' | 'lastCheckedAt' | 'failures'> &
	Partial<Pick<WatchedShipment, 'lastChangeAt' | 'lastStatus' | 'lastContentKey' | 'finalAt'>>;

/**
 * The poll trigger's watch list. Reads are paged (`due` takes a limit) so a sweep over any number
 * of shipments holds one page in memory.
 */
export interface WatchList {
	/** Starts watching (or updates the metadata of a shipment already watched, keeping its state). */
	watch(entry: { trackingNumber: string; carrier: string; metadata?: Record<string, unknown> }, now?: Date): Promise<WatchedShipment>;
	unwatch(key: string): Promise<boolean>;
	get(key: string): Promise<WatchedShipment | undefined>;
	/** Up to `limit` shipments of `carrier` due at `now`, the longest-waiting first. */
	due(carrier: string, now: Date, limit: number): Promise<WatchedShipment[]>;
	recordCheck(key: string, check: WatchCheck): Promise<void>;
	count(carrier?: string): Promise<number>;
}

/**
 * A customer's own choice of how to hear about deliveries, from the preference center. Stored
 * under subjects: 'order:<orderKey>' and 'email:<sha256 of the lower-cased address>' (see
 * lib/preferences/subjects.ts), so no raw address is ever a key.
 */
export interface StoredPreference {
	channel: Preference;
	/** BCP 47 language for the messages, e.g. 'de'. */
	language?: string;
	/** When the customer chose; a write older than the stored choice is ignored. */
	updatedAt: string;
}

/**
 * The package's memory: idempotency keys, last status per shipment, and the send log.
 * Every method is atomic: two executions racing on the same key cannot both win.
 * A second backend (Redis, for queue mode) is one new file implementing this.
 */
export interface Store {
	/** Claims `key` until `ttlMs` from `now`; true only for the first claimant while unexpired. */
	claim(key: string, ttlMs: number, now?: Date): Promise<boolean>;
	/** Gives a claim back (e.g. the work it guarded failed and may be retried). */
	release(key: string): Promise<void>;
	getShipment(key: string): Promise<ShipmentState | undefined>;
	/**
	 * Writes the state unless the stored one is newer (by occurredAt); returns what is stored now.
	 * openedAt keeps its first value, the notified marks stay the store's (a newer lastScanAt clears
	 * stallNotifiedAt), and context is dropped for a closed shipment.
	 */
	putShipment(state: ShipmentState): Promise<ShipmentState>;
	/**
	 * Up to `limit` shipments not closed, in key order after `afterKey` (from the start when
	 * undefined): a sweep pages with the last key it got and never holds more than one page.
	 */
	openShipments(afterKey: string | undefined, limit: number): Promise<ShipmentState[]>;
	/**
	 * Marks the shipment as told about its silence, once: false when it is already marked (for
	 * 'stall': since its last scan), closed, unknown, or, when `seenLastScanAt` is given (null for
	 * "no scan"), scanned again after the caller read it. Racing sweeps: exactly one gets true.
	 */
	markNotified(key: string, kind: SilenceKind, at: Date, seenLastScanAt?: string | null): Promise<boolean>;
	/**
	 * Atomically reserves the (shipment, trigger, channel) send; false if it was already reserved
	 * or sent. A failed send calls releaseSend so a retry can go out.
	 */
	reserveSend(shipmentKey: string, trigger: JourneyTrigger, channel: string, now?: Date): Promise<boolean>;
	releaseSend(shipmentKey: string, trigger: JourneyTrigger, channel: string): Promise<void>;
	/**
	 * Notifications sent for the shipment since `since`: distinct triggers with a 'sent' entry, so
	 * one update that went out by email and SMS counts once.
	 */
	countSent(shipmentKey: string, since: Date): Promise<number>;
	logSend(entry: SendLogEntry): Promise<void>;
	/** The send log in the order it was written (oldest first): every decision, for audit. */
	listSends(filter?: SendLogFilter): Promise<SendLogEntry[]>;
	/**
	 * Saves the choice under every subject at once; a subject whose stored choice is newer (by
	 * updatedAt) keeps it. Subjects are keys, never contact data: one holding '@' is refused.
	 */
	setPreference(subjects: string[], preference: StoredPreference): Promise<void>;
	/** The stored choice of the first subject that has one, in the order given. */
	getPreference(subjects: string[]): Promise<StoredPreference | undefined>;
	/** Removes expired claims. */
	purgeExpired(now?: Date): Promise<number>;
	/** Shipments the Carrier Poll Trigger looks up. */
	readonly watchlist: WatchList;
	close(): Promise<void>;
}

export function shipmentKey(trackingNumber: string, carrier?: string): string {
	return `${(carrier || 'any').toLowerCase()}:${trackingNumber.replace(/[\s-]/g, '').toUpperCase()}`;
}

/** The context a store may keep: none once the shipment is closed (privacy), none when empty. */
export function storableContext(state: ShipmentState): ShipmentContext | undefined {
	if (state.closedAt || !state.context) return undefined;
	const { customer, order } = state.context;
	if (!customer && !order) return undefined;
	return { ...(customer && { customer }), ...(order && { order }) };
}

/** Milliseconds of an ISO date-time; throws naming `field`, never quoting the value. */
export function toMillis(iso: string, field: string): number {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) throw new TypeError(`${field} is not a date-time`);
	return ms;
}

/** Refuses what must never be a key (a raw address); throws without quoting it. */
export function checkPreferenceSubjects(subjects: string[]): void {
	for (const subject of subjects) {
		if (typeof subject !== 'string' || !/^(order|email):\S+$/.test(subject) || subject.includes('@')) {
			throw new TypeError("a preference subject is 'order:<orderKey>' or 'email:<sha256>'");
		}
	}
}
