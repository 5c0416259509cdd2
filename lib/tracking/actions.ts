import { getAggregator, hasAggregator } from '../aggregators/registry';
import type { AggregatorContext, AggregatorCustomer } from '../aggregators/types';
import { getCarrier } from '../carriers/registry';
import type { CarrierContext } from '../carriers/types';
import type { ShipmentEvent } from '../model/event';
import { shipmentKey, type Store, type WatchedShipment } from '../store/types';
import { pickCarrier } from './pickCarrier';

export type TrackingAction = 'track' | 'watch' | 'unwatch';

export interface TrackingActionInput {
	action: TrackingAction;
	trackingNumber: string;
	/** 'auto' (detect from the number), a carrier id ('ups'...) or an aggregator id ('aftership'...). */
	source: string;
	/** The aggregator's own carrier code, when the source is an aggregator. */
	aggregatorCarrier?: string;
	providerTrackingId?: string;
	/** Order and customer context kept with a watched shipment. */
	metadata?: Record<string, unknown>;
}

/** Where the action gets its connections: the node supplies n8n-backed ones, a script its own. */
export interface TrackingDeps {
	carrier(id: string): Promise<CarrierContext>;
	aggregator(id: string): Promise<AggregatorContext>;
	store(): Store;
}

export type TrackingActionResult =
	| { action: 'track'; via: string; event: ShipmentEvent }
	| { action: 'watch'; via: 'poll'; watched: WatchedShipment }
	| { action: 'watch'; via: string; providerTrackingId: string; event?: ShipmentEvent }
	| { action: 'unwatch'; via: string; stopped: boolean };

/**
 * Track now, start or stop watching one shipment: through the carrier's own API (watching means
 * the poll trigger's watch list) or through an aggregator (watching means a tracking there, whose
 * webhooks reach the Shipment Tracking Trigger).
 */
export async function runTrackingAction(input: TrackingActionInput, deps: TrackingDeps): Promise<TrackingActionResult> {
	if (hasAggregator(input.source)) return viaAggregator(input, deps);
	const carrier = input.source === 'auto' ? pickCarrier(input.trackingNumber).carrier : getCarrier(input.source).id;
	switch (input.action) {
		case 'track': {
			const [result] = await getCarrier(carrier).track([input.trackingNumber], await deps.carrier(carrier));
			if (!result.ok) throw result.error;
			return { action: 'track', via: carrier, event: result.events[result.events.length - 1] };
		}
		case 'watch':
			return { action: 'watch', via: 'poll', watched: await deps.store().watchlist.watch({ trackingNumber: input.trackingNumber, carrier, metadata: input.metadata }) };
		case 'unwatch':
			return { action: 'unwatch', via: 'poll', stopped: await deps.store().watchlist.unwatch(shipmentKey(input.trackingNumber, carrier)) };
	}
}

async function viaAggregator(input: TrackingActionInput, deps: TrackingDeps): Promise<TrackingActionResult> {
	const client = getAggregator(input.source);
	const ctx = await deps.aggregator(client.id);
	const ref = { trackingNumber: input.trackingNumber, carrier: input.aggregatorCarrier, providerTrackingId: input.providerTrackingId };
	switch (input.action) {
		case 'track':
			return { action: 'track', via: client.id, event: await client.getTracking(ref, ctx) };
		case 'watch': {
			const order = input.metadata?.order as { number?: unknown } | undefined;
			const started = await client.startTracking(
				{
					trackingNumber: input.trackingNumber,
					carrier: input.aggregatorCarrier,
					orderNumber: typeof order?.number === 'string' || typeof order?.number === 'number' ? String(order.number) : undefined,
					customer: input.metadata?.customer as AggregatorCustomer | undefined,
				},
				ctx,
			);
			return { action: 'watch', via: client.id, ...started };
		}
		case 'unwatch':
			await client.stopTracking(ref, ctx);
			return { action: 'unwatch', via: client.id, stopped: client.canStop };
	}
}
