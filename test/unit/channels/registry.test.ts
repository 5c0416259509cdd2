import {
	channelKind,
	channelKindIds,
	channelProvider,
	channelProviders,
	isPreference,
	preferenceChoices,
	registerChannelKind,
	registerChannelProvider,
	unregisterChannel,
} from '../../../lib/channels/registry';
import { redactEmailAddresses, redactPhoneNumbers } from '../../../lib/channels/redact';
import type { ChannelKind, ChannelProvider } from '../../../lib/channels/types';
import { chooseChannels, notify } from '../../../lib/notify';
import { renderConfirmationPage, renderPreferencePage } from '../../../lib/preferences/page';
import { MemoryStore } from '../../../lib/store/memory';
import { MIDDAY, RecordingChannel, makeInput } from '../notify/helpers';

// Throwaway registrations: what an integrator writes, one object each, registered with one line.
const pushKind: ChannelKind = {
	id: 'test-push',
	displayName: 'Push',
	label: 'push',
	contactField: 'deviceToken',
	contactLabel: 'device token',
	optOutField: 'pushOptOut',
	checkAddress: (raw) => (/^[A-Za-z0-9:_-]{8,}$/.test(raw.trim()) ? { ok: true, to: raw.trim() } : { ok: false, reasonCode: 'no_contact', reason: 'The device token is not valid' }),
	templateFormat: 'sms',
	quietByDefault: true,
	customerName: 'push notification',
	customerHint: 'Updates in our app',
	node: {
		from: { name: 'pushFrom', displayName: 'Push From', placeholder: 'Acme', description: 'The app name' },
		contact: { name: 'recipientDeviceToken', displayName: 'Recipient Device Token', description: 'Where push goes' },
		optOut: { name: 'pushOptOut', displayName: 'Push Opted Out', description: 'Whether the customer turned push off' },
	},
};
const pushSent = new RecordingChannel('test-push');
const pushProvider: ChannelProvider = {
	id: 'test-fcm',
	kind: 'test-push',
	displayName: 'Test FCM',
	credentialType: 'testFcmApi',
	credentialDisplayName: 'Test FCM Account (Push)',
	checkSender: () => undefined,
	create: () => pushSent,
};
const secondEmail: ChannelProvider = {
	id: 'test-mailer',
	kind: 'email',
	displayName: 'Test Mailer',
	credentialType: 'testMailerApi',
	credentialDisplayName: 'Test Mailer Account (Email)',
	checkSender: ({ from }) => (from ? undefined : 'Email From is empty'),
	create: () => new RecordingChannel('email'),
};

describe('channel registry', () => {
	afterEach(() => {
		unregisterChannel('test-mailer');
		unregisterChannel('test-push');
	});

	it('knows the email and SMS kinds, which address each needs, and their providers', () => {
		expect(channelKindIds()).toEqual(['email', 'sms']);
		expect(channelKind('email')).toMatchObject({ contactField: 'email', optOutField: 'emailOptOut', templateFormat: 'email' });
		expect(channelKind('sms')).toMatchObject({ contactField: 'phone', optOutField: 'smsOptOut', templateFormat: 'sms', quietByDefault: true });
		expect(channelProviders('email').map((provider) => provider.id)).toEqual(['smtp']);
		expect(channelProviders('sms').map((provider) => provider.id)).toEqual(['twilio']);
		expect(preferenceChoices()).toEqual(['email', 'sms', 'both', 'none']);
	});

	it('checks addresses by kind: email syntax, phone numbers to E.164 without quoting them', () => {
		expect(channelKind('email').checkAddress(' anna@example.com ', {})).toEqual({ ok: true, to: 'anna@example.com' });
		expect(channelKind('email').checkAddress('anna-at-example', {})).toMatchObject({ ok: false, reasonCode: 'invalid_email' });
		expect(channelKind('sms').checkAddress('0151 23456789', { country: 'DE' })).toEqual({ ok: true, to: '+4915123456789' });
		const bad = channelKind('sms').checkAddress('12', { country: 'DE' });
		expect(bad).toMatchObject({ ok: false, reasonCode: 'invalid_phone' });
		expect(JSON.stringify(bad)).not.toContain('12"');
	});

	it('creates a provider from credential fields, and says which sender field is missing', () => {
		const twilio = channelProvider('twilio');
		expect(twilio.checkSender({ from: '', settings: {} })).toMatch(/SMS From is empty/);
		expect(twilio.checkSender({ from: '', settings: { messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' } })).toBeUndefined();
		const sms = twilio.create({ credentials: { accountSid: 'AC1' }, from: '+15005550006', settings: {}, http: async () => ({ status: 201, headers: {}, body: {} }) });
		expect(sms.id).toBe('sms');
		expect(channelProvider('smtp').checkSender({ from: '', settings: {} })).toMatch(/Email From is empty/);
	});

	it('takes a second email provider with one registration, and refuses a duplicate or an unknown kind', () => {
		registerChannelProvider(secondEmail);
		expect(channelProviders('email').map((provider) => provider.id)).toEqual(['smtp', 'test-mailer']);
		expect(() => registerChannelProvider(secondEmail)).toThrow(/already registered/);
		expect(() => registerChannelProvider({ ...secondEmail, id: 'test-fax', kind: 'fax' })).toThrow("channel provider 'test-fax' names an unknown kind 'fax'; known: email, sms");
		expect(() => registerChannelKind({ ...pushKind, id: 'none' })).toThrow(/already registered/);
	});

	it('takes a new kind with one registration: preferences, choice and sending follow', async () => {
		registerChannelKind(pushKind);
		registerChannelProvider(pushProvider);
		expect(isPreference('test-push')).toBe(true);
		const recipient = { deviceToken: 'fcm-token-0001', preference: 'test-push' };
		expect(chooseChannels(recipient)).toEqual([{ channel: 'test-push' }]);
		expect(chooseChannels({ ...recipient, pushOptOut: true })[0]).toMatchObject({ decided: { reasonCode: 'opt_out', reason: 'The customer opted out of push' } });
		expect(chooseChannels({ preference: 'test-push', email: 'anna@example.com' })[0]).toMatchObject({ channel: 'email', note: 'Preferred push, but no device token is known: using email' });

		const store = new MemoryStore();
		const channels = { 'test-push': pushProvider.create({ credentials: {}, settings: {} }) };
		const [decision] = await notify(makeInput({ recipient }), { now: MIDDAY, quietHours: { enabled: false } }, { store, channels });
		expect(decision).toMatchObject({ channel: 'test-push', status: 'sent', to: 'fcm-token-0001' });
		expect(pushSent.sent[0].text).toMatch(/#1001/);
		// The customer's preference page offers it and confirms it in their words.
		const page = renderPreferencePage({ orderNumber: '1001', action: '?o=1' });
		expect(page).toContain('value="test-push"');
		expect(page).toContain('Push notification');
		expect(renderConfirmationPage({ orderNumber: '1001', preference: { channel: 'test-push' } })).toContain('by push notification.');
		const [missing] = await notify(makeInput({ recipient, shipmentKey: 'ups:OTHER' }), { now: MIDDAY }, { store, channels: {} });
		expect(missing).toMatchObject({ status: 'failed', reasonCode: 'channel_not_configured', reason: 'No push channel is configured: enable push and add a Test FCM credential' });
	});

	it('names the known kinds for an unknown id', () => {
		expect(() => channelKind('fax')).toThrow("unknown channel 'fax'; known: email, sms");
		expect(isPreference('fax')).toBe(false);
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
