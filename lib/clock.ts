/**
 * The one source of "now" for the library and the nodes. Replay swaps it for a simulated clock so
 * quiet hours, caps and expiries behave as they would have at the time of each recorded event.
 */
let source: () => Date = () => new Date();

export function now(): Date {
	return source();
}

/** Replaces the clock; `null` restores the system clock. */
export function setClock(fn: (() => Date) | null): void {
	source = fn ?? (() => new Date());
}
