/**
 * Provider error texts often quote the recipient ("<jane@example.com>: Recipient address
 * rejected", "The 'To' number +14155550123 is not valid"). Errors end up in n8n's execution log,
 * so channels pass provider words through these before putting them in a message.
 */

const EMAIL_ADDRESS = /<?[^\s<>@"',;:()[\]]+@[^\s<>@"',;:()[\]]+>?/g;
/** A run of digits with the usual phone punctuation, at least 7 digits long. */
const PHONE_NUMBER = /\+?\(?\d[\d\s().-]{5,}\d/g;

export function redactEmailAddresses(text: string): string {
	return text.replace(EMAIL_ADDRESS, '<redacted>');
}

export function redactPhoneNumbers(text: string): string {
	return text.replace(PHONE_NUMBER, (match) => (match.replace(/\D/g, '').length >= 7 ? '<redacted>' : match));
}
