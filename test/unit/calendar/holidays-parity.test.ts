import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import DateHolidays from 'date-holidays';
import HolidaysParser from 'date-holidays-parser';
import { ALPHA3 } from '../../../lib/calendar/countries';

// The package ships date-holidays' rules file and runs it with date-holidays-parser itself
// (lib/calendar/holidays.ts); date-holidays stays a devDependency as the reference. Whatever
// either moves to, the built package must answer as date-holidays does. Needs `npm run build`.

const ROOT = join(__dirname, '..', '..', '..');
const SHIPPED = join(ROOT, 'dist', 'lib', 'calendar', 'holidays.json');
const BUILT = join(ROOT, 'dist', 'lib', 'calendar', 'holidays.js');
const YEARS = [2026, 2027];

function shipped(): object {
	if (!existsSync(SHIPPED) || !existsSync(BUILT)) {
		throw new Error('dist/lib/calendar/holidays.json or holidays.js is missing: run `npm run build` (tsc + gulp build:icons build:holidays).');
	}
	return JSON.parse(readFileSync(SHIPPED, 'utf8')) as object;
}

/** Everything a holiday carries that the calendar could read, as one comparable line. */
const lines = (holidays: DateHolidays.HolidaysTypes.Holiday[] | HolidaysParser.HolidaysTypes.Holiday[]) =>
	holidays.map((h) => [h.date, h.start.toISOString(), h.end.toISOString(), h.name, h.type, h.rule, h.substitute === true].join(' | '));

/** Every country the calendar maps from alpha-3 (and USPS's US), nationally and in each of its states. */
const reference = new DateHolidays();
const supported = [...new Set(Object.values(ALPHA3))].sort();
const places = supported.flatMap((country) => [
	{ country, state: undefined as string | undefined },
	...Object.keys(reference.getStates(country) ?? {}).map((state) => ({ country, state })),
]);
/** For the built calendar's wiring (options, filter, region lookup): each country and its first three states. */
const wiring = supported.flatMap((country) => places.filter((place) => place.country === country).slice(0, 4));

describe('holiday rules: the shipped copy with date-holidays-parser answer as date-holidays', () => {
	let data: object;
	beforeAll(() => {
		data = shipped();
	});

	it('covers every country the calendar maps, each known to the rules, and their states', () => {
		const known = reference.getCountries();
		expect(supported.filter((country) => !known[country])).toEqual([]);
		expect(places.length).toBeGreaterThan(supported.length + 100);
	});

	it.each(supported)('%s and its states: every holiday of every type in 2026 and 2027, in English', (country) => {
		const differences: string[] = [];
		for (const { state } of places.filter((place) => place.country === country)) {
			const opts = { languages: ['en'] };
			const expected = state ? new DateHolidays(country, state, opts) : new DateHolidays(country, opts);
			const actual = state ? new HolidaysParser(data, country, state, opts) : new HolidaysParser(data, country, opts);
			for (const year of YEARS) {
				const [want, got] = [lines(expected.getHolidays(year)), lines(actual.getHolidays(year))];
				expect(want.length).toBeGreaterThan(0);
				if (want.join('\n') !== got.join('\n')) differences.push(`${country}-${state ?? ''} ${year}`);
			}
		}
		expect(differences).toEqual([]);
	});

	it("the built calendar reads the shipped copy and gives date-holidays' public holidays, substitute days included", () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const built = require(BUILT) as typeof import('../../../lib/calendar/holidays');
		expect(built.holidayDataFile()).toBe(SHIPPED);
		const differences: string[] = [];
		const opts = { languages: ['en'], types: ['public' as const] };
		for (const { country, state } of wiring) {
			const expected = state ? new DateHolidays(country, state, opts) : new DateHolidays(country, opts);
			for (const year of YEARS) {
				const want = new Map<string, string>();
				for (const h of expected.getHolidays(year)) {
					if (h.type === 'public' && !want.has(h.date.slice(0, 10))) want.set(h.date.slice(0, 10), h.name);
				}
				const got = [...built.publicHolidays(country, state, year)];
				if (JSON.stringify(got) !== JSON.stringify([...want])) differences.push(`${country}-${state ?? ''} ${year}`);
			}
		}
		expect(differences).toEqual([]);
	}, 20_000);

	it('falls back to the country for a state the rules do not know, as the calendar promises', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const built = require(BUILT) as typeof import('../../../lib/calendar/holidays');
		expect([...built.publicHolidays('US', 'Narnia', 2026)]).toEqual([...built.publicHolidays('US', undefined, 2026)]);
	});
});
