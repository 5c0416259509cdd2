import { detectCarrier } from '../../../../lib/carriers/detect';
import { fedexDigit, upsDigit } from './build';

const ups = `1ZA12B34035678901${upsDigit('A12B34035678901')}`;

describe('input tolerance', () => {
	it.each([
		ups.toLowerCase(),
		` ${ups} `,
		ups.replace(/(...)/g, '$1 '),
		ups.replace(/(....)/g, '$1-'),
		`\t${ups.slice(0, 9)}\u2013${ups.slice(9)}\n`,
	])('%j', (input) => {
		expect(detectCarrier(input)).toMatchObject({ carrier: 'ups', normalized: ups });
	});
});

describe('not tracking numbers', () => {
	it.each([
		'',
		'   ',
		'#1001',
		'1001',
		'order #100123456789',
		'ORDER-1001',
		'jane.doe@example.com',
		'https://example.com/track',
		'415-555-0123',
		'1-415-555-0123',
		'415 555 0123',
		'+1 415 555 0123',
		'(415) 555-0123',
		'hello world',
		'Lorem ipsum dolor sit',
		'tracking number',
		'94105-1234',
		'0000000000000000',
		'1111111111',
		'99999999999999999999',
		'1Z',
		'ÄÖÜ1234567890',
	])('%j', (input) => {
		expect(detectCarrier(input)).toBeNull();
	});

	it('non-string input', () => {
		expect(detectCarrier(undefined as unknown as string)).toBeNull();
		expect(detectCarrier(12345678901 as unknown as string)).toBeNull();
	});

	it('a valid number embedded in text is not a bare number', () => {
		const fedex = '77012345678' + fedexDigit('77012345678');
		expect(detectCarrier(`FedEx ${fedex}`)).toBeNull();
	});
});
