import { detectCarrier } from '../../../../lib/carriers/detect';
import { gs1Digit, luhnDigit, mod3736Char, pair, upsDigit } from './build';

describe('Amazon', () => {
	it.each(['TBA123456789012', 'tbc 0001 2345 6789', 'TBM987654321000'])('Logistics %s', (n) => {
		expect(detectCarrier(n)).toMatchObject({ carrier: 'amazon', format: 'Amazon Logistics', checkDigitValid: null });
	});
	it('other TB letters and a letter in the digits are not Amazon', () => {
		expect(detectCarrier('TBX123456789012')).toBeNull();
		expect(detectCarrier('TBA12345678901Z')).toBeNull();
	});
	it('International: A, C or F + 10 digits', () => {
		expect(detectCarrier('C2004005006')).toMatchObject({ carrier: 'amazon', format: 'Amazon International' });
	});
});

describe('OnTrac', () => {
	it.each(['C', 'D'])('%s + 13 digits + check (the letter counts as 4 / 5)', (letter) => {
		const payload = letter + '1104230000187';
		const [good, bad] = pair(payload, upsDigit);
		expect(detectCarrier(good)).toMatchObject({ carrier: 'ontrac', format: `OnTrac ${letter}`, checkDigitValid: true });
		expect(detectCarrier(bad)?.carrier).not.toBe('ontrac');
	});
});

describe('LaserShip', () => {
	it.each([
		['LX 21234567', 'LaserShip LX'],
		['le31234567', 'LaserShip LX'],
		['1LS7 1123 4567890', 'LaserShip 1LS7 (15)'],
		['1LS72 55 012 123456-1', 'LaserShip 1LS7 (18)'],
		['1LSCX AB12 3456CD', 'LaserShip 1LSCX (15)'],
	])('%s', (n, format) => {
		expect(detectCarrier(n)).toMatchObject({ carrier: 'lasership', format });
	});
	it('a route digit outside 1-3 or a wrong piece suffix is not LaserShip', () => {
		expect(detectCarrier('LX41234567')).toBeNull();
		expect(detectCarrier('1LS7255012123456-2')).toBeNull();
	});
});

describe('DPD', () => {
	it('parcel number: 14 digits + MOD 37,36 check character', () => {
		for (const p of ['01234567890123', '09981234500077', '05556667778889']) {
			const c = mod3736Char(p);
			const r = detectCarrier(`${p.slice(0, 4)} ${p.slice(4, 8)} ${p.slice(8)} ${c}`);
			if (/[A-Z]/.test(c)) expect(r).toMatchObject({ carrier: 'dpd', format: 'DPD (14)' });
			else expect([r?.carrier, ...(r?.candidates ?? []).map((x) => x.carrier)]).toContain('dpd');
		}
	});
	it('28-character barcode with service and country', () => {
		const p = '0010115' + '01234567890123' + '101' + '276';
		const c = mod3736Char(p);
		expect(detectCarrier(p + c)).toMatchObject({ carrier: 'dpd', format: 'DPD (28)', service: 'Classic', checkDigitValid: true });
		const other = c === 'Z' ? 'Y' : 'Z';
		expect(detectCarrier(p + other)).toBeNull();
		const noCountry = '0010115' + '01234567890123' + '101' + '000';
		expect(detectCarrier(noCountry + mod3736Char(noCountry))).toBeNull();
	});
});

describe('Canada Post', () => {
	it.each(['100123401234567', '700000012345678'])('16 digits %s + GS1 check', (payload) => {
		const [good, bad] = pair(payload, gs1Digit);
		expect(detectCarrier(good)).toMatchObject({ carrier: 'canada_post', format: 'Canada Post (16)' });
		expect(detectCarrier(bad)).toBeNull();
	});
});

describe('Purolator', () => {
	it.each(['33012345678', '50000000001', '12121212121'])('12 digits %s + Luhn', (payload) => {
		const [good] = pair(payload, luhnDigit);
		const r = detectCarrier(good);
		expect(r?.carrier).toBe('purolator');
	});
	it('a leading 6-9 is not Purolator', () => {
		const p = '63012345678';
		expect(detectCarrier(p + luhnDigit(p))?.carrier).not.toBe('purolator');
	});
	it('3 letters + 9 digits', () => {
		expect(detectCarrier('abc 123 456 789')).toMatchObject({ carrier: 'purolator', format: 'Purolator (alpha + 9)', checkDigitValid: null });
	});
});

describe('regional carriers without check digits', () => {
	it.each([
		['canpar', 'K987654321098765432109'],
		['gofo', 'GFUS12345678901234'],
		['landmark', 'LTN12345678N1'],
		['speedee', 'SP123456789012345678'],
		['yodel', 'JJD3141592653589793'],
		['yodel', 'JD2718281828459045'],
		['yunexpress', 'YT3141592653589793'],
	])('%s %s', (carrier, n) => {
		expect(detectCarrier(n)).toMatchObject({ carrier, checkDigitValid: null });
	});
	it('near misses', () => {
		expect(detectCarrier('M123456789012345678901')).toBeNull();
		expect(detectCarrier('LTN12345678N2')).toBeNull();
		expect(detectCarrier('SX123456789012345678')).toBeNull();
		expect(detectCarrier('YT98765432101234')).toBeNull();
	});
});

describe('Old Dominion', () => {
	it.each(['0721234567', '7771234567', '7781234567', '7801234567', '8012345678'])('PRO %s + Luhn', (payload) => {
		const [good, bad] = pair(payload, luhnDigit);
		expect(detectCarrier(good)).toMatchObject({ carrier: 'old_dominion', checkDigitValid: true });
		expect(detectCarrier(bad)?.carrier).not.toBe('old_dominion');
	});
});
