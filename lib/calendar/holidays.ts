import Holidays from 'date-holidays';

/** date → holiday name for one country/region and year. */
type HolidaySet = ReadonlyMap<string, string>;

/**
 * Holidays instances and per-year sets, kept for the process: the classifier runs per event and
 * building a year of rules costs tens of milliseconds, while the answers never change.
 */
const instances = new Map<string, Holidays>();
const years = new Map<string, HolidaySet>();

function instanceFor(country: string, region: string | undefined): Holidays {
	const key = `${country}-${region ?? ''}`;
	let holidays = instances.get(key);
	if (!holidays) {
		// English names, since reasons are written in English; an unknown region falls back to the country.
		holidays = region
			? new Holidays(country, region, { languages: ['en'], types: ['public'] })
			: new Holidays(country, { languages: ['en'], types: ['public'] });
		instances.set(key, holidays);
	}
	return holidays;
}

/** The public holidays (type 'public' only, substitute days included) of a country/region in a year. */
export function publicHolidays(country: string, region: string | undefined, year: number): HolidaySet {
	const key = `${country}-${region ?? ''}-${year}`;
	let set = years.get(key);
	if (!set) {
		const found = new Map<string, string>();
		for (const holiday of instanceFor(country, region).getHolidays(year)) {
			// `date` is "YYYY-MM-DD hh:mm:ss" in the country's own calendar; a holiday starting in
			// the afternoon still closes the day for deliveries.
			if (holiday.type === 'public' && !found.has(holiday.date.slice(0, 10))) {
				found.set(holiday.date.slice(0, 10), holiday.name);
			}
		}
		set = found;
		years.set(key, set);
	}
	return set;
}
