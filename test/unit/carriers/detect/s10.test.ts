import { detectCarrier } from '../../../../lib/carriers/detect';
import { s10Digit, wrong } from './build';

describe('UPU S10', () => {
	it.each([
		['EE', '12345678', 'DE', 'EMS'],
		['RR', '47312482', 'JP', 'Registered'],
		['CP', '00004567', 'FR', 'Parcel'],
		['LZ', '99999999', 'CN', 'Letter Express'],
		['UA', '10203040', 'NL', 'Letter (other)'],
		['ZZ', '55555554', 'AU', undefined],
	])('%s %s %s', (service, serial, country, name) => {
		const check = s10Digit(serial);
		const r = detectCarrier(`${service}${serial}${check}${country}`);
		expect(r).toMatchObject({ carrier: 's10', format: 'UPU S10', checkDigitValid: true });
		expect(r?.service).toBe(name);
		expect(detectCarrier(`${service}${serial}${wrong(check)}${country}`)?.carrier).not.toBe('s10');
	});

	it('a country code no country has is not S10', () => {
		expect(detectCarrier(`RR47312482${s10Digit('47312482')}XX`)).toBeNull();
		expect(detectCarrier(`RR47312482${s10Digit('47312482')}ZZ`)).toBeNull();
	});

	it('lists the national operator among the candidates', () => {
		expect(detectCarrier(`rr 473 124 82${s10Digit('47312482')} us`)).toMatchObject({
			carrier: 's10',
			normalized: 'RR473124829US',
			candidates: [{ carrier: 'usps', format: 'USPS (S10)' }],
		});
		expect(detectCarrier(`CP00004567${s10Digit('00004567')}CA`)?.candidates[0]).toEqual({ carrier: 'canada_post', format: 'Canada Post (S10)' });
	});

	it('an S10 that also fits the DHL eCommerce prefixes stays S10', () => {
		const r = detectCarrier(`LX12345678${s10Digit('12345678')}DE`);
		expect(r?.carrier).toBe('s10');
		expect(r?.candidates.map((c) => c.carrier)).toContain('dhl');
	});
});
