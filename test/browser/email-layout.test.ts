// Every built-in email, with the long URLs and words real data has, laid out by a real browser on
// a 375px phone: nothing may make the page scroll sideways. Needs /usr/bin/chromium
// (scripts/ensure-chromium.js); no n8n and no build needed.
import { chromium, type Browser } from 'playwright-core';
import { JOURNEY_TRIGGERS } from '../../lib/model/triggers';
import { renderMessage } from '../../lib/templates';

const PHONE_WIDTH = 375;
const DATA = {
	customer: { name: 'Anna Schmidt' },
	order: { number: '#1009', items: [{ title: 'Trail Mug - Green', quantity: 2 }] },
	shipment: {
		trackingNumber: '1Z999AA10123456784',
		carrier: 'UPS',
		trackingUrl: 'https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784&requester=ST/trackdetails&WT.z_eCTAid=ct1_eml_Tracking',
		estimatedDelivery: '2026-03-14',
		location: { city: 'Chicago' },
	},
	assessment: {
		// A carrier's run-together words: the layout must wrap them.
		reason: `Exception: ${'DELIVERYEXCEPTIONCODE'.repeat(6)} reported by the carrier.`,
		revisedEta: '2026-03-16',
		customerAction: 'correct_address',
	},
	brand: { name: 'Acme Outfitters', supportPhone: '+1 555 010 0199', supportEmail: 'customer.care.team@acme-outfitters.example', supportUrl: 'https://help.acme-outfitters.example/hc/en-us/articles/360051234567-Where-is-my-order' },
	preferences: { url: `https://automation.acme-outfitters.example/webhook/postpurchase/preferences?o=shopify%3A5512345679001&e=1777593600&s=${'a'.repeat(43)}&n=%231009` },
};

let browser: Browser;

beforeAll(async () => {
	browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
}, 60_000);

afterAll(async () => {
	await browser?.close();
});

test('no built-in email scrolls sideways on a 375px phone', async () => {
	const page = await browser.newPage({ viewport: { width: PHONE_WIDTH, height: 800 } });
	const wide: string[] = [];
	for (const trigger of JOURNEY_TRIGGERS) {
		const { html } = renderMessage(trigger, 'email', DATA);
		await page.setContent(html ?? '', { waitUntil: 'load' });
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		if (width > PHONE_WIDTH) wide.push(`${trigger}: ${width}px`);
	}
	await page.close();
	expect(wide).toEqual([]);
}, 60_000);

test('the check can fail: a raw long URL in a paragraph does widen the page without the wrapping', async () => {
	const page = await browser.newPage({ viewport: { width: PHONE_WIDTH, height: 800 } });
	await page.setContent(`<table style="max-width:560px" width="100%"><tr><td><p>${DATA.preferences.url}</p></td></tr></table>`);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeGreaterThan(PHONE_WIDTH);
	await page.close();
}, 60_000);
