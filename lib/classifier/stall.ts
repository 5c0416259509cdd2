import { DateTime } from 'luxon';

import { businessDaysBetween, type CalendarOptions } from '../calendar';
import { countryAlpha2 } from '../calendar/countries';
import type { Assessment } from '../model/assessment';
import type { ShipmentEvent, ShipmentStatus } from '../model/event';
import type { ShipmentState } from '../store/types';
import { calendarDate, spokenDate } from './dates';

/** Statuses that are no scan of the parcel: nothing yet, only a label, no meaning, tracking ended. */
const NOT_A_SCAN: ReadonlySet<string> = new Set<ShipmentStatus>(['pending', 'info_received', 'unknown', 'expired']);

/** Final statuses: the shipment is closed and its customer data dropped from the store. */
export const CLOSING_STATUSES: ReadonlySet<string> = new Set<ShipmentStatus>(['delivered', 'returned', 'cancelled']);

/** Silence that is no news: the parcel waits for the customer, or the classifier already told 'stalled'. */
const SILENCE_EXPECTED: ReadonlySet<string> = new Set<ShipmentStatus>(['available_for_pickup', 'expired']);

/** Statuses in which a tracking that never got a scan is "no information". */
const NO_INFO_STATUSES: ReadonlySet<string> = new Set<ShipmentStatus>(['pending', 'info_received', 'unknown']);

/** A real carrier scan: the parcel was seen, not just re-estimated or labelled. */
export function isCarrierScan(event: Pick<ShipmentEvent, 'status' | 'estimateRevision'>): boolean {
	return event.estimateRevision !== true && !NOT_A_SCAN.has(event.status);
}

/** Business days without a scan before 'stalled'; the most specific matching rule wins. */
export interface StallThreshold {
	/** Carrier code (ups, fedex, usps, dhl...); any carrier when absent. */
	carrier?: string;
	/** Words of the service name, case, spaces and punctuation ignored ('2 day' matches 'FedEx 2Day'). */
	service?: string;
	/** International: destination country other than originCountry, or a service named so. */
	scope?: 'domestic' | 'international';
	businessDays: number;
}

/**
 * The defaults, consulted only when no merchant threshold matches:
 *
 * | shipment                                                              | business days |
 * |-----------------------------------------------------------------------|---------------|
 * | international                                                         | 5             |
 * | express, overnight, next day, 2nd day, 2 day, same day, priority      | 2             |
 * | anything else (domestic ground)                                       | 3             |
 */
export const DEFAULT_STALL_THRESHOLDS: readonly StallThreshold[] = [
	{ scope: 'international', businessDays: 5 },
	...['express', 'overnight', 'next day', '2nd day', '2 day', 'same day', 'priority'].map((service) => ({ service, businessDays: 2 })),
];
const DEFAULT_STALL_DAYS = 3;

export interface SilenceOptions {
	/** The merchant's own thresholds, before the defaults (see DEFAULT_STALL_THRESHOLDS). */
	thresholds?: StallThreshold[];
	/** Where the merchant ships from (ISO country), to tell international shipments. */
	originCountry?: string;
	/** Whole days (24 h) a tracking may stay without any scan before it is an exception; default 5. */
	noInfoDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SERVICE_IS_INTERNATIONAL = /international|worldwide|global|intl/;

function squash(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

interface Profile {
	carrier?: string;
	service: string;
	scope: 'domestic' | 'international';
}

function profileOf(state: ShipmentState, originCountry: string | undefined): Profile {
	const service = squash(state.service ?? '');
	const origin = countryAlpha2(originCountry);
	const destination = countryAlpha2(state.destinationCountry);
	const crossesBorder = Boolean(origin && destination && origin !== destination);
	return {
		carrier: state.carrier?.toLowerCase(),
		service,
		scope: crossesBorder || SERVICE_IS_INTERNATIONAL.test(service) ? 'international' : 'domestic',
	};
}

/** The matching rule with the most conditions; the first listed on a tie. */
function mostSpecific(rules: readonly StallThreshold[], profile: Profile): StallThreshold | undefined {
	let best: StallThreshold | undefined;
	let bestScore = -1;
	for (const rule of rules) {
		if (rule.carrier && rule.carrier.toLowerCase() !== profile.carrier) continue;
		if (rule.service && !profile.service.includes(squash(rule.service))) continue;
		if (rule.scope && rule.scope !== profile.scope) continue;
		const score = [rule.carrier, rule.service, rule.scope].filter(Boolean).length;
		if (score > bestScore) [best, bestScore] = [rule, score];
	}
	return best;
}

/** Business days of silence that make this shipment stalled. */
export function stallThreshold(state: ShipmentState, options: SilenceOptions = {}): number {
	const profile = profileOf(state, options.originCountry);
	const rule = mostSpecific(options.thresholds ?? [], profile) ?? mostSpecific(DEFAULT_STALL_THRESHOLDS, profile);
	return rule?.businessDays ?? DEFAULT_STALL_DAYS;
}

function checkWholeDays(value: unknown, field: string): void {
	if (!(Number.isInteger(value) && (value as number) >= 1)) throw new Error(`${field}: expected a whole number, 1 or more`);
}

/** Throws naming the option (never its value) when a threshold or day count is unusable. */
export function checkSilenceOptions(options: SilenceOptions): void {
	options.thresholds?.forEach((rule, i) => checkWholeDays(rule.businessDays, `thresholds[${i}].businessDays`));
	if (options.noInfoDays !== undefined) checkWholeDays(options.noInfoDays, 'noInfoDays');
}

/** Today's date where `reference` was written (its offset), the best local time a state carries. */
function localToday(now: Date, reference: string): string {
	const zone = DateTime.fromISO(reference, { setZone: true }).zone;
	return DateTime.fromJSDate(now, { zone }).toISODate() as string;
}

function previousDay(date: string): string {
	return DateTime.fromISO(date, { zone: 'utc' }).minus({ days: 1 }).toISODate() as string;
}

/**
 * Business days in (from, to], remembered: a sweep asks for the same few scan dates, one today and
 * a few calendars thousands of times, and each walk costs about 0.1 ms. Bounded by clearing.
 */
const businessDayCounts = new Map<string, number>();
const MAX_REMEMBERED = 10_000;

function businessDaysAfter(from: string, to: string, calendar: CalendarOptions): number {
	const key = [from, to, calendar.country, calendar.region, calendar.carrier].join('|');
	let count = businessDayCounts.get(key);
	if (count === undefined) {
		if (businessDayCounts.size >= MAX_REMEMBERED) businessDayCounts.clear();
		count = businessDaysBetween(from, to, calendar);
		businessDayCounts.set(key, count);
	}
	return count;
}

/**
 * What a shipment's silence means at `now`, or null when it means nothing or was already told
 * (the state's mark; the store's markNotified decides between racing sweeps):
 * - 'stalled': no carrier scan for the threshold's business days (complete days after the last
 *   scan, in the destination's calendar); escalated from twice the threshold;
 * - 'exception': the tracking never got a scan (pending, label only) noInfoDays after it opened.
 */
export function assessSilence(state: ShipmentState, now: Date, options: SilenceOptions = {}): Assessment | null {
	checkSilenceOptions(options);
	if (state.closedAt || CLOSING_STATUSES.has(state.status)) return null;
	if (state.lastScanAt) {
		if (state.stallNotifiedAt || SILENCE_EXPECTED.has(state.status)) return null;
		return stalled(state, state.lastScanAt, now, options);
	}
	if (state.noInfoNotifiedAt || !state.openedAt || !NO_INFO_STATUSES.has(state.status)) return null;
	return noInformation(state, state.openedAt, now, options);
}

function stalled(state: ShipmentState, lastScanAt: string, now: Date, options: SilenceOptions): Assessment | null {
	const threshold = stallThreshold(state, options);
	// Complete silent days never outnumber whole elapsed days: most shipments end here, cheaply.
	if ((now.getTime() - Date.parse(lastScanAt)) / DAY_MS < threshold) return null;
	const scanDate = calendarDate(lastScanAt, 'lastScanAt');
	const calendar: CalendarOptions = { country: state.destinationCountry, region: state.destinationRegion, carrier: state.carrier };
	// Only complete days count: today may still bring a scan.
	const silentDays = Math.max(0, businessDaysAfter(scanDate, previousDay(localToday(now, lastScanAt)), calendar));
	if (silentDays < threshold) return null;
	const service = [state.carrier, state.service].filter(Boolean).join(' ') || 'unknown carrier';
	return {
		trigger: 'stalled',
		notify: true,
		escalate: silentDays >= 2 * threshold,
		severity: 'warning',
		reason: `No carrier scan since ${spokenDate(scanDate)}; we are checking with the carrier.`,
		reasonCode: 'unknown',
		customerAction: 'none',
		agentReason: `No carrier scan for ${silentDays} business days (threshold ${threshold} for ${service}); last scan ${lastScanAt}, status ${state.status}.`,
	};
}

function noInformation(state: ShipmentState, openedAt: string, now: Date, options: SilenceOptions): Assessment | null {
	const days = Math.floor((now.getTime() - Date.parse(openedAt)) / DAY_MS);
	if (Number.isNaN(days)) throw new Error('openedAt: not an ISO date-time');
	if (days < (options.noInfoDays ?? 5)) return null;
	const since = spokenDate(calendarDate(openedAt, 'openedAt'));
	const labelOnly = state.status === 'info_received';
	return {
		trigger: 'exception',
		notify: true,
		escalate: true,
		severity: 'warning',
		reason: labelOnly
			? `Your shipping label was created, but the carrier has not scanned your parcel since tracking started on ${since}; we are looking into it.`
			: `The carrier has had no information about your parcel since tracking started on ${since}; we are looking into it.`,
		// A label never scanned is most often a parcel not yet handed over: the shop's processing.
		reasonCode: labelOnly ? 'processing' : 'unknown',
		customerAction: 'none',
		agentReason: `No carrier scan ${days} days after tracking started (${openedAt}); status ${state.status}${labelOnly ? ': label created, parcel never scanned' : ''}.`,
	};
}
