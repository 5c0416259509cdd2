import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryTokenCache } from '../../../lib/carriers/oauth';
import { CarrierError, type CarrierContext, type TrackResult } from '../../../lib/carriers/types';
import { axiosHttp } from '../../../lib/http/axios';
import { ShipmentEventSchema, type ShipmentEvent } from '../../../lib/model/event';

/** What every carrier adapter test shares: its fixtures, a context, and reading a result. */
export function carrierFixture(carrier: string, name: string): Record<string, any> {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'carriers', carrier, `${name}.json`), 'utf8'));
}

export function carrierContext(credentials: Record<string, string>, now: Date, overrides: Partial<CarrierContext> = {}): CarrierContext {
	return { http: axiosHttp, credentials, tokens: new MemoryTokenCache(), now: () => now, ...overrides };
}

/** The one event of a successful result, checked against the event schema. */
export function successEvent(result: TrackResult | undefined): ShipmentEvent {
	if (!result) throw new Error('no result');
	if (!result.ok) throw new Error(`expected a success, got ${result.error.code}: ${result.error.message}`);
	expect(result.events).toHaveLength(1);
	const event = result.events[0]!;
	expect(ShipmentEventSchema.safeParse(event).success).toBe(true);
	return event;
}

/** The CarrierError of a failed result; its message must not mention `forbidden` (numbers, names). */
export function failureOf(result: TrackResult | undefined, forbidden: RegExp): CarrierError {
	if (!result || result.ok) throw new Error('expected an error');
	expect(result.error).toBeInstanceOf(CarrierError);
	expect(result.error.message).not.toMatch(forbidden);
	return result.error;
}
