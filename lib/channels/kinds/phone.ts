import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type E164Result = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * Normalizes a phone number to E.164 for SMS. Numbers without a "+country" prefix are read in
 * `defaultCountry` (ISO 3166-1 alpha-2). The reason never repeats the number: it ends up in
 * decisions and logs.
 */
export function toE164(raw: string, defaultCountry?: string): E164Result {
	const trimmed = typeof raw === 'string' ? raw.trim() : '';
	if (!trimmed) return { ok: false, reason: 'The phone number is empty' };
	const hasPrefix = trimmed.startsWith('+');
	// A number with its own +country needs no default, so an unusable default does not matter then.
	const country = hasPrefix ? undefined : defaultCountry?.trim().toUpperCase() || undefined;
	if (country !== undefined && !isSupportedCountry(country)) {
		return { ok: false, reason: `Unknown default country '${country}': use an ISO 3166-1 alpha-2 code such as 'DE' or 'US'` };
	}
	if (!hasPrefix && !country) {
		return {
			ok: false,
			reason: 'The phone number has no +country prefix and no default country is set (set the recipient country or a default country such as \'US\')',
		};
	}
	const parsed = parsePhoneNumberFromString(trimmed, country as CountryCode | undefined);
	if (!parsed) return { ok: false, reason: 'The phone number could not be read as a phone number' };
	if (!parsed.isValid()) {
		const region = parsed.country ?? country;
		return { ok: false, reason: `The phone number is not a valid number${region ? ` for ${region}` : ''}` };
	}
	return { ok: true, e164: parsed.number };
}
