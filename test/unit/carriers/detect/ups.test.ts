import { detectCarrier } from '../../../../lib/carriers/detect';
import { pair, upsDigit } from './build';

describe('UPS', () => {
	it.each([
		['A12B34', '03', '5678901', 'Ground'],
		['0X7Y99', '01', '0000042', 'Next Day Air'],
		['123456', '02', '7654321', '2nd Day Air'],
		['ZZ9900', 'YW', 'ABCDEF1', 'SurePost'],
		['4W0E12', '99', '1234567', undefined],
	])('1Z %s %s %s', (shipper, service, pkg, name) => {
		const payload = shipper + service + pkg;
		const good = `1Z${payload}${upsDigit(payload)}`;
		const r = detectCarrier(good);
		expect(r).toMatchObject({ carrier: 'ups', format: 'UPS 1Z', normalized: good, checkDigitValid: true, candidates: [] });
		expect(r?.service).toBe(name);
		const bad = `1Z${payload}${(Number(upsDigit(payload)) + 3) % 10}`;
		expect(detectCarrier(bad)).toBeNull();
	});

	it('1Z is case and separator tolerant', () => {
		const payload = 'A12B34035678901';
		const n = `1Z${payload}${upsDigit(payload)}`;
		const spaced = `1z ${payload.slice(0, 3).toLowerCase()} ${payload.slice(3, 6)}-${payload.slice(6)} ${n.slice(-1)}`;
		expect(detectCarrier(spaced)).toMatchObject({ carrier: 'ups', normalized: n });
	});

	it.each(['K', 'J', 'V', 'T', 'H', 'A'])('waybill %s + 9 digits + check', (letter) => {
		const [good, bad] = pair('270412345', upsDigit);
		expect(detectCarrier(letter + good)).toMatchObject({ carrier: 'ups', format: 'UPS Waybill', checkDigitValid: true });
		expect(detectCarrier(letter + bad)?.carrier).not.toBe('ups');
	});

	it('Mail Innovations: MI + mailer id + package id', () => {
		expect(detectCarrier('MI123456 ORDER77001')).toMatchObject({ carrier: 'ups', format: 'UPS Mail Innovations', checkDigitValid: null });
		expect(detectCarrier('MIX23456ORDER77001')).toBeNull();
	});
});
