import type { ShipmentEvent } from './model/event';
import { getProvider } from './providers/registry';
import type { Headers, WebhookSecrets } from './providers/types';

/**
 * The library's entry point: a provider's parsed webhook body as provider-neutral events.
 * Throws PayloadError for a body that is not the provider's shape, and an Error for an unknown provider.
 */
export function normalize(provider: string, payload: unknown): ShipmentEvent[] {
	return getProvider(provider).normalize(payload);
}

/** Checks a delivery's signature on the raw body, before anything parses it. */
export function verifyWebhook(
	provider: string,
	rawBody: Buffer | string,
	headers: Headers,
	secrets: WebhookSecrets,
): boolean {
	const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
	return getProvider(provider).verify(body, headers, secrets);
}
