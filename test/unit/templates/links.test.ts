// Links in the built-in emails: buttons or short link text, never a long URL a phone must scroll
// sideways for; in the plain-text part, each URL on a line of its own.
import { CUSTOMER_ACTIONS } from '../../../lib/model/assessment';
import { JOURNEY_TRIGGERS } from '../../../lib/model/triggers';
import { signPreferenceLink } from '../../../lib/preferences/link';
import { DEFAULT_TEMPLATES, renderMessage } from '../../../lib/templates';
import { FULL_DATA } from './fixtures';

const TRACKING_URL = 'https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784&requester=ST/trackdetails&WT.z_eCTAid=ct1_eml_Tracking';
const SUPPORT_URL = 'https://help.acme-outfitters.example/hc/en-us/articles/360051234567-Where-is-my-order';
const PREFERENCES_URL = signPreferenceLink(
	{
		baseUrl: 'https://automation.acme-outfitters.example/webhook/postpurchase/preferences',
		orderKey: 'shopify:5512345679001',
		orderName: '#1009',
		expiresAt: new Date('2026-05-01T00:00:00Z'),
	},
	'a-signing-secret-long-enough',
);
const LONG_URLS = [TRACKING_URL, SUPPORT_URL, PREFERENCES_URL];
/** Longer than this, a word on its own line overflows a 375px phone at 16px. */
const MAX_VISIBLE_WORD = 40;

/** Everything a template can show, with the long URLs real shops and carriers have. */
function dataWith(customerAction: string) {
	return {
		...FULL_DATA,
		shipment: { ...FULL_DATA.shipment, trackingUrl: TRACKING_URL, estimatedDelivery: '2024-03-14' },
		assessment: { ...FULL_DATA.assessment, customerAction },
		brand: { ...FULL_DATA.brand, supportUrl: SUPPORT_URL, supportPhone: '+1 (555) 010-0199' },
		preferences: { url: PREFERENCES_URL },
	};
}

const decode = (text: string) =>
	text
		.replace(/&#(\d+);/g, (_m, code) => String.fromCharCode(Number(code)))
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');

/** The words a reader sees: the body without comments (Outlook's conditional tables) and tags. */
function visibleWords(html: string): string[] {
	const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
	return decode(body.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' '))
		.split(/\s+/)
		.filter(Boolean);
}

function links(html: string): Array<{ href: string; text: string }> {
	return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: decode(m[1]), text: decode(m[2].replace(/<[^>]+>/g, '')).trim() }));
}

const cases = JOURNEY_TRIGGERS.flatMap((trigger) => CUSTOMER_ACTIONS.map((action) => [trigger, action] as const));

describe.each(cases)('links in the %s email (customer action %s)', (trigger, action) => {
	const { html = '', text } = renderMessage(trigger, 'email', dataWith(action));

	it('shows no long URL, nor any word too long for a phone, as visible text', () => {
		const words = visibleWords(html);
		expect(words.length).toBeGreaterThan(10);
		expect(words.filter((word) => /https?:|www\./i.test(word) && word.length > MAX_VISIBLE_WORD)).toEqual([]);
		expect(words.filter((word) => word.length > MAX_VISIBLE_WORD)).toEqual([]);
		for (const url of LONG_URLS) expect(words.join(' ')).not.toContain(url);
	});

	it('gives every link words to read, never its own URL', () => {
		const found = links(html);
		expect(found.length).toBeGreaterThan(0);
		for (const { href, text: label } of found) {
			expect(label).toMatch(/\w/);
			expect(label.length).toBeLessThanOrEqual(MAX_VISIBLE_WORD);
			expect(label).not.toMatch(/^https?:/);
			expect(href).toMatch(/^(https:|mailto:|tel:)/);
		}
	});

	it('puts each long URL of the text part on a line of its own', () => {
		for (const url of LONG_URLS) {
			if (!text.includes(url)) continue;
			expect(text.split('\n')).toContain(url);
		}
		expect(text).toContain(TRACKING_URL);
	});
});

describe('the email layout', () => {
	it('wraps long words instead of widening the message, and holds Outlook at 560px', () => {
		for (const trigger of JOURNEY_TRIGGERS) {
			const { html } = DEFAULT_TEMPLATES[trigger];
			expect(html).toMatch(/<td style="[^"]*overflow-wrap:break-word;word-break:break-word;[^"]*">/);
			expect(html).toContain('max-width:560px');
			expect(html).toContain('<!--[if mso]><table role="presentation" width="560"');
		}
	});

	it('makes the tracking and preference links bulletproof buttons: a coloured table cell around the link', () => {
		const { html = '' } = renderMessage('order_confirmed', 'email', dataWith('none'));
		const button = (label: string) => new RegExp(`<td align="center" bgcolor="#1d4ed8"[^>]*><a href="[^"]+" target="_blank" style="display:inline-block;[^"]*">${label}</a></td>`);
		expect(html).toMatch(button('Choose how we reach you'));
		expect(html).toMatch(button('Track your parcel'));
		expect(links(html).find((link) => link.text === 'Choose how we reach you')?.href).toBe(PREFERENCES_URL);
	});

	it('keeps a merchant\'s overlong word inside the layout too (the wrapping is on the container)', () => {
		const word = '9'.repeat(200);
		const { html = '' } = renderMessage('delayed', 'email', { ...FULL_DATA, assessment: { reason: word } });
		expect(html).toMatch(/word-break:break-word;[^"]*">[\s\S]*9{200}/);
	});
});
