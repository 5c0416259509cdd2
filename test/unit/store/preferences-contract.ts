import type { Store } from '../../../lib/store/types';

/** The preference center's choices: part of the Store contract (storeContract runs it for every backend). */
export function preferencesContract(name: string, factory: () => Promise<Store> | Store): void {
	describe(`Store contract, preferences: ${name}`, () => {
		let store: Store;
		const order = 'order:shopify:1001';
		const email = `email:${'a'.repeat(64)}`;

		beforeEach(async () => {
			store = await factory();
		});
		afterEach(async () => {
			await store.close();
		});

		it('saves under every subject and reads the first subject that has one', async () => {
			expect(await store.getPreference([order, email])).toBeUndefined();
			await store.setPreference([order, email], { channel: 'sms', language: 'de', updatedAt: '2026-03-01T10:00:00.000Z' });
			expect(await store.getPreference([email])).toEqual({ channel: 'sms', language: 'de', updatedAt: '2026-03-01T10:00:00.000Z' });
			await store.setPreference(['order:shopify:1002'], { channel: 'none', updatedAt: '2026-03-02T10:00:00.000Z' });
			expect(await store.getPreference(['order:shopify:1002', email])).toEqual({ channel: 'none', updatedAt: '2026-03-02T10:00:00.000Z' });
			expect(await store.getPreference(['order:shopify:9999', order])).toMatchObject({ channel: 'sms' });
		});

		it('keeps the latest choice when an older one arrives late', async () => {
			await store.setPreference([order], { channel: 'both', updatedAt: '2026-03-02T10:00:00.000Z' });
			await store.setPreference([order], { channel: 'email', updatedAt: '2026-03-01T10:00:00.000Z' });
			expect(await store.getPreference([order])).toEqual({ channel: 'both', updatedAt: '2026-03-02T10:00:00.000Z' });
			await store.setPreference([order], { channel: 'email', updatedAt: '2026-03-03T10:00:00.000Z' });
			expect(await store.getPreference([order])).toEqual({ channel: 'email', updatedAt: '2026-03-03T10:00:00.000Z' });
		});

		it('refuses a raw address as a subject, and a bad date, without quoting them', async () => {
			await expect(store.setPreference(['email:ada@example.com'], { channel: 'sms', updatedAt: '2026-03-01T10:00:00Z' })).rejects.toThrow(
				expect.objectContaining({ message: expect.not.stringContaining('ada@') }),
			);
			await expect(store.setPreference(['ada'], { channel: 'sms', updatedAt: '2026-03-01T10:00:00Z' })).rejects.toThrow(/subject/);
			await expect(store.setPreference([order], { channel: 'sms', updatedAt: 'soon' })).rejects.toThrow('updatedAt is not a date-time');
			expect(await store.getPreference([order])).toBeUndefined();
		});
	});
}
