/**
 * Spaces calls to one carrier so they never exceed its published rate: at most `requests` calls
 * in any window of `perMs`, as evenly spaced calls (no bursts the carrier's limiter could punish).
 */
export class Pacer {
	private nextAt = 0;
	private readonly spacingMs: number;

	/** Spacing is this much wider than the limit, so a carrier counting per sliding window never sees one too many. */
	static readonly MARGIN = 1.05;

	constructor(
		limit: { requests: number; perMs: number },
		private readonly clock: () => number = Date.now,
		private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
	) {
		this.spacingMs = (limit.perMs / Math.max(1, limit.requests)) * Pacer.MARGIN;
	}

	/** How long until the next call may go. */
	delay(): number {
		return Math.max(0, this.nextAt - this.clock());
	}

	/** Resolves when the next call may go. */
	async turn(): Promise<void> {
		const now = this.clock();
		const at = Math.max(now, this.nextAt);
		this.nextAt = at + this.spacingMs;
		if (at > now) await this.sleep(at - now);
	}

	/** Holds every further call until `ms` from now (a 429's Retry-After). */
	pause(ms: number): void {
		this.nextAt = Math.max(this.nextAt, this.clock() + ms);
	}
}
