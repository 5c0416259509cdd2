import { compileTemplates, renderMessage } from '../../../lib/templates';

/** Renders an SMS override; brackets keep an empty read from being an empty message. */
function sms(source: string, data: Record<string, unknown> = {}): string {
	return renderMessage('shipped', 'sms', data, { sms: `[${source}]` }).text;
}

describe('templates cannot reach beyond their data', () => {
	const data = { customer: { firstName: 'Anna' }, order: { items: [{ title: 'Mug' }] } };

	it.each([
		'{{ customer.constructor }}',
		'{{ customer.constructor.constructor }}',
		"{{ customer['constructor'] }}",
		'{{ customer.__proto__ }}',
		'{{ customer.__proto__.toString }}',
		'{{ customer.hasOwnProperty }}',
		'{{ order.items.constructor.name }}',
		'{{ process }}',
		'{{ process.env }}',
		'{{ global }}',
		'{{ globalThis.process }}',
		'{{ require }}',
		'{{ this }}',
	])('%s renders nothing', (source) => {
		expect(sms(source, data)).toBe('[]');
	});

	it('inherited properties of the data are not visible, nor are functions', () => {
		const customer = Object.assign(Object.create({ secret: 'inherited' }), {
			firstName: 'Anna',
			greet: () => 'called',
		});
		expect(sms('{{ customer.secret }}{{ customer.greet }}{{ customer.firstName }}', { customer })).toBe('[Anna]');
	});

	it('dates in the data arrive as ISO strings, not objects with methods', () => {
		expect(sms('{{ order.placedAt }}', { order: { placedAt: new Date('2024-03-14T10:00:00Z') } })).toBe('[2024-03-14T10:00:00.000Z]');
	});

	it('data that is not plain JSON is refused with a message that quotes nothing', () => {
		const cyclic: Record<string, unknown> = { name: 'Anna' };
		cyclic.self = cyclic;
		expect(() => sms('x', { customer: cyclic })).toThrow('Template data must be plain JSON (no cycles, no BigInt)');
	});

	it.each(["{% include '/etc/passwd' %}", "{% render 'secrets' %}", "{% layout 'base' %}x", '{% include shipment.trackingUrl %}'])(
		'%s is refused up front',
		(source) => {
			expect(() => compileTemplates({ shipped: { text: source } })).toThrow(/\(text\) does not parse: templates cannot read files/);
		},
	);

	it('a loop over a huge range stops at the memory limit', () => {
		expect(() => sms('{% for i in (1..100000000) %}x{% endfor %}')).toThrow(/\(sms\) failed to render: memory alloc limit exceeded/);
	});

	it('nested loops stop at the render limit instead of running for ages', () => {
		const source = '{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}';
		expect(() => sms(source)).toThrow(/\(sms\) failed to render: .*limit exceeded/);
	});

	it('a string doubled over and over stops at the memory limit', () => {
		const source = "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}";
		expect(() => sms(source)).toThrow(/memory alloc limit exceeded/);
	});

	it('an oversized template does not parse', () => {
		expect(() => compileTemplates({ shipped: { text: 'x'.repeat(200_000) } })).toThrow(/\(text\) does not parse/);
	});

	it('errors do not echo the data', () => {
		const data = { customer: { firstName: 'Anna' } };
		try {
			sms('{{ customer.firstName }}{% for i in (1..100000000) %}{{ customer.firstName }}{% endfor %}', data);
			throw new Error('expected a failure');
		} catch (error) {
			expect((error as Error).message).not.toContain('Anna');
		}
	});
});
