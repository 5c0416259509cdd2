import { channelKinds } from '../channels/registry';
import type { Preference } from '../model/preferences';
import type { StoredPreference } from '../store/types';

/** Languages a customer can choose for their updates: code → the language's own name. */
export const PREFERENCE_LANGUAGES: Readonly<Record<string, string>> = {
	en: 'English',
	de: 'Deutsch',
	fr: 'Français',
	es: 'Español',
	it: 'Italiano',
	nl: 'Nederlands',
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Each channel kind in the customer's words, then both and none: "Email", "Text message", "Both", "No updates". */
function choices(): Array<{ value: Preference; label: string; hint: string }> {
	const kinds = channelKinds();
	return [
		...kinds.map((kind) => ({ value: kind.id, label: capitalized(kind.customerName), hint: kind.customerHint })),
		{ value: 'both', label: 'Both', hint: capitalized(kinds.map((kind) => kind.customerName).join(' and ')) },
		{ value: 'none', label: 'No updates', hint: 'We will not send delivery updates' },
	];
}

const NO_UPDATES = 'We will not send you delivery updates for now. You can change this with the same link.';

/** "We will send your delivery updates by text message.": what a saved choice means, in words. */
function confirmed(preference: Preference): string {
	const kinds = channelKinds();
	const chosen = preference === 'both' ? kinds : kinds.filter((kind) => kind.id === preference);
	if (chosen.length === 0) return NO_UPDATES;
	return `We will send your delivery updates by ${chosen.map((kind) => kind.customerName).join(' and ')}.`;
}

/** Escapes text and attribute values: every value on these pages goes through here. */
export function escapeHtml(value: unknown): string {
	return String(value ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Contrast: #1f2937 on white is 14.7:1, white on #1d4ed8 is 6.7:1, #4b5563 on white 7.6:1 (WCAG AA and AAA for text).
const STYLE = `*{box-sizing:border-box}body{margin:0;background:#f3f4f6;color:#1f2937;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:32rem;margin:0 auto;padding:1.5rem 1rem}.card{background:#fff;border-radius:.75rem;padding:1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .5rem}p{margin:0 0 1rem}fieldset{border:0;margin:0 0 1.25rem;padding:0}legend{font-weight:600;margin-bottom:.5rem;padding:0}
.choice{display:flex;gap:.75rem;align-items:flex-start;padding:.75rem;border:2px solid #d1d5db;border-radius:.5rem;margin-bottom:.5rem}.choice label{display:block;font-weight:600;cursor:pointer}
.choice:has(input:checked){border-color:#1d4ed8;background:#eff6ff}.choice input{width:1.25rem;height:1.25rem;margin:.15rem 0 0;flex:none}
.hint{display:block;color:#4b5563;font-size:.9375rem}label.field{display:block;font-weight:600;margin-bottom:.5rem}
select{width:100%;font:inherit;padding:.6rem;border:2px solid #6b7280;border-radius:.5rem;background:#fff;color:#1f2937;margin-bottom:1.25rem}
button{width:100%;font:inherit;font-weight:600;padding:.8rem 1rem;border:0;border-radius:.5rem;background:#1d4ed8;color:#fff;cursor:pointer}
button:hover{background:#1e40af}:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.errors{border:2px solid #b91c1c;color:#7f1d1d;background:#fef2f2;border-radius:.5rem;padding:.75rem;margin-bottom:1rem}`;

function layout(title: string, body: string, brandName?: string): string {
	const brand = brandName ? `<p class="hint">${escapeHtml(brandName)}</p>` : '';
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main><div class="card">${brand}${body}</div></main>
</body>
</html>
`;
}

export interface PreferenceFormPage {
	/** What the customer recognises ('#1009', from the signed link); the only order or customer data the page shows. */
	orderNumber: string;
	/** The signed query of the link, posted back with the form so the save is verified again. */
	action: string;
	/** The choice already stored, pre-selected. */
	current?: Pick<StoredPreference, 'channel' | 'language'>;
	/** Field errors from a refused submission: field name → message. */
	errors?: Array<{ field: string; message: string }>;
	brandName?: string;
}

/** The form: one fieldset of radio buttons, a language select and a submit button; no script needed. */
export function renderPreferencePage(page: PreferenceFormPage): string {
	const channelError = page.errors?.find((e) => e.field === 'channel');
	const languageError = page.errors?.find((e) => e.field === 'language');
	const errors = page.errors?.length
		? `<div class="errors" role="alert" id="form-errors"><p><strong>Please check your choice:</strong></p><ul>${page.errors
				.map((e) => `<li>${escapeHtml(e.message)}</li>`)
				.join('')}</ul></div>`
		: '';
	const choiceList = choices().map(
		// The label is the name ("Text message"), the hint its description: screen readers say both, apart.
		(c) => `<div class="choice"><input type="radio" id="channel-${c.value}" name="channel" value="${c.value}" aria-describedby="hint-${c.value}"${
			page.current?.channel === c.value ? ' checked' : ''
		}${c.value === 'email' ? ' required' : ''}><div><label for="channel-${c.value}">${escapeHtml(c.label)}</label><span class="hint" id="hint-${c.value}">${escapeHtml(c.hint)}</span></div></div>`,
	).join('\n');
	const selected = page.current?.language ?? 'en';
	const languages = Object.entries(PREFERENCE_LANGUAGES)
		.map(([code, name]) => `<option value="${escapeHtml(code)}" lang="${escapeHtml(code)}"${code === selected ? ' selected' : ''}>${escapeHtml(name)}</option>`)
		.join('');
	const body = `<h1>How should we keep you updated?</h1>
<p>Order ${escapeHtml(page.orderNumber)}: choose how you would like to hear about your delivery.</p>
${errors}<form method="post" action="${escapeHtml(page.action)}">
<fieldset${channelError ? ' aria-invalid="true" aria-describedby="form-errors"' : ''}>
<legend>Delivery updates by</legend>
${choiceList}
</fieldset>
<label class="field" for="language">Language</label>
<select id="language" name="language"${languageError ? ' aria-invalid="true" aria-describedby="form-errors"' : ''}>${languages}</select>
<button type="submit">Save my choice</button>
</form>`;
	return layout('Delivery update preferences', body, page.brandName);
}

/** After a save: what was chosen, in words. */
export function renderConfirmationPage(page: { orderNumber: string; preference: Pick<StoredPreference, 'channel' | 'language'>; brandName?: string }): string {
	const language = page.preference.language ? PREFERENCE_LANGUAGES[page.preference.language] : undefined;
	const body = `<h1 role="status">Thank you, your choice is saved</h1>
<p>${escapeHtml(confirmed(page.preference.channel))}</p>
${language ? `<p>Language: ${escapeHtml(language)}</p>` : ''}<p>Order ${escapeHtml(page.orderNumber)}. It applies from the next update on.</p>`;
	return layout('Choice saved', body, page.brandName);
}

// No "contact us": the page knows no contact to give, and a promise without one helps nobody.
const LINK_ERRORS = {
	expired: { title: 'This link has expired', text: 'For your security, links to this page work for a limited time. Please use the link in a more recent message from us.' },
	invalid: { title: 'This link does not work', text: 'The link is incomplete or was changed. Please open it again from the message we sent you.' },
} as const;

/** For a link that is expired, altered or incomplete; says nothing about any order. */
export function renderLinkErrorPage(reason: 'expired' | 'bad_signature' | 'missing', brandName?: string): string {
	const copy = reason === 'expired' ? LINK_ERRORS.expired : LINK_ERRORS.invalid;
	return layout(copy.title, `<h1>${escapeHtml(copy.title)}</h1>\n<p>${escapeHtml(copy.text)}</p>`, brandName);
}
