import { detectCarrier } from '../../../../lib/carriers/detect';
import { fedexDigit, gs1Digit, luhnDigit, mod3736Char, s10Digit, upsDigit } from './build';

/** The first payload (counting up from `start`) whose two check digits agree. */
function findBoth(start: number, width: number, a: (p: string) => string, b: (p: string) => string): string {
	for (let i = start; ; i++) {
		const p = String(i).padStart(width, '0');
		if (a(p) === b(p)) return p + a(p);
	}
}

describe('numbers that fit more than one carrier', () => {
	it('12 digits passing both Purolator and FedEx: Purolator (narrower pattern), FedEx listed', () => {
		const n = findBoth(20000000000, 11, luhnDigit, fedexDigit);
		expect(detectCarrier(n)).toMatchObject({
			carrier: 'purolator',
			checkDigitValid: true,
			candidates: [{ carrier: 'fedex', format: 'FedEx Express (12)' }],
		});
	});

	it('15 digits passing FedEx Ground and the DPD parcel check: FedEx, DPD listed', () => {
		const n = findBoth(10000000000000, 14, gs1Digit, mod3736Char);
		expect(detectCarrier(n)).toMatchObject({ carrier: 'fedex', format: 'FedEx Ground (15)', candidates: [{ carrier: 'dpd', format: 'DPD (14)' }] });
	});

	it('11 digits passing Old Dominion and DHL Express: the PRO prefix wins', () => {
		const mod7 = (p: string): string => String(Number(BigInt(p) % 7n));
		let n = '';
		for (let i = 0; !n; i++) {
			const p = '0720' + String(i).padStart(6, '0');
			if (luhnDigit(p) === mod7(p)) n = p + luhnDigit(p);
		}
		expect(detectCarrier(n)).toMatchObject({ carrier: 'old_dominion', candidates: [{ carrier: 'dhl', format: 'DHL Express' }] });
	});

	it('420 + ZIP+4 + IMpb is 34 digits like a FedEx barcode: USPS, by its routing prefix', () => {
		let n = '';
		for (let i = 0; !n; i++) {
			const p = '9400' + '1' + '912345678' + String(i).padStart(7, '0');
			const full = '420100011234' + p + gs1Digit(p);
			if (fedexDigit(full.slice(20, 33)) === full[33]) n = full;
		}
		expect(detectCarrier(n)).toMatchObject({ carrier: 'usps', candidates: [{ carrier: 'fedex', format: 'FedEx Express (34)' }] });
	});

	it('A + 10 digits with a passing UPS check: UPS waybill over Amazon International', () => {
		const n = 'A270412345' + upsDigit('270412345');
		expect(detectCarrier(n)).toMatchObject({ carrier: 'ups', format: 'UPS Waybill', candidates: [{ carrier: 'amazon', format: 'Amazon International' }] });
		const other = 'A270412345' + String((Number(upsDigit('270412345')) + 1) % 10);
		expect(detectCarrier(other)).toMatchObject({ carrier: 'amazon', checkDigitValid: null, candidates: [] });
	});

	it('never the same carrier and format twice', () => {
		const r = detectCarrier(`RR12345678${s10Digit('12345678')}US`);
		const keys = [r, ...(r?.candidates ?? [])].map((c) => `${c?.carrier}/${c?.format}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});
