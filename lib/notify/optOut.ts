/**
 * The "Reply STOP to opt out." line of an SMS. US and Canadian carriers expect it from senders on
 * ordinary numbers: 10DLC long codes (CTIA guidelines, carrier registration) and toll-free numbers
 * (toll-free verification). Short codes carry their opt-out terms in the program's registration,
 * and alphanumeric sender IDs cannot receive replies, so a STOP line there would be a false promise.
 *
 * Automatic decides from the sender alone, which is all this package knows before sending:
 *   +1 number (E.164, long code or toll-free) → add;
 *   Messaging Service SID (MG…) → add, the service may send from long codes;
 *   short code (5-6 digits), alphanumeric sender ID, any other country's number → leave out.
 * It adds the line to every message, not only the first to a number: a message each time is the
 * safe reading, and it costs a few characters of the two-part limit the templates keep.
 */

export const SMS_OPT_OUT_MODES = ['automatic', 'always', 'never'] as const;
export type SmsOptOutMode = (typeof SMS_OPT_OUT_MODES)[number];

export const DEFAULT_SMS_OPT_OUT_TEXT = 'Reply STOP to opt out.';

export interface SmsOptOutOptions {
	/** Default 'automatic'. */
	mode?: SmsOptOutMode;
	/** Default DEFAULT_SMS_OPT_OUT_TEXT. */
	text?: string;
	/** The sender: a phone number, short code or alphanumeric ID (the node's SMS From). */
	from?: string;
	messagingServiceSid?: string;
}

export type SmsSenderKind = 'nanp_number' | 'other_number' | 'short_code' | 'alphanumeric' | 'messaging_service' | 'unknown';

const MESSAGING_SERVICE_SID = /^MG[0-9a-f]{32}$/i;

/** What kind of sender it is, from its shape; a Messaging Service wins over From, as in the Twilio channel. */
export function smsSenderKind(from: string | undefined, messagingServiceSid?: string): SmsSenderKind {
	const sender = from?.trim() ?? '';
	if (messagingServiceSid?.trim() || MESSAGING_SERVICE_SID.test(sender)) return 'messaging_service';
	if (!sender) return 'unknown';
	const digits = sender.replace(/[\s().-]/g, '');
	if (/^\d{5,6}$/.test(digits)) return 'short_code';
	if (/^\+1\d{10}$/.test(digits)) return 'nanp_number';
	if (/^\+\d{6,15}$/.test(digits)) return 'other_number';
	return /[A-Za-z]/.test(sender) ? 'alphanumeric' : 'unknown';
}

/** The line to end every SMS with, or undefined for none. Throws on a mode it does not know. */
export function smsOptOutLine(options: SmsOptOutOptions = {}): string | undefined {
	const mode = options.mode ?? 'automatic';
	if (!(SMS_OPT_OUT_MODES as readonly string[]).includes(mode)) {
		throw new Error(`SMS Opt-Out Line must be one of ${SMS_OPT_OUT_MODES.join(', ')}; got another value`);
	}
	const text = options.text?.trim() || DEFAULT_SMS_OPT_OUT_TEXT;
	if (mode === 'never') return undefined;
	if (mode === 'always') return text;
	const kind = smsSenderKind(options.from, options.messagingServiceSid);
	return kind === 'nanp_number' || kind === 'messaging_service' ? text : undefined;
}
