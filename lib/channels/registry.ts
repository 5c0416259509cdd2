import { PREFERENCE_WORDS, type Preference } from '../model/preferences';
import { emailKind } from './kinds/email';
import { smsKind } from './kinds/sms';
import { smtpProvider } from './smtp';
import { twilioProvider } from './twilio';
import type { ChannelKind, ChannelProvider } from './types';

/**
 * The only lists of channel kinds and providers. Node options, credential pickers, preferences,
 * template parts and docs are derived from them. Adding a provider: its file and one
 * registerChannelProvider line; a kind: its file in ./kinds/ and one registerChannelKind line.
 * Order matters: without a preference, the first kind with contact data and consent is used.
 */
const KINDS = new Map<string, ChannelKind>();
const PROVIDERS = new Map<string, ChannelProvider>();

export function registerChannelKind(kind: ChannelKind): void {
	if (KINDS.has(kind.id) || (PREFERENCE_WORDS as readonly string[]).includes(kind.id)) throw new Error(`channel kind '${kind.id}' is already registered`);
	KINDS.set(kind.id, kind);
}

export function registerChannelProvider(provider: ChannelProvider): void {
	if (PROVIDERS.has(provider.id)) throw new Error(`channel provider '${provider.id}' is already registered`);
	if (!KINDS.has(provider.kind)) throw new Error(`channel provider '${provider.id}' names an unknown kind '${provider.kind}'; known: ${channelKindIds().join(', ')}`);
	PROVIDERS.set(provider.id, provider);
}

/** Test-only: takes a throwaway registration back out. */
export function unregisterChannel(id: string): void {
	PROVIDERS.delete(id);
	if (KINDS.delete(id)) for (const provider of [...PROVIDERS.values()]) if (provider.kind === id) PROVIDERS.delete(provider.id);
}

export function channelKinds(): ChannelKind[] {
	return [...KINDS.values()];
}
export function channelKindIds(): string[] {
	return [...KINDS.keys()];
}
export function isChannelKind(id: unknown): id is string {
	return typeof id === 'string' && KINDS.has(id);
}

/** The kind, or an error listing the known ones. */
export function channelKind(id: string): ChannelKind {
	const kind = KINDS.get(id);
	if (!kind) throw new Error(`unknown channel '${id}'; known: ${channelKindIds().join(', ')}`);
	return kind;
}

export function channelProviders(kind?: string): ChannelProvider[] {
	return [...PROVIDERS.values()].filter((provider) => kind === undefined || provider.kind === kind);
}

/** The provider, or an error listing the known ones of its kind. */
export function channelProvider(id: string): ChannelProvider {
	const provider = PROVIDERS.get(id);
	if (!provider) throw new Error(`unknown channel provider '${id}'; known: ${[...PROVIDERS.keys()].join(', ')}`);
	return provider;
}

/** Every preference a customer may hold: each kind, then 'both' and 'none'. */
export function preferenceChoices(): string[] {
	return [...channelKindIds(), ...PREFERENCE_WORDS];
}
export function isPreference(value: unknown): value is Preference {
	return typeof value === 'string' && (KINDS.has(value) || (PREFERENCE_WORDS as readonly string[]).includes(value));
}

registerChannelKind(emailKind);
registerChannelKind(smsKind);

registerChannelProvider(smtpProvider);
registerChannelProvider(twilioProvider);
