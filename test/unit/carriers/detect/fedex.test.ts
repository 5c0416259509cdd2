import { detectCarrier } from '../../../../lib/carriers/detect';
import { fedexDigit, gs1Digit, pair } from './build';

describe('FedEx', () => {
	// Express numbers starting 6-9 cannot be Purolator (0-5), so they are unambiguous.
	it.each(['77012345678', '96123409876', '81000000001', '69999999990'])('Express (12) %s + check', (payload) => {
		const [good, bad] = pair(payload, fedexDigit);
		expect(detectCarrier(good)).toMatchObject({ carrier: 'fedex', format: 'FedEx Express (12)', checkDigitValid: true });
		expect(detectCarrier(bad)).toBeNull();
	});

	it.each(['56828361001270', '04144176022811', '12300098765432'])('Ground (15) %s + check', (payload) => {
		const [good, bad] = pair(payload, gs1Digit);
		expect(detectCarrier(good)).toMatchObject({ carrier: 'fedex', format: 'FedEx Ground (15)' });
		expect(detectCarrier(bad)?.carrier).not.toBe('fedex');
	});

	it('SSCC-18: container type 00-04 and GS1 check over all 17 digits', () => {
		for (const payload of ['00098765000000012', '01234500000000042', '04000000000777777']) {
			const [good, bad] = pair(payload, gs1Digit);
			expect(detectCarrier(good)).toMatchObject({ carrier: 'fedex', format: 'FedEx Ground (SSCC-18)' });
			expect(detectCarrier(bad)).toBeNull();
		}
		const p = '71234500000000042';
		expect(detectCarrier(p + gs1Digit(p))).toBeNull();
	});

	it('Ground 96 (22): check over the last 14 digits', () => {
		const head = '9612019'; // 96 + SCNC + service
		const serial = '55501230000456';
		const [good, bad] = pair(serial, gs1Digit);
		expect(detectCarrier(head + good)).toMatchObject({ carrier: 'fedex', format: 'FedEx Ground 96 (22)' });
		expect(detectCarrier(`${head.slice(0, 4)} ${head.slice(4)}${good.slice(0, 5)} ${good.slice(5)}`)?.carrier).toBe('fedex');
		expect(detectCarrier(head + bad)).toBeNull();
	});

	it('34-digit Express barcode and Ground GSN: mod 11 over the last 14', () => {
		const serial = '7700123456789';
		const [good, bad] = pair(serial, fedexDigit);
		const express = '1001234567890004321' + '0' + good; // 20 leading digits, not starting with 9
		expect(express).toHaveLength(34);
		expect(detectCarrier(express)).toMatchObject({ carrier: 'fedex', format: 'FedEx Express (34)' });
		expect(detectCarrier('1001234567890004321' + '0' + bad)).toBeNull();
		const gsn = '96220015600012345671' + good;
		expect(detectCarrier(gsn)).toMatchObject({ carrier: 'fedex', format: 'FedEx Ground GSN (34)' });
	});

	it('ASTRA (32): 3 + 15 routing digits + the 12-digit number + 4', () => {
		const [good, bad] = pair('78912345670', fedexDigit);
		const n = '312345678901234' + '5' + good + '2019';
		expect(n).toHaveLength(32);
		expect(detectCarrier(n)).toMatchObject({ carrier: 'fedex', format: 'FedEx ASTRA (32)' });
		expect(detectCarrier('312345678901234' + '5' + bad + '2019')).toBeNull();
	});

	it('door tag: DT + 12 digits', () => {
		expect(detectCarrier('dt 1002 3456 7890')).toMatchObject({ carrier: 'fedex', format: 'FedEx Door Tag', checkDigitValid: null });
		expect(detectCarrier('DT10023456789')).toBeNull();
	});
});
