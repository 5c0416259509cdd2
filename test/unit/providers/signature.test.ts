import { createHmac } from 'node:crypto';
import { verifyWebhook } from '../../../lib/normalize';
import { aftership } from '../../../lib/providers/aftership';
import { easypost } from '../../../lib/providers/easypost';
import { rawFixture } from './load-fixture';

const SECRET = 'whsec_3f9a8b7c6d5e4f3a';

function aftershipSignature(body: Buffer, secret = SECRET): string {
	return createHmac('sha256', secret).update(body).digest('base64');
}

function easypostSignature(body: Buffer, secret = SECRET): string {
	return `hmac-sha256-hex=${createHmac('sha256', Buffer.from(secret.normalize('NFKD'), 'utf8')).update(body).digest('hex')}`;
}

describe('AfterShip signature (aftership-hmac-sha256)', () => {
	const body = rawFixture('aftership', 'delivered');

	it('accepts the right signature', () => {
		expect(aftership.verify(body, { 'aftership-hmac-sha256': aftershipSignature(body) }, { webhookSecret: SECRET })).toBe(true);
	});

	it('finds the header whatever its case and when repeated', () => {
		const signature = aftershipSignature(body);
		expect(aftership.verify(body, { 'AfterShip-Hmac-SHA256': signature }, { webhookSecret: SECRET })).toBe(true);
		expect(aftership.verify(body, { 'aftership-hmac-sha256': [signature, 'other'] }, { webhookSecret: SECRET })).toBe(true);
	});

	it('rejects a signature made with another secret', () => {
		const headers = { 'aftership-hmac-sha256': aftershipSignature(body, 'another-secret') };
		expect(aftership.verify(body, headers, { webhookSecret: SECRET })).toBe(false);
	});

	it('rejects a missing signature, an empty one, and an empty secret', () => {
		expect(aftership.verify(body, {}, { webhookSecret: SECRET })).toBe(false);
		expect(aftership.verify(body, { 'aftership-hmac-sha256': '' }, { webhookSecret: SECRET })).toBe(false);
		const signedWithEmpty = createHmac('sha256', '').update(body).digest('base64');
		expect(aftership.verify(body, { 'aftership-hmac-sha256': signedWithEmpty }, { webhookSecret: '' })).toBe(false);
	});

	it('rejects a body changed after signing', () => {
		const signature = aftershipSignature(body);
		const tampered = Buffer.from(body.toString('utf8').replace('"Delivered_003"', '"Delivered_001"'), 'utf8');
		expect(tampered.equals(body)).toBe(false);
		expect(aftership.verify(tampered, { 'aftership-hmac-sha256': signature }, { webhookSecret: SECRET })).toBe(false);
	});

	it('rejects the EasyPost header format', () => {
		expect(aftership.verify(body, { 'x-hmac-signature': easypostSignature(body) }, { webhookSecret: SECRET })).toBe(false);
	});
});

describe('EasyPost signature (x-hmac-signature)', () => {
	const body = rawFixture('easypost', 'delivered');

	it('accepts the right signature, any header case', () => {
		expect(easypost.verify(body, { 'x-hmac-signature': easypostSignature(body) }, { webhookSecret: SECRET })).toBe(true);
		expect(easypost.verify(body, { 'X-Hmac-Signature': easypostSignature(body) }, { webhookSecret: SECRET })).toBe(true);
	});

	it('rejects a wrong, missing, unprefixed or tampered signature', () => {
		const right = easypostSignature(body);
		expect(easypost.verify(body, { 'x-hmac-signature': easypostSignature(body, 'nope') }, { webhookSecret: SECRET })).toBe(false);
		expect(easypost.verify(body, {}, { webhookSecret: SECRET })).toBe(false);
		expect(easypost.verify(body, { 'x-hmac-signature': right.replace('hmac-sha256-hex=', '') }, { webhookSecret: SECRET })).toBe(false);
		const tampered = Buffer.from(body.toString('utf8').replace('"delivered"', '"in_transit"'), 'utf8');
		expect(easypost.verify(tampered, { 'x-hmac-signature': right }, { webhookSecret: SECRET })).toBe(false);
	});

	it('keys the HMAC with the NFKD form of a non-ASCII secret', () => {
		// U+FB01 (the "fi" ligature) and a precomposed é both change under NFKD.
		const secret = 'ﬁlé-sécret-Ω';
		expect(secret.normalize('NFKD')).not.toBe(secret);
		const nfkd = easypostSignature(body, secret);
		const raw = `hmac-sha256-hex=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex')}`;
		expect(raw).not.toBe(nfkd);
		expect(easypost.verify(body, { 'x-hmac-signature': nfkd }, { webhookSecret: secret })).toBe(true);
		expect(easypost.verify(body, { 'x-hmac-signature': raw }, { webhookSecret: secret })).toBe(false);
	});
});

describe('verifyWebhook', () => {
	it('checks a string body through the named provider', () => {
		const body = rawFixture('aftership', 'shipped');
		const headers = { 'aftership-hmac-sha256': aftershipSignature(body) };
		expect(verifyWebhook('aftership', body.toString('utf8'), headers, { webhookSecret: SECRET })).toBe(true);
		expect(verifyWebhook('easypost', body, headers, { webhookSecret: SECRET })).toBe(false);
	});

	it('throws for an unknown provider, listing the known ones', () => {
		expect(() => verifyWebhook('ship24', Buffer.from('{}'), {}, { webhookSecret: SECRET })).toThrow(/aftership, easypost, shippo, seventeentrack/);
	});
});
