import type { ShipmentEvent } from '../../../lib/model/event';

/** A minimal valid event; tests override what they are about. */
export function shipmentEvent(overrides: Partial<ShipmentEvent> = {}): ShipmentEvent {
	return {
		id: 'aftership:evt-1',
		provider: 'aftership',
		trackingNumber: '1Z999AA10123456784',
		status: 'in_transit',
		occurredAt: '2024-03-11T09:15:00-05:00',
		...overrides,
	};
}
