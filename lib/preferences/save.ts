import { z } from 'zod';
import { isPreference } from '../channels/registry';
import type { Store, StoredPreference } from '../store/types';
import { verifyPreferenceLink } from './link';
import { PREFERENCE_LANGUAGES } from './page';
import { emailSubject, orderSubject } from './subjects';

/** Who placed the order, as the caller knows it (an order lookup); never shown, never logged. */
export interface PreferenceCustomer {
	email?: string;
	/** Shopify customer id (numeric or gid), for the metafield write-back. */
	shopifyCustomerId?: string;
}

/** Hooks that copy the choice to the shop or CRM (see lib/orders/writeback-*.ts). */
export interface PreferenceWriteBack {
	shopify?: (customerId: string, preference: StoredPreference) => Promise<unknown>;
	hubspot?: (email: string, preference: StoredPreference) => Promise<unknown>;
}

export interface SavePreferenceInput {
	/** The link's query: o, e, s. */
	query: Record<string, unknown> | undefined;
	/** The submitted form: channel, language. */
	form: Record<string, unknown> | undefined;
	secret: string;
	store: Pick<Store, 'setPreference'>;
	now?: Date;
	/** Asked only once the link verified, so a forged link never causes a lookup. */
	customer?: (orderKey: string) => Promise<PreferenceCustomer | undefined>;
	writeBack?: PreferenceWriteBack;
}

export type WriteBackOutcome = 'ok' | 'failed' | 'skipped';

export type SavePreferenceResult =
	| {
			ok: true;
			orderKey: string;
			/** The signed order name of the link ('#1009'), when it has one. */
			orderName?: string;
			preference: StoredPreference;
			/** Which subjects were saved: always 'order', 'email' when the customer's address was known. */
			savedFor: Array<'order' | 'email'>;
			writeBack: { shopify?: WriteBackOutcome; hubspot?: WriteBackOutcome };
			/** Error messages of failed write-backs (they name the system and a code, never customer data). */
			writeBackErrors?: string[];
	  }
	| { ok: false; reason: 'expired' | 'bad_signature' | 'missing' }
	| { ok: false; reason: 'invalid'; errors: Array<{ field: string; message: string }> };

const PreferenceForm = z.object({
	channel: z.string({ message: 'Please choose how you want to receive updates' }).refine(isPreference, { message: 'Please choose how you want to receive updates' }),
	language: z
		.string()
		.refine((code) => code in PREFERENCE_LANGUAGES, { message: 'Please choose one of the languages listed' })
		.optional(),
});

/** A form field as a single trimmed string (a repeated field takes its first value). */
function field(form: Record<string, unknown> | undefined, name: string): string | undefined {
	const raw = form?.[name];
	const value = Array.isArray(raw) ? raw[0] : raw;
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

async function attempt(hook: (() => Promise<unknown>) | undefined, errors: string[]): Promise<WriteBackOutcome | undefined> {
	if (!hook) return undefined;
	try {
		await hook();
		return 'ok';
	} catch (error) {
		errors.push((error as Error).message);
		return 'failed';
	}
}

/**
 * Verifies the link, validates the form, and saves the choice under the order and (when the
 * customer's address is known) the email hash. The store is what Customer Notify reads, so a
 * write-back that fails is reported on the result but does not undo the save.
 */
export async function savePreference(input: SavePreferenceInput): Promise<SavePreferenceResult> {
	const now = input.now ?? new Date();
	const link = verifyPreferenceLink(input.query, input.secret, now);
	if (!link.ok) return link;
	const parsed = PreferenceForm.safeParse({ channel: field(input.form, 'channel'), language: field(input.form, 'language') });
	if (!parsed.success) {
		return { ok: false, reason: 'invalid', errors: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message })) };
	}
	const preference: StoredPreference = { channel: parsed.data.channel, updatedAt: now.toISOString(), ...(parsed.data.language ? { language: parsed.data.language } : {}) };
	const errors: string[] = [];
	// A failed lookup costs only the email subject and the write-backs, never the choice itself.
	let customer: Awaited<ReturnType<NonNullable<SavePreferenceInput['customer']>>> | undefined;
	try {
		customer = input.customer ? await input.customer(link.orderKey) : undefined;
	} catch (error) {
		errors.push(`customer lookup failed: ${(error as Error).name === 'OrderSourceError' ? (error as Error).message : (error as Error).name}`);
	}
	const email = customer?.email?.trim() || undefined;
	const subjects = [orderSubject(link.orderKey), ...(email ? [emailSubject(email)] : [])];
	await input.store.setPreference(subjects, preference);

	const { shopify, hubspot } = input.writeBack ?? {};
	const shopifyId = customer?.shopifyCustomerId;
	const writeBack = {
		shopify: shopify && !shopifyId ? ('skipped' as const) : await attempt(shopify && shopifyId ? () => shopify(shopifyId, preference) : undefined, errors),
		hubspot: hubspot && !email ? ('skipped' as const) : await attempt(hubspot && email ? () => hubspot(email, preference) : undefined, errors),
	};
	return {
		ok: true,
		orderKey: link.orderKey,
		...(link.orderName !== undefined ? { orderName: link.orderName } : {}),
		preference,
		savedFor: email ? ['order', 'email'] : ['order'],
		writeBack: Object.fromEntries(Object.entries(writeBack).filter(([, v]) => v !== undefined)),
		...(errors.length ? { writeBackErrors: errors } : {}),
	};
}
