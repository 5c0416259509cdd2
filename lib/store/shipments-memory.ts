import { storableContext, toMillis, type ShipmentState, type SilenceKind } from './types';

/** The ms of an optional date-time, -1 for none (before any real one). */
function millisOrNone(iso: string | undefined): number {
	return iso ? Date.parse(iso) : -1;
}

/** Index of the first key greater than `key` in the sorted `keys`. */
function firstAfter(keys: readonly string[], key: string): number {
	let low = 0;
	let high = keys.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (keys[middle] <= key) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * Shipment states in process memory, with SqliteShipments' semantics. Keys are also kept sorted,
 * so a page of open shipments is a binary search and a short walk, not a sort of everything.
 */
export class MemoryShipments {
	private readonly states = new Map<string, ShipmentState>();
	private readonly keys: string[] = [];

	get(key: string): ShipmentState | undefined {
		const state = this.states.get(key);
		return state && structuredClone(state);
	}

	put(state: ShipmentState): ShipmentState {
		const incomingMs = toMillis(state.occurredAt, 'occurredAt');
		if (state.lastScanAt) toMillis(state.lastScanAt, 'lastScanAt');
		const stored = this.states.get(state.key);
		if (stored && Date.parse(stored.occurredAt) > incomingMs) return structuredClone(stored);

		const newerScan = millisOrNone(state.lastScanAt) > millisOrNone(stored?.lastScanAt);
		const written: ShipmentState = {
			key: state.key,
			trackingNumber: state.trackingNumber,
			status: state.status,
			occurredAt: state.occurredAt,
			lastTrigger: state.lastTrigger ?? null,
			updatedAt: state.updatedAt,
		};
		const lastScanAt = newerScan ? state.lastScanAt : stored?.lastScanAt;
		const context = storableContext(state);
		const optional: Partial<ShipmentState> = {
			lastRevisedEta: state.lastRevisedEta ?? undefined,
			carrier: state.carrier,
			service: state.service,
			destinationCountry: state.destinationCountry,
			destinationRegion: state.destinationRegion,
			lastScanAt,
			openedAt: stored?.openedAt ?? state.openedAt,
			closedAt: state.closedAt,
			context: context && structuredClone(context),
			// Marks are markNotified's alone; a newer scan re-arms the stall mark.
			stallNotifiedAt: newerScan ? undefined : stored?.stallNotifiedAt,
			noInfoNotifiedAt: stored?.noInfoNotifiedAt,
		};
		for (const [field, value] of Object.entries(optional)) {
			if (value) Object.assign(written, { [field]: value });
		}
		if (!stored) this.keys.splice(firstAfter(this.keys, state.key), 0, state.key);
		this.states.set(state.key, written);
		return structuredClone(written);
	}

	open(afterKey: string | undefined, limit: number): ShipmentState[] {
		const page: ShipmentState[] = [];
		for (let i = afterKey === undefined ? 0 : firstAfter(this.keys, afterKey); i < this.keys.length && page.length < limit; i++) {
			const state = this.states.get(this.keys[i]) as ShipmentState;
			if (!state.closedAt) page.push(structuredClone(state));
		}
		return page;
	}

	mark(key: string, kind: SilenceKind, at: Date, seenLastScanAt?: string | null): boolean {
		const state = this.states.get(key);
		if (!state || state.closedAt) return false;
		const field = kind === 'stall' ? 'stallNotifiedAt' : 'noInfoNotifiedAt';
		if (state[field]) return false;
		if (seenLastScanAt !== undefined) {
			const seenMs = seenLastScanAt ? toMillis(seenLastScanAt, 'seenLastScanAt') : -1;
			if (millisOrNone(state.lastScanAt) > seenMs) return false;
		}
		state[field] = at.toISOString();
		return true;
	}
}
