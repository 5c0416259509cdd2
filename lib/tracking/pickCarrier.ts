import { detectCarrier } from '../carriers/detect';
import type { DetectResult } from '../carriers/detect/types';
import { hasCarrier } from '../carriers/registry';

/** S10 numbers end in the issuing post's country: the ones whose post has an API here. */
const S10_POSTS: Record<string, string> = { US: 'usps' };

/**
 * The carrier API to ask about a number: the detected carrier, else the first candidate that has
 * an API here. Throws, naming what was detected, when none has one (never a guess).
 */
export function pickCarrier(trackingNumber: string): { carrier: string; detected: DetectResult } {
	const detected = detectCarrier(trackingNumber);
	if (!detected) {
		throw new Error('The tracking number matches no known carrier format: choose the carrier instead of auto-detect.');
	}
	const options = [detected.carrier, ...detected.candidates.map((c) => c.carrier)].map((carrier) =>
		carrier === 's10' ? S10_POSTS[detected.normalized.slice(-2)] ?? carrier : carrier,
	);
	const carrier = options.find((c) => hasCarrier(c));
	if (!carrier) {
		throw new Error(`The number looks like ${detected.format} (${detected.carrier}), a carrier without an API here: track it through an aggregator.`);
	}
	return { carrier, detected };
}
