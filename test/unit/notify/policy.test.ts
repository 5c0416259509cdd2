import { createTwilioChannel } from '../../../lib/channels/twilio';
import { ChannelError } from '../../../lib/channels/types';
import { notify, parseNotifyInput } from '../../../lib/notify';
import { FULL_RECIPIENT, makeInput, setup } from './helpers';

const KEY = 'ups:1Z999AA10123456784';
const SMS_ONLY = { phone: '+4915123456789', preference: 'sms' as const };

describe('notify: sending', () => {
	it('sends the rendered message and reports what went where', async () => {
		const { run, email, store } = setup();
		const logSend = jest.spyOn(store, 'logSend');
		const [decision] = await run(makeInput({ data: { customer: { firstName: 'Anna' }, order: { number: '#1001' } } }));
		expect(decision).toMatchObject({ channel: 'email', status: 'sent', to: 'anna@example.com', providerMessageId: 'email-1' });
		expect(decision.message?.subject).toBe('Your order #1001 is running late');
		expect(email.sent).toEqual([
			expect.objectContaining({
				channel: 'email',
				to: 'anna@example.com',
				subject: decision.message?.subject,
				html: decision.message?.html,
				text: expect.stringContaining('Hi Anna,'),
				reference: `${KEY}:delayed:email`,
			}),
		]);
		expect(logSend).toHaveBeenCalledWith(expect.objectContaining({ shipmentKey: KEY, trigger: 'delayed', channel: 'email', status: 'sent', providerMessageId: 'email-1' }));
	});

	it("fills the customer's name, tracking number and brand when the data lacks them", async () => {
		const { run, email } = setup();
		await run(makeInput({ trigger: 'shipped', data: {} }), { brand: { name: 'Acme Coffee' } });
		expect(email.sent[0].text).toMatch(/^Hi Anna,/);
		expect(email.sent[0].text).toContain('Tracking number: 1Z999AA10123456784');
		expect(email.sent[0].text).toMatch(/Acme Coffee$/);
	});

	it('a ChannelError fails the channel with the provider details and frees the send for a retry', async () => {
		const { run, sms, store } = setup();
		const logSend = jest.spyOn(store, 'logSend');
		sms.failWith = new ChannelError('sms', 'Twilio refused the message: too many requests', {
			httpStatus: 429,
			providerCode: 20429,
			retryable: true,
			hint: 'Try again in a minute',
		});
		const [failed] = await run(makeInput({ recipient: SMS_ONLY }));
		expect(failed).toMatchObject({
			channel: 'sms',
			status: 'failed',
			reasonCode: 'send_failed',
			error: { message: 'Twilio refused the message: too many requests', httpStatus: 429, providerCode: 20429, retryable: true, hint: 'Try again in a minute' },
		});
		expect(logSend).toHaveBeenCalledWith(expect.objectContaining({ channel: 'sms', status: 'failed' }));

		sms.failWith = undefined;
		const [retried] = await run(makeInput({ recipient: SMS_ONLY }));
		expect(retried.status).toBe('sent');
	});

	it('tells a delay again when it grew (a new variant), never the same delay twice', async () => {
		const { run, email } = setup();
		expect((await run(makeInput({ variant: '2024-06-14' })))[0].status).toBe('sent');
		expect((await run(makeInput({ variant: '2024-06-14' })))[0]).toMatchObject({ status: 'suppressed', reasonCode: 'duplicate' });
		expect((await run(makeInput({ variant: '2024-06-17' })))[0].status).toBe('sent');
		expect(email.sent).toHaveLength(2);
	});

	it("Twilio's 21610 (the customer replied STOP) is an opt-out: suppressed with the reason, not a failure", async () => {
		const { run, sms } = setup();
		// The opt-out mapping is the Twilio provider's own; a channel without one fails instead.
		sms.optOutReason = createTwilioChannel({ accountSid: 'AC1', from: '+15005550006', http: async () => ({ status: 201, headers: {}, body: {} }) }).optOutReason;
		sms.failWith = new ChannelError('sms', 'Twilio refused the message: Attempt to send to unsubscribed recipient', {
			httpStatus: 400,
			providerCode: 21610,
			retryable: false,
		});
		const [decision] = await run(makeInput({ recipient: SMS_ONLY }));
		expect(decision).toMatchObject({ channel: 'sms', status: 'suppressed', reasonCode: 'opt_out', error: { providerCode: 21610 } });
		expect(decision.reason).toMatch(/STOP/);
	});

	it('an unexpected error keeps only its kind, never its words (they may quote the recipient)', async () => {
		const { run, email } = setup();
		email.failWith = new TypeError('550 mailbox anna@example.com unavailable');
		const [decision] = await run(makeInput());
		expect(decision.status).toBe('failed');
		expect(decision.error).toEqual({ message: 'The email channel failed unexpectedly (TypeError)', retryable: false });
		expect(JSON.stringify(decision.error)).not.toContain('anna');
	});
});

describe('notify: send log', () => {
	it('records every decision for audit, with its reason, and never contact data', async () => {
		const { run, store } = setup();
		const logSend = jest.spyOn(store, 'logSend');
		const night = new Date('2024-06-12T20:30:00Z');
		await run(makeInput({ recipient: { ...FULL_RECIPIENT, preference: 'both', timeZone: 'Europe/Berlin' } }), { now: night });
		await run(makeInput({ trigger: 'shipped', recipient: { ...FULL_RECIPIENT, preference: 'none' } }));
		const entries = logSend.mock.calls.map(([entry]) => entry);
		expect(entries).toEqual([
			expect.objectContaining({ channel: 'email', status: 'sent', trackingNumber: '1Z999AA10123456784', providerMessageId: 'email-1' }),
			expect.objectContaining({ channel: 'sms', status: 'deferred', reasonCode: 'quiet_hours', sendAt: '2024-06-13T06:00:00.000Z' }),
			expect.objectContaining({ channel: 'none', trigger: 'shipped', status: 'suppressed', reasonCode: 'preference' }),
		]);
		const logged = JSON.stringify(entries);
		expect(logged).not.toMatch(/anna|Anna|23456789/);
	});
});

describe('notify: duplicates', () => {
	it('the same trigger on the same channel goes out once', async () => {
		const { run, email } = setup();
		await run(makeInput());
		const [second] = await run(makeInput());
		expect(second).toMatchObject({ channel: 'email', status: 'suppressed', reasonCode: 'duplicate' });
		expect(email.sent).toHaveLength(1);
	});

	it('a different trigger, or another channel, is no duplicate', async () => {
		const { run, email, sms } = setup();
		await run(makeInput());
		expect((await run(makeInput({ trigger: 'out_for_delivery' })))[0].status).toBe('sent');
		expect((await run(makeInput({ recipient: { ...FULL_RECIPIENT, preference: 'sms' } })))[0].status).toBe('sent');
		expect(email.sent).toHaveLength(2);
		expect(sms.sent).toHaveLength(1);
	});
});

describe('notify: daily cap', () => {
	const triggers = ['shipped', 'in_transit', 'delayed'] as const;

	it('suppresses past the cap, frees the send, and lets critical messages through', async () => {
		const { run, email } = setup();
		for (const trigger of triggers.slice(0, 2)) await run(makeInput({ trigger }), { dailyCap: 2 });
		const [capped] = await run(makeInput({ trigger: 'delayed' }), { dailyCap: 2 });
		expect(capped).toMatchObject({ status: 'suppressed', reasonCode: 'cap' });
		expect(email.sent).toHaveLength(2);

		const [critical] = await run(makeInput({ trigger: 'lost', severity: 'critical' }), { dailyCap: 2 });
		expect(critical.status).toBe('sent');
		// The capped send was released, so it may go out once the cap allows.
		const [later] = await run(makeInput({ trigger: 'delayed' }), { dailyCap: 0 });
		expect(later.status).toBe('sent');
	});

	it("counts per calendar day in the customer's time zone", async () => {
		const { run } = setup();
		const recipient = { ...FULL_RECIPIENT, timeZone: 'America/New_York' };
		// 08:00 in New York on June 12.
		await run(makeInput({ trigger: 'shipped', recipient }), { dailyCap: 1, now: new Date('2024-06-12T12:00:00Z') });
		// 23:00 in New York, still June 12 there (already June 13 in UTC): capped.
		const [sameDay] = await run(makeInput({ recipient }), { dailyCap: 1, now: new Date('2024-06-13T03:00:00Z') });
		expect(sameDay.reasonCode).toBe('cap');
		// 00:30 on June 13 in New York: a new day.
		const [nextDay] = await run(makeInput({ recipient }), { dailyCap: 1, now: new Date('2024-06-13T04:30:00Z') });
		expect(nextDay.status).toBe('sent');
	});

	it('counts a notification sent by email and SMS once toward the cap', async () => {
		const { run } = setup();
		const both = { ...FULL_RECIPIENT, preference: 'both' as const };
		for (const trigger of ['shipped', 'out_for_delivery'] as const) await run(makeInput({ trigger, recipient: both }), { dailyCap: 3 });
		const third = await run(makeInput({ trigger: 'delivered', recipient: both }), { dailyCap: 3 });
		expect(third.map((d) => d.status)).toEqual(['sent', 'sent']);
		const fourth = await run(makeInput({ trigger: 'delayed', recipient: both }), { dailyCap: 3 });
		expect(fourth.map((d) => d.reasonCode)).toEqual(['cap', 'cap']);
	});

	it('checks a two-channel notification once, so it goes out whole', async () => {
		const { run } = setup();
		await run(makeInput({ trigger: 'shipped', recipient: SMS_ONLY }), { dailyCap: 2 });
		const decisions = await run(makeInput({ recipient: { ...FULL_RECIPIENT, preference: 'both' } }), { dailyCap: 2 });
		expect(decisions.map((decision) => decision.status)).toEqual(['sent', 'sent']);
	});
});

describe('notify: quiet hours', () => {
	const berlinNight = new Date('2024-06-12T20:30:00Z'); // 22:30 in Berlin
	const recipient = { ...FULL_RECIPIENT, preference: 'both' as const, timeZone: 'Europe/Berlin' };

	it('defers SMS to 08:00 local and lets email through; the resumed SMS goes out', async () => {
		const { run, sms } = setup();
		const decisions = await run(makeInput({ recipient }), { now: berlinNight });
		expect(decisions).toEqual([
			expect.objectContaining({ channel: 'email', status: 'sent' }),
			expect.objectContaining({ channel: 'sms', status: 'deferred', reasonCode: 'quiet_hours', sendAt: '2024-06-13T06:00:00.000Z' }),
		]);
		expect(sms.sent).toHaveLength(0);

		const [resumed] = await run(makeInput({ recipient, onlyChannel: 'sms' }), { now: new Date('2024-06-13T06:00:00Z') });
		expect(resumed).toMatchObject({ channel: 'sms', status: 'sent' });
		expect(sms.sent).toHaveLength(1);
	});

	it('a resumed deferral is never deferred again, even when the Wait node wakes it early', async () => {
		const { run, sms, store } = setup();
		const decisions = await run(makeInput({ recipient }), { now: berlinNight });
		const deferred = decisions.find((d) => d.channel === 'sms');
		expect(deferred?.status).toBe('deferred');
		const sendAt = deferred?.sendAt as string;
		// Woken an hour before sendAt (still quiet hours): goes out, logged at sendAt, not deferred.
		const early = new Date(Date.parse(sendAt) - 3600_000);
		const [resumed] = await run(makeInput({ recipient, onlyChannel: 'sms', resumeAt: sendAt }), { now: early });
		expect(resumed).toMatchObject({ channel: 'sms', status: 'sent' });
		expect(sms.sent).toHaveLength(1);
		const log = await store.listSends();
		expect(log.at(-1)).toMatchObject({ channel: 'sms', status: 'sent', at: new Date(sendAt).toISOString() });
	});

	it('on the night the clocks go forward, sendAt is still 08:00 on the local clock', async () => {
		const { run } = setup();
		const [decision] = await run(makeInput({ recipient: { ...SMS_ONLY, timeZone: 'Europe/Berlin' } }), {
			now: new Date('2024-03-30T22:00:00+01:00'),
		});
		expect(decision.sendAt).toBe('2024-03-31T06:00:00.000Z');
	});

	it('uses the default time zone when the recipient has none', async () => {
		const { run } = setup();
		const [decision] = await run(makeInput({ recipient: SMS_ONLY }), { now: berlinNight, defaultTimeZone: 'Europe/Berlin' });
		expect(decision.status).toBe('deferred');
	});

	it.each([
		['critical with allowCritical: sent', 'critical', true, 'sent'],
		['critical without allowCritical: deferred', 'critical', false, 'deferred'],
		['warning with allowCritical: deferred', 'warning', true, 'deferred'],
	] as const)('%s', async (_name, severity, allowCritical, expected) => {
		const { run } = setup();
		const [decision] = await run(makeInput({ severity, recipient: { ...SMS_ONLY, timeZone: 'Europe/Berlin' } }), {
			now: berlinNight,
			quietHours: { allowCritical },
		});
		expect(decision.status).toBe(expected);
	});

	it('applies to the configured channels only, and not at all when disabled', async () => {
		const { run } = setup();
		const emailQuiet = await run(makeInput({ recipient }), { now: berlinNight, quietHours: { channels: ['email'] } });
		expect(emailQuiet.map((decision) => decision.status)).toEqual(['deferred', 'sent']);
		const off = await run(makeInput({ trigger: 'shipped', recipient }), { now: berlinNight, quietHours: { enabled: false } });
		expect(off.map((decision) => decision.status)).toEqual(['sent', 'sent']);
	});

	it('a bad time zone is an error naming the field', async () => {
		const { run } = setup();
		await expect(run(makeInput({ recipient: { ...SMS_ONLY, timeZone: 'Berlin' } }))).rejects.toThrow(/recipient\.timeZone.*Europe\/Berlin/);
		await expect(run(makeInput(), { defaultTimeZone: 'CEST+2' })).rejects.toThrow(/defaultTimeZone/);
	});
});

describe('notify: dry run', () => {
	it('decides and renders, but sends nothing and records nothing', async () => {
		const { run, email, sms, store } = setup();
		const writes = ['reserveSend', 'releaseSend', 'logSend', 'claim', 'putShipment'] as const;
		const spies = writes.map((method) => jest.spyOn(store, method));
		const recipient = { ...FULL_RECIPIENT, preference: 'both' as const, timeZone: 'Europe/Berlin' };
		const decisions = await run(makeInput({ recipient }), { dryRun: true, now: new Date('2024-06-12T20:30:00Z') });
		expect(decisions).toEqual([
			expect.objectContaining({ channel: 'email', status: 'sent', dryRun: true, to: 'anna@example.com', message: expect.objectContaining({ subject: expect.any(String) }) }),
			expect.objectContaining({ channel: 'sms', status: 'deferred', dryRun: true }),
		]);
		expect(decisions[0].providerMessageId).toBeUndefined();
		expect(email.sent).toHaveLength(0);
		expect(sms.sent).toHaveLength(0);
		for (const spy of spies) expect(spy).not.toHaveBeenCalled();

		const [real] = await run(makeInput({ recipient: FULL_RECIPIENT }));
		expect(real.status).toBe('sent');
	});

	it('renders without any provider set up, where a real send fails naming the missing credential', async () => {
		const { store } = setup();
		const run = (dryRun: boolean) => notify(makeInput(), { now: new Date('2024-06-12T12:00:00Z'), dryRun }, { store, channels: {} });
		const [preview] = await run(true);
		expect(preview).toMatchObject({ channel: 'email', status: 'sent', dryRun: true, to: 'anna@example.com' });
		expect(preview.message?.subject).toMatch(/running late/);
		const [real] = await run(false);
		expect(real).toMatchObject({ channel: 'email', status: 'failed', reasonCode: 'channel_not_configured' });
	});

	it('still reports a cap as it would be', async () => {
		const { run } = setup();
		await run(makeInput({ trigger: 'shipped' }), { dailyCap: 1 });
		const [decision] = await run(makeInput(), { dailyCap: 1, dryRun: true });
		expect(decision).toMatchObject({ status: 'suppressed', reasonCode: 'cap', dryRun: true });
	});
});

describe('notify: templates', () => {
	it('merchant templates are used, and a broken one fails before anyone is contacted', async () => {
		const { run, sms } = setup();
		await run(makeInput({ recipient: SMS_ONLY }), { templates: { delayed: { sms: 'Late: {{ order.number }}' } } });
		expect(sms.sent[0].text).toBe('Late: #1001');
		await expect(run(makeInput({ trigger: 'shipped', recipient: SMS_ONLY }), { templates: { shipped: { sms: '{% if %}' } } })).rejects.toThrow(
			/Template for 'shipped' \(sms\) does not parse/,
		);
		expect(sms.sent).toHaveLength(1);
	});

	it('a template that fails while rendering fails the channel and frees the send', async () => {
		const { run, sms } = setup();
		const runaway = { delayed: { sms: '{% for i in (1..100000000) %}x{% endfor %}' } };
		const [decision] = await run(makeInput({ recipient: SMS_ONLY }), { templates: runaway });
		expect(decision).toMatchObject({ status: 'failed', reasonCode: 'template_error' });
		expect(decision.reason).toMatch(/Template for 'delayed' \(sms\) failed to render/);
		const [fixed] = await run(makeInput({ recipient: SMS_ONLY }));
		expect(fixed.status).toBe('sent');
		expect(sms.sent).toHaveLength(1);
	});
});

describe('parseNotifyInput', () => {
	it('names each bad field without echoing its value', () => {
		const bad = { ...makeInput(), trigger: 'teleported', recipient: { preference: 'anna@example.com' }, shipmentKey: '' };
		let message = '';
		try {
			parseNotifyInput(bad);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(/trigger must be one of order_confirmed/);
		expect(message).toMatch(/recipient\.preference must be one of email, sms, both, none/);
		expect(message).toMatch(/shipmentKey must not be empty/);
		expect(message).not.toContain('anna');
	});

	it('reports a missing field as required', () => {
		const { severity: _omitted, ...input } = makeInput();
		expect(() => parseNotifyInput(input)).toThrow(/severity is required/);
	});

	it('treats blank contact fields as missing and trims the rest', () => {
		const parsed = parseNotifyInput(makeInput({ recipient: { email: ' anna@example.com ', phone: '  ', timeZone: '' } }));
		expect(parsed.recipient).toMatchObject({ email: 'anna@example.com', phone: undefined, timeZone: undefined });
	});
});
