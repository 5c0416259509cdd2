import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { ingestWebhook } from '../../lib/ingest';
import { shipmentKey } from '../../lib/store/types';
import { storeAt, storePathOption } from '../shared/storeOption';
import { answer, rawBodyOf } from '../shared/webhook';

/** Credential type per provider; adding a provider adds one line here and one credential file. */
const PROVIDER_CREDENTIALS: Record<string, string> = {
	aftership: 'afterShipApi',
	easypost: 'easyPostApi',
	shippo: 'shippoApi',
	seventeentrack: 'seventeenTrackApi',
};

export class ShipmentTrackingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shipment Tracking Trigger',
		name: 'shipmentTrackingTrigger',
		icon: { light: 'file:shipmentTracking.svg', dark: 'file:shipmentTracking.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["provider"]}}',
		description: 'Starts the workflow when a tracking provider (AfterShip, EasyPost, Shippo, 17TRACK) reports a shipment update',
		defaults: { name: 'Shipment Tracking Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'afterShipApi', required: true, displayOptions: { show: { provider: ['aftership'] } } },
			{ name: 'easyPostApi', required: true, displayOptions: { show: { provider: ['easypost'] } } },
			{ name: 'shippoApi', required: true, displayOptions: { show: { provider: ['shippo'] } } },
			{ name: 'seventeenTrackApi', required: true, displayOptions: { show: { provider: ['seventeentrack'] } } },
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
				options: [
					{ name: 'AfterShip', value: 'aftership', description: 'Tracking webhooks, API 2025-01 or newer' },
					{ name: 'EasyPost', value: 'easypost', description: 'Tracker events (tracker.created, tracker.updated)' },
					{ name: 'Shippo', value: 'shippo', description: 'Tracking webhooks (track_updated); register the URL with ?token=&lt;webhook secret&gt;' },
					{ name: '17TRACK', value: 'seventeentrack', description: 'API v2.2 push, signed with the security key' },
				],
				default: 'aftership',
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: 'shipment-tracking',
				required: true,
				description:
					'The webhook URL is &lt;your n8n&gt;/webhook/&lt;path&gt;. Register that URL with the provider, with the webhook secret from the credential.',
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
		const provider = this.getNodeParameter('provider') as string;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const credentials = await this.getCredentials<{ webhookSecret?: string; apiKey?: string }>(PROVIDER_CREDENTIALS[provider]);
		// 17TRACK signs pushes with the API's security key; the others with a webhook secret of their own.
		const webhookSecret = (provider === 'seventeentrack' ? credentials.apiKey : credentials.webhookSecret) || '';
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
