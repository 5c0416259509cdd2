import type { ShipmentEvent } from '../model/event';
import { InvalidEventError, readShipmentEvent } from '../model/readEvent';

/**
 * Reads a ShipmentEvent out of an item that may carry more (raw payload, order, customer
 * preferences). Unknown keys are ignored; a missing or malformed field is named, its value never
 * quoted, with what to do about it.
 */
export function parseEvent(input: unknown, where = 'item'): ShipmentEvent {
	try {
		return readShipmentEvent(input);
	} catch (error) {
		if (!(error instanceof InvalidEventError)) throw error;
		throw new InvalidEventError(
			error.fields,
			`The ${where} is not a shipment event (${error.message.replace(/^Invalid shipment event: /, '')}). Connect a Shipment Tracking Trigger, or map the fields with a Set node (trackingNumber, status, occurredAt are required).`,
		);
	}
}
