import type Holidays from 'date-holidays';
import { dayNumber } from '../model/days';

/** date → holiday name for one country/region and year. */
type HolidaySet = ReadonlyMap<string, string>;

/**
 * Holidays instances and per-year sets, kept for the process: the classifier runs per event and
 * building a year of rules costs tens of milliseconds, while the answers never change.
 */
const instances = new Map<string, Holidays>();
const years = new Map<string, HolidaySet>();
const yearsByDay = new Map<string, ReadonlyMap<number, string>>();

let library: typeof Holidays | undefined;

/**
 * date-holidays, loaded on first use: its 800 kB of rules take ~90 ms to load, which a process
 * that never counts business days need not pay. Its CommonJS export is the class itself.
 */
function load(): typeof Holidays {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	library ??= require('date-holidays') as typeof Holidays;
	return library;
}

function instanceFor(country: string, region: string | undefined): Holidays {
	const key = `${country}-${region ?? ''}`;
	let holidays = instances.get(key);
	if (!holidays) {
		const Library = load();
		// English names, since reasons are written in English.
		holidays = region
			? new Library(country, region, { languages: ['en'], types: ['public'] })
			: new Library(country, { languages: ['en'], types: ['public'] });
		instances.set(key, holidays);
	}
	return holidays;
}

/** The region when the country has it, else none: a free-text state ("California") means the country's holidays. */
function knownRegion(country: string, region: string | undefined): string | undefined {
	if (!region) return undefined;
	const states = instanceFor(country, undefined).getStates(country);
	return states && Object.hasOwn(states, region) ? region : undefined;
}

/** The public holidays (type 'public' only, substitute days included) of a country/region in a year. */
export function publicHolidays(country: string, stateOrRegion: string | undefined, year: number): HolidaySet {
	const key = `${country}-${stateOrRegion ?? ''}-${year}`;
	let set = years.get(key);
	if (!set) {
		const found = new Map<string, string>();
		for (const holiday of instanceFor(country, knownRegion(country, stateOrRegion)).getHolidays(year)) {
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

/** publicHolidays keyed by epoch day (lib/model/days.ts), for the business-day walk's integer days. */
export function publicHolidaysByDay(country: string, stateOrRegion: string | undefined, year: number): ReadonlyMap<number, string> {
	const key = `${country}-${stateOrRegion ?? ''}-${year}`;
	let set = yearsByDay.get(key);
	if (!set) {
		const byDay = new Map<number, string>();
		for (const [date, name] of publicHolidays(country, stateOrRegion, year)) {
			const day = dayNumber(date);
			if (day !== undefined) byDay.set(day, name);
		}
		set = byDay;
		yearsByDay.set(key, set);
	}
	return set;
}
