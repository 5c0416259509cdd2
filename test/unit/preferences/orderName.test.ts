// The preference page shows the order as the customer knows it (#1009), carried signed in the
// link, never the internal id (shopify:450789469...) when the link has the name.
import { renderPreferenceRequest, savePreferenceRequest } from '../../../lib/preferences/handle';
import { cleanOrderName, signPreferenceLink, verifyPreferenceLink } from '../../../lib/preferences/link';
import { orderNameOf } from '../../../lib/preferences/subjects';
import { MemoryStore } from '../../../lib/store/memory';

const SECRET = 'test-secret-0123456789abcdef';
const NOW = new Date('2026-03-01T12:00:00Z');
const LATER = new Date('2026-03-31T12:00:00Z');
const BASE = 'https://n8n.example/webhook/postpurchase/preferences';
const ORDER_KEY = 'shopify:5512345679001';

const sign = (orderName?: string) => signPreferenceLink({ baseUrl: BASE, orderKey: ORDER_KEY, orderName, expiresAt: LATER }, SECRET);
const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);
const page = (query: Record<string, unknown>) => renderPreferenceRequest({ query, secret: SECRET, store: new MemoryStore(), now: NOW });

describe('the order name on the preference page', () => {
	it('signs the name into the link, after the parts it had before', () => {
		const url = sign('#1009');
		expect(url.startsWith(`${BASE}?o=shopify%3A5512345679001&e=`)).toBe(true);
		expect(new URL(url).searchParams.get('n')).toBe('#1009');
		expect(verifyPreferenceLink(queryOf(url), SECRET, NOW)).toEqual({ ok: true, orderKey: ORDER_KEY, orderName: '#1009', expiresAt: LATER });
	});

	it('shows the name, not the internal id, on the form and on the confirmation', async () => {
		const query = queryOf(sign('#1009'));
		const form = await page(query);
		expect(form.statusCode).toBe(200);
		expect(form.html).toContain('Order #1009: choose how');
		expect(form.html).not.toContain('5512345679001</');
		expect(form.html).not.toMatch(/Order 5512345679001/);
		// The form posts back the whole signed query, name included, so the save verifies too.
		const action = /<form method="post" action="([^"]+)"/.exec(form.html)?.[1]?.replace(/&#38;/g, '&') ?? '';
		const posted = Object.fromEntries(new URLSearchParams(action.slice(1)));
		expect(posted).toEqual(query);
		const saved = await savePreferenceRequest({ query: posted, form: { channel: 'sms' }, secret: SECRET, store: new MemoryStore(), now: NOW });
		expect(saved.statusCode).toBe(200);
		expect(saved.html).toContain('Order #1009. It applies');
		expect(saved.saved).toMatchObject({ orderKey: ORDER_KEY, orderName: '#1009' });
		const refused = await savePreferenceRequest({ query: posted, form: { channel: 'pigeon' }, secret: SECRET, store: new MemoryStore(), now: NOW });
		expect(refused.statusCode).toBe(422);
		expect(refused.html).toContain('Order #1009: choose how');
	});

	it('refuses a link whose name was changed, added or dropped: the page cannot be made to say other words', async () => {
		const named = queryOf(sign('#1009'));
		expect((await page({ ...named, n: '#1010' })).statusCode).toBe(404);
		expect((await page({ ...named, n: 'Your refund is ready: call 555' })).statusCode).toBe(404);
		const { n: _dropped, ...withoutName } = named;
		expect((await page(withoutName)).statusCode).toBe(404);
		expect((await page({ ...queryOf(sign()), n: '#1009' })).statusCode).toBe(404);
	});

	it('still opens links made before names were signed, showing the id as before', async () => {
		const old = await page(queryOf(sign()));
		expect(old.statusCode).toBe(200);
		expect(old.html).toContain('Order 5512345679001: choose how');
	});

	it('leaves off a name that could carry personal data or markup, rather than failing the link', () => {
		for (const name of ['ada@example.com', '<b>#1</b>', 'x'.repeat(41), '', '   ']) {
			expect(cleanOrderName(name)).toBeUndefined();
			expect(new URL(sign(name)).searchParams.has('n')).toBe(false);
		}
		expect(cleanOrderName(1009)).toBe('1009');
		expect(cleanOrderName(' #1009 ')).toBe('#1009');
		expect(cleanOrderName('SO-1009/B')).toBe('SO-1009/B');
	});

	it("takes the name from the item as the Order Event Trigger and Order Lookup give it", () => {
		expect(orderNameOf({ orderId: '5512345679001', orderNumber: '#1009', order: { number: '#1009' } })).toBe('#1009');
		expect(orderNameOf({ orderNumber: '#1010' })).toBe('#1010');
		expect(orderNameOf({ orderId: '5512345679001', customer: { email: 'ada@example.com' } })).toBeUndefined();
	});
});
