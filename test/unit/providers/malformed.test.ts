import { normalize } from '../../../lib/normalize';
import { PayloadError } from '../../../lib/model/errors';
import { fixture } from './load-fixture';

/** Every customer value in the fixtures, none of which may appear in an error message. */
const PII = ['Ada Example', 'ada@example.com', '+13125550142', '1Z999AA10123456784', '9400100000000000000000', 'Oak Park', 'DAVIS'];

function payloadError(provider: string, payload: unknown): PayloadError {
	try {
		normalize(provider, payload);
	} catch (error) {
		expect(error).toBeInstanceOf(PayloadError);
		const message = (error as PayloadError).message;
		for (const value of PII) expect(message).not.toContain(value);
		return error as PayloadError;
	}
	throw new Error('expected a PayloadError');
}

describe('malformed AfterShip payloads', () => {
	it.each<[string, (p: Record<string, any>) => void, string, RegExp]>([
		['no tracking number', (p) => delete p.msg.tracking_number, 'msg.tracking_number', /required/],
		['an empty tracking number', (p) => (p.msg.tracking_number = ''), 'msg.tracking_number', /must not be empty/],
		['a numeric tracking number', (p) => (p.msg.tracking_number = 12345), 'msg.tracking_number', /expected string, got number/],
		['no tag', (p) => delete p.msg.tag, 'msg.tag', /required/],
		['checkpoints not a list', (p) => (p.msg.checkpoints = { time: 'x' }), 'msg.checkpoints', /expected array/],
		// Only the latest checkpoint (the 6th in this fixture) is read and checked: older ones are history nobody uses.
		['a latest checkpoint time of the wrong type', (p) => (p.msg.checkpoints[p.msg.checkpoints.length - 1].checkpoint_time = 17), 'msg.checkpoints[5].checkpoint_time', /expected string/],
		['customers with a numeric email', (p) => (p.msg.customers[0].email = 42), 'msg.customers[0].email', /expected string/],
		['no msg', (p) => delete p.msg, 'msg', /required/],
		['no event', (p) => delete p.event, 'event', /required/],
		['a string ts', (p) => (p.ts = '1741378000'), 'ts', /expected number/],
	])('%s names %s', (_label, mutate, field, message) => {
		const payload = fixture('aftership', 'delivered');
		mutate(payload);
		const error = payloadError('aftership', payload);
		expect(error.provider).toBe('aftership');
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
		expect(error.message.startsWith(`aftership payload: ${field}: `)).toBe(true);
	});

	it('names the body when it is not an object', () => {
		expect(payloadError('aftership', 'not json').field).toBe('body');
		expect(payloadError('aftership', null).field).toBe('body');
	});

	it('requires a time when there is no checkpoint time and no ts', () => {
		const payload = fixture('aftership', 'delivered');
		payload.msg.checkpoints = [];
		delete payload.ts;
		delete payload.msg.updated_at;
		expect(payloadError('aftership', payload).field).toBe('ts');
	});

	it('does not quote a wrong value that looks like customer data', () => {
		const payload = fixture('aftership', 'delivered');
		payload.msg.tag = { name: 'Ada Example', email: 'ada@example.com' };
		expect(payloadError('aftership', payload).field).toBe('msg.tag');
	});
});

describe('malformed EasyPost payloads', () => {
	it.each<[string, (p: Record<string, any>) => void, string, RegExp]>([
		['not an Event', (p) => (p.object = 'Tracker'), 'object', /expected "Event"/],
		['no description', (p) => delete p.description, 'description', /required/],
		['no result', (p) => delete p.result, 'result', /required/],
		['no tracking code', (p) => delete p.result.tracking_code, 'result.tracking_code', /required/],
		['no status', (p) => delete p.result.status, 'result.status', /required/],
		['a result of another object', (p) => (p.result.object = 'Shipment'), 'result.object', /expected "Tracker"/],
		['tracking details not a list', (p) => (p.result.tracking_details = 'none'), 'result.tracking_details', /expected array/],
		['a numeric scan message', (p) => (p.result.tracking_details[0].message = 7), 'result.tracking_details[0].message', /expected string/],
	])('%s names %s', (_label, mutate, field, message) => {
		const payload = fixture('easypost', 'delivered');
		mutate(payload);
		const error = payloadError('easypost', payload);
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
	});

	it('requires a time when there is no scan and no update time', () => {
		const payload = fixture('easypost', 'created');
		payload.result.tracking_details = [];
		delete payload.result.updated_at;
		delete payload.created_at;
		expect(payloadError('easypost', payload).field).toBe('result.updated_at');
	});
});
