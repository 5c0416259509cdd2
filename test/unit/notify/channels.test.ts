import { notify, type NotifyDecision, type NotifyRecipient } from '../../../lib/notify';
import { makeInput, setup } from './helpers';

const EMAIL = 'anna@example.com';
const PHONE = '+4915123456789';

function summary(decisions: NotifyDecision[]) {
	return decisions.map((decision) => `${decision.channel}:${decision.status}${decision.reasonCode ? `:${decision.reasonCode}` : ''}`);
}

describe('notify: channel choice', () => {
	it.each<[string, NotifyRecipient, string[]]>([
		['email preference', { email: EMAIL, phone: PHONE, preference: 'email' }, ['email:sent']],
		['sms preference', { email: EMAIL, phone: PHONE, preference: 'sms' }, ['sms:sent']],
		['both', { email: EMAIL, phone: PHONE, preference: 'both' }, ['email:sent', 'sms:sent']],
		['no preference, both contacts: email', { email: EMAIL, phone: PHONE }, ['email:sent']],
		['no preference, phone only: sms', { phone: PHONE }, ['sms:sent']],
		['no preference, email only: email', { email: EMAIL }, ['email:sent']],
		['email preference without address falls back to sms', { phone: PHONE, preference: 'email' }, ['sms:sent']],
		['sms preference without phone falls back to email', { email: EMAIL, preference: 'sms' }, ['email:sent']],
		['both with email only', { email: EMAIL, preference: 'both' }, ['email:sent']],
		['preference none', { email: EMAIL, phone: PHONE, preference: 'none' }, ['none:suppressed:preference']],
		['no contact at all', {}, ['none:suppressed:no_contact']],
		['preference sms, no contact at all', { preference: 'sms' }, ['none:suppressed:no_contact']],
		['blank strings count as missing', { email: '  ', phone: '' }, ['none:suppressed:no_contact']],
	])('%s', async (_name, recipient, expected) => {
		const { run } = setup();
		expect(summary(await run(makeInput({ recipient })))).toEqual(expected);
	});

	it('says so in the note when falling back', async () => {
		const { run } = setup();
		const [decision] = await run(makeInput({ recipient: { phone: PHONE, preference: 'email' } }));
		expect(decision.note).toBe('Preferred email, but no email address is known: using SMS');
	});

	describe('opt-out', () => {
		it.each<[string, NotifyRecipient, string[]]>([
			['preferred channel opted out: no fallback', { email: EMAIL, phone: PHONE, preference: 'sms', smsOptOut: true }, ['sms:suppressed:opt_out']],
			['both, one opted out', { email: EMAIL, phone: PHONE, preference: 'both', emailOptOut: true }, ['email:suppressed:opt_out', 'sms:sent']],
			['no preference uses the consenting channel', { email: EMAIL, phone: PHONE, emailOptOut: true }, ['sms:sent']],
			['no preference, every channel opted out', { email: EMAIL, phone: PHONE, emailOptOut: true, smsOptOut: true }, ['email:suppressed:opt_out', 'sms:suppressed:opt_out']],
			['fallback channel opted out', { phone: PHONE, preference: 'email', smsOptOut: true }, ['sms:suppressed:opt_out']],
		])('%s', async (_name, recipient, expected) => {
			const { run, email, sms } = setup();
			const decisions = await run(makeInput({ recipient }));
			expect(summary(decisions)).toEqual(expected);
			for (const channel of [email, sms]) {
				const sent = decisions.filter((decision) => decision.channel === channel.id && decision.status === 'sent');
				expect(channel.sent).toHaveLength(sent.length);
			}
		});
	});

	it('a resumed send goes to that channel only', async () => {
		const { run, email, sms } = setup();
		const decisions = await run(makeInput({ recipient: { email: EMAIL, phone: PHONE, preference: 'both' }, onlyChannel: 'sms' }));
		expect(summary(decisions)).toEqual(['sms:sent']);
		expect(email.sent).toHaveLength(0);
		expect(sms.sent).toHaveLength(1);
	});

	it('a resumed send still honours an opt-out given meanwhile', async () => {
		const { run } = setup();
		const decisions = await run(makeInput({ recipient: { phone: PHONE, smsOptOut: true }, onlyChannel: 'sms' }));
		expect(summary(decisions)).toEqual(['sms:suppressed:opt_out']);
	});
});

describe('notify: contact data and configuration', () => {
	it('an invalid phone fails with invalid_phone, without the number in the reason', async () => {
		const { run, sms } = setup();
		const [decision] = await run(makeInput({ recipient: { phone: '12345', country: 'DE' } }));
		expect(decision).toMatchObject({ channel: 'sms', status: 'failed', reasonCode: 'invalid_phone' });
		expect(decision.reason).not.toContain('12345');
		expect(sms.sent).toHaveLength(0);
	});

	it('reads a national number in the recipient country, else the default country', async () => {
		const { run, sms } = setup();
		await run(makeInput({ recipient: { phone: '0151 23456789', country: 'DE' } }));
		await run(makeInput({ trigger: 'shipped', recipient: { phone: '0151 23456789' } }), { defaultCountry: 'DE' });
		expect(sms.sent.map((message) => message.to)).toEqual([PHONE, PHONE]);
	});

	it('an invalid email address fails with invalid_email', async () => {
		const { run, email } = setup();
		const [decision] = await run(makeInput({ recipient: { email: 'anna(at)example' } }));
		expect(decision).toMatchObject({ channel: 'email', status: 'failed', reasonCode: 'invalid_email' });
		expect(decision.reason).not.toContain('anna');
		expect(email.sent).toHaveLength(0);
	});

	it('a channel without a Channel fails naming the credential to add, and reserves nothing', async () => {
		const { store, sms } = setup();
		const deps = { store, channels: { sms } };
		const [decision] = await notify(makeInput({ recipient: { email: EMAIL } }), {}, deps);
		expect(decision).toMatchObject({ channel: 'email', status: 'failed', reasonCode: 'channel_not_configured' });
		expect(decision.reason).toMatch(/SMTP credential/);
		expect(await store.reserveSend('ups:1Z999AA10123456784', 'delayed', 'email')).toBe(true);
	});
});
