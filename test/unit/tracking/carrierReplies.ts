// Replies of the local carrier stand-in (test/unit/carriers/carrierServer.ts) built from the
// carrier fixtures (test/fixtures/carriers/**, the carriers' documented shapes), for any numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reply, type RecordedRequest, type Reply } from '../carriers/carrierServer';

type Json = Record<string, any>;

export function carrierFixture(carrier: string, name: string): Json {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'carriers', carrier, `${name}.json`), 'utf8'));
}

export const FEDEX_TOKEN = '/oauth/token';
export const FEDEX_TRACK = '/track/v1/trackingnumbers';
export const UPS_TOKEN = '/security/v1/oauth/token';
export const upsTrackPath = (number: string) => `/api/track/v1/details/${number}`;

export const fedexToken = (accessToken = 'fedex-token-1'): Reply => reply.json({ ...carrierFixture('fedex', 'token'), access_token: accessToken });
export const upsToken = (accessToken = 'ups-token-1'): Reply => reply.json({ ...carrierFixture('ups', 'token'), access_token: accessToken });

/** The numbers of a FedEx Track request, in the order asked. */
export function fedexNumbersOf(req: RecordedRequest): string[] {
	const body = JSON.parse(req.body) as { trackingInfo: Array<{ trackingNumberInfo: { trackingNumber: string } }> };
	return body.trackingInfo.map((info) => info.trackingNumberInfo.trackingNumber);
}

/** One completeTrackResult of `fixture` (its first), re-numbered. */
function fedexComplete(number: string, fixture: string): Json {
	const complete = structuredClone(carrierFixture('fedex', fixture).output.completeTrackResults[0]);
	complete.trackingNumber = number;
	for (const result of complete.trackResults) {
		result.trackingNumberInfo.trackingNumber = number;
		result.trackingNumberInfo.trackingNumberUniqueId = `2460~${number}~FDEG`;
	}
	return complete;
}

/** FedEx's per-number not-found inside a 200 (from batch-one-not-found.json). */
function fedexNotFound(number: string): Json {
	const complete = structuredClone(
		carrierFixture('fedex', 'batch-one-not-found').output.completeTrackResults.find((c: Json) => c.trackResults[0].error),
	);
	complete.trackingNumber = number;
	complete.trackResults[0].trackingNumberInfo.trackingNumber = number;
	return complete;
}

/**
 * A FedEx Track responder answering every number it is asked about with `fixture`, except the
 * `notFound` ones (FedEx's TRACKING.TRACKINGNUMBER.NOTFOUND inside the 200).
 */
export function fedexTrack(options: { fixture?: string; notFound?: string[] } = {}): (req: RecordedRequest) => Reply {
	const fixture = options.fixture ?? 'in-transit-window';
	const notFound = new Set(options.notFound ?? []);
	return (req) => {
		const completeTrackResults = fedexNumbersOf(req).map((n) => (notFound.has(n) ? fedexNotFound(n) : fedexComplete(n, fixture)));
		return reply.json({ transactionId: '9e1b6a1c-4f4e-4f9e-9d2b-0f2a7b1c0900', output: { completeTrackResults } });
	};
}

/** A UPS Track API body of `fixture` for `number`. */
export function upsBody(number: string, fixture = 'in-transit'): Json {
	const body = structuredClone(carrierFixture('ups', fixture));
	for (const shipment of body.trackResponse?.shipment ?? []) {
		shipment.inquiryNumber = number;
		for (const pkg of shipment.package ?? []) pkg.trackingNumber = number;
	}
	return body;
}
