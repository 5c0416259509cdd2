// Check-digit algorithms, working on char codes of an upper-case, separator-free string
// so the hot path allocates nothing. `from`..`to` is the payload, `at` the check character.

const ZERO = 48;

/**
 * GS1 mod 10 (USPS, Canada Post, FedEx Ground, SSCC): weights 3,1,3,... starting at the
 * digit left of the check digit. `extra` adds digits that are implied but not printed
 * (USPS legacy 20-digit numbers are computed with a leading '91').
 */
export function gs1(s: string, from: number, at: number, extra = 0): boolean {
	let sum = extra;
	let three = true;
	for (let i = at - 1; i >= from; i--) {
		const d = s.charCodeAt(i) - ZERO;
		sum += three ? d * 3 : d;
		three = !three;
	}
	return (10 - (sum % 10)) % 10 === s.charCodeAt(at) - ZERO;
}

/** Numeric value of a character as UPS converts it: digits as is, letters (code - 63) mod 10 (A=2 ... I=0). */
function upsValue(code: number): number {
	return code <= 57 ? code - ZERO : (code - 63) % 10;
}

/** UPS mod 10 (1Z, waybills, OnTrac): weights 1,2,1,2 from the left, letters converted. */
export function upsMod10(s: string, from: number, at: number): boolean {
	let sum = 0;
	for (let i = from; i < at; i++) {
		const v = upsValue(s.charCodeAt(i));
		sum += (i - from) & 1 ? v * 2 : v;
	}
	return (10 - (sum % 10)) % 10 === s.charCodeAt(at) - ZERO;
}

/** FedEx mod 11: weights 1,3,7 from the digit left of the check digit; remainder mod 10. */
export function fedexMod11(s: string, from: number, at: number): boolean {
	let sum = 0;
	let k = 0;
	for (let i = at - 1; i >= from; i--) {
		const d = s.charCodeAt(i) - ZERO;
		sum += d * (k === 0 ? 1 : k === 1 ? 3 : 7);
		k = k === 2 ? 0 : k + 1;
	}
	return (sum % 11) % 10 === s.charCodeAt(at) - ZERO;
}

/** DHL Express mod 7: the payload read as a number, modulo 7, is the check digit. */
export function mod7(s: string, from: number, at: number): boolean {
	let r = 0;
	for (let i = from; i < at; i++) r = (r * 10 + s.charCodeAt(i) - ZERO) % 7;
	return r === s.charCodeAt(at) - ZERO;
}

/** Luhn (Old Dominion, Purolator): double every second digit from the check digit's left. */
export function luhn(s: string, from: number, at: number): boolean {
	let sum = 0;
	let dbl = true;
	for (let i = at - 1; i >= from; i--) {
		let d = s.charCodeAt(i) - ZERO;
		if (dbl) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
		dbl = !dbl;
	}
	return (10 - (sum % 10)) % 10 === s.charCodeAt(at) - ZERO;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10: weights 8,6,4,2,3,5,9,7 over the 8 serial digits; 11 - sum mod 11, where 10 gives 0 and 11 gives 5. */
export function s10(s: string, from: number): boolean {
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += (s.charCodeAt(from + i) - ZERO) * S10_WEIGHTS[i];
	let c = 11 - (sum % 11);
	if (c === 10) c = 0;
	else if (c === 11) c = 5;
	return c === s.charCodeAt(from + 8) - ZERO;
}

/** Value of 0-9A-Z in base 36. */
function b36(code: number): number {
	return code <= 57 ? code - ZERO : code - 55;
}

/** ISO 7064 MOD 37,36 (DPD parcel label specification): check character 0-9 or A-Z. */
export function mod37x36(s: string, from: number, at: number): boolean {
	let cd = 36;
	for (let i = from; i < at; i++) {
		cd += b36(s.charCodeAt(i));
		if (cd > 36) cd -= 36;
		cd *= 2;
		if (cd > 36) cd -= 37;
	}
	cd = 37 - cd;
	if (cd === 36) cd = 0;
	return cd === b36(s.charCodeAt(at));
}
