/**
 * Days a carrier does not deliver, beyond the destination's public holidays. Deliberately simple:
 * USPS delivers Saturdays (not Sundays, bar Priority Mail Express and Amazon contracts) and closes
 * on US federal holidays (usps.com "Postal Holidays"). UPS and FedEx deliver some Saturdays (FedEx
 * Home Delivery, UPS Ground residential in many areas) but not reliably per address, so they keep
 * the default Saturday+Sunday, like every carrier not listed here.
 */
export interface CarrierDays {
	/** ISO weekdays (1 = Monday ... 7 = Sunday) without deliveries. */
	weekend: readonly number[];
	/** A country whose national public holidays the carrier closes on, wherever it delivers. */
	closedOnHolidaysOf?: string;
}

const DEFAULT_DAYS: CarrierDays = { weekend: [6, 7] };

/** Keyed by the courier_code spelling the events carry (lib/providers/common.ts normalizeCarrier). */
const CARRIER_DAYS: Readonly<Record<string, CarrierDays>> = {
	usps: { weekend: [7], closedOnHolidaysOf: 'US' },
};

export function carrierDays(carrier: string | undefined): CarrierDays {
	const code = carrier?.trim().toLowerCase();
	return (code && CARRIER_DAYS[code]) || DEFAULT_DAYS;
}
