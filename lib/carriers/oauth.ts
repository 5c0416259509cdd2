import type { HttpFn, HttpResponse } from '../http';
import { CarrierError, type CarrierContext, type TokenCache } from './types';

/** Tokens in process memory, shared by every node and poll in this n8n process. */
export class MemoryTokenCache implements TokenCache {
	private readonly tokens = new Map<string, { token: string; expiresAt: number }>();

	get(key: string, now: Date): string | undefined {
		const entry = this.tokens.get(key);
		return entry && entry.expiresAt > now.getTime() ? entry.token : undefined;
	}
	set(key: string, token: string, expiresAt: Date): void {
		this.tokens.set(key, { token, expiresAt: expiresAt.getTime() });
	}
	delete(key: string): void {
		this.tokens.delete(key);
	}
}

export const sharedTokenCache = new MemoryTokenCache();

/** A token is used until this long before it expires, so it cannot lapse mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

export interface ClientCredentialsGrant {
	carrier: string;
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	/** 'basic': client id and secret as HTTP Basic (UPS); 'body': in the form (FedEx, USPS). */
	clientAuth: 'basic' | 'body';
	extraForm?: Record<string, string>;
}

async function fetchToken(http: HttpFn, grant: ClientCredentialsGrant, now: Date): Promise<{ token: string; expiresAt: Date }> {
	const form: Record<string, string> = { grant_type: 'client_credentials', ...grant.extraForm };
	const headers: Record<string, string> = { accept: 'application/json' };
	if (grant.clientAuth === 'basic') {
		headers.authorization = `Basic ${Buffer.from(`${grant.clientId}:${grant.clientSecret}`).toString('base64')}`;
	} else {
		form.client_id = grant.clientId;
		form.client_secret = grant.clientSecret;
	}
	let res: HttpResponse;
	try {
		res = await http({ method: 'POST', url: grant.tokenUrl, headers, form, timeoutMs: 15_000 });
	} catch {
		throw new CarrierError(grant.carrier, 'timeout', `${grant.carrier}: the token endpoint did not answer`);
	}
	const body = res.body as { access_token?: unknown; expires_in?: unknown } | undefined;
	if (res.status === 401 || res.status === 400 || res.status === 403) {
		throw new CarrierError(grant.carrier, 'auth', `${grant.carrier}: the client id or secret was refused (HTTP ${res.status}); check the credential`, {
			httpStatus: res.status,
		});
	}
	if (res.status === 429) throw new CarrierError(grant.carrier, 'rate_limited', `${grant.carrier}: token requests are rate limited (HTTP 429)`, { httpStatus: 429 });
	if (res.status >= 500) throw new CarrierError(grant.carrier, 'server', `${grant.carrier}: the token endpoint failed (HTTP ${res.status})`, { httpStatus: res.status });
	if (res.status !== 200 || typeof body?.access_token !== 'string') {
		throw new CarrierError(grant.carrier, 'malformed', `${grant.carrier}: the token endpoint answered without an access_token (HTTP ${res.status})`, {
			httpStatus: res.status,
		});
	}
	const seconds = Number(body.expires_in) > 0 ? Number(body.expires_in) : 3600;
	return { token: body.access_token, expiresAt: new Date(now.getTime() + seconds * 1000 - EXPIRY_MARGIN_MS) };
}

/**
 * Calls `request` with a cached bearer token for the grant; on a 401 the token is dropped,
 * fetched once more and the call made again. A second 401 is the caller's to report.
 */
export async function withAccessToken(
	ctx: CarrierContext,
	grant: ClientCredentialsGrant,
	request: (token: string) => Promise<HttpResponse>,
): Promise<HttpResponse> {
	const now = ctx.now?.() ?? new Date();
	const key = `${grant.tokenUrl}|${grant.clientId}`;
	let token = ctx.tokens.get(key, now);
	if (!token) {
		const fresh = await fetchToken(ctx.http, grant, now);
		ctx.tokens.set(key, fresh.token, fresh.expiresAt);
		token = fresh.token;
	}
	const res = await request(token);
	if (res.status !== 401) return res;
	ctx.tokens.delete(key);
	const fresh = await fetchToken(ctx.http, grant, now);
	ctx.tokens.set(key, fresh.token, fresh.expiresAt);
	return request(fresh.token);
}

/** Proves a client-credentials pair by fetching a token into a fresh cache, so a cached token cannot hide a changed secret. */
export async function testGrant(ctx: CarrierContext, grant: ClientCredentialsGrant): Promise<void> {
	await withAccessToken({ ...ctx, tokens: new MemoryTokenCache() }, grant, async () => ({ status: 200, headers: {}, body: null }));
}
