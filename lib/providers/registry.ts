import { aftership } from './aftership';
import { easypost } from './easypost';
import { seventeentrack } from './seventeentrack';
import { shippo } from './shippo';
import type { WebhookProvider } from './types';

/** Every webhook provider by id. Adding one is its file plus one line here. */
const PROVIDERS: Record<string, WebhookProvider> = {
	[aftership.id]: aftership,
	[easypost.id]: easypost,
	[shippo.id]: shippo,
	[seventeentrack.id]: seventeentrack,
};

export function getProvider(id: string): WebhookProvider {
	const provider = PROVIDERS[id.trim().toLowerCase()];
	if (!provider) {
		throw new Error(`Unknown tracking provider "${id}": use one of ${Object.keys(PROVIDERS).join(', ')}.`);
	}
	return provider;
}

export function listProviders(): WebhookProvider[] {
	return Object.values(PROVIDERS);
}
