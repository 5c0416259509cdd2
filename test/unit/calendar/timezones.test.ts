import { DateTime } from 'luxon';
import { knownZones, timeZoneFor } from '../../../lib/calendar/timezones';

describe('timeZoneFor', () => {
	it.each([
		['US', 'CA', 'America/Los_Angeles'],
		['US', 'NY', 'America/New_York'],
		['US', 'US-AZ', 'America/Phoenix'],
		['USA', 'TX', 'America/Chicago'],
		['DE', undefined, 'Europe/Berlin'],
		['DE', 'BY', 'Europe/Berlin'],
		['CA', 'BC', 'America/Vancouver'],
		['AU', 'WA', 'Australia/Perth'],
		['BR', 'AM', 'America/Manaus'],
		['BR', undefined, 'America/Sao_Paulo'],
		['MX', 'Q ROO', 'America/Cancun'],
		['MX', 'JAL', 'America/Mexico_City'],
		['ES', 'TF', 'Atlantic/Canary'],
	])('%s %s → %s', (country, region, zone) => {
		expect(timeZoneFor(country, region)).toBe(zone);
	});

	it('gives undefined for an unknown country and for a multi-zone country without region', () => {
		expect(timeZoneFor('XX')).toBeUndefined();
		expect(timeZoneFor(undefined)).toBeUndefined();
		expect(timeZoneFor('US')).toBeUndefined();
		expect(timeZoneFor('RU', 'ZZZ')).toBeUndefined();
	});

	it('only answers zones the runtime knows', () => {
		const unknown = knownZones().filter((zone) => !DateTime.now().setZone(zone).isValid);
		expect(unknown).toEqual([]);
	});
});
