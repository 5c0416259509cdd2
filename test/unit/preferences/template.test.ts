import { renderMessage, smsSegments } from '../../../lib/templates';

const URL = 'https://n8n.example/webhook/postpurchase/preferences?o=shopify%3A450789469&e=1777593600&s=' + 'a'.repeat(43);
const data = (url: string | undefined) => ({ order: { number: '#1001', items: [] }, brand: { name: 'Acme' }, preferences: { url } });

describe('the preference link in the order confirmation', () => {
	it('is in the email and the SMS when given, and the SMS stays within two segments', () => {
		const email = renderMessage('order_confirmed', 'email', data(URL));
		expect(email.text).toContain(URL);
		expect(email.html).toContain(URL.replace(/&/g, '&amp;'));
		const sms = renderMessage('order_confirmed', 'sms', data(URL));
		expect(sms.text).toContain(`Choose how we update you: ${URL}`);
		expect(smsSegments(sms.text!).segments).toBeLessThanOrEqual(2);
	});

	it('is left out when missing or not http(s)', () => {
		for (const url of [undefined, 'javascript:alert(1)']) {
			expect(renderMessage('order_confirmed', 'sms', data(url)).text).not.toContain('Choose how');
			expect(renderMessage('order_confirmed', 'email', data(url)).text).not.toContain('Choose here');
		}
	});
});
