import { detectCarrier } from '../../../../lib/carriers/detect';
import { mod7Digit, pair } from './build';

describe('DHL', () => {
	it.each(['123456789', '987654321', '400000001', '2718281828'])('Express %s + mod 7', (payload) => {
		const [good] = pair(payload, mod7Digit);
		expect(detectCarrier(good)).toMatchObject({ carrier: 'dhl', format: 'DHL Express', checkDigitValid: true });
		const bad = payload + String((Number(mod7Digit(payload)) + 1) % 7);
		expect(detectCarrier(bad)?.carrier).not.toBe('dhl');
	});

	it('check digits 7-9 can never be right for mod 7', () => {
		expect(detectCarrier('1234567898')?.carrier).not.toBe('dhl');
	});

	it.each(['JJD0012345678', 'jjd 001 234 567', 'JVGL0012345678'])('piece id %s', (n) => {
		expect(detectCarrier(n)).toMatchObject({ carrier: 'dhl', format: 'DHL Express (Piece ID)', checkDigitValid: null });
	});

	it('JJD + 9 digits has the Purolator alpha shape too: the DHL prefix wins', () => {
		expect(detectCarrier('JJD001234567')?.candidates).toEqual([{ carrier: 'purolator', format: 'Purolator (alpha + 9)' }]);
	});

	it.each(['GM 2101 2345 6789 0123', 'GM60A1B2C3D4E5F6', 'RX7654321000123456', 'hk 0000 1234 5678'])('eCommerce %s', (n) => {
		expect(detectCarrier(n)).toMatchObject({ carrier: 'dhl', format: 'DHL eCommerce', checkDigitValid: null });
	});

	it('eCommerce needs a known prefix and at least one digit', () => {
		expect(detectCarrier('GMABCDEFGHIJKLMNOP')).toBeNull();
		expect(detectCarrier('GQ210123456789012')).toBeNull();
	});

	it('a bare 14-digit eCommerce number is the weakest fit: no check digit', () => {
		expect(detectCarrier('4402 1187 6655 39')).toMatchObject({ carrier: 'dhl', format: 'DHL eCommerce (14)', checkDigitValid: null });
	});
});
