import type { NotifyChannel, NotifyDecision, NotifyRecipient } from './types';

/** A channel to try, or a decision already made about it; `note` belongs on the decision either way. */
export type ChannelPlan =
	| { channel: NotifyChannel; note?: string; decided?: undefined }
	| { channel: NotifyChannel | 'none'; note?: string; decided: NotifyDecision };

const LABEL: Record<NotifyChannel, string> = { email: 'email', sms: 'SMS' };
const CONTACT: Record<NotifyChannel, string> = { email: 'email address', sms: 'phone number' };

function other(channel: NotifyChannel): NotifyChannel {
	return channel === 'email' ? 'sms' : 'email';
}

function suppressed(
	channel: NotifyChannel | 'none',
	reasonCode: 'preference' | 'no_contact' | 'opt_out',
	reason: string,
	note?: string,
): ChannelPlan {
	return { channel, note, decided: { channel, status: 'suppressed', reasonCode, reason } };
}

/**
 * Which channels to use for a recipient. An explicit preference is honoured; one without contact
 * data falls back to the other channel (said in the note), but an opt-out never falls back: a
 * customer who chose SMS and opted out of it asked not to be texted, not to be emailed instead.
 * Without a preference the first channel with contact data and consent is used.
 */
export function chooseChannels(recipient: NotifyRecipient, onlyChannel?: NotifyChannel): ChannelPlan[] {
	const has: Record<NotifyChannel, boolean> = { email: !!recipient.email, sms: !!recipient.phone };
	const optedOut: Record<NotifyChannel, boolean> = { email: !!recipient.emailOptOut, sms: !!recipient.smsOptOut };

	const single = (channel: NotifyChannel, note?: string): ChannelPlan => {
		if (optedOut[channel]) return suppressed(channel, 'opt_out', `The customer opted out of ${LABEL[channel]}`, note);
		if (!has[channel]) return suppressed(channel, 'no_contact', `No ${CONTACT[channel]} is known`, note);
		return note ? { channel, note } : { channel };
	};
	const noContact = () => suppressed('none', 'no_contact', 'No email address or phone number is known');

	if (recipient.preference === 'none') {
		return [suppressed('none', 'preference', 'The customer chose not to receive delivery notifications')];
	}
	// A resumed send goes to the channel decided before, or nowhere.
	if (onlyChannel) return [single(onlyChannel)];

	const preference = recipient.preference;
	if (preference === 'email' || preference === 'sms') {
		if (has[preference]) return [single(preference)];
		const fallback = other(preference);
		if (!has[fallback]) return [noContact()];
		return [single(fallback, `Preferred ${LABEL[preference]}, but no ${CONTACT[preference]} is known: using ${LABEL[fallback]}`)];
	}

	const available = (['email', 'sms'] as const).filter((channel) => has[channel]);
	if (available.length === 0) return [noContact()];
	if (preference === 'both') {
		const note = available.length === 1 ? `No ${CONTACT[other(available[0])]} is known: ${LABEL[available[0]]} only` : undefined;
		return available.map((channel) => single(channel, note));
	}
	const consenting = available.find((channel) => !optedOut[channel]);
	if (!consenting) return available.map((channel) => single(channel));
	const skipped = available[0] !== consenting ? `The customer opted out of ${LABEL[available[0]]}: using ${LABEL[consenting]}` : undefined;
	return [single(consenting, skipped)];
}
