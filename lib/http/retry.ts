import type { HttpResponse } from '.';

export interface RetryOptions {
	/** Total attempts, the first included. */
	maxAttempts?: number;
	/** Wait before the second attempt when the server gives no Retry-After; doubles each time. */
	baseDelayMs?: number;
	/** No single wait is longer than this, whatever Retry-After asks. */
	maxDelayMs?: number;
	/** Injected by tests; a plain timer otherwise. */
	sleep?: (ms: number) => Promise<void>;
	now?: () => Date;
}

export interface RetriedResponse {
	response: HttpResponse;
	attempts: number;
}

const DEFAULTS = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 429 (rate limited) and 5xx (server trouble) are worth another try; other statuses are answers. */
export function isRetryableStatus(status: number): boolean {
	return status === 429 || status >= 500;
}

/** Retry-After as milliseconds to wait: delta-seconds or an HTTP date; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: Date = new Date()): number | undefined {
	const raw = (Array.isArray(value) ? value[0] : value)?.trim();
	if (!raw) return undefined;
	if (/^\d+$/.test(raw)) return Number(raw) * 1000;
	const at = Date.parse(raw);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - now.getTime());
}

function header(headers: HttpResponse['headers'], name: string): string | string[] | undefined {
	const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
	return found === undefined ? undefined : headers[found];
}

/** Exponential backoff for the wait after attempt `attempt` (1-based), capped. */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
	return Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

/**
 * Sends until the answer is not a 429/5xx or the attempts run out, waiting what the server's
 * Retry-After asks (else exponential backoff) in between, never more than maxDelayMs. Returns the
 * last response either way: what a final 429 or 500 means is the caller's call. Errors thrown by
 * `send` (no response at all) are not retried here, because a request that may have arrived is
 * not always safe to repeat.
 */
export async function sendWithRetry(
	send: (attempt: number) => Promise<HttpResponse>,
	options: RetryOptions = {},
): Promise<RetriedResponse> {
	const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULTS.maxAttempts);
	const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
	const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
	const sleep = options.sleep ?? timerSleep;
	const now = options.now ?? (() => new Date());

	for (let attempt = 1; ; attempt++) {
		const response = await send(attempt);
		if (!isRetryableStatus(response.status) || attempt >= maxAttempts) return { response, attempts: attempt };
		const retryAfter = parseRetryAfter(header(response.headers, 'retry-after'), now());
		await sleep(Math.min(maxDelayMs, retryAfter ?? backoffDelay(attempt, baseDelayMs, maxDelayMs)));
	}
}
