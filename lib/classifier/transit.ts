import { addBusinessDays, type CalendarOptions } from '../calendar';
import type { Assessment, ClassifyContext } from '../model/assessment';
import type { ShipmentEvent, ShipmentStatus } from '../model/event';
import { calendarDate } from './dates';
import { promiseOf, type DeliveryCalendar } from './estimates';

/** Typical door-to-door transit of a service, in business days after the carrier has the parcel. */
export interface TransitTime {
	min: number;
	max: number;
}

interface ServiceTransit extends TransitTime {
	/** Matched against the service name lower-cased with everything but letters and digits removed. */
	match: RegExp;
}

interface CarrierTransit {
	/** Checked in order: the more specific names (Priority Mail Express) before the general (Priority). */
	services: readonly ServiceTransit[];
	/** The carrier's standard service, for an unknown or missing service name. */
	standard: TransitTime;
}

/**
 * Typical transit times as the carriers publish them for their domestic (US) services, and DHL
 * for Express Worldwide; figures checked against ups.com "Compare Shipping Services", fedex.com
 * "Shipping Services", usps.com "Compare Mail & Shipping Services" and dhl.com "Express Worldwide"
 * (2025). They are typical, not guaranteed, and ignore origin holidays; they only estimate when
 * the carrier gives no date of its own. The names cover the carriers' APIs (UPS descriptions,
 * FedEx service types such as FEDEX_2_DAY) and the aggregators' (EasyPost NextDayAir, Shippo
 * usps_priority_express). Carriers not listed get no estimate.
 */
const TRANSIT: Readonly<Record<string, CarrierTransit>> = {
	ups: {
		services: [
			{ match: /surepost|groundsaver|mailinnovations/, min: 2, max: 7 },
			{ match: /nextdayair|nextday|1dayair/, min: 1, max: 1 },
			{ match: /2nddayair|seconddayair|2dayair/, min: 2, max: 2 },
			{ match: /3dayselect/, min: 3, max: 3 },
			{ match: /worldwideexpedited|expedited/, min: 2, max: 5 },
			{ match: /worldwideexpress|worldwidesaver|expressplus/, min: 1, max: 3 },
			{ match: /ground|standard/, min: 1, max: 5 },
		],
		standard: { min: 1, max: 5 },
	},
	fedex: {
		services: [
			{ match: /groundeconomy|smartpost/, min: 2, max: 7 },
			{ match: /internationaleconomy/, min: 2, max: 5 },
			{ match: /internationalpriority|internationalfirst/, min: 1, max: 3 },
			{ match: /overnight/, min: 1, max: 1 },
			{ match: /2day/, min: 2, max: 2 },
			{ match: /expresssaver/, min: 3, max: 3 },
			{ match: /ground|homedelivery/, min: 1, max: 5 },
		],
		standard: { min: 1, max: 5 },
	},
	usps: {
		services: [
			{ match: /prioritymailexpress|priorityexpress|^express/, min: 1, max: 2 },
			{ match: /priority/, min: 1, max: 3 },
			{ match: /groundadvantage/, min: 2, max: 5 },
			// First-Class Package, replaced by Ground Advantage in July 2023, still appears on old labels.
			{ match: /firstclass|^first/, min: 1, max: 5 },
			{ match: /mediamail|librarymail|parcelselect/, min: 2, max: 8 },
		],
		standard: { min: 2, max: 5 },
	},
	dhl: {
		services: [{ match: /express|worldwide/, min: 1, max: 3 }],
		// DHL's code covers eCommerce and Paket as well; their published ranges reach 8 days.
		standard: { min: 1, max: 8 },
	},
};

function compact(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The typical transit time of a carrier's service, its standard one when the service is unknown. */
export function transitTime(carrier: string | undefined, service: string | undefined): TransitTime | undefined {
	const table = carrier ? TRANSIT[carrier.trim().toLowerCase()] : undefined;
	if (!table) return undefined;
	const name = service ? compact(service).replace(/^(ups|fedex|usps|dhl)/, '') : '';
	const found = name ? table.services.find((entry) => entry.match.test(name)) : undefined;
	return found ? { min: found.min, max: found.max } : table.standard;
}

interface TransitWindow {
	earliest: string;
	latest: string;
}

/** The earliest and latest typical delivery days for a parcel the carrier had on `from`. */
export function transitWindow(from: string, transit: TransitTime, calendar: CalendarOptions): TransitWindow {
	return { earliest: addBusinessDays(from, transit.min, calendar), latest: addBusinessDays(from, transit.max, calendar) };
}

/** Still on its way: the only statuses a promise can still be made or missed in. */
const MOVING: ReadonlySet<ShipmentStatus> = new Set(['pending', 'info_received', 'in_transit', 'out_for_delivery']);

/** Not yet with the carrier: transit starts today at the earliest. */
const NOT_YET_PICKED_UP: ReadonlySet<ShipmentStatus> = new Set(['pending', 'info_received']);

/** What the package itself says about its delivery, beyond the carrier's estimate. */
export interface Outlook {
	/** The latest typical delivery day from transit standards, when the carrier gives no date. */
	ownEstimate?: string;
	/** The promise can no longer be made, though the carrier has not (yet) said it is late. */
	atRisk?: boolean;
	promisedDate?: string;
}

/** The day the carrier had the parcel: the context's, else this event's when it is the first scan. */
function shipDate(event: ShipmentEvent, context: ClassifyContext, zone: string | undefined): string | undefined {
	if (context.shippedAt) return calendarDate(context.shippedAt, 'context.shippedAt', zone);
	return event.detail === 'picked_up' ? calendarDate(event.occurredAt, 'occurredAt', zone) : undefined;
}

/** The fastest typical delivery: from the ship date, or from today when not yet picked up. */
function earliestDelivery(
	status: ShipmentStatus,
	transit: TransitTime,
	window: TransitWindow | undefined,
	where: DeliveryCalendar,
): string | undefined {
	// Out for delivery arrives today, whatever the table says.
	if (status === 'out_for_delivery') return undefined;
	if (window) return window.earliest;
	return NOT_YET_PICKED_UP.has(status) ? addBusinessDays(where.today, transit.min, where.calendar) : undefined;
}

/**
 * The package's own estimate and whether it can still make the promise. At risk when today is
 * past the promise, or, without a carrier estimate, when even the fastest typical transit (from
 * the ship date, or from today before pickup) lands after it. A carrier's on-time estimate is
 * trusted over the table; a carrier's later one is a delay, not a risk.
 */
export function packageOutlook(event: ShipmentEvent, context: ClassifyContext, where: DeliveryCalendar): Outlook {
	if (!MOVING.has(event.status)) return {};
	const carrierDated = Boolean(event.estimatedDeliveryLatest ?? event.estimatedDelivery);
	const transit = carrierDated ? undefined : transitTime(event.carrier, event.service);
	const shipped = transit && shipDate(event, context, where.zone);
	const window = transit && shipped ? transitWindow(shipped, transit, where.calendar) : undefined;
	const promisedDate = promiseOf(event, context, where.zone);
	if (!promisedDate) return { ownEstimate: window?.latest };

	const earliest = transit && earliestDelivery(event.status, transit, window, where);
	const atRisk = where.today > promisedDate || (earliest !== undefined && earliest > promisedDate);
	return { ownEstimate: window?.latest, atRisk, promisedDate };
}

/**
 * Adds the outlook to an assessment that is no carrier-reported delay. At risk is for the
 * merchant: it changes neither the trigger nor notify nor escalate. The package's own estimate
 * becomes the revised date only where the carrier gave none and no promise stands against it (or
 * the promise is lost anyway), so no message contradicts a promise that can still be kept.
 */
export function withOutlook(assessment: Assessment, outlook: Outlook): Assessment {
	if (assessment.trigger === 'delayed') return assessment;
	const risk = outlook.atRisk ? { atRisk: true, promisedDate: outlook.promisedDate } : {};
	const ownEta =
		outlook.ownEstimate && !assessment.revisedEta && (outlook.atRisk || !outlook.promisedDate)
			? { revisedEta: outlook.ownEstimate, etaSource: 'estimated' as const }
			: {};
	return { ...assessment, ...risk, ...ownEta };
}
