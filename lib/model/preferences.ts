/**
 * A customer's choice of how to hear about deliveries: a channel kind's id ('email', 'sms', ...),
 * 'both' (every kind they can be reached on) or 'none'. Which kinds exist is the channel registry's
 * to say (lib/channels/kinds.ts); the store and the model keep the word.
 */
export type Preference = string;

/** The choices that are not a channel kind. */
export const PREFERENCE_WORDS = ['both', 'none'] as const;
