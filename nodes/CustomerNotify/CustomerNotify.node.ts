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
import type { Channel } from '../../lib/channels/types';
import { createSmtpChannel, type SmtpChannelOptions } from '../../lib/channels/smtp';
import { createTwilioChannel } from '../../lib/channels/twilio';
import { journeyItemToNotifyInput } from '../../lib/journey/notifyInput';
import { applyStoredPreference } from '../../lib/preferences/apply';
import { notify, type NotifyDecision, type NotifyOptions, type SmsOptOutMode } from '../../lib/notify';
import { errorItem, nodeError } from '../shared/boundary';
import { asList, whenIncludes } from '../shared/credentialShown';
import { storeAt } from '../shared/storeOption';
import { namesOf } from '../shared/subtitle';
import { n8nHttp } from '../shared/n8nHttp';
import { customerNotifyProperties, templateOverrides } from './CustomerNotify.properties';

const OUTPUT = { sent: 0, deferred: 1, suppressed: 2, failed: 3 } as const;
// Preview renders without sending: it needs no account, so a merchant sees messages before setting one up.
const PREVIEW = { mode: ['preview'] };
const SUBTITLE_CHANNELS = [
	{ value: 'email', name: 'Email' },
	{ value: 'sms', name: 'SMS' },
];

interface SmtpCredential {
	host: string;
	port: number;
	secure: boolean;
	requireTLS?: boolean;
	user?: string;
	password?: string;
	ignoreSslIssues?: boolean;
	hostName?: string;
}

function smtpOptions(credential: SmtpCredential, from: string): SmtpChannelOptions {
	return {
		host: credential.host,
		port: credential.port,
		secure: credential.secure,
		requireTLS: credential.requireTLS,
		user: credential.user || undefined,
		password: credential.password || undefined,
		rejectUnauthorized: !credential.ignoreSslIssues,
		name: credential.hostName || undefined,
		from,
	};
}

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
		subtitle: `={{ ($parameter["mode"] === "preview" ? "Preview · " : "") + (${namesOf('channels', SUBTITLE_CHANNELS, ' + ')} || "No channel") }}`,
		description:
			"Tells the customer about a shipment by email or SMS, honouring their channel choice, consent, quiet hours and a daily cap, and never twice",
		defaults: { name: 'Customer Notify' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Sent', 'Deferred', 'Suppressed', 'Failed'],
		usableAsTool: true,
		credentials: [
			{
				name: 'postPurchaseSmtp',
				displayName: 'SMTP Account (Email)',
				required: true,
				displayOptions: whenIncludes('channels', 'email', PREVIEW),
				testedBy: 'postPurchaseSmtpTest',
			},
			{ name: 'postPurchaseTwilioApi', displayName: 'Twilio Account (SMS)', required: true, displayOptions: whenIncludes('channels', 'sms', PREVIEW) },
		],
		properties: customerNotifyProperties,
	};

	methods = {
		credentialTest: {
			async postPurchaseSmtpTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const channel = createSmtpChannel(smtpOptions(credential.data as unknown as SmtpCredential, 'test@example.com'));
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
		const preview = this.getNodeParameter('mode', 0) === 'preview';
		const onFailure = this.getNode().typeVersion < 2 ? (this.getNodeParameter('onSendFailure', 0, 'output') as string) : 'output';
		const settings = this.getNodeParameter('settings', 0, {}) as IDataObject;
		const channels: Record<string, Channel> = {};
		// Preview renders and decides without sending, so it needs neither a sender nor a credential.
		if (enabled.includes('email') && !preview) {
			const from = String(this.getNodeParameter('emailFrom', 0, '') ?? '').trim();
			if (!from) throw new NodeOperationError(this.getNode(), 'Email From is empty: set the sender, e.g. "Acme Shop <orders@acme.example>", or take Email out of Channels.');
			const credential = await this.getCredentials<SmtpCredential>('postPurchaseSmtp');
			channels.email = createSmtpChannel(smtpOptions(credential, from));
		}
		if (enabled.includes('sms') && !preview) {
			const from = String(this.getNodeParameter('smsFrom', 0, '') ?? '').trim() || undefined;
			const messagingServiceSid = (settings.messagingServiceSid as string) || undefined;
			if (!from && !messagingServiceSid) {
				throw new NodeOperationError(this.getNode(), 'SMS From is empty: set your Twilio number (E.164, e.g. +15005550006) or a Messaging Service SID under Settings, or take SMS out of Channels.');
			}
			const credential = await this.getCredentials<{ accountSid: string; baseUrl?: string }>('postPurchaseTwilioApi');
			channels.sms = createTwilioChannel({
				accountSid: credential.accountSid,
				baseUrl: credential.baseUrl || undefined,
				from,
				messagingServiceSid,
				http: n8nHttp(this, 'postPurchaseTwilioApi'),
			});
		}
		const store = storeAt(settings.storePath as string | undefined);
		const quiet = (this.getNodeParameter('quietHours', 0, {}) as IDataObject) ?? {};
		const options: NotifyOptions = {
			quietHours: {
				enabled: quiet.enabled !== false,
				start: (quiet.start as string) || '21:00',
				end: (quiet.end as string) || '08:00',
				channels: quiet.channels === undefined ? ['sms'] : asList(quiet.channels),
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
							email: this.getNodeParameter('recipientEmail', i, '') as string,
							phone: this.getNodeParameter('recipientPhone', i, '') as string,
							preference: this.getNodeParameter('preference', i, '') as string,
							timeZone: this.getNodeParameter('timeZone', i, '') as string,
							emailOptOut: this.getNodeParameter('emailOptOut', i, false) as boolean,
							smsOptOut: this.getNodeParameter('smsOptOut', i, false) as boolean,
						},
						options.brand as IDataObject,
					);
					const input = await applyStoredPreference(fromItem, item, store);
					const previous = item.notification as IDataObject | undefined;
					// An item back from the Wait node after a quiet-hours deferral goes to that channel only.
					const resumed = previous?.status === 'deferred';
					const onlyChannel = resumed ? (previous.channel as 'email' | 'sms') : undefined;
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
