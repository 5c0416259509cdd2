import { signPreferenceLink, verifyPreferenceLink } from '../../../lib/preferences/link';

const SECRET = 'test-secret-0123456789abcdef';
const NOW = new Date('2026-03-01T12:00:00Z');
const LATER = new Date('2026-03-31T12:00:00Z');
const BASE = 'https://n8n.example/webhook/postpurchase/preferences';

const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);
const link = (orderKey = 'shopify:1001', expiresAt = LATER) => queryOf(signPreferenceLink({ baseUrl: BASE, orderKey, expiresAt }, SECRET));

describe('preference links', () => {
	it('carries the order key, the expiry in unix seconds and a base64url HMAC, and verifies', () => {
		const url = new URL(signPreferenceLink({ baseUrl: BASE, orderKey: 'shopify:1001', expiresAt: LATER }, SECRET));
		expect(`${url.origin}${url.pathname}`).toBe(BASE);
		expect(url.searchParams.get('o')).toBe('shopify:1001');
		expect(url.searchParams.get('e')).toBe(String(LATER.getTime() / 1000));
		expect(url.searchParams.get('s')).toMatch(/^[\w-]{43}$/);
		expect(verifyPreferenceLink(queryOf(url.toString()), SECRET, NOW)).toEqual({ ok: true, orderKey: 'shopify:1001', expiresAt: LATER });
	});

	it('refuses an expired link, from its expiry second on', () => {
		const q = link();
		expect(verifyPreferenceLink(q, SECRET, new Date(LATER.getTime() - 1)).ok).toBe(true);
		expect(verifyPreferenceLink(q, SECRET, LATER)).toEqual({ ok: false, reason: 'expired' });
	});

	it('refuses a tampered order key: the neighbouring order is not reachable with this signature', () => {
		expect(verifyPreferenceLink({ ...link(), o: 'shopify:1002' }, SECRET, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
	});

	it('refuses a tampered expiry, signature, or another secret', () => {
		const q = link();
		expect(verifyPreferenceLink({ ...q, e: String(Number(q.e) + 86_400) }, SECRET, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
		const flipped = (q.s[0] === 'A' ? 'B' : 'A') + q.s.slice(1);
		expect(verifyPreferenceLink({ ...q, s: flipped }, SECRET, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
		expect(verifyPreferenceLink({ ...q, s: q.s.slice(0, 20) }, SECRET, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
		expect(verifyPreferenceLink(q, 'another-secret-0123456789', NOW)).toEqual({ ok: false, reason: 'bad_signature' });
	});

	it('says bad_signature, not expired, for a forged link whose expiry has passed', () => {
		expect(verifyPreferenceLink({ ...link(), o: 'shopify:7', e: '1' }, SECRET, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
	});

	it('refuses a link with a part missing or empty', () => {
		const q = link();
		for (const part of ['o', 'e', 's'] as const) {
			const { [part]: _dropped, ...rest } = q;
			expect(verifyPreferenceLink(rest, SECRET, NOW)).toEqual({ ok: false, reason: 'missing' });
			expect(verifyPreferenceLink({ ...q, [part]: '' }, SECRET, NOW)).toEqual({ ok: false, reason: 'missing' });
		}
		expect(verifyPreferenceLink(undefined, SECRET, NOW)).toEqual({ ok: false, reason: 'missing' });
	});

	it('takes the first of repeated parameters, and refuses non-string junk', () => {
		const q = link();
		expect(verifyPreferenceLink({ ...q, o: [q.o, 'shopify:1002'] }, SECRET, NOW).ok).toBe(true);
		expect(verifyPreferenceLink({ ...q, o: { evil: true } }, SECRET, NOW)).toEqual({ ok: false, reason: 'missing' });
		expect(verifyPreferenceLink({ ...q, e: '1e12' }, SECRET, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
	});

	it('refuses a short secret and a malformed order key when signing', () => {
		expect(() => signPreferenceLink({ baseUrl: BASE, orderKey: 'shopify:1', expiresAt: LATER }, 'short')).toThrow(/at least 16/);
		expect(() => verifyPreferenceLink(link(), 'short', NOW)).toThrow(/at least 16/);
		expect(() => signPreferenceLink({ baseUrl: BASE, orderKey: '1001', expiresAt: LATER }, SECRET)).toThrow(/source:id/);
	});
});
