import type { ZodTypeAny, infer as ZodInfer } from 'zod';
import { backoffDelay, parseRetryAfter } from '../http/retry';
import type { HttpRequest, HttpResponse } from '../http';
import { toPayloadError } from '../model/build';
import { OrderSourceError, type OrderSourceContext } from './types';

const DEFAULT_ATTEMPTS = 4;
/** A wait longer than this is not slept through: the caller gets rate_limited with retryAfterMs. */
const MAX_WAIT_MS = 30_000;

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const enc = encodeURIComponent;

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Trimmed text, or undefined for null, blanks and non-strings. */
export function clean(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** A credential field, or an 'auth' error before any request is made. */
export function requireCredential(source: string, ctx: OrderSourceContext, field: string): string {
	const value = clean(ctx.credentials[field]);
	if (!value) throw new OrderSourceError(source, 'auth', `${source}: the credential has no ${field}`);
	return value;
}

export function header(res: HttpResponse, name: string): string | undefined {
	const found = Object.keys(res.headers).find((key) => key.toLowerCase() === name);
	const value = found === undefined ? undefined : res.headers[found];
	return Array.isArray(value) ? value[0] : value;
}

async function sendOnce(source: string, ctx: OrderSourceContext, req: HttpRequest): Promise<HttpResponse> {
	try {
		return await ctx.http({ timeoutMs: 20_000, ...req });
	} catch {
		throw new OrderSourceError(source, 'timeout', `${source}: no answer from ${new URL(req.url).host} (timeout or connection failure)`);
	}
}

/**
 * Sends, and sends again while the source says to wait: HTTP 429 (Retry-After, else exponential
 * backoff) or whatever `throttledFor` reads from a 2xx (Shopify's THROTTLED). Bounded by
 * ctx.maxAttempts; returns the last answer, which the caller maps (a final 429 is rate_limited).
 * Only reads go through here, so repeating them is safe.
 */
export async function sendThrottled(
	source: string,
	ctx: OrderSourceContext,
	req: HttpRequest,
	throttledFor?: (res: HttpResponse) => number | undefined,
): Promise<HttpResponse> {
	const attempts = Math.max(1, ctx.maxAttempts ?? DEFAULT_ATTEMPTS);
	const sleep = ctx.sleep ?? timerSleep;
	for (let attempt = 1; ; attempt++) {
		const res = await sendOnce(source, ctx, req);
		const wait = retryWait(res, attempt, ctx, throttledFor);
		if (wait === undefined || attempt >= attempts || wait > MAX_WAIT_MS) return res;
		await sleep(wait);
	}
}

function retryWait(
	res: HttpResponse,
	attempt: number,
	ctx: OrderSourceContext,
	throttledFor?: (res: HttpResponse) => number | undefined,
): number | undefined {
	if (res.status === 429) return parseRetryAfter(header(res, 'retry-after'), ctx.now?.()) ?? backoffDelay(attempt, 1000, MAX_WAIT_MS);
	if (res.status >= 200 && res.status < 300) return throttledFor?.(res);
	return undefined;
}

/** The error for a non-2xx answer; `providerCode` is the source's own code when its body had one. */
export function failure(source: string, ctx: OrderSourceContext, res: HttpResponse, providerCode?: string): OrderSourceError {
	const details = { httpStatus: res.status, providerCode };
	const code = providerCode ? ` (${providerCode})` : '';
	if (res.status === 401 || res.status === 403) {
		return new OrderSourceError(source, 'auth', `${source}: credentials refused (HTTP ${res.status})${code}; check the credential and its permissions`, details);
	}
	if (res.status === 404) return new OrderSourceError(source, 'not_found', `${source}: endpoint not found (HTTP 404)${code}; check the shop or site URL`, details);
	if (res.status === 429) {
		const retryAfterMs = parseRetryAfter(header(res, 'retry-after'), ctx.now?.());
		return new OrderSourceError(source, 'rate_limited', `${source}: rate limit reached (HTTP 429)${code}`, { ...details, retryAfterMs });
	}
	if (res.status >= 500) return new OrderSourceError(source, 'server', `${source}: server error (HTTP ${res.status})${code}`, details);
	return new OrderSourceError(source, 'invalid_request', `${source}: request refused (HTTP ${res.status})${code}`, details);
}

/** A 2xx answer that is not the documented shape; names the field, never a value. */
export function malformed(source: string, res: HttpResponse, field: string, what: string): OrderSourceError {
	return new OrderSourceError(source, 'malformed', `${source}: unexpected response: ${field}: ${what}`, { httpStatus: res.status, field });
}

/** Parses a response part with the source's schema; a mismatch is 'malformed' naming the field under `prefix`. */
export function parseAs<S extends ZodTypeAny>(source: string, res: HttpResponse, schema: S, value: unknown, prefix: Array<string | number>): ZodInfer<S> {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const error = toPayloadError(source, parsed.error, prefix);
	throw malformed(source, res, error.field, error.message.slice(`${source} payload: ${error.field}: `.length));
}

/** Refuses a reference with none of the fields the source can look up. */
export function missingRef(source: string, needs: string): OrderSourceError {
	return new OrderSourceError(source, 'invalid_request', `${source}: ${needs} is required`);
}

/** ISO date (UTC) `days` before now, for "recently updated" search windows. */
export function daysAgo(ctx: OrderSourceContext, days: number): string {
	const now = ctx.now?.() ?? new Date();
	return new Date(now.getTime() - days * 86_400_000).toISOString();
}
