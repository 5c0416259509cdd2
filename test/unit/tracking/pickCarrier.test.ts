import { pickCarrier } from '../../../lib/tracking/pickCarrier';
import { fedex12, gs1, s10, ups1Z } from './checkDigits';

describe('pickCarrier', () => {
	it('a UPS 1Z number with a valid check digit goes to the UPS API', () => {
		const number = ups1Z('999AA1012345678');
		expect(number).toBe('1Z999AA10123456784'); // the number UPS publishes in its own examples
		const picked = pickCarrier(number);
		expect(picked.carrier).toBe('ups');
		expect(picked.detected).toMatchObject({ carrier: 'ups', format: 'UPS 1Z', checkDigitValid: true });
	});

	it('a 1Z number with a wrong check digit is not taken for UPS', () => {
		const valid = ups1Z('999AA1012345678');
		const broken = valid.slice(0, -1) + String((Number(valid.slice(-1)) + 1) % 10);
		expect(() => pickCarrier(broken)).toThrow(/choose the carrier/);
	});

	it('spaces and lower case do not change the pick', () => {
		expect(pickCarrier(ups1Z('999AA1012345678').toLowerCase().replace(/(.{4})/g, '$1 ')).carrier).toBe('ups');
	});

	it('a USPS IMpb number goes to the USPS API', () => {
		const number = gs1('940011189922319742849');
		const picked = pickCarrier(number);
		expect(picked.carrier).toBe('usps');
		expect(picked.detected.format).toBe('USPS IMpb');
	});

	it('a FedEx 12-digit number goes to the FedEx API', () => {
		expect(pickCarrier(fedex12('79460000000')).carrier).toBe('fedex');
	});

	it('an S10 number issued in the US goes to the USPS API', () => {
		const picked = pickCarrier(s10('EC', '12345678', 'US'));
		expect(picked.carrier).toBe('usps');
		expect(picked.detected.carrier).toBe('s10');
	});

	it('an S10 number issued in GB has no API here: the error names the format and points to an aggregator', () => {
		const number = s10('RR', '12345678', 'GB');
		let error: Error | undefined;
		try {
			pickCarrier(number);
		} catch (e) {
			error = e as Error;
		}
		expect(error).toBeInstanceOf(Error);
		expect(error!.message).toContain('UPU S10');
		expect(error!.message).toMatch(/aggregator/i);
		expect(error!.message).not.toContain(number);
	});

	it.each(['hello world', 'ORDER-1042', '1234', '+1 312 555 0142'])('%s is no tracking number: the error says to choose the carrier', (input) => {
		expect(() => pickCarrier(input)).toThrow(/matches no known carrier format: choose the carrier/);
	});
});
