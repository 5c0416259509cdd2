import { fedexMod11, gs1, luhn, mod37x36, mod7, s10, upsMod10 } from '../../../../lib/carriers/detect/checksums';
import { fedexDigit, gs1Digit, luhnDigit, mod3736Char, mod7Digit, s10Digit, upsDigit } from './build';

// Hand-checked values first, then the library against the independent builders.
describe('check digits by hand', () => {
	it('S10: the UPU worked example 47312482 gives 9', () => {
		// 4*8 + 7*6 + 3*4 + 1*2 + 2*3 + 4*5 + 8*9 + 2*7 = 200; 200 mod 11 = 2; 11 - 2 = 9
		expect(s10Digit('47312482')).toBe('9');
		expect(s10('AA473124829US', 2)).toBe(true);
	});
	it('S10: 11 - (sum mod 11), where 10 becomes 0 and 11 becomes 5', () => {
		expect(s10Digit('00000000')).toBe('5'); // sum 0 -> 11 -> 5
		expect(s10Digit('20002000')).toBe('5'); // 16 + 6 = 22 -> 0 -> 11 -> 5
		expect(s10Digit('10005000')).toBe('0'); // 8 + 15 = 23 -> 1 -> 10 -> 0
		expect(s10Digit('00100010')).toBe('9'); // 4 + 9 = 13 -> 2 -> 9
		expect(s10Digit('40000000')).toBe('1'); // 32 -> 10 -> 1
		expect(s10Digit('00000300')).toBe('7'); // 15 -> 4 -> 7
		expect(s10Digit('10004000')).toBe('2'); // 8 + 12 = 20 -> 9 -> 2
	});
	it('UPS converts letters A=2 ... I=0, J=1 and weighs 1,2 from the left', () => {
		// A12B34 03 5678901: 2 + 2 + 2 + 6 + 3 + 8 + 0 + 6 + 5 + 12 + 7 + 16 + 9 + 0 + 1 = 79 -> 1
		expect(upsDigit('A12B34035678901')).toBe('1');
		expect(upsMod10('1ZA12B340356789011', 2, 17)).toBe(true);
	});
	it('FedEx: weights 1,3,7 from the right, sum mod 11 mod 10', () => {
		expect(fedexDigit('00000000001')).toBe('1');
		expect(fedexDigit('00000000010')).toBe('3');
		expect(fedexDigit('00000000100')).toBe('7');
		expect(fedexDigit('00000000200')).toBe('3'); // 14 mod 11
		expect(fedexDigit('00000000999')).toBe('0'); // 9 + 27 + 63 = 99 = 9 * 11
		expect(fedexDigit('00000000031')).toBe('0'); // 1 + 9 = 10 -> 10 mod 10
		expect(fedexMod11('000000000310', 0, 11)).toBe(true);
	});
	it('GS1: the rightmost payload digit weighs 3', () => {
		expect(gs1Digit('1')).toBe('7'); // 3 -> 7
		expect(gs1Digit('10')).toBe('9'); // 1 -> 9
		expect(gs1Digit('12345678901')).toBe('2'); // 3+2+9+4+15+6+21+8+27+0+3 = 98 -> 2
	});
	it('Luhn: the textbook 7992739871 gives 3', () => {
		expect(luhnDigit('7992739871')).toBe('3');
	});
	it('DHL mod 7', () => {
		expect(mod7Digit('100')).toBe('2'); // 100 = 14*7 + 2
	});
});

describe('library checks agree with the builders', () => {
	const payloads = ['12345678901234', '00000000000001', '98765432109876', '31415926535897', '27182818284590'];
	it.each(payloads)('%s', (p) => {
		expect(gs1(p + gs1Digit(p), 0, p.length)).toBe(true);
		expect(fedexMod11(p + fedexDigit(p), 0, p.length)).toBe(true);
		expect(luhn(p + luhnDigit(p), 0, p.length)).toBe(true);
		expect(mod7(p + mod7Digit(p), 0, p.length)).toBe(true);
		expect(upsMod10(p + upsDigit(p), 0, p.length)).toBe(true);
		expect(mod37x36(p + mod3736Char(p), 0, p.length)).toBe(true);
		expect(gs1(p + String((Number(gs1Digit(p)) + 5) % 10), 0, p.length)).toBe(false);
	});
	it('S10 on random serials', () => {
		for (const serial of ['12345678', '87654321', '00000001', '99999999', '50505050']) {
			const n = `RR${serial}${s10Digit(serial)}DE`;
			expect(s10(n, 2)).toBe(true);
		}
	});
});
