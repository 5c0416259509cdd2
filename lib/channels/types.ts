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
 * What a provider's create() returns (./registry.ts lists the providers). Adapters throw ChannelError
 * for anything the provider refused, carrying the provider's own code and words (never the
 * recipient's address or the message body).
 */
export interface Channel {
	id: string;
	send(message: OutgoingMessage): Promise<SendResult>;
	/** Checks the connection and credentials without sending (n8n's credential test). */
	verify?(): Promise<void>;
	close?(): Promise<void>;
	/**
	 * When a refusal means the recipient withdrew consent at the provider (Twilio 21610: they
	 * replied STOP), the reason in words: notify then suppresses instead of failing.
	 */
	optOutReason?(error: ChannelError): string | undefined;
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

/** A sender address checked and put in the form the provider takes, or why it cannot be used. */
export type AddressCheck = { ok: true; to: string } | { ok: false; reasonCode: string; reason: string };

/**
 * What a customer is reached by (email, SMS, WhatsApp, push...), whoever delivers it. Preferences,
 * opt-outs, addresses and templates are keyed by the kind's id; providers of the kind send it.
 * One file per kind in ./kinds/, one line in ./registry.ts.
 */
export interface ChannelKind {
	/** The word in preferences, send logs and decisions: 'email', 'sms'. */
	id: string;
	/** For option lists and subtitles: 'Email', 'SMS'. */
	displayName: string;
	/** In the middle of a sentence: 'email', 'SMS'. */
	label: string;
	/** The recipient field holding the address ('email', 'phone') and its name in words. */
	contactField: string;
	contactLabel: string;
	/** The recipient field that says the customer withdrew consent to this kind. */
	optOutField: string;
	/** Checks the address and normalizes it (E.164 for phones); reasons never quote it. */
	checkAddress(raw: string, context: { country?: string }): AddressCheck;
	/** Which template format renders it (lib/templates: 'email' with subject/html/text, 'sms' one short text). */
	templateFormat: 'email' | 'sms';
	/** Whether quiet hours hold it unless the node says otherwise (an email at night wakes nobody). */
	quietByDefault: boolean;
	/** How the preference page names it to the customer: 'text message', with a hint under the choice. */
	customerName: string;
	customerHint: string;
	/**
	 * How the Customer Notify node asks for the kind's sender, address and opt-out. The names are
	 * saved in workflows: never rename one. The address defaults to `customer.<contactField>`.
	 */
	node: {
		from: { name: string; displayName: string; placeholder: string; description: string; required?: boolean };
		contact: { name: string; displayName: string; description: string };
		optOut: { name: string; displayName: string; description: string };
	};
}

/** What a provider is built from: the credential's fields, the node's sender and settings, HTTP. */
export interface ProviderConfig {
	credentials: Record<string, unknown>;
	/** The kind's sender field (Email From, SMS From), trimmed; may be empty. */
	from?: string;
	/** The node's Settings (provider-specific ones such as a Messaging Service SID). */
	settings: Record<string, unknown>;
	/** An HTTP function that authenticates with the provider's credential (n8n's, in a node). */
	http?: import('../http').HttpFn;
}

/**
 * Who delivers a kind: SMTP or SendGrid for email, Twilio for SMS. One file per provider, one line
 * in ./registry.ts; the node's provider option, credential pickers and docs come from the registry.
 */
export interface ChannelProvider {
	id: string;
	kind: string;
	displayName: string;
	/** n8n credential type name and the picker's label. */
	credentialType: string;
	credentialDisplayName: string;
	/** Credential fields sent as HTTP auth by n8n; absent for non-HTTP protocols (SMTP). */
	authenticatesHttp?: boolean;
	/** Why the sender set-up cannot work, naming the field and the fix; undefined when it can. */
	checkSender(config: Pick<ProviderConfig, 'from' | 'settings'>): string | undefined;
	create(config: ProviderConfig): Channel;
}
