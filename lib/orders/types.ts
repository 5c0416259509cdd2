import type { HttpFn } from '../http';
import type { OrderContext } from './model';

/** Why a lookup failed, in words a workflow can act on (the same words as CarrierError). */
export type OrderSourceErrorCode =
	| 'not_found' // the endpoint or shop is not there (an unknown order is `null`, not an error)
	| 'auth' // credentials refused, or a permission (scope) missing
	| 'rate_limited' // 429 or Shopify THROTTLED after the bounded retries
	| 'server' // 5xx
	| 'malformed' // an answer that is not the API's documented shape
	| 'timeout' // no answer in time, or the connection failed
	| 'invalid_request'; // any other refusal, or a reference the source cannot look up

/** A source's refusal. Its message names the source, the code and a field, never customer data. */
export class OrderSourceError extends Error {
	constructor(
		readonly source: string,
		readonly code: OrderSourceErrorCode,
		message: string,
		readonly details: {
			httpStatus?: number;
			/** The source's own code: Shopify extensions.code, WooCommerce `code`, HubSpot `category`. */
			providerCode?: string;
			/** How long the source asked to wait, when it said. */
			retryAfterMs?: number;
			/** The offending response field, for 'malformed'. */
			field?: string;
		} = {},
	) {
		super(message);
		this.name = 'OrderSourceError';
	}

	get retryable(): boolean {
		return this.code === 'rate_limited' || this.code === 'server' || this.code === 'timeout';
	}
}

/** Which order: any one of these; sources use the most direct they support. */
export interface OrderRef {
	/** The source's own id: Shopify numeric or gid://shopify/Order/..., WooCommerce post id. */
	id?: string;
	/** What the customer sees: '#1001', '1001'. */
	number?: string;
	trackingNumber?: string;
	/** The buyer's address: the latest order of that customer, or narrows a tracking-number search. */
	email?: string;
}

export interface OrderSourceContext {
	/** Plain transport (axiosHttp, n8n's httpRequest): every client adds its own auth from `credentials`. */
	http: HttpFn;
	/** The credential's fields (see credentials/*Api.credentials.ts). */
	credentials: Record<string, string | undefined>;
	now?: () => Date;
	/** Waits between throttled attempts; injected by tests. */
	sleep?: (ms: number) => Promise<void>;
	/** Attempts per request when throttled, the first included; default 4. */
	maxAttempts?: number;
}

/**
 * An order or customer system, one file per source behind this interface, registered in
 * ./registry.ts. Every failure is an OrderSourceError; an order or customer that does not exist is
 * `null`.
 */
export interface OrderSource {
	/** 'shopify', 'woocommerce', 'hubspot'. */
	id: string;
	displayName: string;
	/** The n8n credential type the source reads. */
	credentialType: string;
	/** What the source adds, in a few words (Order Lookup shows it under the source's option). */
	summary: string;
	/** True for order systems (order facts), false for a CRM (customer facts only). */
	hasOrders: boolean;
	getOrder(ref: OrderRef, ctx: OrderSourceContext): Promise<OrderContext | null>;
	/** The customer alone, as a context without `order`, ready for mergeContexts. */
	getCustomer?(ref: { email: string }, ctx: OrderSourceContext): Promise<OrderContext | null>;
}
