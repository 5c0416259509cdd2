import { channelKind, channelKinds } from '../channels/registry';
import type { ChannelKind } from '../channels/types';
import type { NotifyChannel, NotifyDecision, NotifyRecipient } from './types';

/** A channel to try, or a decision already made about it; `note` belongs on the decision either way. */
export type ChannelPlan =
	| { channel: NotifyChannel; note?: string; decided?: undefined }
	| { channel: NotifyChannel | 'none'; note?: string; decided: NotifyDecision };

function suppressed(
	channel: NotifyChannel | 'none',
	reasonCode: 'preference' | 'no_contact' | 'opt_out',
	reason: string,
	note?: string,
): ChannelPlan {
	return { channel, note, decided: { channel, status: 'suppressed', reasonCode, reason } };
}

/** "email address or phone number", "email address, phone number or device token". */
function orList(words: string[]): string {
	return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * Which channel kinds to use for a recipient (lib/channels/registry.ts lists them, in the order
 * they are tried). An explicit preference is honoured; one without contact data falls back to the
 * next kind that has it (said in the note), but an opt-out never falls back: a customer who chose
 * SMS and opted out of it asked not to be texted, not to be emailed instead. Without a preference
 * the first kind with contact data and consent is used.
 */
export function chooseChannels(recipient: NotifyRecipient, onlyChannel?: NotifyChannel): ChannelPlan[] {
	const kinds = channelKinds();
	const has = (kind: ChannelKind) => !!recipient[kind.contactField];
	const optedOut = (kind: ChannelKind) => recipient[kind.optOutField] === true;

	const single = (kind: ChannelKind, note?: string): ChannelPlan => {
		if (optedOut(kind)) return suppressed(kind.id, 'opt_out', `The customer opted out of ${kind.label}`, note);
		if (!has(kind)) return suppressed(kind.id, 'no_contact', `No ${kind.contactLabel} is known`, note);
		return note ? { channel: kind.id, note } : { channel: kind.id };
	};
	const noContact = () => suppressed('none', 'no_contact', `No ${orList(kinds.map((kind) => kind.contactLabel))} is known`);

	if (recipient.preference === 'none') {
		return [suppressed('none', 'preference', 'The customer chose not to receive delivery notifications')];
	}
	// A resumed send goes to the channel decided before, or nowhere.
	if (onlyChannel) return [single(channelKind(onlyChannel))];

	const preference = recipient.preference;
	const preferred = kinds.find((kind) => kind.id === preference);
	if (preferred) {
		if (has(preferred)) return [single(preferred)];
		const fallback = kinds.find((kind) => kind !== preferred && has(kind));
		if (!fallback) return [noContact()];
		return [single(fallback, `Preferred ${preferred.label}, but no ${preferred.contactLabel} is known: using ${fallback.label}`)];
	}

	const available = kinds.filter(has);
	if (available.length === 0) return [noContact()];
	if (preference === 'both') {
		const missing = kinds.filter((kind) => !has(kind));
		const note = missing.length > 0 ? `No ${orList(missing.map((kind) => kind.contactLabel))} is known: ${available.map((kind) => kind.label).join(' and ')} only` : undefined;
		return available.map((kind) => single(kind, note));
	}
	const consenting = available.find((kind) => !optedOut(kind));
	if (!consenting) return available.map((kind) => single(kind));
	const skipped = available[0] !== consenting ? `The customer opted out of ${available[0].label}: using ${consenting.label}` : undefined;
	return [single(consenting, skipped)];
}
