import { classify } from '../classifier';
import type { Assessment } from '../model/assessment';
import type { ShipmentEvent } from '../model/event';
import { shipmentKey, type Store } from '../store/types';
import { now as clockNow } from '../clock';

export interface AssessOptions {
	promisedDate?: string;
	notifyInTransit?: boolean;
	now?: Date;
}

/**
 * Classifies an event against what the store remembers of its shipment, then remembers it. The
 * history is what keeps a late, older event from moving a journey backwards and a repeated status
 * from becoming a second message.
 */
export async function assessWithHistory(event: ShipmentEvent, store: Store, options: AssessOptions = {}): Promise<Assessment> {
	const key = shipmentKey(event.trackingNumber, event.carrier);
	const known = await store.getShipment(key);
	const assessment = classify(event, {
		promisedDate: options.promisedDate,
		notifyInTransit: options.notifyInTransit,
		now: options.now,
		lastStatus: known?.status,
		lastOccurredAt: known?.occurredAt,
		lastTrigger: known?.lastTrigger,
		lastRevisedEta: known?.lastRevisedEta ?? undefined,
	});
	const told = assessment.notify && assessment.trigger !== null;
	await store.putShipment({
		key,
		trackingNumber: event.trackingNumber,
		status: event.status,
		occurredAt: event.occurredAt,
		lastTrigger: told ? assessment.trigger : (known?.lastTrigger ?? null),
		lastRevisedEta: told && assessment.trigger === 'delayed' ? (assessment.revisedEta ?? null) : (known?.lastRevisedEta ?? null),
		updatedAt: (options.now ?? clockNow()).toISOString(),
	});
	return assessment;
}
