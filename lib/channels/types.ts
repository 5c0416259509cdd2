/** A rendered message ready for a channel. */
export interface OutgoingMessage {
	channel: string;
	/** Email address or E.164 phone number. */
	to: string;
	subject?: string;
	text: string;
	html?: string;
	/** Idempotency reference, sent to providers that accept one and kept in logs. */
	reference: string;
}

export interface SendResult {
	providerMessageId: string;
	/** Provider's status word, e.g. Twilio 'queued', SMTP '250 OK'. */
	providerStatus?: string;
}

/**
 * One file per channel implements this and registers in ./registry.ts. Adapters throw ChannelError
 * for anything the provider refused, carrying the provider's own code and words (never the
 * recipient's address or the message body).
 */
export interface Channel {
	id: string;
	send(message: OutgoingMessage): Promise<SendResult>;
	/** Checks the connection and credentials without sending (n8n's credential test). */
	verify?(): Promise<void>;
	close?(): Promise<void>;
}

export class ChannelError extends Error {
	constructor(
		readonly channel: string,
		message: string,
		readonly details: {
			httpStatus?: number;
			providerCode?: string | number;
			/** True for a temporary refusal (429, 5xx, SMTP 4xx): worth trying again later. */
			retryable?: boolean;
			/** What to do about it, for the error's description. */
			hint?: string;
		} = {},
	) {
		super(message);
		this.name = 'ChannelError';
	}
}
