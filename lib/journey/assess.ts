import { classify } from '../classifier';
import { CLOSING_STATUSES, isCarrierScan } from '../classifier/stall';
import type { Assessment, ClassifyContext } from '../model/assessment';
import type { ShipmentEvent } from '../model/event';
import { shipmentKey, type ShipmentContext, type ShipmentState, type Store } from '../store/types';
import { now as clockNow } from '../clock';
import { countryAlpha2, regionCode } from '../calendar/countries';
import { timeZoneFor } from '../calendar/timezones';

export interface AssessOptions {
	promisedDate?: string;
	notifyInTransit?: boolean;
	now?: Date;
	/**
	 * The item's customer and order, kept with the shipment while it is open so a shipment that
	 * goes silent can still be notified (sweepStalled); dropped when it closes.
	 */
	context?: ShipmentContext;
	/** More for the classifier: order value, lifetime value, remedy policy, destination zone... */
	classify?: Partial<ClassifyContext>;
}

/**
 * Classifies an event against what the store remembers of its shipment, then remembers it. The
 * history is what keeps a late, older event from moving a journey backwards and a repeated status
 * from becoming a second message.
 */
export async function assessWithHistory(event: ShipmentEvent, store: Store, options: AssessOptions = {}): Promise<Assessment> {
	const key = shipmentKey(event.trackingNumber, event.carrier);
	const known = await store.getShipment(key);
	const country = event.destination?.country ?? known?.destinationCountry;
	const region = event.destination?.state ?? known?.destinationRegion;
	const assessment = classify(event, {
		...options.classify,
		// Where the parcel goes and since when it travels, for business days and the own estimate;
		// "today" is the destination's (a zone from the address when the customer gives none).
		destinationCountry: options.classify?.destinationCountry ?? country,
		destinationRegion: options.classify?.destinationRegion ?? region,
		destinationTimeZone:
			options.classify?.destinationTimeZone ?? event.customer?.timeZone ?? timeZoneFor(countryAlpha2(country), regionCode(region)),
		shippedAt: options.classify?.shippedAt ?? (known?.lastScanAt ? known.openedAt : undefined),
		promisedDate: options.promisedDate,
		notifyInTransit: options.notifyInTransit,
		now: options.now,
		lastStatus: known?.status,
		lastOccurredAt: known?.occurredAt,
		lastTrigger: known?.lastTrigger,
		lastRevisedEta: known?.lastRevisedEta ?? undefined,
	});
	const told = assessment.notify && assessment.trigger !== null;
	const stored = await store.putShipment({
		key,
		trackingNumber: event.trackingNumber,
		status: event.status,
		occurredAt: event.occurredAt,
		lastTrigger: told ? assessment.trigger : (known?.lastTrigger ?? null),
		lastRevisedEta: told && assessment.trigger === 'delayed' ? (assessment.revisedEta ?? null) : (known?.lastRevisedEta ?? null),
		updatedAt: (options.now ?? clockNow()).toISOString(),
		...silenceFields(event, known, options.context),
	});
	// Another execution stored a newer event meanwhile: this one is older news, whatever it said.
	if (Date.parse(stored.occurredAt) > Date.parse(event.occurredAt)) {
		return { ...assessment, trigger: null, notify: false, escalate: false, suppressedBecause: 'older than the last known event' };
	}
	return assessment;
}

/**
 * What the silence sweep reads; an event that does not say keeps what an earlier one said. The
 * store keeps the first openedAt and the latest lastScanAt itself, so each event gives its own.
 */
function silenceFields(event: ShipmentEvent, known: ShipmentState | undefined, context: ShipmentContext | undefined): Partial<ShipmentState> {
	const closed = CLOSING_STATUSES.has(event.status);
	const given = context?.customer || context?.order ? context : undefined;
	return {
		carrier: event.carrier ?? known?.carrier,
		service: event.service ?? known?.service,
		destinationCountry: event.destination?.country ?? known?.destinationCountry,
		destinationRegion: event.destination?.state ?? known?.destinationRegion,
		lastScanAt: isCarrierScan(event) ? event.occurredAt : undefined,
		openedAt: event.occurredAt,
		// A newer event after a final one (a carrier's correction) opens the shipment again.
		closedAt: closed ? (known?.closedAt ?? event.occurredAt) : undefined,
		// The store drops it once closedAt is set: no contact data is kept for finished shipments.
		context: given ?? known?.context,
	};
}
