import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { channelKindIds } from '../../lib/channels/registry';
import { smtpProvider } from '../../lib/channels/smtp';
import { journeyItemToNotifyInput } from '../../lib/journey/notifyInput';
import { applyStoredPreference } from '../../lib/preferences/apply';
import { notify, type NotifyDecision, type NotifyOptions, type SmsOptOutMode } from '../../lib/notify';
import { errorItem, nodeError } from '../shared/boundary';
import { asList } from '../shared/credentialShown';
import { storeAt } from '../shared/storeOption';
import { namesOf } from '../shared/subtitle';
import { buildSenders, providerCredentialShown, quietByDefault, recipientFields, subtitleChannels } from './channels';
import { customerNotifyProperties, templateOverrides } from './CustomerNotify.properties';

const OUTPUT = { sent: 0, deferred: 1, suppressed: 2, failed: 3 } as const;

export class CustomerNotify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Customer Notify',
		name: 'customerNotify',
		icon: { light: 'file:customerNotify.svg', dark: 'file:customerNotify.dark.svg' },
		group: ['output'],
		// 2: a refused send always leaves on Failed, and n8n's On Error setting alone decides about node
		// errors; version 1 nodes keep On Send Failure (a saved "Stop Workflow" still stops).
		version: [1, 2],
		defaultVersion: 2,
		// "Email + SMS", "Preview · SMS": a string (older workflows) reads the same as a list.
		subtitle: `={{ ($parameter["mode"] === "preview" ? "Preview · " : "") + (${namesOf('channels', subtitleChannels(), ' + ')} || "No channel") }}`,
		description:
			"Tells the customer about a shipment by email or SMS, honouring their channel choice, consent, quiet hours and a daily cap, and never twice",
		defaults: { name: 'Customer Notify' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Sent', 'Deferred', 'Suppressed', 'Failed'],
		usableAsTool: true,
		// One entry per channel provider of lib/channels/registry.ts (test/unit/package/registries.test.ts checks it).
		credentials: [
			{
				name: 'postPurchaseSmtp',
				displayName: 'SMTP Account (Email)',
				required: true,
				displayOptions: providerCredentialShown('email', 'smtp'),
				testedBy: 'postPurchaseSmtpTest',
			},
			{ name: 'postPurchaseTwilioApi', displayName: 'Twilio Account (SMS)', required: true, displayOptions: providerCredentialShown('sms', 'twilio') },
		],
		properties: customerNotifyProperties,
	};

	methods = {
		credentialTest: {
			async postPurchaseSmtpTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const channel = smtpProvider.create({ credentials: (credential.data ?? {}) as Record<string, unknown>, from: 'test@example.com', settings: {} });
				try {
					await channel.verify?.();
					return { status: 'OK', message: 'Connection successful' };
				} catch (error) {
					return { status: 'Error', message: (error as Error).message };
				} finally {
					await channel.close?.();
				}
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const outputs: INodeExecutionData[][] = [[], [], [], []];
		const enabled = asList(this.getNodeParameter('channels', 0, ['email', 'sms']));
		if (enabled.length === 0) throw new NodeOperationError(this.getNode(), 'Channels is empty: choose Email, SMS or both.');
		const unknown = enabled.filter((kind) => !channelKindIds().includes(kind));
		if (unknown.length > 0) throw new NodeOperationError(this.getNode(), `Channels names no channel this package has ('${unknown.join("', '")}'): choose from ${channelKindIds().join(', ')}.`);
		const preview = this.getNodeParameter('mode', 0) === 'preview';
		const onFailure = this.getNode().typeVersion < 2 ? (this.getNodeParameter('onSendFailure', 0, 'output') as string) : 'output';
		const settings = this.getNodeParameter('settings', 0, {}) as IDataObject;
		// Preview renders and decides without sending, so it needs neither a sender nor a credential.
		const channels = preview ? {} : await buildSenders(this, enabled, settings);
		const store = storeAt(settings.storePath as string | undefined);
		const quiet = (this.getNodeParameter('quietHours', 0, {}) as IDataObject) ?? {};
		const options: NotifyOptions = {
			quietHours: {
				enabled: quiet.enabled !== false,
				start: (quiet.start as string) || '21:00',
				end: (quiet.end as string) || '08:00',
				channels: quiet.channels === undefined ? quietByDefault() : asList(quiet.channels),
				allowCritical: quiet.allowCritical !== false,
			},
			dailyCap: (settings.dailyCap as number | undefined) ?? 3,
			defaultTimeZone: (settings.defaultTimeZone as string) || 'UTC',
			defaultCountry: (settings.defaultCountry as string) || undefined,
			templates: templateOverrides(this.getNodeParameter('templates', 0, {}) as IDataObject),
			brand: {
				name: (settings.brandName as string) || undefined,
				supportEmail: (settings.supportEmail as string) || undefined,
				supportUrl: (settings.supportUrl as string) || undefined,
				supportPhone: (settings.supportPhone as string) || undefined,
			},
			// Automatic decides by the sender, so it needs the From (or the Messaging Service).
			smsOptOutLine: {
				mode: (settings.smsOptOutLine as SmsOptOutMode | undefined) ?? 'automatic',
				text: (settings.smsOptOutText as string) || undefined,
				from: enabled.includes('sms') ? String(this.getNodeParameter('smsFrom', 0, '') ?? '') : undefined,
				messagingServiceSid: (settings.messagingServiceSid as string) || undefined,
			},
			dryRun: preview,
		};

		try {
			for (let i = 0; i < items.length; i++) {
				let decisions: NotifyDecision[];
				try {
					const item = items[i].json;
					// The customer's own latest choice (preference center) beats what the item says.
					const fromItem = journeyItemToNotifyInput(
						item,
						{
							...recipientFields(this, i),
							preference: this.getNodeParameter('preference', i, '') as string,
							timeZone: this.getNodeParameter('timeZone', i, '') as string,
						},
						options.brand as IDataObject,
					);
					const input = await applyStoredPreference(fromItem, item, store);
					const previous = item.notification as IDataObject | undefined;
					// An item back from the Wait node after a quiet-hours deferral goes to that channel only.
					const resumed = previous?.status === 'deferred';
					const onlyChannel = resumed ? (previous.channel as string) : undefined;
					const resumeAt = resumed ? (previous.sendAt as string | undefined) : undefined;
					decisions = await notify({ ...input, onlyChannel, resumeAt }, options, { store, channels });
				} catch (error) {
					if (!this.continueOnFail()) throw nodeError(this, error, i);
					const failed = errorItem(items[i], i, error);
					// Version 1 items also keep the `notification` their saved workflows read (it replaces a stale deferral's).
					if (this.getNode().typeVersion < 2) failed.json.notification = { status: 'failed', reason: (failed.json.error as IDataObject).message };
					outputs[OUTPUT.failed].push(failed);
					continue;
				}
				for (const decision of decisions) {
					// A refused send is an outcome and leaves on Failed; only a saved "Stop Workflow" still stops.
					if (decision.status === 'failed' && onFailure === 'stop' && !this.continueOnFail()) {
						throw new NodeApiError(this.getNode(), (decision.error ?? { message: decision.reason }) as unknown as JsonObject, {
							itemIndex: i,
							message: decision.error?.message ?? decision.reason,
							description: decision.error?.hint,
							httpCode: decision.error?.httpStatus ? String(decision.error.httpStatus) : undefined,
						});
					}
					outputs[OUTPUT[decision.status]].push({
						json: { ...items[i].json, notification: decision as unknown as IDataObject },
						pairedItem: { item: i },
					});
				}
			}
		} finally {
			await Promise.all(Object.values(channels).map((channel) => channel.close?.()));
		}
		return outputs;
	}
}
