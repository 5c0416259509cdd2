import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { HttpFn, HttpResponse } from '../../lib/http';

/**
 * The library's HttpFn on top of n8n's request helper, so the node's credential authenticates the
 * call and n8n's proxy and TLS settings apply. Status codes are returned, never thrown: adapters
 * decide what a 429 or a 4xx means.
 */
export function n8nHttp(ctx: IExecuteFunctions, credentialType: string): HttpFn {
	return async (req) => {
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
		const res = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options)) as {
			statusCode: number;
			headers: HttpResponse['headers'];
			body: unknown;
		};
		return { status: res.statusCode, headers: res.headers ?? {}, body: parseMaybeJson(res.body) };
	};
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
