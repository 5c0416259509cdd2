import { escapeHtml, renderConfirmationPage, renderLinkErrorPage, renderPreferencePage } from '../../../lib/preferences/page';

const EVIL = '<script>alert("x")</script>&\'`';

/** Every input and select: [id, has a <label for=id>]. */
function labelled(html: string): Array<[string, boolean]> {
	const ids = [...html.matchAll(/<(?:input|select)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
	return ids.map((id) => [id, html.includes(`<label for="${id}">`) || html.includes(`<label class="field" for="${id}">`)]);
}

describe('preference page', () => {
	const html = renderPreferencePage({ orderNumber: '1001', action: '?o=shopify%3A1001&e=1&s=abc', current: { channel: 'sms', language: 'de' } });

	it('is one form of radio buttons in a fieldset with a legend, a language select and a submit button', () => {
		expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
		expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
		expect(html.match(/<form\b/g)).toHaveLength(1);
		expect(html).toMatch(/<form method="post" action="\?o=shopify%3A1001&#38;e=1&#38;s=abc">/);
		expect(html).toMatch(/<fieldset[^>]*>\n<legend>Delivery updates by<\/legend>/);
		expect([...html.matchAll(/type="radio"[^>]*value="(\w+)"/g)].map((m) => m[1])).toEqual(['email', 'sms', 'both', 'none']);
		for (const label of ['Email', 'Text message', 'Both', 'No updates']) expect(html).toContain(`>${label}<`);
		expect([...html.matchAll(/<option value="(\w+)"/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es']));
		expect(html).toContain('<button type="submit">');
		expect(html).not.toMatch(/<script/i);
	});

	it('ties a label to every input and select', () => {
		const fields = labelled(html);
		expect(fields.length).toBe(5);
		expect(fields.filter(([, ok]) => !ok)).toEqual([]);
	});

	it('pre-selects the stored choice', () => {
		expect(html).toMatch(/id="channel-sms"[^>]*checked/);
		expect(html).not.toMatch(/id="channel-email"[^>]*checked/);
		expect(html).toMatch(/<option value="de" lang="de" selected>/);
	});

	it('escapes every value it shows, and names the field of an error', () => {
		const page = renderPreferencePage({ orderNumber: EVIL, action: `?o=${EVIL}`, brandName: EVIL, errors: [{ field: 'channel', message: EVIL }] });
		expect(page).not.toContain('<script>alert');
		expect(page).not.toContain('"x"');
		expect(page).toContain(escapeHtml(EVIL));
		expect(page).toMatch(/<div class="errors" role="alert" id="form-errors">/);
		expect(page).toMatch(/<fieldset aria-invalid="true" aria-describedby="form-errors">/);
	});

	it('confirms the choice in words and escapes there too', () => {
		const page = renderConfirmationPage({ orderNumber: EVIL, preference: { channel: 'sms', language: 'fr' }, brandName: EVIL });
		expect(page).toContain('by text message');
		expect(page).toContain('Language: Français');
		expect(page).not.toContain('<script>alert');
		expect(page).toMatch(/<html lang="en">/);
	});

	it('explains an expired link differently from an altered one, naming no order', () => {
		expect(renderLinkErrorPage('expired')).toContain('This link has expired');
		expect(renderLinkErrorPage('bad_signature')).toContain('This link does not work');
		expect(renderLinkErrorPage('missing')).not.toMatch(/order \d/i);
	});
});
