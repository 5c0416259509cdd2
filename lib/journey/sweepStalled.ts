import { assessSilence, checkSilenceOptions, type SilenceOptions } from '../classifier/stall';
import type { Assessment } from '../model/assessment';
import type { ShipmentState, SilenceKind, Store } from '../store/types';

export interface SweepStalledOptions extends SilenceOptions {
	now: Date;
	/** Most shipments returned by one sweep (default 1000); the rest are found by the next one. */
	limit?: number;
	/** Shipments read per page (default 500): a sweep holds one page, whatever the store's size. */
	pageSize?: number;
}

export interface StalledShipment {
	state: ShipmentState;
	assessment: Assessment;
	/** Shaped like a Shipment Tracking Trigger item with its assessment, for Customer Notify. */
	item: Record<string, unknown>;
}

const DEFAULT_LIMIT = 1000;
const DEFAULT_PAGE_SIZE = 500;

function checkCount(value: number, field: string): number {
	if (!Number.isInteger(value) || value < 1) throw new Error(`${field}: expected a whole number, 1 or more`);
	return value;
}

function kindOf(assessment: Assessment): SilenceKind {
	return assessment.trigger === 'stalled' ? 'stall' : 'no_info';
}

/** The journey item for one silent shipment: the fields the trigger emits, its context, the assessment. */
function itemOf(state: ShipmentState, assessment: Assessment): Record<string, unknown> {
	const destination = { country: state.destinationCountry, state: state.destinationRegion };
	return {
		trackingNumber: state.trackingNumber,
		...(state.carrier && { carrier: state.carrier }),
		...(state.service && { service: state.service }),
		status: state.status,
		occurredAt: state.occurredAt,
		shipmentKey: state.key,
		...((destination.country || destination.state) && { destination }),
		...(state.context?.customer && { customer: state.context.customer }),
		...(state.context?.order && { order: state.context.order }),
		assessment,
	};
}

/**
 * Finds the open shipments whose silence is news (assessSilence) and claims each "told once" in
 * the store before returning it, so two sweeps racing (two workers, an overlapping schedule) never
 * tell the same silence twice. Pages by key: memory stays one page and `limit` results.
 */
export async function sweepStalled(store: Store, options: SweepStalledOptions): Promise<StalledShipment[]> {
	checkSilenceOptions(options);
	const limit = checkCount(options.limit ?? DEFAULT_LIMIT, 'limit');
	const pageSize = checkCount(options.pageSize ?? DEFAULT_PAGE_SIZE, 'pageSize');
	const found: StalledShipment[] = [];
	let afterKey: string | undefined;
	for (;;) {
		const page = await store.openShipments(afterKey, pageSize);
		for (const state of page) {
			const assessment = assessSilence(state, options.now, options);
			if (!assessment) continue;
			// Judged by the scan read here: a scan that lands meanwhile makes the claim fail.
			if (!(await store.markNotified(state.key, kindOf(assessment), options.now, state.lastScanAt ?? null))) continue;
			found.push({ state, assessment, item: itemOf(state, assessment) });
			if (found.length >= limit) return found;
		}
		if (page.length < pageSize) return found;
		afterKey = page[page.length - 1].key;
	}
}
