import { detectCarrier } from '../../../../lib/carriers/detect';
import { gs1Digit, pair } from './build';

describe('USPS', () => {
	// AI + service type code + mailer id (9 digits starting 9, or 6 digits starting 0-8) + package id.
	it.each([
		['94', '001', '912345678', '1234567'], // 22, 9-digit MID
		['94', '055', '123456', '0000123456'], // 22, 6-digit MID
		['92', '612', '902345678', '7654321'], // 22, commercial 9-digit MID
		['93', '612', '812345', '1122334455'], // 22, commercial 6-digit MID
		['95', '055', '123456', '7890123456'], // 22, retail
		['92', '748', '931507708', '51301805006'], // 26
		['93', '001', '512345', '12345678901234'], // 26
		['94', '001', '912345678', '123456789012345'], // 30
	])('IMpb %s %s %s %s', (ai, stc, mid, pkg) => {
		const [good, bad] = pair(ai + stc + mid + pkg, gs1Digit);
		expect(detectCarrier(good)).toMatchObject({ carrier: 'usps', format: 'USPS IMpb', checkDigitValid: true });
		expect(detectCarrier(bad)?.carrier).not.toBe('usps');
		// With the 420 + ZIP routing prefix, ZIP+4 too.
		expect(detectCarrier('420 10001 ' + good)).toMatchObject({ carrier: 'usps', format: 'USPS IMpb', normalized: '42010001' + good });
		if (good.length === 22) expect(detectCarrier('420100011234' + good)).toMatchObject({ carrier: 'usps', format: 'USPS IMpb' });
		expect(detectCarrier('42010001' + bad)?.carrier).not.toBe('usps');
	});

	it('AI 92 needs a 9-digit mailer id and 93 a 6-digit one', () => {
		const p92 = '92612' + '812345' + '1122334455';
		expect(detectCarrier(p92 + gs1Digit(p92))?.carrier).not.toBe('usps');
		const p93 = '93612' + '902345678' + '7654321';
		expect(detectCarrier(p93 + gs1Digit(p93))?.carrier).not.toBe('usps');
	});

	it('commercial IMpb lists the consolidators that hand parcels to USPS', () => {
		const p = '92612902345678' + '7654321';
		const r = detectCarrier(p + gs1Digit(p));
		expect(r?.carrier).toBe('usps');
		expect(r?.candidates.map((c) => c.carrier)).toEqual(['fedex', 'ups', 'dhl']);
	});

	it('legacy 22 (AI 91)', () => {
		const [good, bad] = pair('91' + '03' + '123456789' + '00012345', gs1Digit);
		expect(detectCarrier(good)).toMatchObject({ carrier: 'usps', format: 'USPS Legacy' });
		expect(detectCarrier(bad)).toBeNull();
	});

	it('20-digit numbers: plain GS1, or computed with the implied 91', () => {
		const plain = '03' + '123456789' + '00012345';
		expect(detectCarrier(plain + gs1Digit(plain))).toMatchObject({ carrier: 'usps', format: 'USPS 20' });
		const certified = '7019' + '0700' + '0000' + '1234' + '567';
		const legacy = certified + gs1Digit('91' + certified);
		expect(gs1Digit(certified)).not.toBe(legacy.slice(-1)); // this one only passes with the 91
		expect(detectCarrier(legacy)).toMatchObject({ carrier: 'usps', format: 'USPS Legacy' });
		const grouped = `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}-${plain.slice(12)}${gs1Digit(plain)}`;
		expect(detectCarrier(grouped)?.carrier).toBe('usps');
	});

	it('20 digits with an unknown service type are not USPS', () => {
		const p = '61' + '123456789' + '00012345';
		expect(detectCarrier(p + gs1Digit(p))).toBeNull();
	});

	it('zeros after the AI are not a tracking number', () => {
		expect(detectCarrier('9400000000000000000000')).toBeNull();
		expect(detectCarrier('42010001' + '9400000000000000000000')).toBeNull();
	});
});
