export interface OutboxMessage {
	/** The To header as written. */
	to: string;
	/** The envelope recipients (RCPT TO). */
	rcptTo: string[];
	from: string;
	subject: string;
	text: string;
	html?: string;
	messageId?: string;
	/** Header name (lower case) to its raw value. */
	headers: Record<string, string>;
	emlPath: string;
	htmlPath?: string;
}

export interface SmtpOutbox {
	port: number;
	messages(): OutboxMessage[];
	close(): Promise<void>;
}

export function startSmtpOutbox(options: {
	dir: string;
	port?: number;
	rejectRecipients?: (address: string) => boolean;
}): Promise<SmtpOutbox>;
