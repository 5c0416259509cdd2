import { z } from 'zod';
import { channelKinds, isChannelKind, isPreference, preferenceChoices } from '../channels/registry';
import type { Preference } from '../model/preferences';
import { JOURNEY_TRIGGERS, SEVERITIES, type JourneyTrigger, type Severity } from '../model/triggers';
import type { RenderedMessage, TemplateOverrides } from '../templates';
import type { SmsOptOutOptions } from './optOut';

/** A channel kind's id ('email', 'sms', ...): lib/channels/registry.ts has the list. */
export type NotifyChannel = string;
export type { Preference };

/**
 * The customer as notify sees them. Each channel kind names its address field and its opt-out
 * field here (email/emailOptOut, phone/smsOptOut); a new kind brings its own two.
 */
export interface NotifyRecipient {
	email?: string;
	phone?: string;
	/** Missing: email when an address exists, else SMS when a phone exists. */
	preference?: Preference;
	emailOptOut?: boolean;
	smsOptOut?: boolean;
	/** IANA zone for quiet hours and the daily cap; else NotifyOptions.defaultTimeZone. */
	timeZone?: string;
	/** ISO 3166-1 alpha-2 region for phone numbers without +country; else NotifyOptions.defaultCountry. */
	country?: string;
	name?: string;
	locale?: string;
	[kindField: string]: string | boolean | undefined;
}

export interface NotifyInput {
	trigger: JourneyTrigger;
	severity: Severity;
	shipmentKey: string;
	/** Absent for order-level messages (order confirmed, payment issue). */
	trackingNumber?: string;
	recipient: NotifyRecipient;
	/** Set when resuming a deferred send: that channel only. */
	onlyChannel?: NotifyChannel;
	/**
	 * What makes this message different from an earlier one with the same trigger: a delay that
	 * grew (its new date) is told again, the same delay is not.
	 */
	variant?: string;
	/**
	 * The sendAt of the deferral being resumed. A resumed send is never deferred again and counts
	 * as made at that time at the earliest, so a Wait node that wakes early cannot make a loop.
	 */
	resumeAt?: string;
	/** Template variables (see TEMPLATE_VARIABLES). */
	data?: Record<string, unknown>;
}

export interface QuietHoursOptions {
	/** Default true. */
	enabled?: boolean;
	/** Default '21:00'. */
	start?: string;
	/** Default '08:00'. */
	end?: string;
	/** Channels that keep quiet hours; default ['sms'] (an email at night wakes nobody). */
	channels?: string[];
	/** Let critical messages through quiet hours; default false. */
	allowCritical?: boolean;
}

/** The merchant as messages name it; messages that ask the customer to get in touch give these. */
export interface NotifyBrand {
	name?: string;
	supportUrl?: string;
	supportEmail?: string;
	supportPhone?: string;
}

export interface NotifyOptions {
	quietHours?: QuietHoursOptions;
	/**
	 * Most notifications sent for one shipment per calendar day in the customer's time zone (one
	 * update by email and SMS counts once); 0 means no cap. Default 3. Critical messages are exempt
	 * and a notification going to both channels is checked once, so it goes out whole or not at all.
	 */
	dailyCap?: number;
	/** Default 'UTC'. */
	defaultTimeZone?: string;
	defaultCountry?: string;
	templates?: TemplateOverrides;
	brand?: NotifyBrand;
	/** When SMS end with "Reply STOP to opt out." (lib/notify/optOut.ts); default: automatic by sender. */
	smsOptOutLine?: SmsOptOutOptions;
	/**
	 * Decide and render, send nothing and write nothing to the store. The duplicate check needs a
	 * reservation, so a dry run skips it; everything else is decided as for real.
	 */
	dryRun?: boolean;
	now?: Date;
}

export const NOTIFY_REASON_CODES = [
	'preference',
	'no_contact',
	'opt_out',
	'invalid_phone',
	'invalid_email',
	'channel_not_configured',
	'duplicate',
	'cap',
	'quiet_hours',
	'template_error',
	'send_failed',
] as const;
export type NotifyReasonCode = (typeof NOTIFY_REASON_CODES)[number];

export interface NotifyError {
	message: string;
	httpStatus?: number;
	providerCode?: string | number;
	retryable: boolean;
	hint?: string;
}

export interface NotifyDecision {
	/** 'none' when no channel could even be chosen (preference none, no contact data). */
	channel: NotifyChannel | 'none';
	status: 'sent' | 'deferred' | 'suppressed' | 'failed';
	reasonCode?: NotifyReasonCode;
	/** Plain words, never contact data. */
	reason?: string;
	/** The address or E.164 number used: data on the item, never logged. */
	to?: string;
	/** ISO instant a deferred send may go out. */
	sendAt?: string;
	providerMessageId?: string;
	message?: RenderedMessage;
	error?: NotifyError;
	dryRun?: boolean;
	note?: string;
}

const optionalText = z.string().optional();

/** Rebuilt only when the kinds change (a test registering one): a schema per call costs more than the check. */
let schemaFor: { kinds: string; schema: z.ZodTypeAny } | undefined;
function notifyInputSchema() {
	const kinds = channelKinds();
	const key = kinds.map((kind) => kind.id).join(',');
	if (schemaFor?.kinds === key) return schemaFor.schema;
	const perKind: z.ZodRawShape = {};
	for (const kind of kinds) {
		perKind[kind.contactField] = optionalText;
		perKind[kind.optOutField] = z.boolean().optional();
	}
	const schema = z.object({
		trigger: z.enum(JOURNEY_TRIGGERS),
		severity: z.enum(SEVERITIES),
		shipmentKey: z.string().min(1),
		trackingNumber: z.string().min(1).optional(),
		recipient: z.object({
			...perKind,
			preference: z.string().refine(isPreference, { message: `must be one of ${preferenceChoices().join(', ')}` }).optional(),
			timeZone: optionalText,
			country: optionalText,
			name: optionalText,
			locale: optionalText,
		}),
		onlyChannel: z.string().refine(isChannelKind, { message: `must be one of ${kinds.map((kind) => kind.id).join(', ')}` }).optional(),
		variant: z.string().min(1).optional(),
		resumeAt: z.string().datetime({ offset: true }).optional(),
		data: z.record(z.unknown()).optional(),
	});
	schemaFor = { kinds: key, schema };
	return schema;
}

/** Describes an issue without echoing the value: it may be an address or a phone number. */
function describeIssue(issue: z.ZodIssue): string {
	const field = issue.path.join('.') || 'input';
	if (issue.code === 'invalid_enum_value') return `${field} must be one of ${issue.options.join(', ')}`;
	if (issue.code === 'invalid_type') {
		return issue.received === 'undefined' ? `${field} is required` : `${field} must be ${issue.expected}, not ${issue.received}`;
	}
	if (issue.code === 'too_small') return `${field} must not be empty`;
	if (issue.code === 'custom') return `${field} ${issue.message}`;
	return `${field}: ${issue.message}`;
}

function blankToUndefined(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

/** Validates what the node hands over; blank strings (empty expressions) count as missing. */
export function parseNotifyInput(value: unknown): NotifyInput {
	const result = notifyInputSchema().safeParse(value);
	if (!result.success) {
		throw new Error(`Invalid notify input: ${result.error.issues.map(describeIssue).join('; ')}`);
	}
	const { recipient, ...rest } = result.data as NotifyInput;
	const cleaned: NotifyRecipient = { ...recipient };
	for (const field of ['timeZone', 'country', 'name', 'locale', ...channelKinds().map((kind) => kind.contactField)]) {
		if (field in cleaned) cleaned[field] = blankToUndefined(cleaned[field] as string | undefined);
	}
	return { ...rest, data: rest.data ?? {}, recipient: cleaned };
}
