import type { ZodIssue } from 'zod';
import { EventCustomerSchema, LocationSchema, ShipmentEventSchema, type ShipmentEvent } from './event';

/** Input that is not a ShipmentEvent. Names the offending fields, never their values. */
export class InvalidEventError extends Error {
	constructor(
		readonly fields: string[],
		message: string,
	) {
		super(message);
		this.name = 'InvalidEventError';
	}
}

/**
 * The event schema for input from outside (an n8n item, a script): keys it does not know, at any
 * level, are dropped rather than refused, because items carry more (raw payload, order context,
 * opt-outs on the customer).
 */
const LenientEventSchema = ShipmentEventSchema.extend({
	location: LocationSchema.strip().optional(),
	destination: LocationSchema.strip().optional(),
	customer: EventCustomerSchema.strip().optional(),
}).strip();

/** Reads a ShipmentEvent out of arbitrary JSON; throws InvalidEventError naming every bad field. */
export function readShipmentEvent(input: unknown): ShipmentEvent {
	const parsed = LenientEventSchema.safeParse(input);
	if (parsed.success) return parsed.data;
	const problems = parsed.error.issues.flatMap(describeIssue);
	const fields = problems.map(([field]) => field);
	const details = problems.map(([field, problem]) => `${field}: ${problem}`).join('; ');
	throw new InvalidEventError(fields, `Invalid shipment event: ${details}`);
}

const DATE_OR_DATE_TIME = 'expected a date (YYYY-MM-DD) or an ISO date-time with offset';

function fieldPath(path: ReadonlyArray<string | number>): string {
	return path.length === 0 ? '(event)' : path.join('.');
}

/** [field, problem] pairs; zod's own messages are not used because some quote the bad value. */
function describeIssue(issue: ZodIssue): Array<[string, string]> {
	const field = fieldPath(issue.path);
	switch (issue.code) {
		case 'invalid_type':
			return [[field, issue.received === 'undefined' ? 'required' : `expected ${issue.expected}, got ${issue.received}`]];
		case 'invalid_enum_value':
			return [[field, `expected one of ${issue.options.join(', ')}`]];
		case 'unrecognized_keys':
			return issue.keys.map((key) => [fieldPath([...issue.path, key]), 'not a known field']);
		// The event's only unions and patterns are its date-or-date-time fields.
		case 'invalid_union':
			return [[field, DATE_OR_DATE_TIME]];
		case 'invalid_string':
			return [[field, issue.validation === 'datetime' ? 'expected an ISO date-time with offset' : DATE_OR_DATE_TIME]];
		case 'too_small':
			return [[field, issue.type === 'string' ? 'must not be empty' : 'too small']];
		default:
			return [[field, 'invalid value']];
	}
}
