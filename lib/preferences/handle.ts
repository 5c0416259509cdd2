import type { Store } from '../store/types';
import { LINK_PARAMS, orderNumberOf, single, verifyPreferenceLink } from './link';
import { renderConfirmationPage, renderLinkErrorPage, renderPreferencePage } from './page';
import { savePreference, type SavePreferenceInput, type SavePreferenceResult } from './save';
import { orderSubject } from './subjects';

export interface PreferencePageResponse {
	statusCode: number;
	html: string;
	/** Set for a POST that saved (without contact data). */
	saved?: Extract<SavePreferenceResult, { ok: true }>;
}

/** Headers every preference page is served with: nothing cached, no referrer, no outside resources. */
export const PREFERENCE_PAGE_HEADERS: Readonly<Record<string, string>> = {
	'Content-Type': 'text/html; charset=utf-8',
	'Cache-Control': 'no-store',
	'Referrer-Policy': 'no-referrer',
	'X-Robots-Tag': 'noindex, nofollow',
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

/** The verified link's own query, for the form to post back to (relative: the page's own URL). */
function actionFor(query: Record<string, unknown>): string {
	const params = new URLSearchParams();
	for (const name of LINK_PARAMS) {
		const value = single(query[name]);
		if (value !== undefined) params.set(name, value);
	}
	return `?${params.toString()}`;
}

/** An expired link is gone (410); an altered or incomplete one is not found (404), saying nothing about orders. */
function linkError(reason: 'expired' | 'bad_signature' | 'missing', brandName?: string): PreferencePageResponse {
	return { statusCode: reason === 'expired' ? 410 : 404, html: renderLinkErrorPage(reason, brandName) };
}

/** GET: verify the link, then the form with the stored choice pre-selected. */
export async function renderPreferenceRequest(input: {
	query: Record<string, unknown> | undefined;
	secret: string;
	store: Pick<Store, 'getPreference'>;
	now?: Date;
	brandName?: string;
}): Promise<PreferencePageResponse> {
	const link = verifyPreferenceLink(input.query, input.secret, input.now);
	if (!link.ok) return linkError(link.reason, input.brandName);
	const current = await input.store.getPreference([orderSubject(link.orderKey)]);
	const html = renderPreferencePage({ orderNumber: orderNumberOf(link.orderKey, link.orderName), action: actionFor(input.query ?? {}), current, brandName: input.brandName });
	return { statusCode: 200, html };
}

/** POST: save, then the confirmation; a refused form comes back with its errors (422). */
export async function savePreferenceRequest(input: SavePreferenceInput & { brandName?: string }): Promise<PreferencePageResponse> {
	const result = await savePreference(input);
	if (result.ok) {
		const html = renderConfirmationPage({ orderNumber: orderNumberOf(result.orderKey, result.orderName), preference: result.preference, brandName: input.brandName });
		return { statusCode: 200, html, saved: result };
	}
	if (result.reason !== 'invalid') return linkError(result.reason, input.brandName);
	// 'invalid' comes only after the link verified, so its o and n are the signed ones.
	const html = renderPreferencePage({
		orderNumber: orderNumberOf(String(single(input.query?.o)), single(input.query?.n)),
		action: actionFor(input.query ?? {}),
		errors: result.errors,
		brandName: input.brandName,
	});
	return { statusCode: 422, html };
}
