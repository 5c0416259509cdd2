import { createTransport } from 'nodemailer';

import { redactEmailAddresses } from './redact';
import { ChannelError, type Channel, type ChannelProvider, type OutgoingMessage, type SendResult } from './types';

export interface SmtpChannelOptions {
	host: string;
	port: number;
	/** Implicit TLS from the first byte (port 465). Off: plain, upgraded by STARTTLS when offered. */
	secure: boolean;
	user?: string;
	password?: string;
	/** The From header, e.g. `"Shop" <orders@shop.example>`. */
	from: string;
	/** Off only for a server with a self-signed certificate you trust. */
	rejectUnauthorized?: boolean;
	/** Refuse to send unless STARTTLS succeeds (for `secure: false` on port 587). */
	requireTLS?: boolean;
	/** The name this client gives in EHLO; defaults to the machine's host name. */
	name?: string;
}

/** Error codes nodemailer gives when there was no usable connection: worth trying later. */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);

const CONNECTION_HINT =
	"check the host and port, and 'secure': on for implicit TLS (usually port 465), off for STARTTLS (587 or 25)";

interface NodemailerError extends Error {
	code?: string;
	originalCode?: string;
	command?: string;
	response?: string;
	responseCode?: number;
}

/** Which part of the conversation the server refused, in words, and what to check for it. */
function refusal(error: NodemailerError, temporary: boolean): { what: string; hint: string } {
	if (temporary) {
		return { what: 'deferred the message', hint: 'the server is busy or greylisting; the send can be retried later' };
	}
	if (error.code === 'EAUTH' || error.command?.startsWith('AUTH')) {
		return { what: 'refused the login', hint: 'check the user and password in the credential (some providers need an app password)' };
	}
	switch (error.command) {
		case 'RCPT TO':
			return { what: 'refused the recipient', hint: "check the customer's email address; the server does not accept mail for it" };
		case 'MAIL FROM':
			return { what: 'refused the sender', hint: "check the From address: this account must be allowed to send as it" };
		default:
			return { what: 'refused the message', hint: "the content or size broke the server's policy; its logs say which" };
	}
}

/** Turns a nodemailer failure into a ChannelError that names the SMTP reply but not the recipient. */
export function smtpChannelError(error: unknown): ChannelError {
	const failure = error as NodemailerError;
	const code = failure.responseCode;
	if (typeof code === 'number') {
		const temporary = code >= 400 && code < 500;
		const serverText = redactEmailAddresses(failure.response ?? String(code)).replace(/\s+/g, ' ').trim();
		const { what, hint } = refusal(failure, temporary);
		return new ChannelError('email', `SMTP server ${what} (${serverText})`, {
			providerCode: code,
			retryable: temporary,
			hint,
		});
	}
	const errorCode = failure.code ?? 'unknown error';
	if (CONNECTION_CODES.has(errorCode)) {
		const cause = failure.originalCode ? `${errorCode}, ${failure.originalCode}` : errorCode;
		return new ChannelError('email', `Could not reach the SMTP server (${cause})`, {
			// The system's code (ECONNREFUSED, ENOTFOUND) says more than nodemailer's stage.
			providerCode: failure.originalCode ?? errorCode,
			retryable: true,
			hint: CONNECTION_HINT,
		});
	}
	if (errorCode === 'ETLS') {
		return new ChannelError('email', 'TLS with the SMTP server failed', {
			providerCode: errorCode,
			retryable: false,
			hint: "check 'secure' against the port, and the server's certificate",
		});
	}
	return new ChannelError('email', `SMTP send failed (${errorCode})`, { providerCode: errorCode, retryable: false });
}

/** Email over SMTP with nodemailer: multipart text + HTML, one pooled connection reused. */
export function createSmtpChannel(options: SmtpChannelOptions): Channel {
	if (!options.from) throw new Error('SMTP channel: a From address is required');
	const transport = createTransport({
		pool: true,
		maxConnections: 2,
		host: options.host,
		port: options.port,
		secure: options.secure,
		requireTLS: options.requireTLS ?? false,
		name: options.name,
		auth: options.user ? { user: options.user, pass: options.password ?? '' } : undefined,
		tls: { rejectUnauthorized: options.rejectUnauthorized ?? true },
		// nodemailer's defaults wait minutes; a webhook-driven send should fail fast and retry later.
		connectionTimeout: 15_000,
		greetingTimeout: 15_000,
		socketTimeout: 60_000,
	});

	return {
		id: 'email',
		async send(message: OutgoingMessage): Promise<SendResult> {
			try {
				const info = await transport.sendMail({
					from: options.from,
					to: message.to,
					subject: message.subject ?? '',
					text: message.text,
					html: message.html,
					headers: { 'X-PostPurchase-Reference': message.reference },
				});
				return { providerMessageId: info.messageId, providerStatus: info.response };
			} catch (error) {
				throw smtpChannelError(error);
			}
		},
		async verify(): Promise<void> {
			try {
				await transport.verify();
			} catch (error) {
				throw smtpChannelError(error);
			}
		},
		async close(): Promise<void> {
			transport.close();
		},
	};
}

/** The postPurchaseSmtp credential's fields (credentials/PostPurchaseSmtp.credentials.ts). */
function smtpOptionsFrom(credentials: Record<string, unknown>, from: string): SmtpChannelOptions {
	const text = (key: string) => (typeof credentials[key] === 'string' && credentials[key] ? (credentials[key] as string) : undefined);
	return {
		host: String(credentials.host ?? ''),
		port: Number(credentials.port),
		secure: credentials.secure === true,
		requireTLS: credentials.requireTLS === true ? true : undefined,
		user: text('user'),
		password: text('password'),
		rejectUnauthorized: credentials.ignoreSslIssues !== true,
		name: text('hostName'),
		from,
	};
}

export const smtpProvider: ChannelProvider = {
	id: 'smtp',
	kind: 'email',
	displayName: 'SMTP',
	credentialType: 'postPurchaseSmtp',
	credentialDisplayName: 'SMTP Account (Email)',
	checkSender: ({ from }) =>
		from ? undefined : 'Email From is empty: set the sender, e.g. "Acme Shop <orders@acme.example>", or take Email out of Channels.',
	create: ({ credentials, from }) => createSmtpChannel(smtpOptionsFrom(credentials, from ?? '')),
};
