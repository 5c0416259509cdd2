import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { detectCarrier } from '../../lib/carriers/detect';
import { CarrierError } from '../../lib/carriers/types';
import { shipmentKey } from '../../lib/store/types';
import { runTrackingAction, type TrackingAction } from '../../lib/tracking/actions';
import { aggregatorContext, carrierContext, carrierCredentialTest } from '../shared/carriers';
import { storeAt } from '../shared/storeOption';
import { carrierTrackingProperties } from './CarrierTracking.properties';

/** What to do about each kind of carrier refusal, for the error's description. */
const HINTS: Record<CarrierError['code'], string> = {
	not_found: 'The carrier does not know this number (yet): new labels can take hours to appear.',
	auth: 'Check the credential: client id and secret (or API key), and that the API product is enabled for it.',
	rate_limited: 'The carrier quota is spent: try again later, or watch the shipment and let the Carrier Poll Trigger pace the calls.',
	server: 'The carrier API failed: try again later.',
	malformed: 'The carrier answered something unexpected: try again later; report it if it persists.',
	timeout: 'The carrier did not answer in time: try again later.',
	invalid_request: 'The carrier refused the request: check the number and the carrier.',
};

export class CarrierTracking implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Carrier Tracking',
		name: 'carrierTracking',
		icon: { light: 'file:carrierTracking.svg', dark: 'file:carrierTracking.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ($parameter["source"] ? ": " + $parameter["source"] : "")}}',
		description: 'Detects carriers, looks shipments up, and starts or stops watching them, through carrier APIs or aggregators',
		defaults: { name: 'Carrier Tracking' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			// Spelled out per credential: n8n's lint reads `testedBy` from these literals.
			{ name: 'upsApi', required: false, displayOptions: { show: { source: ['ups', 'auto'] } }, testedBy: 'carrierCredentialTest' },
			{ name: 'fedExApi', required: false, displayOptions: { show: { source: ['fedex', 'auto'] } }, testedBy: 'carrierCredentialTest' },
			{ name: 'uspsApi', required: false, displayOptions: { show: { source: ['usps', 'auto'] } }, testedBy: 'carrierCredentialTest' },
			{ name: 'dhlApi', required: false, displayOptions: { show: { source: ['dhl', 'auto'] } }, testedBy: 'carrierCredentialTest' },
			{ name: 'afterShipApi', required: true, displayOptions: { show: { source: ['aftership'] } } },
			{ name: 'easyPostApi', required: true, displayOptions: { show: { source: ['easypost'] } } },
			{ name: 'shippoApi', required: true, displayOptions: { show: { source: ['shippo'] } } },
			{ name: 'seventeenTrackApi', required: true, displayOptions: { show: { source: ['seventeentrack'] } } },
		],
		properties: carrierTrackingProperties,
	};

	methods = { credentialTest: { carrierCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const operation = this.getNodeParameter('operation', i) as TrackingAction | 'detect';
				const trackingNumber = String(this.getNodeParameter('trackingNumber', i, '')).trim();
				if (!trackingNumber) throw new NodeOperationError(this.getNode(), 'Tracking Number is empty: map it from the item (e.g. {{ $json.trackingNumber }}).', { itemIndex: i });
				if (operation === 'detect') {
					out.push({ json: { trackingNumber, ...(detectCarrier(trackingNumber) ?? { carrier: null, reason: 'matches no known carrier format' }) } as IDataObject, pairedItem: { item: i } });
					continue;
				}
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const result = await runTrackingAction(
					{
						action: operation,
						trackingNumber,
						source: this.getNodeParameter('source', i) as string,
						aggregatorCarrier: (this.getNodeParameter('aggregatorCarrier', i, '') as string) || undefined,
						providerTrackingId: (this.getNodeParameter('providerTrackingId', i, '') as string) || undefined,
						metadata: operation === 'watch' ? parseMetadata(this, this.getNodeParameter('metadata', i, {}), i) : undefined,
					},
					{
						carrier: (id) => carrierContext(this, id),
						aggregator: (id) => aggregatorContext(this, id),
						store: () => storeAt(options.storePath as string | undefined),
					},
				);
				const json = 'event' in result && result.event ? { ...result, ...result.event, shipmentKey: shipmentKey(trackingNumber, result.event.carrier) } : result;
				out.push({ json: json as unknown as IDataObject, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { ...items[i].json, error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				if (error instanceof CarrierError) {
					throw new NodeApiError(this.getNode(), { message: error.message, code: error.details.providerCode ?? error.code } as JsonObject, {
						itemIndex: i,
						message: error.message,
						description: HINTS[error.code],
						httpCode: error.details.httpStatus ? String(error.details.httpStatus) : undefined,
					});
				}
				throw error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
		}
		return [out];
	}
}

function parseMetadata(ctx: IExecuteFunctions, value: unknown, itemIndex: number): Record<string, unknown> | undefined {
	const invalid = (why: string) =>
		new NodeOperationError(ctx.getNode(), `Order and Customer ${why}: give an object such as { "order": { "number": "#1001" } }.`, { itemIndex });
	if (typeof value === 'string') {
		if (!value.trim()) return undefined;
		try {
			value = JSON.parse(value);
		} catch {
			throw invalid('is not valid JSON');
		}
	}
	if (value === null || value === undefined) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) throw invalid('must be an object');
	// Absent parts (undefined from an expression) are dropped so they do not erase stored ones.
	return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
