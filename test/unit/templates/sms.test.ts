import { JOURNEY_TRIGGERS } from '../../../lib/model/triggers';
import { renderMessage, smsSegments } from '../../../lib/templates';
import { truncateWithEllipsis } from '../../../lib/templates/sms';
import { FULL_DATA } from './fixtures';

describe('smsSegments', () => {
	it.each([
		['', 'GSM-7', 0],
		['a'.repeat(160), 'GSM-7', 1],
		['a'.repeat(161), 'GSM-7', 2],
		['a'.repeat(306), 'GSM-7', 2],
		['a'.repeat(307), 'GSM-7', 3],
		['é@£ÄÖÜß'.repeat(20), 'GSM-7', 1],
		['€'.repeat(80), 'GSM-7', 1],
		['€'.repeat(81), 'GSM-7', 2],
		['{}'.repeat(40), 'GSM-7', 1],
		['ж'.repeat(70), 'UCS-2', 1],
		['ж'.repeat(71), 'UCS-2', 2],
		['ж'.repeat(134), 'UCS-2', 2],
		['ж'.repeat(135), 'UCS-2', 3],
		[`${'a'.repeat(60)}😀`, 'UCS-2', 1],
		['Your parcel is here … ', 'UCS-2', 1],
	])('%j is %s in %d part(s)', (text, encoding, segments) => {
		expect(smsSegments(text)).toEqual({ encoding, segments });
	});
});

describe('truncateWithEllipsis', () => {
	it('cuts at a word boundary and marks the cut with three dots', () => {
		expect(truncateWithEllipsis('The parcel is held at the depot.', 20)).toBe('The parcel is held...');
	});

	it('leaves short text alone', () => {
		expect(truncateWithEllipsis('Short.', 20)).toBe('Short.');
	});

	it('cuts inside a word when there is no space near the limit', () => {
		expect(truncateWithEllipsis('Supercalifragilistic', 10)).toBe('Supercalif...');
	});
});

describe('SMS length', () => {
	const longReason = `The carrier reports ${'that a regional sorting centre is working through a backlog after storms, '.repeat(8)}and apologises.`;
	const url = FULL_DATA.shipment.trackingUrl;

	it('shortens a long reason to fit two parts, keeping the link whole', () => {
		const data = { ...FULL_DATA, assessment: { ...FULL_DATA.assessment, reason: longReason } };
		const { text } = renderMessage('delayed', 'sms', data);
		expect(smsSegments(text).segments).toBeLessThanOrEqual(2);
		expect(text).toContain('The carrier reports that a regional');
		expect(text).toContain('...');
		expect(text).toContain(`Track: ${url}`);
		expect(text).toContain('New delivery date: Thu, Mar 14.');
	});

	it('uses as much of the reason as fits', () => {
		const data = { ...FULL_DATA, assessment: { ...FULL_DATA.assessment, reason: longReason } };
		const { text } = renderMessage('delayed', 'sms', data);
		// Two full GSM-7 parts hold 306 characters; a cut at a word boundary leaves little unused.
		expect(text.length).toBeGreaterThan(290);
		expect(text.length).toBeLessThanOrEqual(306);
	});

	it('a reason that forces UCS-2 is shortened to fit the smaller parts', () => {
		const reason = `Sturm über Łódź 🌧 ${'verzögert die Zustellung '.repeat(10)}`;
		const data = { ...FULL_DATA, assessment: { ...FULL_DATA.assessment, reason } };
		const { text } = renderMessage('attempt_failed', 'sms', data);
		expect(smsSegments(text).segments).toBeLessThanOrEqual(2);
		expect(text).toContain(`Track: ${url}`);
	});

	it('leaves a short message untouched', () => {
		const { text } = renderMessage('delayed', 'sms', FULL_DATA);
		expect(text).toContain(FULL_DATA.assessment.reason);
		expect(text).not.toContain('...');
	});

	it('never cuts a link: an overlong one goes out whole, in more parts', () => {
		const longUrl = `https://track.example.com/${'x'.repeat(400)}`;
		const data = { ...FULL_DATA, shipment: { ...FULL_DATA.shipment, trackingUrl: longUrl } };
		const { text } = renderMessage('delayed', 'sms', data);
		expect(text).toContain(longUrl);
		expect(text).not.toContain(FULL_DATA.assessment.reason);
	});
});

describe('the opt-out line', () => {
	const footer = 'Reply STOP to opt out.';
	const preferences = { url: `https://automation.acme-outfitters.example/webhook/postpurchase/preferences?o=shopify%3A5512345679001&e=1777593600&s=${'a'.repeat(43)}&n=%231009` };
	const data = { ...FULL_DATA, brand: { ...FULL_DATA.brand, supportPhone: '+1 555 010 0199' }, preferences };

	it.each(JOURNEY_TRIGGERS)('every built-in %s SMS carries it whole and still fits two GSM-7 parts', (trigger) => {
		const { text } = renderMessage(trigger, 'sms', data, {}, { smsFooter: footer });
		expect(text.endsWith(`\n${footer}`)).toBe(true);
		expect(smsSegments(text)).toEqual({ encoding: 'GSM-7', segments: expect.any(Number) });
		expect(smsSegments(text).segments).toBeLessThanOrEqual(2);
	});
});
