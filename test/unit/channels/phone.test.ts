import { toE164 } from '../../../lib/channels/kinds/phone';

describe('toE164', () => {
	it('normalizes an international number with spaces and punctuation', () => {
		expect(toE164(' +49 (151) 2345-6789 ')).toEqual({ ok: true, e164: '+4915123456789' });
	});

	it('reads a national number in the default country', () => {
		expect(toE164('0151 23456789', 'DE')).toEqual({ ok: true, e164: '+4915123456789' });
		expect(toE164('(201) 555-0123', 'us')).toEqual({ ok: true, e164: '+12015550123' });
	});

	it('an explicit +country wins over the default country', () => {
		expect(toE164('+44 7400 123456', 'DE')).toEqual({ ok: true, e164: '+447400123456' });
	});

	it('refuses a national number without a default country, saying how to fix it', () => {
		const result = toE164('0151 23456789');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.reason).toMatch(/default country/);
	});

	it.each([
		['', undefined],
		['   ', 'DE'],
		['not a number', 'DE'],
		['+49 1', undefined],
		['12', 'US'],
		['+1 999 999 9999', undefined],
	])('refuses %j without repeating it', (raw, country) => {
		const result = toE164(raw, country);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			const digits = raw.replace(/\D/g, '');
			if (digits.length > 1) expect(result.reason.replace(/\D/g, '')).not.toContain(digits);
		}
	});

	it('refuses an unknown default country by name', () => {
		const result = toE164('0151 23456789', 'XX');
		expect(result).toEqual({ ok: false, reason: expect.stringContaining("'XX'") });
	});
});
