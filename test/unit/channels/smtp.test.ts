import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createSmtpChannel, smtpChannelError } from '../../../lib/channels/smtp';
import { ChannelError, type Channel } from '../../../lib/channels/types';
import { startSmtpOutbox, type SmtpOutbox } from '../../../scripts/standins/smtp-outbox';

const REFUSED = 'gone@customer.example';

let dir: string;
let outbox: SmtpOutbox;
let channel: Channel;

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'pp-smtp-'));
	outbox = await startSmtpOutbox({ dir, rejectRecipients: (address) => address === REFUSED });
	channel = createSmtpChannel({
		host: '127.0.0.1',
		port: outbox.port,
		secure: false,
		user: 'shop',
		password: 'secret',
		from: '"Shop" <orders@shop.example>',
	});
});
afterEach(async () => {
	await channel.close?.();
	await outbox.close();
	rmSync(dir, { recursive: true, force: true });
});

const message = (to: string) => ({
	channel: 'email',
	to,
	subject: 'Your order is on its way',
	text: 'Your parcel left our warehouse.',
	html: '<p>Your parcel <b>left</b> our warehouse.</p>',
	reference: 'ups:1Z999/shipped/email',
});

describe('SMTP channel', () => {
	it('delivers a multipart text + HTML message and returns its Message-ID', async () => {
		const result = await channel.send(message('jane@customer.example'));
		const [mail] = outbox.messages();
		expect(outbox.messages()).toHaveLength(1);
		expect(result.providerMessageId).toBe(mail.messageId);
		expect(result.providerStatus).toMatch(/^250 /);
		expect(mail).toMatchObject({
			rcptTo: ['jane@customer.example'],
			from: '"Shop" <orders@shop.example>',
			subject: 'Your order is on its way',
			html: '<p>Your parcel <b>left</b> our warehouse.</p>',
		});
		expect(mail.text.trim()).toBe('Your parcel left our warehouse.');
		expect(mail.headers['x-postpurchase-reference']).toBe('ups:1Z999/shipped/email');
		expect(mail.headers['content-type']).toMatch(/^multipart\/alternative/);
	});

	it('files each message as .eml and .html under <dir>/email', async () => {
		await channel.send(message('jane@customer.example'));
		await channel.send({ ...message('joe@customer.example'), subject: 'Delivered!', html: undefined });
		expect(readdirSync(join(dir, 'email')).sort()).toEqual([
			'001-Your-order-is-on-its-way.eml',
			'001-Your-order-is-on-its-way.html',
			'002-Delivered.eml',
		]);
		expect(readFileSync(join(dir, 'email', '001-Your-order-is-on-its-way.html'), 'utf8')).toContain('<b>left</b>');
	});

	it('turns a refused recipient into a permanent ChannelError without the address', async () => {
		const error = await channel.send(message(REFUSED)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ChannelError);
		const failure = error as ChannelError;
		expect(failure.channel).toBe('email');
		expect(failure.details).toMatchObject({ providerCode: 550, retryable: false });
		expect(failure.message).toBe('SMTP server refused the recipient (550 5.1.1 <redacted>: Recipient address rejected)');
		expect(failure.details.hint).toMatch(/email address/);
		expect(JSON.stringify({ message: failure.message, details: failure.details })).not.toContain('gone@');
		expect(outbox.messages()).toHaveLength(0);
	});

	it('still sends after a refusal on the same pooled connection', async () => {
		await expect(channel.send(message(REFUSED))).rejects.toBeInstanceOf(ChannelError);
		await channel.send(message('jane@customer.example'));
		expect(outbox.messages().map((m) => m.rcptTo)).toEqual([['jane@customer.example']]);
	});
});

describe('SMTP channel errors', () => {
	it('marks a server that is not there as retryable and says what to check', async () => {
		// Bind then free a port so nothing listens on it.
		const probe: Server = createServer();
		await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
		const { port } = probe.address() as { port: number };
		await new Promise((resolve) => probe.close(resolve));

		const unreachable = createSmtpChannel({ host: '127.0.0.1', port, secure: false, from: 'orders@shop.example' });
		const error = (await unreachable.send(message('jane@customer.example')).catch((e: unknown) => e)) as ChannelError;
		await unreachable.close?.();
		expect(error).toBeInstanceOf(ChannelError);
		expect(error.message).toMatch(/^Could not reach the SMTP server \(E[A-Z]+, ECONNREFUSED\)$/);
		expect(error.details).toMatchObject({ providerCode: 'ECONNREFUSED', retryable: true });
		expect(error.details.hint).toMatch(/port/);
	});

	it('treats SMTP 4xx replies as temporary', () => {
		const error = smtpChannelError(
			Object.assign(new Error('x'), { responseCode: 451, response: '451 4.7.1 <a@b.example>: greylisted', command: 'RCPT TO' }),
		);
		expect(error.details).toMatchObject({ providerCode: 451, retryable: true });
		expect(error.message).toBe('SMTP server deferred the message (451 4.7.1 <redacted>: greylisted)');
	});

	it('names a refused login and points at the credential', () => {
		const error = smtpChannelError(
			Object.assign(new Error('x'), { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication failed', command: 'AUTH PLAIN' }),
		);
		expect(error.message).toBe('SMTP server refused the login (535 5.7.8 Authentication failed)');
		expect(error.details).toMatchObject({ retryable: false });
		expect(error.details.hint).toMatch(/user and password/);
	});

	it('refuses to create a channel without a From address', () => {
		expect(() => createSmtpChannel({ host: 'h', port: 25, secure: false, from: '' })).toThrow(/From/);
	});
});
