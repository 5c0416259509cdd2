import { createSmtpChannel, type SmtpChannelOptions } from './smtp';
import { createTwilioChannel, type TwilioChannelOptions } from './twilio';
import type { Channel } from './types';

/** What the rest of the package needs to know about a channel without sending anything. */
export interface ChannelDescription {
	/** The key used in preferences, send logs and OutgoingMessage.channel: 'email', 'sms'. */
	id: string;
	displayName: string;
	/** Which of the customer's addresses a message on this channel goes to. */
	addressKind: 'email' | 'phone';
}

export interface ChannelFactory<Options = never> extends ChannelDescription {
	create(options: Options): Channel;
}

/** Every known channel by id. Adding one: its file, and one registerChannel line below. */
export const CHANNEL_FACTORIES = new Map<string, ChannelFactory<never>>();

export function registerChannel<Options>(factory: ChannelFactory<Options>): void {
	if (CHANNEL_FACTORIES.has(factory.id)) throw new Error(`channel '${factory.id}' is already registered`);
	CHANNEL_FACTORIES.set(factory.id, factory as ChannelFactory<never>);
}

/** The description of a channel id, or an error listing the known ones. */
export function channelDescription(id: string): ChannelDescription {
	const factory = CHANNEL_FACTORIES.get(id);
	if (!factory) throw new Error(`unknown channel '${id}'; known: ${[...CHANNEL_FACTORIES.keys()].join(', ')}`);
	return { id: factory.id, displayName: factory.displayName, addressKind: factory.addressKind };
}

registerChannel<SmtpChannelOptions>({ id: 'email', displayName: 'Email (SMTP)', addressKind: 'email', create: createSmtpChannel });
registerChannel<TwilioChannelOptions>({ id: 'sms', displayName: 'SMS (Twilio)', addressKind: 'phone', create: createTwilioChannel });
