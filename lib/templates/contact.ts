/**
 * The merchant's contact, as Liquid, for the messages that ask the customer to get in touch.
 * Comes from the Customer Notify settings Support Phone, Support Email and Support URL
 * (brand.supportPhone, brand.supportEmail, brand.supportUrl). A message must never say
 * "contact us" without saying how, so every ask has a wording for when none is set.
 */

export const HAS_CONTACT = 'brand.supportPhone or brand.supportEmail or brand.supportUrl';

/** Set (by an `assign`) once a message has given the contact, so the footer does not repeat it. */
export const CONTACT_SHOWN = 'contactShown';

export type ContactFlavour = 'html' | 'text';

const LINK_STYLE = 'color:#1d4ed8;';

/** Spaces are not allowed in a tel: URI; the other visual separators (- . ( )) are (RFC 3966). */
const TEL_HREF = "tel:{{ brand.supportPhone | remove: ' ' }}";

function phone(flavour: ContactFlavour): string {
	return flavour === 'html' ? `call <a href="${TEL_HREF}" style="${LINK_STYLE}">{{ brand.supportPhone }}</a>` : 'call {{ brand.supportPhone }}';
}

function email(flavour: ContactFlavour): string {
	return flavour === 'html'
		? `write to <a href="mailto:{{ brand.supportEmail }}" style="${LINK_STYLE}">{{ brand.supportEmail }}</a>`
		: 'write to {{ brand.supportEmail }}';
}

/**
 * In HTML the help page is a short link text, never the URL itself (a long URL widens a phone's
 * view); in plain text its URL follows the sentence on a line of its own (helpUrlLine).
 */
function helpPage(flavour: ContactFlavour): string {
	return flavour === 'html' ? `visit <a href="{{ brand.supportUrl }}" style="${LINK_STYLE}">our help page</a>` : 'visit our help page';
}

/** After a sentence naming the help page: its URL alone on the next line (plain text only). */
export function helpUrlLine(flavour: ContactFlavour): string {
	return flavour === 'text' ? '{% if brand.supportUrl %}\n{{ brand.supportUrl }}{% endif %}' : '';
}

/**
 * "call +1 555 0100, write to help@acme.example or visit our help page", with whichever of the
 * three are set, joined as a sentence would. Renders nothing when none is set.
 */
export function contactList(flavour: ContactFlavour): string {
	return [
		`{% if brand.supportPhone %}${phone(flavour)}{% endif %}`,
		`{% if brand.supportEmail %}{% if brand.supportPhone %}{% if brand.supportUrl %}, {% else %} or {% endif %}{% endif %}${email(flavour)}{% endif %}`,
		`{% if brand.supportUrl %}{% if brand.supportPhone or brand.supportEmail %} or {% endif %}${helpPage(flavour)}{% endif %}`,
	].join('');
}

/** SMS has room for one: the phone (tap to call), else the email, else the help page. */
export const SMS_CONTACT =
	'{% if brand.supportPhone %}{{ brand.supportPhone }}{% elsif brand.supportEmail %}{{ brand.supportEmail }}{% else %}{{ brand.supportUrl }}{% endif %}';

/** `lead` + the contact list + `tail` when a contact is set, else `without` (may be empty). */
export function withContact(flavour: ContactFlavour, lead: string, tail: string, without: string): string {
	return `{% if ${HAS_CONTACT} %}${lead}${contactList(flavour)}${tail}${helpUrlLine(flavour)}{% else %}${without}{% endif %}`;
}
