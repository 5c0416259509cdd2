/**
 * The one HTTP shape every adapter uses. Inside n8n it wraps `httpRequestWithAuthentication`
 * (credentials, proxies and n8n's settings apply); outside it is axios. Adapters never throw on
 * a status code themselves through this: they get the response and decide.
 */
export interface HttpRequest {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	url: string;
	headers?: Record<string, string>;
	qs?: Record<string, string | number | boolean>;
	/** JSON body (sent as application/json). */
	json?: unknown;
	/** Form body (sent as application/x-www-form-urlencoded). */
	form?: Record<string, string>;
	timeoutMs?: number;
}

export interface HttpResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON when the body was JSON, else the text. */
	body: unknown;
}

export type HttpFn = (req: HttpRequest) => Promise<HttpResponse>;
