import { IANAZone } from 'luxon';

/**
 * Whether a name is an IANA time zone, remembered per name: luxon builds an Intl.DateTimeFormat
 * for every check (~0.1 ms), and the same few zones come with every event.
 */
const known = new Map<string, boolean>();

export function isTimeZone(name: string): boolean {
	let valid = known.get(name);
	if (valid === undefined) {
		valid = IANAZone.isValidZone(name);
		if (known.size < 1000) known.set(name, valid);
	}
	return valid;
}
