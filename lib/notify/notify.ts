import { DateTime } from 'luxon';
import { channelKind, channelKinds, channelProviders } from '../channels/registry';
import { ChannelError, type Channel } from '../channels/types';
import type { Store } from '../store/types';
import { compileTemplates, type CompiledTemplates, type RenderedMessage } from '../templates';
import { chooseChannels } from './choose';
import { smsOptOutLine } from './optOut';
import { assertTimeZone, quietHoursDecision } from './quietHours';
import {
	parseNotifyInput,
	type NotifyChannel,
	type NotifyDecision,
	type NotifyError,
	type NotifyInput,
	type NotifyOptions,
} from './types';

export interface NotifyDeps {
	store: Store;
	/** Keyed by channel kind ('email', 'sms'); a missing one fails that channel with a hint. */
	channels: Partial<Record<string, Channel>>;
}

/** "No SMS channel is configured: enable SMS and add a Twilio credential", from the registry. */
function notConfigured(channel: NotifyChannel): string {
	const kind = channelKind(channel);
	const providers = channelProviders(channel).map((provider) => provider.displayName);
	const credential = providers.length > 0 ? `a ${providers.join(' or ')} credential` : 'a provider for it';
	return `No ${kind.label} channel is configured: enable ${kind.label} and add ${credential}`;
}

interface Settings {
	quiet: { enabled: boolean; start: string; end: string; channels: string[]; allowCritical: boolean };
	dailyCap: number;
	defaultTimeZone: string;
	defaultCountry?: string;
	dryRun: boolean;
	now: Date;
	templates: CompiledTemplates;
	smsFooter?: string;
}

function settingsFrom(options: NotifyOptions): Settings {
	const dailyCap = options.dailyCap ?? 3;
	if (!Number.isInteger(dailyCap) || dailyCap < 0) throw new Error('dailyCap must be a whole number, 0 or more (0: no cap)');
	const defaultTimeZone = options.defaultTimeZone || 'UTC';
	assertTimeZone(defaultTimeZone, 'defaultTimeZone');
	const quiet = options.quietHours ?? {};
	return {
		quiet: {
			enabled: quiet.enabled ?? true,
			start: quiet.start || '21:00',
			end: quiet.end || '08:00',
			// By default the kinds that would wake someone (SMS, not email).
			channels: quiet.channels ?? channelKinds().filter((kind) => kind.quietByDefault).map((kind) => kind.id),
			allowCritical: quiet.allowCritical ?? false,
		},
		dailyCap,
		defaultTimeZone,
		defaultCountry: options.defaultCountry || undefined,
		dryRun: options.dryRun === true,
		now: options.now ?? new Date(),
		templates: compileTemplates(options.templates),
		smsFooter: smsOptOutLine(options.smsOptOutLine),
	};
}

/** What every decision about one channel carries, whatever its outcome. */
type DecisionBase = Pick<NotifyDecision, 'channel' | 'note' | 'dryRun'>;

type Json = Record<string, unknown>;
function asObject(value: unknown): Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}
/** Fills gaps in `given` from `defaults`; an explicit undefined in `given` does not erase a default. */
function withDefaults(defaults: Json, given: unknown): Json {
	const merged: Json = { ...defaults };
	for (const [key, value] of Object.entries(asObject(given))) if (value !== undefined) merged[key] = value;
	return merged;
}

function templateData(input: NotifyInput, options: NotifyOptions): Json {
	const data = input.data ?? {};
	return {
		...data,
		customer: withDefaults({ name: input.recipient.name }, data.customer),
		shipment: withDefaults({ trackingNumber: input.trackingNumber }, data.shipment),
		brand: withDefaults(asObject(options.brand), data.brand),
	};
}

function failure(error: unknown, channel: NotifyChannel): NotifyError {
	if (error instanceof ChannelError) {
		const { httpStatus, providerCode, retryable, hint } = error.details;
		return { message: error.message, httpStatus, providerCode, retryable: retryable ?? false, hint };
	}
	// Not a ChannelError: its message may quote the recipient, so only its kind is kept.
	const kind = error instanceof Error ? error.name : typeof error;
	return { message: `The ${channel} channel failed unexpectedly (${kind})`, retryable: false };
}

/**
 * Decides and, unless it is a dry run, sends one notification: one decision per candidate
 * channel. Checks run cheapest and most final first: preference and consent, contact data,
 * duplicate (reserves the send), daily cap, quiet hours, render, send. Every path that does not
 * end in a sent message gives the reservation back, so a later or resumed attempt can go out.
 */
export async function notify(rawInput: NotifyInput, options: NotifyOptions, deps: NotifyDeps): Promise<NotifyDecision[]> {
	const input = parseNotifyInput(rawInput);
	const settings = settingsFrom(options);
	const resumed = input.resumeAt !== undefined;
	if (resumed && Date.parse(input.resumeAt as string) > settings.now.getTime()) settings.now = new Date(input.resumeAt as string);
	const timeZone = input.recipient.timeZone ?? settings.defaultTimeZone;
	assertTimeZone(timeZone, 'recipient.timeZone');
	const data = templateData(input, options);
	const { store } = deps;
	const { trigger, shipmentKey } = input;
	// One message per shipment, trigger and channel; a variant (a delay's new date) is a new message.
	const sendKey = input.variant ? `${shipmentKey}#${input.variant}` : shipmentKey;
	const critical = input.severity === 'critical';

	// Counted once per notification, so both channels of it pass or stop together.
	let sentToday: Promise<number> | undefined;
	const countSentToday = () => {
		const since = DateTime.fromJSDate(settings.now, { zone: timeZone }).startOf('day').toJSDate();
		sentToday ??= store.countSent(shipmentKey, since);
		return sentToday;
	};
	// Every decision goes into the send log for audit; only 'sent' ones count toward caps and duplicates.
	const log = (decision: NotifyDecision) =>
		store.logSend({
			shipmentKey,
			trigger,
			channel: decision.channel,
			status: decision.status,
			providerMessageId: decision.providerMessageId,
			trackingNumber: input.trackingNumber,
			reasonCode: decision.reasonCode,
			sendAt: decision.sendAt,
			at: settings.now.toISOString(),
		});

	async function decide(channel: NotifyChannel, base: DecisionBase): Promise<NotifyDecision> {
		const kind = channelKind(channel);
		const address = kind.checkAddress(String(input.recipient[kind.contactField] ?? ''), { country: input.recipient.country ?? settings.defaultCountry });
		if (!address.ok) return { ...base, status: 'failed', reasonCode: address.reasonCode as NotifyDecision['reasonCode'], reason: address.reason };
		const { to } = address;
		const sender = deps.channels[channel];
		// A preview renders without a provider, so a merchant sees the message before setting one up.
		if (!sender && !settings.dryRun) return { ...base, status: 'failed', reasonCode: 'channel_not_configured', reason: notConfigured(channel), to };

		if (!settings.dryRun && !(await store.reserveSend(sendKey, trigger, channel, settings.now))) {
			return { ...base, status: 'suppressed', reasonCode: 'duplicate', reason: `Already sent for '${trigger}' on this channel`, to };
		}
		const release = () => (settings.dryRun ? Promise.resolve() : store.releaseSend(sendKey, trigger, channel));
		try {
			return await afterReservation(channel, sender, to, base, release);
		} catch (error) {
			// A store error before anything went out: give the reservation back, then fail loudly.
			await release().catch(() => undefined);
			throw error;
		}
	}

	async function afterReservation(
		channel: NotifyChannel,
		sender: Channel | undefined,
		to: string,
		base: DecisionBase,
		release: () => Promise<void>,
	): Promise<NotifyDecision> {
		if (!critical && settings.dailyCap > 0 && (await countSentToday()) >= settings.dailyCap) {
			await release();
			return { ...base, status: 'suppressed', reasonCode: 'cap', reason: `The daily cap of ${settings.dailyCap} messages for this shipment is reached`, to };
		}

		const { quiet } = settings;
		if (!resumed && quiet.enabled && quiet.channels.includes(channel) && !(critical && quiet.allowCritical)) {
			const window = quietHoursDecision(settings.now, timeZone, quiet);
			if (window.quiet && window.sendAt) {
				await release();
				const sendAt = window.sendAt.toISOString();
				return { ...base, status: 'deferred', reasonCode: 'quiet_hours', reason: `Quiet hours (${quiet.start}-${quiet.end}) in ${timeZone}`, to, sendAt };
			}
		}

		let message: RenderedMessage;
		try {
			message = settings.templates.render(trigger, channelKind(channel).templateFormat, data, { smsFooter: settings.smsFooter });
		} catch (error) {
			await release();
			return { ...base, status: 'failed', reasonCode: 'template_error', reason: (error as Error).message, to };
		}
		if (settings.dryRun) return { ...base, status: 'sent', to, message };

		let providerMessageId: string;
		try {
			({ providerMessageId } = await (sender as Channel).send({ channel, to, ...message, reference: `${sendKey}:${trigger}:${channel}` }));
		} catch (error) {
			await release();
			const details = failure(error, channel);
			// The provider holds the opt-out (a customer who replied STOP): consent, not a fault.
			const optedOut = error instanceof ChannelError ? sender?.optOutReason?.(error) : undefined;
			if (optedOut) return { ...base, status: 'suppressed', reasonCode: 'opt_out', reason: optedOut, to, error: details };
			return { ...base, status: 'failed', reasonCode: 'send_failed', reason: details.message, to, message, error: details };
		}
		return { ...base, status: 'sent', to, providerMessageId, message };
	}

	const decisions: NotifyDecision[] = [];
	for (const plan of chooseChannels(input.recipient, input.onlyChannel)) {
		const base: DecisionBase = { channel: plan.channel };
		if (plan.note) base.note = plan.note;
		if (settings.dryRun) base.dryRun = true;
		const decision = plan.decided ? { ...plan.decided, ...base } : await decide(plan.channel as NotifyChannel, base);
		if (!settings.dryRun) await log(decision);
		decisions.push(decision);
	}
	return decisions;
}
