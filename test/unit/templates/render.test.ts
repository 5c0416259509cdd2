import { Liquid } from 'liquidjs';
import { JOURNEY_TRIGGERS } from '../../../lib/model/triggers';
import { DEFAULT_TEMPLATES, TEMPLATE_VARIABLES, compileTemplates, renderMessage, smsSegments } from '../../../lib/templates';
import { FULL_DATA, MINIMAL_DATA } from './fixtures';

const LEFTOVERS = [/undefined/, /\bnull\b/, /\[object Object\]/, /\{\{|\{%|%\}|\}\}/, /Hi ,/, /Hi,/, / [.,:]/, / {2}/];

function expectClean(text: string) {
	for (const pattern of LEFTOVERS) expect(text).not.toMatch(pattern);
}

describe.each(JOURNEY_TRIGGERS)('default templates: %s', (trigger) => {
	it.each([
		['full data', FULL_DATA],
		['minimal data', MINIMAL_DATA],
	])('email reads well with %s', (_label, data) => {
		const message = renderMessage(trigger, 'email', data);
		expect(message.subject).toBeTruthy();
		expectClean(message.subject ?? '');
		expectClean(message.text);
		expect(message.text).toMatch(data === FULL_DATA ? /^Hi Anna,\n\n/ : /^Hi there,\n\n/);
		expect(message.html).toMatch(/<h1 [^>]*>[^<]+<\/h1>/);
		expect(message.html).toContain('<html lang="en">');
		expect(message.html).not.toMatch(/undefined|\{\{|\{%|<p[^>]*><\/p>/);
		if (data === FULL_DATA) {
			expect(message.html).toContain('<a href="https://track.example.com/1Z999AA10123456784"');
			expect(message.text).toContain('https://track.example.com/1Z999AA10123456784');
		} else {
			expect(message.html).not.toContain('Track your parcel');
		}
	});

	it.each([
		['full data', FULL_DATA],
		['minimal data', MINIMAL_DATA],
	])('sms reads well and fits two GSM-7 parts with %s', (_label, data) => {
		const { text } = renderMessage(trigger, 'sms', data);
		expectClean(text);
		expect(smsSegments(text)).toEqual({ encoding: 'GSM-7', segments: expect.any(Number) });
		expect(smsSegments(text).segments).toBeLessThanOrEqual(2);
	});
});

describe('renderMessage', () => {
	it('says the new date once when the delay reason already names it', () => {
		const data = { ...FULL_DATA, assessment: { ...FULL_DATA.assessment, revisedEta: '2024-03-14', reason: 'The carrier now expects to deliver on Thursday 14 March, 2 days later than promised.' } };
		for (const channel of ['email', 'sms'] as const) {
			const { text } = renderMessage('delayed', channel, data);
			expect(text).toContain('Thursday 14 March');
			expect(text).not.toMatch(/We now expect|New delivery date/);
		}
	});

	it("formats the revised date as 'Thursday, March 14' in email and shorter in SMS", () => {
		expect(renderMessage('delayed', 'email', FULL_DATA).text).toContain('We now expect it to arrive on Thursday, March 14.');
		expect(renderMessage('delayed', 'sms', FULL_DATA).text).toContain('New delivery date: Thu, Mar 14.');
	});

	it('derives the first name from the full name', () => {
		const data = { ...FULL_DATA, customer: { name: 'Anna Maria Schmidt' } };
		expect(renderMessage('shipped', 'email', data).text).toMatch(/^Hi Anna,/);
	});

	it('lists order items when there are some', () => {
		expect(renderMessage('shipped', 'email', FULL_DATA).text).toContain('In this order: 2 x Blue Mug, 1 x Green Tea.');
	});

	it('HTML-escapes every variable in the html part, and only there', () => {
		const name = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
		const data = { ...FULL_DATA, customer: { firstName: name }, order: { number: '<b>1</b>' } };
		const { html, text, subject } = renderMessage('delayed', 'email', data);
		expect(html).not.toContain('<script');
		expect(html).not.toContain('<img');
		expect(html).not.toContain('<b>1');
		expect(html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(2)&gt;,');
		expect(text).toContain(`Hi ${name},`);
		expect(subject).toBe('Your order <b>1</b> is running late');
	});

	it('drops links that are not http(s), so a javascript: link never becomes a button', () => {
		const data = {
			...FULL_DATA,
			shipment: { ...FULL_DATA.shipment, trackingUrl: 'javascript:alert(1)' },
			brand: { name: 'Acme', supportUrl: 'data:text/html,hi' },
		};
		const { html, text } = renderMessage('shipped', 'email', data);
		expect(`${html}${text}`).not.toMatch(/javascript:|data:text/);
		expect(html).not.toContain('Track your parcel');
	});

	it('keeps the subject on one line', () => {
		const subject = renderMessage('shipped', 'email', { order: { number: 'A\r\nBcc: x' } }).subject;
		expect(subject).toBe('Your order A Bcc: x is on its way');
	});
});

describe('compileTemplates', () => {
	it('uses merchant templates, html ones escaped, and falls back to defaults for the rest', () => {
		const templates = compileTemplates({
			delayed: { subject: 'Late: {{ order.number }}', html: '<p>{{ customer.firstName }}</p>' },
		});
		const message = templates.render('delayed', 'email', { customer: { firstName: '<i>Anna</i>' }, order: { number: '#7' } });
		expect(message.subject).toBe('Late: #7');
		expect(message.html).toBe('<p>&lt;i&gt;Anna&lt;/i&gt;</p>');
		expect(message.text).toBe(renderMessage('delayed', 'email', { customer: { firstName: '<i>Anna</i>' }, order: { number: '#7' } }).text);
		expect(templates.render('shipped', 'sms', {}).text).toBe(renderMessage('shipped', 'sms', {}).text);
	});

	it('a merchant text without a merchant html sends text only, so the parts never disagree', () => {
		const message = compileTemplates({ shipped: { text: 'It shipped.' } }).render('shipped', 'email', {});
		expect(message).toEqual({ subject: 'Your order is on its way', text: 'It shipped.' });
	});

	it('names the trigger and part of a template that does not parse', () => {
		expect(() => compileTemplates({ delayed: { sms: 'Hi {{ customer.firstName ' } })).toThrow(
			/^Template for 'delayed' \(sms\) does not parse: /,
		);
		expect(() => compileTemplates({ shipped: { html: '{{ x | no_such_filter }}' } })).toThrow(
			/Template for 'shipped' \(html\) does not parse: undefined filter: no_such_filter/,
		);
	});

	it('refuses unknown triggers, unknown parts and non-strings', () => {
		expect(() => compileTemplates({ teleported: { sms: 'x' } } as never)).toThrow(/unknown trigger 'teleported'/);
		expect(() => compileTemplates({ shipped: { body: 'x' } } as never)).toThrow(/unknown part 'body'/);
		expect(() => compileTemplates({ shipped: { sms: 42 } } as never)).toThrow(/\(sms\) must be a string/);
	});

	it('a template that renders to nothing is an error, not an empty message', () => {
		expect(() => compileTemplates({ shipped: { sms: '{% if false %}x{% endif %}' } }).render('shipped', 'sms', {})).toThrow(
			/'shipped' \(sms\) rendered an empty message/,
		);
	});

	it('parses each template once, however often it renders', () => {
		const parse = jest.spyOn(Liquid.prototype, 'parse');
		const source = 'Parsed once: {{ order.number }}';
		const templates = compileTemplates({ shipped: { sms: source } });
		for (const number of ['1', '2', '3']) templates.render('shipped', 'sms', { order: { number } });
		expect(parse.mock.calls.filter(([text]) => text === source)).toHaveLength(1);
		parse.mockRestore();
	});
});

describe('TEMPLATE_VARIABLES', () => {
	it('documents every variable the default templates read', () => {
		const documented = TEMPLATE_VARIABLES.map((variable) => variable.path);
		const sources = Object.values(DEFAULT_TEMPLATES).flatMap((set) => Object.values(set));
		const used = new Set(sources.flatMap((source) => [...source.matchAll(/\b(customer|order|shipment|assessment|brand)\.[\w.]+/g)].map((m) => m[0])));
		for (const path of used) {
			const base = path.replace(/\.(size|first|last)$/, '');
			expect(documented).toContain(base);
		}
		expect(used.size).toBeGreaterThan(10);
	});
});
