import { ShipmentEventSchema } from '../../../lib/model/event';
import { normalize } from '../../../lib/normalize';
import { contentKey } from '../../../lib/model/build';
import { getProvider, listProviders } from '../../../lib/providers/registry';
import { aftershipCorpus } from '../../fixtures/corpus';
import { fixture } from './load-fixture';

describe('provider registry', () => {
	it('lists every provider with its signature header', () => {
		expect(listProviders().map((p) => [p.id, p.signatureHeaders])).toEqual([
			['aftership', ['aftership-hmac-sha256']],
			['easypost', ['x-hmac-signature']],
			['shippo', ['shippo-auth-signature', 'x-shippo-webhook-token']],
			['seventeentrack', ['sign']],
		]);
	});

	it('finds a provider whatever the case of its id', () => {
		expect(getProvider('EasyPost').id).toBe('easypost');
	});

	it('names the known providers when asked for an unknown one', () => {
		expect(() => getProvider('ship24')).toThrow('Unknown tracking provider "ship24": use one of aftership, easypost, shippo, seventeentrack.');
	});
});

describe('normalize', () => {
	it('dispatches to the named provider', () => {
		expect(normalize('aftership', fixture('aftership', 'shipped'))[0]?.provider).toBe('aftership');
		expect(normalize('easypost', fixture('easypost', 'created'))[0]?.provider).toBe('easypost');
	});
});

describe('AfterShip corpus', () => {
	it('is the same for the same seed and different for another', () => {
		expect(aftershipCorpus(20, 7)).toEqual(aftershipCorpus(20, 7));
		expect(aftershipCorpus(20, 7)).not.toEqual(aftershipCorpus(20, 8));
		expect(aftershipCorpus(5)).toHaveLength(5);
	});

	it('normalises every generated payload to one valid event with a unique id', () => {
		const payloads = aftershipCorpus(500, 42);
		const ids = new Set<string>();
		for (const payload of payloads) {
			const events = normalize('aftership', payload);
			expect(events).toHaveLength(1);
			const event = events[0]!;
			const parsed = ShipmentEventSchema.safeParse(event);
			if (!parsed.success) throw new Error(`${event.providerSubStatus}: ${parsed.error.message}`);
			ids.add(event.id);
			expect(contentKey(event)).toBe(contentKey(normalize('aftership', payload)[0]!));
		}
		expect(ids.size).toBe(payloads.length);
	});

	it('varies statuses, carriers and revisions', () => {
		const events = aftershipCorpus(500, 3).flatMap((payload) => normalize('aftership', payload));
		expect(new Set(events.map((e) => e.status)).size).toBeGreaterThanOrEqual(8);
		expect(new Set(events.map((e) => e.carrier)).size).toBeGreaterThanOrEqual(6);
		expect(events.some((e) => e.estimateRevision)).toBe(true);
		expect(events.some((e) => e.customer === undefined)).toBe(true);
	});
});
