import { ShipmentEventSchema, type ShipmentEvent } from '../model/event';

/**
 * Reads a ShipmentEvent out of an item that may carry more (raw payload, order, customer
 * preferences). Unknown keys are ignored; a missing or malformed field is named, its value never
 * quoted.
 */
export function parseEvent(input: unknown, where = 'item'): ShipmentEvent {
	const result = ShipmentEventSchema.strip().safeParse(input);
	if (result.success) return result.data;
	const issues = result.error.issues
		.slice(0, 3)
		.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
		.join('; ');
	throw new Error(
		`The ${where} is not a shipment event (${issues}). Connect a Shipment Tracking Trigger, or map the fields with a Set node (trackingNumber, status, occurredAt are required).`,
	);
}
