/** How customers know the carriers (the event model keeps the tracking_number_data code). */
const CARRIER_NAMES: Record<string, string> = {
	ups: 'UPS',
	fedex: 'FedEx',
	usps: 'USPS',
	dhl: 'DHL',
	amazon: 'Amazon',
	ontrac: 'OnTrac',
	lasership: 'LaserShip',
	dpd: 'DPD',
	canada_post: 'Canada Post',
	purolator: 'Purolator',
	royal_mail: 'Royal Mail',
	gls: 'GLS',
	s10: 'the postal service',
};

/** A carrier code as a name for messages: 'canada_post' → 'Canada Post', unknown 'acme-express' → 'Acme Express'. */
export function carrierDisplayName(code: string | undefined): string | undefined {
	if (!code) return undefined;
	const known = CARRIER_NAMES[code.toLowerCase()];
	if (known) return known;
	return code
		.split(/[-_\s]+/)
		.filter(Boolean)
		.map((word) => word[0].toUpperCase() + word.slice(1))
		.join(' ');
}
