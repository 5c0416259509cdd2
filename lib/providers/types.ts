import type { ShipmentEvent } from '../model/event';

// PayloadError moved to lib/model/errors.ts (adapters of every area throw it).

export type Headers = Record<string, string | string[] | undefined>;

/** The secret(s) a provider signs webhook deliveries with. */
export interface WebhookSecrets {
	webhookSecret: string;
}

/**
 * A tracking provider that pushes webhooks (an aggregator, or a carrier with push). One file per
 * provider implements this and registers itself in ./registry.ts.
 */
export interface WebhookProvider {
	/** Registry key, lower case: 'aftership', 'easypost'. */
	id: string;
	displayName: string;
	/** The n8n credential type holding the signing secret. */
	credentialType: string;
	/** The credential field the deliveries are signed with. */
	secretField: 'webhookSecret' | 'apiKey';
	/** Header names (lower case) that carry the signature, for docs and errors. */
	signatureHeaders: string[];
	/**
	 * Checks the delivery's signature on the raw body, before anything parses it.
	 * Must use a constant-time comparison. Returns false for a missing or wrong signature.
	 */
	verify(rawBody: Buffer, headers: Headers, secrets: WebhookSecrets): boolean;
	/**
	 * For providers that authenticate through the webhook URL (Shippo's `?token=`): the headers
	 * `verify` should see, with the query's credentials added.
	 */
	authHeaders?(headers: Headers, query: Record<string, unknown>): Headers;
	/**
	 * Turns a parsed payload into events. Throws PayloadError naming what is wrong for a body that
	 * is not this provider's shape; returns [] for a valid notification that carries no shipment
	 * change (e.g. a test ping).
	 */
	normalize(payload: unknown): ShipmentEvent[];
}
