import { aftershipClient } from './aftership';
import { easypostClient } from './easypost';
import { seventeenTrackClient } from './seventeentrack';
import { shippoClient } from './shippo';
import type { AggregatorClient } from './types';

/** Every aggregator client by id. Adding one is its file plus one line here. */
const AGGREGATORS: Record<string, AggregatorClient> = {
	[aftershipClient.id]: aftershipClient,
	[easypostClient.id]: easypostClient,
	[shippoClient.id]: shippoClient,
	[seventeenTrackClient.id]: seventeenTrackClient,
};

export function getAggregator(id: string): AggregatorClient {
	const client = hasAggregator(id) ? AGGREGATORS[id.trim().toLowerCase()] : undefined;
	if (!client) throw new Error(`Unknown aggregator "${id}": use one of ${Object.keys(AGGREGATORS).join(', ')}.`);
	return client;
}

export function hasAggregator(id: string): boolean {
	// Own keys only: `in` would also find "constructor" or "toString" on the object's prototype.
	return Object.hasOwn(AGGREGATORS, id.trim().toLowerCase());
}

export function listAggregators(): AggregatorClient[] {
	return Object.values(AGGREGATORS);
}
