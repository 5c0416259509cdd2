import { addBusinessDays, businessDaysBetween, holidayName, isBusinessDay } from '../../../lib/calendar';

describe('calendar: weekends', () => {
	it('skips Saturday and Sunday by default', () => {
		expect(isBusinessDay('2026-03-13')).toBe(true); // Friday
		expect(isBusinessDay('2026-03-14')).toBe(false);
		expect(isBusinessDay('2026-03-15')).toBe(false);
		expect(addBusinessDays('2026-03-13', 1)).toBe('2026-03-16');
		expect(addBusinessDays('2026-03-16', -1)).toBe('2026-03-13');
	});

	it('counts business days in (from, to], negative backwards, zero for the same day', () => {
		expect(businessDaysBetween('2026-03-13', '2026-03-16')).toBe(1);
		expect(businessDaysBetween('2026-03-16', '2026-03-13')).toBe(-1);
		expect(businessDaysBetween('2026-03-09', '2026-03-20')).toBe(9);
		expect(businessDaysBetween('2026-03-14', '2026-03-14')).toBe(0);
	});

	it('gives the start date itself for zero days, even on a weekend', () => {
		expect(addBusinessDays('2026-03-14', 0)).toBe('2026-03-14');
	});
});

describe('calendar: US federal holidays', () => {
	const us = { country: 'US' };

	it('skips Thanksgiving', () => {
		expect(isBusinessDay('2026-11-26', us)).toBe(false);
		expect(holidayName('2026-11-26', us)).toBe('Thanksgiving Day');
		expect(addBusinessDays('2026-11-25', 1, us)).toBe('2026-11-27');
		expect(businessDaysBetween('2026-11-25', '2026-11-30', us)).toBe(2);
	});

	it('skips Independence Day on the Friday it is observed when the 4th is a Saturday', () => {
		expect(holidayName('2026-07-03', us)).toBe('Independence Day (substitute day)');
		expect(addBusinessDays('2026-07-02', 1, us)).toBe('2026-07-06');
	});

	it("adds the region's own holidays: the day after Thanksgiving in California", () => {
		expect(isBusinessDay('2026-11-27', us)).toBe(true);
		expect(holidayName('2026-11-27', { country: 'US', region: 'CA' })).toBe('Day after Thanksgiving Day');
		expect(addBusinessDays('2026-11-25', 1, { country: 'US', region: 'CA' })).toBe('2026-11-30');
	});

	it('names no holiday on an ordinary weekend day', () => {
		expect(isBusinessDay('2026-11-28', us)).toBe(false);
		expect(holidayName('2026-11-28', us)).toBeUndefined();
	});
});

describe('calendar: regions', () => {
	it('closes Bavaria on Epiphany but not Berlin or the country as a whole', () => {
		expect(isBusinessDay('2026-01-06', { country: 'DE', region: 'BY' })).toBe(false);
		expect(holidayName('2026-01-06', { country: 'DE', region: 'BY' })).toBe('Epiphany');
		expect(isBusinessDay('2026-01-06', { country: 'DE', region: 'BE' })).toBe(true);
		expect(isBusinessDay('2026-01-06', { country: 'DE' })).toBe(true);
	});

	it('reads ISO 3166-2 codes and any case', () => {
		expect(isBusinessDay('2026-01-06', { country: 'de', region: 'DE-BY' })).toBe(false);
		expect(isBusinessDay('2026-01-06', { country: 'DE', region: 'by' })).toBe(false);
	});

	it('falls back to the country for a region it does not know', () => {
		expect(isBusinessDay('2026-11-26', { country: 'US', region: 'Narnia' })).toBe(false);
		expect(isBusinessDay('2026-11-27', { country: 'US', region: 'Narnia' })).toBe(true);
	});
});

describe('calendar: country codes', () => {
	it('takes alpha-3 as AfterShip sends it', () => {
		expect(holidayName('2026-11-26', { country: 'USA' })).toBe('Thanksgiving Day');
		expect(isBusinessDay('2026-01-06', { country: 'DEU', region: 'BY' })).toBe(false);
		expect(holidayName('2026-12-28', { country: 'GBR' })).toBe('Boxing Day (substitute day)');
	});

	it('keeps weekends only for a country it does not know', () => {
		expect(isBusinessDay('2026-11-26', { country: 'XYZ' })).toBe(true);
		expect(isBusinessDay('2026-11-28', { country: 'XYZ' })).toBe(false);
		expect(holidayName('2026-11-26', { country: 'QQ' })).toBeUndefined();
	});
});

describe('calendar: carrier days', () => {
	it('lets USPS deliver on Saturday but not on Sunday', () => {
		const usps = { country: 'US', carrier: 'usps' };
		expect(isBusinessDay('2026-11-28', usps)).toBe(true);
		expect(isBusinessDay('2026-11-29', usps)).toBe(false);
		expect(addBusinessDays('2026-11-25', 2, usps)).toBe('2026-11-28');
		expect(addBusinessDays('2026-11-25', 2, { country: 'US', carrier: 'ups' })).toBe('2026-11-30');
	});

	it('closes USPS on federal holidays, even where the state calendar has none', () => {
		// Columbus Day: a federal holiday, but not a public one in the California calendar.
		expect(isBusinessDay('2026-10-12', { carrier: 'usps' })).toBe(false);
		expect(holidayName('2026-10-12', { country: 'US', region: 'CA', carrier: 'USPS' })).toBe('Columbus Day');
		expect(isBusinessDay('2026-10-12', { country: 'US', region: 'CA', carrier: 'ups' })).toBe(true);
	});
});

describe('calendar: input', () => {
	it('throws naming the parameter, not the value', () => {
		expect(() => isBusinessDay('26/11/2026')).toThrow('date: not a date (YYYY-MM-DD)');
		expect(() => businessDaysBetween('2026-11-25', 'soon')).toThrow('to: not a date');
		expect(() => addBusinessDays('2026-11-25', 1.5)).toThrow('days: not a whole number');
		expect(() => isBusinessDay('26/11/2026')).not.toThrow('26/11');
	});
});
