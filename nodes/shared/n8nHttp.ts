import type { IExecuteFunctions, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';
import type { HttpFn, HttpRequest, HttpResponse } from '../../lib/http';

type Context = IExecuteFunctions | IPollFunctions;

/**
 * The library's HttpFn on top of n8n's request helpers, so n8n's proxy and TLS settings apply.
 * Status codes are returned, never thrown: adapters decide what a 429 or a 4xx means.
 */
function toN8nRequest(req: HttpRequest): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: req.method,
		url: req.url,
		headers: { ...(req.headers ?? {}) },
		qs: req.qs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: req.timeoutMs,
	};
	if (req.json !== undefined) {
		options.body = req.json as IHttpRequestOptions['body'];
		options.json = true;
	} else if (req.form !== undefined) {
		options.body = new URLSearchParams(req.form).toString();
		options.headers = { ...options.headers, 'content-type': 'application/x-www-form-urlencoded' };
	}
	return options;
}

function fromN8nResponse(res: unknown): HttpResponse {
	const full = res as { statusCode: number; headers?: HttpResponse['headers']; body: unknown };
	return { status: full.statusCode, headers: full.headers ?? {}, body: parseMaybeJson(full.body) };
}

/** Requests authenticated by the node's credential (its `authenticate` block). */
export function n8nHttp(ctx: Context, credentialType: string): HttpFn {
	return async (req) => fromN8nResponse(await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, toN8nRequest(req)));
}

/** Requests the adapter authenticates itself (OAuth bearer tokens it fetches and caches). */
export function n8nPlainHttp(ctx: Context): HttpFn {
	return async (req) => fromN8nResponse(await ctx.helpers.httpRequest(toN8nRequest(req)));
}

function parseMaybeJson(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	const trimmed = body.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return body;
	try {
		return JSON.parse(trimmed);
	} catch {
		return body;
	}
}
