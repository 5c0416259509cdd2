import type {
	ICredentialsDisplayOptions,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { detectCarrier } from '../../lib/carriers/detect';
import { ShipmentEventSchema } from '../../lib/model/event';
import { shipmentKey } from '../../lib/store/types';
import { runTrackingAction, type TrackingAction } from '../../lib/tracking/actions';
import { eachItem } from '../shared/boundary';
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
		// The item goes on with what it came with (order, customer) and the result beside it; what the
		// result answers afresh (`replaces`) is dropped from the input, so no stale value looks like the answer.
		const enrich = (i: number, result: object, replaces: readonly string[] = []) =>
			out.push({ json: { ...withoutKeys(items[i].json, replaces), ...definedOnly(result) }, pairedItem: { item: i } });
		await eachItem(
			this,
			items,
			async (_item, i) => {
				const operation = oneOf(this.getNodeParameter('operation', i)) as TrackingAction | 'detect';
				if (!OPERATION_OPTIONS.some((o) => o.value === operation)) {
					throw new NodeOperationError(this.getNode(), `Operation is not set to a known value: choose ${OPERATION_OPTIONS.map((o) => o.name).join(', ')}.`, { itemIndex: i });
				}
				const trackingNumber = String(this.getNodeParameter('trackingNumber', i, '') ?? '').trim();
				if (!trackingNumber) throw new NodeOperationError(this.getNode(), 'Tracking Number is empty: map it from the item (e.g. {{ $json.trackingNumber }}).', { itemIndex: i });
				if (operation === 'detect') {
					enrich(i, { trackingNumber, ...(detectCarrier(trackingNumber) ?? { carrier: null, reason: 'matches no known carrier format' }) }, DETECT_FIELDS);
					return;
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
				if ('event' in result && result.event) enrich(i, { ...result, ...result.event, shipmentKey: shipmentKey(trackingNumber, result.event.carrier) }, EVENT_STATE_FIELDS);
				else enrich(i, result);
			},
			(failed) => out.push(failed),
		);
		return [out];
	}
}

/** What a detection answers: an earlier detection's format or reason must not outlive a new one. */
const DETECT_FIELDS = ['carrier', 'format', 'normalized', 'checkDigitValid', 'candidates', 'reason'];
/**
 * What a fresh event says about the shipment's state: an earlier event's delivery, estimate, location
 * or detail (or its raw payload) must not outlive it. The order and customer context, and the
 * shipment's identity, stay when the event has none of its own.
 */
const EVENT_CONTEXT = new Set(['trackingNumber', 'carrier', 'service', 'trackingUrl', 'orderId', 'orderNumber', 'customer', 'promisedDelivery']);
const EVENT_STATE_FIELDS = [...Object.keys(ShipmentEventSchema.shape).filter((key) => !EVENT_CONTEXT.has(key)), 'raw'];

function withoutKeys(json: IDataObject, keys: readonly string[]): IDataObject {
	return keys.length === 0 ? json : Object.fromEntries(Object.entries(json).filter(([key]) => !keys.includes(key)));
}

/** The result's fields that hold something: an absent one must not erase what the item brought. */
function definedOnly(result: object): IDataObject {
	return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined)) as IDataObject;
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
