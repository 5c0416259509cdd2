import type { HttpFn, HttpResponse } from '../http';
import { redactEmailAddresses, redactPhoneNumbers } from './redact';
import { sendWithRetry } from '../http/retry';
import { ChannelError, type Channel, type ChannelProvider, type OutgoingMessage, type SendResult } from './types';

export interface TwilioChannelOptions {
	accountSid: string;
	/** An SMS-capable Twilio number (E.164) or alphanumeric sender ID. */
	from?: string;
	/** Send through a Messaging Service instead of one number (takes precedence over `from`). */
	messagingServiceSid?: string;
	/** Must authenticate the request: n8n's credential, or twilioBasicAuthHttp outside n8n. */
	http: HttpFn;
	baseUrl?: string;
	/** Total attempts for 429 and 5xx answers, the first included. */
	maxAttempts?: number;
	sleep?: (ms: number) => Promise<void>;
}

/** Twilio's error body: https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions */
interface TwilioErrorBody {
	code?: number;
	message?: string;
	more_info?: string;
	status?: number;
}

/** Twilio's "Attempt to send to unsubscribed recipient": the carrier network holds the opt-out. */
const TWILIO_UNSUBSCRIBED = 21610;

/** What to do about the Twilio errors a notification sender actually meets. */
const HINTS: Record<number, string> = {
	20003: 'check the Account SID and Auth Token in the credential',
	21211: "check the customer's phone number: it must be a valid number in E.164 form, e.g. +14155550123",
	21408: "enable the destination country in the Twilio console's SMS Geo Permissions",
	21606: "the From number cannot send SMS: use an SMS-capable number from this account",
	21608: 'trial accounts can only send to verified numbers: verify the number or upgrade the account',
	21610: 'the recipient replied STOP; they must text START to opt back in',
	21612: 'Twilio cannot route from this From number to this destination',
	21614: 'the number is not a mobile number and cannot receive SMS',
};

/** Adds Twilio's HTTP Basic auth (Account SID : Auth Token) to every request: the outside-n8n way. */
export function twilioBasicAuthHttp(accountSid: string, authToken: string, base: HttpFn): HttpFn {
	const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
	return (req) => base({ ...req, headers: { ...req.headers, Authorization: authorization } });
}

/** Twilio's words can quote the To number; never let it into an error. */
function safeText(text: string): string {
	return redactPhoneNumbers(redactEmailAddresses(text));
}

function twilioError(response: HttpResponse, attempts: number): ChannelError {
	const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as TwilioErrorBody;
	const retryable = response.status === 429 || response.status >= 500;
	const code = typeof body.code === 'number' ? body.code : undefined;
	const words = body.message ? safeText(body.message) : `HTTP ${response.status}`;
	const prefix = retryable ? `Twilio did not accept the message after ${attempts} attempt(s)` : 'Twilio refused the message';
	const hint =
		(code !== undefined ? HINTS[code] : undefined) ??
		(retryable ? 'Twilio is rate limiting or having trouble; the send can be retried later' : body.more_info);
	return new ChannelError('sms', `${prefix} (${code ?? response.status}: ${words})`, {
		httpStatus: response.status,
		providerCode: code ?? response.status,
		retryable,
		hint,
	});
}

/** No HTTP answer at all (refused, DNS, timeout): worth trying later. */
function unreachableError(error: unknown): ChannelError {
	const code = (error as { code?: string }).code ?? 'no response';
	return new ChannelError('sms', `Could not reach Twilio (${code})`, {
		providerCode: code,
		retryable: true,
		hint: 'check the network path to api.twilio.com (proxy, firewall, DNS)',
	});
}

/** SMS through Twilio's Messages API. */
export function createTwilioChannel(options: TwilioChannelOptions): Channel {
	if (!options.from && !options.messagingServiceSid) {
		throw new Error('Twilio channel: set a From number or a Messaging Service SID');
	}
	const baseUrl = (options.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
	const url = `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
	const sender: Record<string, string> = options.messagingServiceSid
		? { MessagingServiceSid: options.messagingServiceSid }
		: { From: options.from as string };

	return {
		id: 'sms',
		optOutReason: (error) =>
			Number(error.details.providerCode) === TWILIO_UNSUBSCRIBED ? 'The recipient opted out of SMS by replying STOP (Twilio 21610)' : undefined,
		async send(message: OutgoingMessage): Promise<SendResult> {
			const form = { To: message.to, ...sender, Body: message.text };
			let result;
			try {
				result = await sendWithRetry(() => options.http({ method: 'POST', url, form }), {
					maxAttempts: options.maxAttempts ?? 4,
					sleep: options.sleep,
				});
			} catch (error) {
				throw unreachableError(error);
			}
			const { response, attempts } = result;
			if (response.status !== 200 && response.status !== 201) throw twilioError(response, attempts);
			const body = response.body as { sid?: unknown; status?: unknown };
			if (typeof body?.sid !== 'string') {
				throw new ChannelError('sms', `Twilio answered HTTP ${response.status} without a message SID`, {
					httpStatus: response.status,
					retryable: false,
				});
			}
			return { providerMessageId: body.sid, providerStatus: typeof body.status === 'string' ? body.status : undefined };
		},
	};
}

export const twilioProvider: ChannelProvider = {
	id: 'twilio',
	kind: 'sms',
	displayName: 'Twilio',
	credentialType: 'postPurchaseTwilioApi',
	credentialDisplayName: 'Twilio Account (SMS)',
	authenticatesHttp: true,
	checkSender: ({ from, settings }) =>
		from || settings.messagingServiceSid
			? undefined
			: 'SMS From is empty: set your Twilio number (E.164, e.g. +15005550006) or a Messaging Service SID under Settings, or take SMS out of Channels.',
	create({ credentials, from, settings, http }) {
		if (!http) throw new Error('Twilio channel: an authenticating HTTP function is required');
		return createTwilioChannel({
			accountSid: String(credentials.accountSid ?? ''),
			baseUrl: (credentials.baseUrl as string) || undefined,
			from: from || undefined,
			messagingServiceSid: (settings.messagingServiceSid as string) || undefined,
			http,
		});
	},
};
