import type { Assessment, ReasonCode } from '../model/assessment';
import type { ShipmentEvent, StatusDetail } from '../model/event';
import type { JourneyTrigger } from '../model/triggers';

/** Why a problem happened, and how we know: the status or detail, the carrier's own words, or not at all. */
export interface Cause {
	/** 'unknown' or none when nothing names it, as the rules left it. */
	code?: ReasonCode;
	from: 'status' | 'carrier_words' | 'not_given';
}

/** Triggers that report a problem: only these get a cause. Good news has none to give. */
export const PROBLEMS: ReadonlySet<JourneyTrigger> = new Set([
	'delayed',
	'stalled',
	'attempt_failed',
	'address_issue',
	'customs_hold',
	'damaged',
	'lost',
	'refused',
	'returning_to_sender',
	'returned_to_sender',
	'exception',
]);

/**
 * What each detail says about the cause. Details that say how (held, rescheduled, returning) and
 * not why are left out, so the carrier's words can still tell.
 */
const DETAIL_CAUSES: Partial<Record<StatusDetail, ReasonCode>> = {
	weather: 'weather',
	customs_hold: 'customs',
	duties_due: 'customs',
	carrier_delay: 'carrier_capacity',
	address_issue: 'address',
	recipient_unavailable: 'recipient_unavailable',
	business_closed: 'recipient_unavailable',
	damaged: 'damaged',
	lost: 'lost',
	cancelled: 'processing',
};

/**
 * The carrier's words (carrierMessage, then providerSubStatus) that name a cause, first match wins,
 * read after splitting camelCase and underscores ('Exception_NoBody' → 'exception no body',
 * 'weather_delay' → 'weather delay') and lowercasing. Ordered most specific first:
 *
 * | cause                 | words                                                                  |
 * |-----------------------|------------------------------------------------------------------------|
 * | damaged               | damage(d)                                                              |
 * | customs               | customs, clearance, duties                                             |
 * | recipient_unavailable | business closed, no one, nobody, recipient / receiver / consignee /     |
 * |                       | customer not available (home, in), no authorized recipient             |
 * | address               | address(ee), undeliverable as addressed, no such number / street        |
 * | weather               | weather, storm, snow, hurricane, flood                                 |
 * | holiday               | holiday                                                                |
 * | carrier_capacity      | missort, capacity, volume, mechanical, late arrival / trailer / flight, |
 * |                       | delay                                                                  |
 *
 * Recipient comes before address because "nobody available at the address" is about the people;
 * "insufficient" alone is not a cause (it is also "insufficient postage"), "insufficient address"
 * is one through "address". A bare "delay" names no cause (it is what happened, not why), so it
 * maps to nothing: "The carrier has not said why." is the honest answer then.
 */
export const CARRIER_WORDS: ReadonlyArray<readonly [RegExp, ReasonCode]> = [
	[/\bdamage/, 'damaged'],
	[/\bcustoms\b|\bclearance\b|\bduties\b/, 'customs'],
	[
		/\bbusiness (?:was |is )?closed\b|\bno ?(?:one|body)\b|\b(?:recipient|receiver|consignee|customer) (?:was |is )?not (?:available|home|in)\b|\bno authori[sz]ed recipient\b/,
		'recipient_unavailable',
	],
	[/\baddress|\bno such (?:number|street)\b/, 'address'],
	[/\bweather\b|\bstorms?\b|\bsnow|\bhurricane\b|\bflood/, 'weather'],
	[/\bholiday/, 'holiday'],
	[/\bmis ?sort|\bcapacity\b|\bvolume\b|\bmechanical\b|\blate (?:arrival|trailer|flight|truck)\b|\bmissed (?:connection|flight)\b/, 'carrier_capacity'],
];

/** 'Exception_NoBody' → 'exception no body': words a keyword can match. */
function readable(text: string): string {
	return text
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replace(/[_-]+/g, ' ')
		.toLowerCase();
}

/** The cause the carrier's words name, if any; never a guess beyond the table above. */
export function causeInWords(...texts: Array<string | undefined>): ReasonCode | undefined {
	for (const text of texts) {
		if (!text) continue;
		const words = readable(text);
		const found = CARRIER_WORDS.find(([pattern]) => pattern.test(words));
		if (found) return found[1];
	}
	return undefined;
}

/**
 * The cause of a problem: the rules' own code when it names one, else the event's detail, else the
 * carrier's words. Nothing named leaves the rules' code as it was ('unknown' or none): no cause
 * is invented. Undefined when there is no problem (good news, nothing to tell).
 */
export function causeOf(assessment: Assessment, event: ShipmentEvent): Cause | undefined {
	if (!assessment.trigger || !PROBLEMS.has(assessment.trigger)) return undefined;
	const given = assessment.reasonCode;
	if (given && given !== 'unknown') return { code: given, from: 'status' };
	const fromDetail = event.detail ? DETAIL_CAUSES[event.detail] : undefined;
	if (fromDetail) return { code: fromDetail, from: 'status' };
	const fromWords = causeInWords(event.carrierMessage, event.providerSubStatus);
	if (fromWords) return { code: fromWords, from: 'carrier_words' };
	return { ...(given && { code: given }), from: 'not_given' };
}

/** True when the rules had no cause to name, so the customer's words do not yet say one. */
export function causeIsNew(assessment: Assessment): boolean {
	return assessment.reasonCode === undefined || assessment.reasonCode === 'unknown';
}
