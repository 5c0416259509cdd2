import type { SweepReport } from '../poll/sweep';
import { shipmentKey } from '../store/types';

type Json = Record<string, unknown>;

/**
 * A sweep's report as trigger items: each change as a shipment event carrying what was attached
 * when watching began (order, customer: merged into the event's customer), and the problems
 * (failed lookups, shipments no longer watched, carriers cut short) for the second output.
 */
export function sweepToItems(report: SweepReport): { changes: Json[]; issues: Json[] } {
	const changes = report.changes.map(({ event, watched }) => {
		const metadata = watched.metadata ?? {};
		const customer = { ...(event.customer ?? {}), ...((metadata.customer as Json | undefined) ?? {}) };
		// Only the journey's own keys are lifted from the metadata; it never overwrites the event.
		return {
			...event,
			...(metadata.order !== undefined ? { order: metadata.order } : {}),
			...(Object.keys(customer).length ? { customer } : {}),
			metadata,
			shipmentKey: shipmentKey(event.trackingNumber, event.carrier),
			watch: { addedAt: watched.addedAt, lastCheckedAt: watched.lastCheckedAt },
		};
	});
	const issues: Json[] = [
		...report.failures.map((f) => ({ kind: 'lookup_failed', ...f })),
		...report.stopped.map((s) => ({ kind: 'stopped_watching', ...s })),
		...report.cutShort.map((c) => ({ kind: 'poll_cut_short', ...c })),
	];
	return { changes, issues };
}
