// Check-digit builders for the tracking tests, written from the published rules (not from
// lib/carriers/detect/checksums.ts), so valid numbers are made here rather than copied.

const digits = (s: string): number[] => [...s].map((c) => Number(c));

/** UPS 1Z: over the 15 characters after 1Z; letters count as (A=2, B=3 ... I=0, J=1 ...), odd places doubled. */
export function upsCheckDigit(payload: string): string {
	const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	const values = [...payload].map((c) => (/[0-9]/.test(c) ? Number(c) : (alphabet.indexOf(c) - 8) % 10));
	const sum = values.reduce((acc, v, i) => acc + (i % 2 === 1 ? 2 * v : v), 0);
	return String((10 - (sum % 10)) % 10);
}

/** '1Z' + 15 characters + their check digit. */
export function ups1Z(payload: string): string {
	if (!/^[0-9A-Z]{15}$/.test(payload)) throw new Error('a 1Z payload is 15 characters');
	return `1Z${payload}${upsCheckDigit(payload)}`;
}

/** FedEx 12-digit: weights 1, 3, 7 from the rightmost payload digit, sum mod 11 mod 10. */
export function fedex12(payload: string): string {
	if (!/^[0-9]{11}$/.test(payload)) throw new Error('a FedEx 12 payload is 11 digits');
	const weights = [1, 3, 7];
	const sum = digits(payload)
		.reverse()
		.reduce((acc, v, i) => acc + v * weights[i % 3]!, 0);
	return `${payload}${(sum % 11) % 10}`;
}

/** GS1 mod 10 (USPS IMpb): weights 3, 1, 3... from the rightmost payload digit. */
export function gs1(payload: string): string {
	const sum = digits(payload)
		.reverse()
		.reduce((acc, v, i) => acc + v * (i % 2 === 0 ? 3 : 1), 0);
	return `${payload}${(10 - (sum % 10)) % 10}`;
}

/** UPU S10: two letters, 8 serial digits, check digit (weights 8 6 4 2 3 5 9 7, mod 11), country. */
export function s10(service: string, serial: string, country: string): string {
	const weights = [8, 6, 4, 2, 3, 5, 9, 7];
	const sum = digits(serial).reduce((acc, v, i) => acc + v * weights[i]!, 0);
	const c = 11 - (sum % 11);
	return `${service}${serial}${c === 10 ? 0 : c === 11 ? 5 : c}${country}`;
}
