import { CarrierError } from '../../../lib/carriers/types';
import { getAggregator, listAggregators } from '../../../lib/aggregators/registry';
import { startServer, type Reply } from './server';

/** Each client's own error body, so the provider code is read from where that API puts it. */
const ERROR_BODIES: Record<string, (status: number) => { body: unknown; code?: string }> = {
	aftership: (status) => ({ body: { meta: { code: status * 10 + 3, message: 'x', type: 'x' }, data: {} }, code: String(status * 10 + 3) }),
	easypost: () => ({ body: { error: { code: 'SOME.CODE', message: 'x', errors: [] } }, code: 'SOME.CODE' }),
	shippo: () => ({ body: { detail: 'x' }, code: undefined }),
	seventeentrack: () => ({ body: { code: -18010002, data: { errors: [{ code: -18010002, message: 'x' }] } }, code: '-18010002' }),
};

const REF = { providerTrackingId: 'usps/9400100000000000000009' };

describe.each(listAggregators().map((client) => [client.id]))('%s errors', (id) => {
	const client = getAggregator(id);

	async function failWith(reply: Reply): Promise<CarrierError> {
		const server = await startServer(() => reply);
		try {
			await client.getTracking(REF, server.ctx());
		} catch (error) {
			expect(error).toBeInstanceOf(CarrierError);
			expect((error as CarrierError).carrier).toBe(id);
			expect((error as CarrierError).message).not.toContain('9400100000000000000009');
			return error as CarrierError;
		} finally {
			await server.close();
		}
		throw new Error('expected a CarrierError');
	}

	it.each([
		[401, 'auth'],
		[403, 'auth'],
		[404, 'not_found'],
		[422, 'invalid_request'],
		[500, 'server'],
		[503, 'server'],
	])('HTTP %s is %s with the provider code', async (status, code) => {
		const { body, code: providerCode } = ERROR_BODIES[id]!(status);
		const error = await failWith({ status, body });
		expect(error.code).toBe(code);
		expect(error.details).toMatchObject({ httpStatus: status, providerCode });
	});

	it('429 is rate_limited with the Retry-After delay', async () => {
		const error = await failWith({ status: 429, body: ERROR_BODIES[id]!(429).body, headers: { 'Retry-After': '7' } });
		expect([error.code, error.details.retryAfterMs, error.retryable]).toEqual(['rate_limited', 7000, true]);
	});

	it('a 2xx that is not JSON is malformed', async () => {
		expect((await failWith({ status: 200, raw: '{"data": {"unterminated' })).code).toBe('malformed');
	});

	it('no answer at all is a timeout', async () => {
		const server = await startServer(() => ({}));
		const ctx = server.ctx();
		await server.close();
		await expect(client.getTracking(REF, ctx)).rejects.toMatchObject({ code: 'timeout', carrier: id });
	});

	it('an empty API key fails before any request', async () => {
		const server = await startServer(() => ({ status: 200, body: {} }));
		await expect(client.getTracking(REF, server.ctx(''))).rejects.toMatchObject({ code: 'auth' });
		expect(server.requests).toHaveLength(0);
		await server.close();
	});
});

describe('aggregator registry', () => {
	it('lists every aggregator with its credential', () => {
		expect(listAggregators().map((c) => [c.id, c.credentialType, c.canStop])).toEqual([
			['aftership', 'afterShipApi', true],
			['easypost', 'easyPostApi', false],
			['shippo', 'shippoApi', false],
			['seventeentrack', 'seventeenTrackApi', true],
		]);
	});

	it('finds one whatever the case, and names the known ones otherwise', () => {
		expect(getAggregator('EasyPost').id).toBe('easypost');
		expect(() => getAggregator('ship24')).toThrow('Unknown aggregator "ship24": use one of aftership, easypost, shippo, seventeentrack.');
	});
});
