/**
 * A body that is not the shape its source documents (a webhook delivery, an API response). Its
 * message never quotes payload values. Thrown by adapters of every area, read by ingest and nodes.
 */
export class PayloadError extends Error {
	constructor(
		readonly provider: string,
		/** Dotted path of the offending field, e.g. "msg.tracking_number". */
		readonly field: string,
		message: string,
	) {
		super(`${provider} payload: ${field}: ${message}`);
		this.name = 'PayloadError';
	}
}
