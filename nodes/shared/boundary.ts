import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { CarrierError } from '../../lib/carriers/types';
import { ChannelError } from '../../lib/channels/types';
import { InvalidEventError } from '../../lib/model/readEvent';
import { OrderSourceError } from '../../lib/orders/types';
import { PayloadError } from '../../lib/model/errors';

/** What every action node puts under `error` on continue-on-fail: the library's words, never customer data. */
export interface BoundaryError {
	message: string;
	code: string;
	hint: string;
}

/** What to do about each code carriers and order sources share. */
const SOURCE_HINTS: Record<CarrierError['code'], string> = {
	not_found: 'The source does not know this (yet): new labels and orders can take a while to appear.',
	auth: 'Check the credential: its keys or token, and that the API product or scope is enabled for it.',
	rate_limited: 'The quota is spent: try again later, or let a poll trigger pace the calls.',
	server: 'The API failed: try again later.',
	malformed: 'The API answered something unexpected: try again later; report it if it persists.',
	timeout: 'The API did not answer in time: try again later.',
	invalid_request: 'The API refused the request: check the value mapped into the node and the source chosen.',
};
/** Carriers' own words for a lookup, kept from the Carrier Tracking node's earlier descriptions. */
const CARRIER_HINTS: Partial<Record<CarrierError['code'], string>> = {
	not_found: 'The carrier does not know this number (yet): new labels can take hours to appear.',
	rate_limited: 'The carrier quota is spent: try again later, or watch the shipment and let the Carrier Poll Trigger pace the calls.',
	invalid_request: 'The carrier refused the request: check the number and the carrier.',
};

/** The message, a code a workflow can branch on, and what to do, from whichever error the library threw. */
export function describeError(error: unknown): BoundaryError {
	if (error instanceof CarrierError) return { message: error.message, code: error.code, hint: CARRIER_HINTS[error.code] ?? SOURCE_HINTS[error.code] };
	if (error instanceof OrderSourceError) return { message: error.message, code: error.code, hint: SOURCE_HINTS[error.code] };
	if (error instanceof ChannelError) {
		return { message: error.message, code: error.details.retryable ? 'channel_retryable' : 'channel_refused', hint: error.details.hint ?? 'Check the channel credential and the sender.' };
	}
	if (error instanceof PayloadError) return { message: error.message, code: 'invalid_payload', hint: `The body is not the ${error.provider} shape at ${error.field}: check the provider's webhook settings.` };
	if (error instanceof InvalidEventError) return { message: error.message, code: 'invalid_event', hint: `Map a shipment event into the node: ${error.fields.join(', ')}.` };
	if (error instanceof NodeApiError) return { message: error.message, code: String(error.httpCode ?? 'api_error'), hint: error.description ?? '' };
	if (error instanceof NodeOperationError) return { message: error.message, code: 'invalid_parameter', hint: error.description ?? '' };
	// Errors from native modules (SQLite) may come from another realm: read any object with a message.
	if (error instanceof Error || typeof (error as { message?: unknown } | null)?.message === 'string') return { message: (error as Error).message, code: 'invalid_input', hint: '' };
	return { message: `Unexpected ${typeof error} thrown`, code: 'unexpected', hint: '' };
}

/** The item as it came in, with the error beside it: the only shape any node emits on continue-on-fail. */
export function errorItem(input: INodeExecutionData, itemIndex: number, error: unknown): INodeExecutionData {
	return { json: { ...input.json, error: describeError(error) as unknown as IDataObject }, pairedItem: { item: itemIndex } };
}

/** The error n8n shows when the node stops: it names the item, and the hint is the description. */
export function nodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeOperationError | NodeApiError {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		// Thrown by the node itself, perhaps without the item: keep its words, name the item.
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const { message, code, hint } = describeError(error);
	const details = (error as { details?: { httpStatus?: number; providerCode?: string | number } }).details;
	if (error instanceof CarrierError || error instanceof OrderSourceError || error instanceof ChannelError) {
		return new NodeApiError(ctx.getNode(), { message, code: String(details?.providerCode ?? code) } as JsonObject, {
			itemIndex,
			message,
			description: hint,
			httpCode: details?.httpStatus ? String(details.httpStatus) : undefined,
		});
	}
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error : message, { itemIndex, ...(hint ? { description: hint } : {}) });
}

/**
 * Runs `run` for every item. On an error: with continue-on-fail, the item goes out through
 * `failed` as {@link errorItem}; without it, the node stops with {@link nodeError}.
 */
export async function eachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (item: INodeExecutionData, itemIndex: number) => Promise<void>,
	failed: (item: INodeExecutionData) => void,
): Promise<void> {
	for (let i = 0; i < items.length; i++) {
		try {
			await run(items[i], i);
		} catch (error) {
			if (!ctx.continueOnFail()) throw nodeError(ctx, error, i);
			failed(errorItem(items[i], i, error));
		}
	}
}
