import { DEFAULT_SMS_OPT_OUT_TEXT, smsOptOutLine, smsSenderKind } from '../../../lib/notify';
import { smsSegments } from '../../../lib/templates';
import { makeInput, setup } from './helpers';

const SMS_ONLY = { phone: '+14155550142', preference: 'sms' as const };
const SERVICE_SID = 'MG0123456789abcdef0123456789abcdef';

describe('smsSenderKind', () => {
	it.each([
		['+15005550006', 'nanp_number'],
		['+1 (415) 555-0100', 'nanp_number'],
		['+18005550199', 'nanp_number'],
		['+447700900123', 'other_number'],
		['+4915123456789', 'other_number'],
		['12345', 'short_code'],
		['898211', 'short_code'],
		['AcmeShop', 'alphanumeric'],
		['ACME-1', 'alphanumeric'],
		[SERVICE_SID, 'messaging_service'],
		['', 'unknown'],
		[undefined, 'unknown'],
		['5550100', 'unknown'],
	])('%j is %s', (from, kind) => {
		expect(smsSenderKind(from)).toBe(kind);
	});

	it('takes a Messaging Service over the From, as the Twilio channel does', () => {
		expect(smsSenderKind('AcmeShop', SERVICE_SID)).toBe('messaging_service');
		expect(smsSenderKind(undefined, SERVICE_SID)).toBe('messaging_service');
	});
});

describe('smsOptOutLine', () => {
	it('automatic: for US/Canada long codes and toll-free numbers and Messaging Services only', () => {
		expect(smsOptOutLine({ from: '+15005550006' })).toBe(DEFAULT_SMS_OPT_OUT_TEXT);
		expect(smsOptOutLine({ from: '+18005550199', mode: 'automatic' })).toBe('Reply STOP to opt out.');
		expect(smsOptOutLine({ messagingServiceSid: SERVICE_SID })).toBe('Reply STOP to opt out.');
		for (const from of ['12345', 'AcmeShop', '+447700900123', undefined]) expect(smsOptOutLine({ from })).toBeUndefined();
	});

	it('always and never do what they say, whatever the sender; the text is the merchant\'s', () => {
		expect(smsOptOutLine({ from: 'AcmeShop', mode: 'always' })).toBe('Reply STOP to opt out.');
		expect(smsOptOutLine({ from: '+15005550006', mode: 'never' })).toBeUndefined();
		expect(smsOptOutLine({ from: '12345', mode: 'always', text: '  Text STOP to stop.  ' })).toBe('Text STOP to stop.');
		expect(smsOptOutLine({ from: '+15005550006', text: '' })).toBe('Reply STOP to opt out.');
	});

	it('names the setting and its values for an unknown mode', () => {
		expect(() => smsOptOutLine({ mode: 'sometimes' as never })).toThrow('SMS Opt-Out Line must be one of automatic, always, never');
	});
});

describe('notify: the opt-out line on SMS', () => {
	it('ends the SMS from a US number with it, on a line of its own, and leaves email alone', async () => {
		const { run, sms, email } = setup();
		await run(makeInput({ recipient: { ...SMS_ONLY, email: 'anna@example.com', preference: 'both' } }), { smsOptOutLine: { from: '+15005550006' } });
		expect(sms.sent[0].text).toMatch(/\nReply STOP to opt out\.$/);
		expect(email.sent[0].text).not.toContain('STOP');
	});

	it('leaves it off for a short code, and when Never is chosen', async () => {
		for (const options of [{ from: '12345' }, { from: '+15005550006', mode: 'never' as const }]) {
			const { run, sms } = setup();
			await run(makeInput({ recipient: SMS_ONLY }), { smsOptOutLine: options });
			expect(sms.sent[0].text).not.toContain('STOP');
		}
	});

	it('keeps the SMS within two parts: a long reason is shortened to make room, the line stays whole', async () => {
		const reason = `A regional sorting centre is working through a backlog after storms ${'and every parcel waits its turn '.repeat(8)}.`;
		const { run, sms } = setup();
		const data = { order: { number: '#1001' }, shipment: { trackingUrl: 'https://track.example.com/1Z999AA10123456784' }, assessment: { reason, revisedEta: '2024-06-14' } };
		await run(makeInput({ recipient: SMS_ONLY, data }), { smsOptOutLine: { from: '+15005550006' } });
		const text = sms.sent[0].text;
		expect(text).toContain('...');
		expect(text).toContain('Track: https://track.example.com/1Z999AA10123456784');
		expect(text.endsWith('\nReply STOP to opt out.')).toBe(true);
		expect(smsSegments(text)).toEqual({ encoding: 'GSM-7', segments: 2 });
	});

	it('is not said twice when the merchant\'s SMS template already says STOP', async () => {
		const { run, sms } = setup();
		const templates = { delayed: { sms: 'Late: {{ order.number }}. Text STOP to end these.' } };
		await run(makeInput({ recipient: SMS_ONLY }), { smsOptOutLine: { mode: 'always' }, templates });
		expect(sms.sent[0].text).toBe('Late: #1001. Text STOP to end these.');
	});

	it('reads the merchant\'s opt-out words in any case ("reply stop")', async () => {
		const { run, sms } = setup();
		const templates = { delayed: { sms: 'Late: {{ order.number }}. Reply stop to end these.' } };
		await run(makeInput({ recipient: SMS_ONLY }), { smsOptOutLine: { mode: 'always' }, templates });
		expect(sms.sent[0].text).toBe('Late: #1001. Reply stop to end these.');
	});

	it('an unknown mode fails before anyone is contacted', async () => {
		const { run, sms } = setup();
		await expect(run(makeInput({ recipient: SMS_ONLY }), { smsOptOutLine: { mode: 'maybe' as never } })).rejects.toThrow(/SMS Opt-Out Line/);
		expect(sms.sent).toEqual([]);
	});
});
