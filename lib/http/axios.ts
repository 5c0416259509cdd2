import axios from 'axios';

import type { HttpFn, HttpRequest, HttpResponse } from '.';

const DEFAULT_TIMEOUT_MS = 30_000;

function requestBody(req: HttpRequest): { data?: string; contentType?: string } {
	if (req.form !== undefined) {
		return { data: new URLSearchParams(req.form).toString(), contentType: 'application/x-www-form-urlencoded' };
	}
	if (req.json !== undefined) return { data: JSON.stringify(req.json), contentType: 'application/json' };
	return {};
}

/** JSON when the server says so (or the text parses as an object/array), else the text. */
function parseBody(text: string, contentType: string | undefined): unknown {
	const looksJson = /\bjson\b/i.test(contentType ?? '') || /^\s*[[{]/.test(text);
	if (!looksJson || text.trim() === '') return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * The HttpFn outside n8n. Never throws on a status code (callers decide what a 4xx means);
 * throws only when there is no response at all (refused, DNS, timeout).
 */
export const axiosHttp: HttpFn = async (req: HttpRequest): Promise<HttpResponse> => {
	const { data, contentType } = requestBody(req);
	const headers: Record<string, string> = { ...req.headers };
	if (contentType && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
		headers['Content-Type'] = contentType;
	}
	const response = await axios.request<string>({
		method: req.method,
		url: req.url,
		headers,
		params: req.qs,
		data,
		timeout: req.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		responseType: 'text',
		// Keep the raw text: parseBody decides, and a non-JSON error page stays readable.
		transformResponse: (raw: string) => raw,
		validateStatus: () => true,
	});
	const responseHeaders: HttpResponse['headers'] = {};
	for (const [name, value] of Object.entries(response.headers)) {
		if (typeof value === 'string' || Array.isArray(value)) responseHeaders[name.toLowerCase()] = value;
		else if (value !== undefined && value !== null) responseHeaders[name.toLowerCase()] = String(value);
	}
	return {
		status: response.status,
		headers: responseHeaders,
		body: parseBody(response.data ?? '', responseHeaders['content-type'] as string | undefined),
	};
};
