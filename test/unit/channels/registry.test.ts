import { CHANNEL_FACTORIES, channelDescription, registerChannel } from '../../../lib/channels/registry';
import { redactEmailAddresses, redactPhoneNumbers } from '../../../lib/channels/redact';

describe('channel registry', () => {
	it('knows email and sms and which address each needs', () => {
		expect(channelDescription('email')).toEqual({ id: 'email', displayName: 'Email (SMTP)', addressKind: 'email' });
		expect(channelDescription('sms')).toEqual({ id: 'sms', displayName: 'SMS (Twilio)', addressKind: 'phone' });
	});

	it('creates a channel from its factory', () => {
		const sms = (CHANNEL_FACTORIES.get('sms')?.create as (o: unknown) => { id: string })({
			accountSid: 'AC1',
			from: '+15005550006',
			http: async () => ({ status: 201, headers: {}, body: {} }),
		});
		expect(sms.id).toBe('sms');
	});

	it('takes a new channel with one registration and refuses a duplicate id', () => {
		registerChannel({ id: 'test-push', displayName: 'Push', addressKind: 'phone', create: () => ({ id: 'test-push', send: async () => ({ providerMessageId: 'p1' }) }) });
		expect(channelDescription('test-push').displayName).toBe('Push');
		expect(() => registerChannel({ id: 'email', displayName: 'Other', addressKind: 'email', create: () => ({ id: 'email', send: async () => ({ providerMessageId: '' }) }) })).toThrow(/already registered/);
		CHANNEL_FACTORIES.delete('test-push');
	});

	it('names the known channels for an unknown id', () => {
		expect(() => channelDescription('fax')).toThrow("unknown channel 'fax'; known: email, sms");
	});
});

describe('redaction', () => {
	it('removes email addresses, bracketed or not', () => {
		expect(redactEmailAddresses('550 5.1.1 <jane.doe+x@mail.example.com>: rejected; cc bob@ex.org')).toBe('550 5.1.1 <redacted>: rejected; cc <redacted>');
	});

	it('removes phone numbers but keeps short codes and numbers', () => {
		expect(redactPhoneNumbers("The 'To' number +1 (415) 555-0123 is not valid")).toBe("The 'To' number <redacted> is not valid");
		expect(redactPhoneNumbers('Error 21211: body exceeds 1600 characters, 5.1.1')).toBe('Error 21211: body exceeds 1600 characters, 5.1.1');
	});
});
