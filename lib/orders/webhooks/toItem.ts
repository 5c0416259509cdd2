import { TRIGGER_INFO } from '../../classifier/triggerInfo';
import { shipmentKey } from '../../store/types';
import type { OrderJourneyEvent } from './types';

/**
 * An order event as a journey item Customer Notify reads directly: the trigger with its default
 * severity as the assessment, the first tracking number, and a key that sends each step once per
 * parcel (or per order, before there is a parcel).
 */
export function orderEventToItem(event: OrderJourneyEvent): Record<string, unknown> {
	const trackingNumber = event.trackingNumbers?.[0];
	return {
		...event,
		...(trackingNumber ? { trackingNumber } : {}),
		shipmentKey: trackingNumber ? shipmentKey(trackingNumber, event.carrier) : `order:${event.source}:${event.orderId}`,
		assessment: event.trigger
			? { trigger: event.trigger, notify: true, severity: TRIGGER_INFO[event.trigger].severity, reason: TRIGGER_INFO[event.trigger].title }
			: { trigger: null, notify: false, severity: 'info', reason: 'No customer message for this change' },
	};
}
