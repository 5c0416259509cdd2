import { backoffDelay, isRetryableStatus, parseRetryAfter, sendWithRetry } from '../../../lib/http/retry';
import type { HttpResponse } from '../../../lib/http';

const now = new Date('2025-03-04T10:00:00Z');

function scripted(responses: HttpResponse[]) {
	const sent: number[] = [];
	const send = async (attempt: number) => {
		sent.push(attempt);
		return responses[Math.min(attempt, responses.length) - 1];
	};
	return { send, sent };
}

const answer = (status: number, headers: HttpResponse['headers'] = {}): HttpResponse => ({ status, headers, body: {} });

describe('parseRetryAfter', () => {
	it('reads delta-seconds', () => {
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
	});

	it('reads an HTTP date as the time left until it', () => {
		expect(parseRetryAfter('Tue, 04 Mar 2025 10:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Tue, 04 Mar 2025 09:59:00 GMT', now)).toBe(0);
	});

	it('ignores an absent or unreadable value', () => {
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('  ', now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});
});

describe('sendWithRetry', () => {
	it('retries only 429 and 5xx', () => {
		expect([200, 201, 400, 401, 404, 429, 500, 503].map(isRetryableStatus)).toEqual([false, false, false, false, false, true, true, true]);
	});

	it('returns the first answer that is not worth retrying', async () => {
		const waits: number[] = [];
		const { send, sent } = scripted([answer(503), answer(400), answer(201)]);
		const { response, attempts } = await sendWithRetry(send, { sleep: async (ms) => void waits.push(ms), baseDelayMs: 100 });
		expect(response.status).toBe(400);
		expect(attempts).toBe(2);
		expect(sent).toEqual([1, 2]);
		expect(waits).toEqual([100]);
	});

	it('prefers Retry-After (any header case) over backoff, capped at maxDelayMs', async () => {
		const waits: number[] = [];
		const { send } = scripted([answer(429, { 'Retry-After': '2' }), answer(429, { 'retry-after': '600' }), answer(429), answer(200)]);
		const { response, attempts } = await sendWithRetry(send, {
			maxAttempts: 5,
			baseDelayMs: 100,
			maxDelayMs: 10_000,
			sleep: async (ms) => void waits.push(ms),
			now: () => now,
		});
		expect(response.status).toBe(200);
		expect(attempts).toBe(4);
		expect(waits).toEqual([2000, 10_000, 400]);
	});

	it('hands back the last retryable answer when attempts run out, without a final wait', async () => {
		const waits: number[] = [];
		const { send, sent } = scripted([answer(502)]);
		const { response, attempts } = await sendWithRetry(send, { maxAttempts: 3, baseDelayMs: 50, sleep: async (ms) => void waits.push(ms) });
		expect(response.status).toBe(502);
		expect(attempts).toBe(3);
		expect(sent).toEqual([1, 2, 3]);
		expect(waits).toEqual([50, 100]);
	});

	it('caps exponential backoff', () => {
		expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
	});
});
