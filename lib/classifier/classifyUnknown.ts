import type { Assessment, ClassifyContext } from '../model/assessment';
import { readShipmentEvent } from '../model/readEvent';
import { classify } from './classify';

export { InvalidEventError } from '../model/readEvent';

/**
 * classify() for arbitrary JSON (what an n8n node receives): reads it as a ShipmentEvent first
 * (unknown keys ignored) and throws InvalidEventError naming every bad field, never its value.
 */
export function classifyUnknown(input: unknown, context?: ClassifyContext): Assessment {
	return classify(readShipmentEvent(input), context);
}
