import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { ingestWebhook } from '../../lib/ingest';
import { listProviders } from '../../lib/providers/registry';
import { shipmentKey } from '../../lib/store/types';
import { asList, whenOneOf } from '../shared/credentialShown';
import { storeAt, storePathOption } from '../shared/storeOption';
import { nameOf, wordList } from '../shared/subtitle';
import { answer, rawBodyOf } from '../shared/webhook';
import { DEFAULT_PROVIDER, PROVIDER_OPTIONS, providerNotices, shipmentTrackingPanel } from './ShipmentTrackingTrigger.panel';

export class ShipmentTrackingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shipment Tracking Trigger',
		name: 'shipmentTrackingTrigger',
		icon: { light: 'file:shipmentTracking.svg', dark: 'file:shipmentTracking.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ${nameOf('provider', PROVIDER_OPTIONS)} }}`,
		description: 'Starts the workflow when a tracking provider (AfterShip, EasyPost, Shippo, 17TRACK) reports a shipment update',
		defaults: { name: 'Shipment Tracking Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		triggerPanel: shipmentTrackingPanel,
		credentials: [
			{ name: 'afterShipApi', displayName: 'AfterShip Account', required: true, displayOptions: whenOneOf('provider', ['aftership']) },
			{ name: 'easyPostApi', displayName: 'EasyPost Account', required: true, displayOptions: whenOneOf('provider', ['easypost']) },
			{ name: 'shippoApi', displayName: 'Shippo Account', required: true, displayOptions: whenOneOf('provider', ['shippo']) },
			{ name: 'seventeenTrackApi', displayName: '17TRACK Account', required: true, displayOptions: whenOneOf('provider', ['seventeentrack']) },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '={{$parameter["path"]}}',
				isFullPath: true,
			},
		],
		properties: [
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				noDataExpression: true,
				options: PROVIDER_OPTIONS,
				default: DEFAULT_PROVIDER,
			},
			...providerNotices,
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: 'shipment-tracking',
				required: true,
				description:
					'The Production URL is &lt;your n8n&gt;/webhook/&lt;path&gt;: give each provider its own path (and trigger node)',
			},
			{
				displayName:
					'Every delivery is checked against the webhook secret before it is read; redelivered events are dropped, so each shipment update starts one execution.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Raw Payload',
						name: 'includeRaw',
						type: 'boolean',
						default: true,
						description: "Whether to keep the provider's untouched payload under `raw` on each event",
					},
					{
						displayName: 'Remember Deliveries For (Days)',
						name: 'dedupeDays',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 30,
						description: 'How long a seen event is remembered to drop redeliveries',
					},
					storePathOption,
				],
			},
		],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// One value, whether stored as a string or (by an older editor) inside a list.
		const provider = asList(this.getNodeParameter('provider'))[0] ?? '';
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const registered = listProviders().find((p) => p.id === provider);
		if (!registered) {
			this.logger.error(`Shipment Tracking Trigger has no known Provider ("${provider}"): choose one in the node`);
			return answer(this, 500, { error: `The trigger has no Provider chosen: choose ${wordList(PROVIDER_OPTIONS.map((o) => o.name))} in the node` });
		}
		const credentials = await this.getCredentials<Record<string, string | undefined>>(registered.credentialType);
		// 17TRACK signs pushes with the API's security key; the others with a webhook secret of their own.
		const webhookSecret = credentials[registered.secretField] || '';
		const rawBody = await rawBodyOf(this);
		if (!rawBody) return answer(this, 400, { error: 'Empty body: a tracking webhook delivery carries a JSON body' });

		const result = await ingestWebhook(
			provider,
			rawBody,
			this.getHeaderData() as Record<string, string>,
			{ webhookSecret },
			storeAt(options.storePath as string | undefined),
			{
				dedupeTtlMs: ((options.dedupeDays as number | undefined) ?? 30) * 24 * 3600 * 1000,
				query: this.getQueryData() as Record<string, unknown>,
			},
		);
		if (result.status !== 200) {
			this.logger.warn(`Shipment Tracking Trigger refused a ${provider} delivery: ${result.error}`);
			return answer(this, result.status, { error: result.error });
		}
		// Answered here, as JSON: with responseMode onReceived n8n would otherwise send its own text.
		const counts = { received: result.events.length + result.duplicates, new: result.events.length, duplicates: result.duplicates };
		// Nothing new (a redelivery, or a ping): acknowledged so the provider stops retrying; nothing runs.
		if (result.events.length === 0) return answer(this, 200, counts);
		this.getResponseObject().status(200).json(counts);
		const includeRaw = options.includeRaw !== false;
		const items = result.events.map((event) => ({
			json: {
				...event,
				shipmentKey: shipmentKey(event.trackingNumber, event.carrier),
				...(includeRaw ? { raw: result.payload } : {}),
			} as IDataObject,
		}));
		return { noWebhookResponse: true, workflowData: [items] };
	}
}
