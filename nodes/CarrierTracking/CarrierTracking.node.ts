import type {
	ICredentialsDisplayOptions,
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
import { asList, whenOneOf } from '../shared/credentialShown';
import { storeAt } from '../shared/storeOption';
import { nameOf } from '../shared/subtitle';
import { carrierTrackingProperties, LOOKUPS, OPERATION_OPTIONS, SOURCE_OPTIONS } from './CarrierTracking.properties';

/** Shown while Source is one of `sources` and the operation asks a carrier or aggregator. */
function forSources(sources: string[]): ICredentialsDisplayOptions {
	return { show: { ...whenOneOf('source', sources).show, ...whenOneOf('operation', LOOKUPS).show } };
}

/** The subtitle's words: "Start watching · auto-detect", "Track now · FedEx", "Detect carrier". */
const SUBTITLE_OPERATIONS = OPERATION_OPTIONS.map((o) => ({ value: o.value, name: o.name.charAt(0) + o.name.slice(1).toLowerCase() }));
const SUBTITLE_SOURCES = SOURCE_OPTIONS.map((o) => (o.value === 'auto' ? { value: 'auto', name: 'auto-detect' } : o));

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
		subtitle: `={{ ${nameOf('operation', SUBTITLE_OPERATIONS)} + ($parameter["operation"] === "detect" ? "" : " · " + ${nameOf('source', SUBTITLE_SOURCES)}) }}`,
		description: 'Detects carriers, looks shipments up, and starts or stops watching them, through carrier APIs or aggregators',
		defaults: { name: 'Carrier Tracking' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		// Spelled out per credential: n8n's lint reads `testedBy` from these literals. A carrier's own
		// API also serves auto-detect; Detect Carrier needs none.
		credentials: [
			{ name: 'upsApi', displayName: 'UPS API', required: false, displayOptions: forSources(['ups', 'auto']), testedBy: 'carrierCredentialTest' },
			{ name: 'fedExApi', displayName: 'FedEx API', required: false, displayOptions: forSources(['fedex', 'auto']), testedBy: 'carrierCredentialTest' },
			{ name: 'uspsApi', displayName: 'USPS API', required: false, displayOptions: forSources(['usps', 'auto']), testedBy: 'carrierCredentialTest' },
			{ name: 'dhlApi', displayName: 'DHL API', required: false, displayOptions: forSources(['dhl', 'auto']), testedBy: 'carrierCredentialTest' },
			{ name: 'afterShipApi', displayName: 'AfterShip Account', required: true, displayOptions: forSources(['aftership']) },
			{ name: 'easyPostApi', displayName: 'EasyPost Account', required: true, displayOptions: forSources(['easypost']) },
			{ name: 'shippoApi', displayName: 'Shippo Account', required: true, displayOptions: forSources(['shippo']) },
			{ name: 'seventeenTrackApi', displayName: '17TRACK Account', required: true, displayOptions: forSources(['seventeentrack']) },
		],
		properties: carrierTrackingProperties,
	};

	methods = { credentialTest: { carrierCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const operation = oneOf(this.getNodeParameter('operation', i)) as TrackingAction | 'detect';
				if (!OPERATION_OPTIONS.some((o) => o.value === operation)) {
					throw new NodeOperationError(this.getNode(), `Operation is not set to a known value: choose ${OPERATION_OPTIONS.map((o) => o.name).join(', ')}.`, { itemIndex: i });
				}
				const trackingNumber = String(this.getNodeParameter('trackingNumber', i, '') ?? '').trim();
				if (!trackingNumber) throw new NodeOperationError(this.getNode(), 'Tracking Number is empty: map it from the item (e.g. {{ $json.trackingNumber }}).', { itemIndex: i });
				if (operation === 'detect') {
					out.push({ json: { trackingNumber, ...(detectCarrier(trackingNumber) ?? { carrier: null, reason: 'matches no known carrier format' }) } as IDataObject, pairedItem: { item: i } });
					continue;
				}
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const source = oneOf(this.getNodeParameter('source', i, 'auto'));
				if (!SOURCE_OPTIONS.some((o) => o.value === source)) {
					throw new NodeOperationError(this.getNode(), `Carrier or Aggregator is not set to a known value: choose ${SOURCE_OPTIONS.map((o) => o.name).join(', ')}.`, { itemIndex: i });
				}
				const result = await runTrackingAction(
					{
						action: operation,
						trackingNumber,
						source,
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

/** A single-valued selector's value, whether stored as a string or (by an older editor) in a list. */
function oneOf(value: unknown): string {
	return asList(value)[0] ?? '';
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
