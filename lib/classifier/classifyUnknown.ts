import type { ZodIssue } from 'zod';
import type { Assessment, ClassifyContext } from '../model/assessment';
import { ShipmentEventSchema } from '../model/event';
import { classify } from './classify';

/** Input that is not a ShipmentEvent. Names the offending fields, never their values. */
export class InvalidEventError extends Error {
	constructor(readonly fields: string[], message: string) {
		super(message);
		this.name = 'InvalidEventError';
	}
}

/**
 * classify() for arbitrary JSON (what an n8n node receives): validates it as a ShipmentEvent first
 * and throws InvalidEventError naming every bad field.
 */
export function classifyUnknown(input: unknown, context?: ClassifyContext): Assessment {
	const parsed = ShipmentEventSchema.safeParse(input);
	if (parsed.success) return classify(parsed.data, context);
	const problems = parsed.error.issues.flatMap(describeIssue);
	const fields = problems.map(([field]) => field);
	const details = problems.map(([field, problem]) => `${field}: ${problem}`).join('; ');
	throw new InvalidEventError(fields, `Invalid shipment event: ${details}`);
}

const DATE_OR_DATE_TIME = 'expected a date (YYYY-MM-DD) or an ISO date-time with offset';

function fieldPath(path: ReadonlyArray<string | number>): string {
	return path.length === 0 ? '(event)' : path.join('.');
}

/** [field, problem] pairs; the zod messages are not used because some quote the bad value. */
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
