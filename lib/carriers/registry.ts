import { dhlAdapter } from './dhl';
import { fedexAdapter } from './fedex';
import type { CarrierAdapter } from './types';
import { upsAdapter } from './ups';
import { uspsAdapter } from './usps';

/** Every direct carrier API by id. Adding a carrier is its adapter file plus one line here. */
const CARRIERS: Record<string, CarrierAdapter> = {
	[upsAdapter.id]: upsAdapter,
	[fedexAdapter.id]: fedexAdapter,
	[uspsAdapter.id]: uspsAdapter,
	[dhlAdapter.id]: dhlAdapter,
};

export function getCarrier(id: string): CarrierAdapter {
	const adapter = hasCarrier(id) ? CARRIERS[id.trim().toLowerCase()] : undefined;
	if (!adapter) throw new Error(`No carrier API for "${id}": use one of ${Object.keys(CARRIERS).join(', ')}, or an aggregator.`);
	return adapter;
}

export function hasCarrier(id: string): boolean {
	// Own keys only: `in` would also find "constructor" or "toString" on the object's prototype.
	return Object.hasOwn(CARRIERS, id.trim().toLowerCase());
}

export function listCarriers(): CarrierAdapter[] {
	return Object.values(CARRIERS);
}
