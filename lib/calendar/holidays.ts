import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Holidays from 'date-holidays-parser';
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

/** The parser's class and the rules of every country, one copy for all instances (as date-holidays does). */
let library: { Parser: typeof Holidays; data: object } | undefined;

/** The rules file the build copies next to the compiled holidays.js (gulpfile.js build:holidays). */
const SHIPPED = join(__dirname, 'holidays.json');

/**
 * The holiday rules: date-holidays' data/holidays.json. The package ships a copy of it in
 * dist/lib/calendar/ and depends only on date-holidays-parser: that is all date-holidays runs (a
 * subclass passing this file), without its 17 MB of build tooling, sources and browser bundles.
 * From the sources (ts-jest runs lib/*.ts, where no copy sits) it falls back to the
 * devDependency's file, the one the build copies.
 */
export function holidayDataFile(): string {
	if (existsSync(SHIPPED)) return SHIPPED;
	let devCopy: string | undefined;
	try {
		// date-holidays' `exports` map hides data/holidays.json; its package.json is exported.
		devCopy = join(dirname(require.resolve('date-holidays/package.json')), 'data', 'holidays.json');
	} catch {
		devCopy = undefined;
	}
	if (devCopy && existsSync(devCopy)) return devCopy;
	throw new Error(`holiday rules: ${SHIPPED} is missing; run \`npm run build\` (it copies date-holidays' data/holidays.json there)`);
}

/**
 * The parser and the rules, loaded on first use: parsing 800 kB of rules and loading the parser's
 * calendars (astronomia, moment-timezone) takes tens of milliseconds, which a process that never
 * counts business days need not pay. The parser's CommonJS export puts the class on `default`.
 */
function load(): { Parser: typeof Holidays; data: object } {
	if (!library) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const Parser = (require('date-holidays-parser') as { default: typeof Holidays }).default;
		library = { Parser, data: JSON.parse(readFileSync(holidayDataFile(), 'utf8')) as object };
	}
	return library;
}

function instanceFor(country: string, region: string | undefined): Holidays {
	const key = `${country}-${region ?? ''}`;
	let holidays = instances.get(key);
	if (!holidays) {
		const { Parser, data } = load();
		// English names, since reasons are written in English.
		holidays = region
			? new Parser(data, country, region, { languages: ['en'], types: ['public'] })
			: new Parser(data, country, { languages: ['en'], types: ['public'] });
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
