// Check-digit builders for the tests, written independently of lib/carriers/detect/checksums.ts
// (explicit weight tables, left to right) so a bug in one does not hide in the other.

const digits = (s: string): number[] => [...s].map((c) => Number(c));

/** GS1 mod 10: weights 3,1,3... counted from the right end of the payload. */
export function gs1Digit(payload: string): string {
	const d = digits(payload);
	let sum = 0;
	d.forEach((v, i) => (sum += v * ((d.length - i) % 2 === 1 ? 3 : 1)));
	return String((10 - (sum % 10)) % 10);
}

/** UPS: letters become (A=2, B=3 ... I=0, J=1 ...), weights 1,2 from the left. */
export function upsDigit(payload: string): string {
	const order = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	const values = [...payload].map((c) => (/[0-9]/.test(c) ? Number(c) : (order.indexOf(c) - 10 + 2) % 10));
	const sum = values.reduce((acc, v, i) => acc + (i % 2 === 1 ? 2 * v : v), 0);
	return String((10 - (sum % 10)) % 10);
}

/** FedEx: weights 1,3,7 repeating from the rightmost payload digit; sum mod 11 mod 10. */
export function fedexDigit(payload: string): string {
	const w = [1, 3, 7];
	const d = digits(payload).reverse();
	const sum = d.reduce((acc, v, i) => acc + v * w[i % 3], 0);
	return String((sum % 11) % 10);
}

export function mod7Digit(payload: string): string {
	return String(Number(BigInt(payload) % 7n));
}

export function luhnDigit(payload: string): string {
	const d = digits(payload).reverse();
	const sum = d.reduce((acc, v, i) => acc + (i % 2 === 0 ? (v * 2 > 9 ? v * 2 - 9 : v * 2) : v), 0);
	return String((10 - (sum % 10)) % 10);
}

/** UPU S10 over 8 serial digits. */
export function s10Digit(serial: string): string {
	const w = [8, 6, 4, 2, 3, 5, 9, 7];
	const sum = digits(serial).reduce((acc, v, i) => acc + v * w[i], 0);
	const c = 11 - (sum % 11);
	return String(c === 10 ? 0 : c === 11 ? 5 : c);
}

/** ISO 7064 MOD 37,36 (pure-system hybrid form used by DPD). */
export function mod3736Char(payload: string): string {
	const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	let p = 36;
	for (const ch of payload) {
		let s = (p + alphabet.indexOf(ch)) % 36;
		if (s === 0) s = 36;
		p = (s * 2) % 37;
	}
	return alphabet[(37 - p) % 36];
}

/** A different digit in the same place. */
export function wrong(d: string): string {
	return String((Number(d) + 1) % 10);
}

/** `payload + check`, and the same with a wrong check digit. */
export function pair(payload: string, check: (p: string) => string): [string, string] {
	const c = check(payload);
	return [payload + c, payload + wrong(c)];
}
