import type { ICredentialsDisplayOptions, IDataObject, IExecuteFunctions, INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { channelKind, channelKinds, channelProvider, channelProviders } from '../../lib/channels/registry';
import type { Channel } from '../../lib/channels/types';
import { whenIncludes, whenOneOf } from '../shared/credentialShown';
import { n8nHttp } from '../shared/n8nHttp';

// Everything channel-shaped in Customer Notify comes from lib/channels/registry.ts: a new kind or
// provider appears here (options, sender and recipient fields, provider choice) without an edit.

// Preview renders without sending: it needs no account, so a merchant sees messages before setting one up.
const PREVIEW = { mode: ['preview'] };

/** The parameter choosing who delivers a kind: 'emailProvider', 'smsProvider'. */
export const providerParameter = (kind: string) => `${kind}Provider`;

/** "Email (SMTP)", "SMS (Twilio)": the kind and who can deliver it. */
const kindOption = (kind: string) => `${channelKind(kind).displayName} (${channelProviders(kind).map((p) => p.displayName).join(' / ')})`;

export const subtitleChannels = () => channelKinds().map((kind) => ({ value: kind.id, name: kind.displayName }));

/** Shown while Channels includes the kind, its provider is this one, and the node is not previewing. */
export function providerCredentialShown(kind: string, provider: string): ICredentialsDisplayOptions {
	const hidden = whenIncludes('channels', kind, PREVIEW) as { hide: Record<string, unknown> };
	const shown = whenOneOf(providerParameter(kind), [provider]) as { show: Record<string, unknown> };
	return { ...hidden, ...shown } as unknown as ICredentialsDisplayOptions;
}

/** One picker per provider, labelled with its name (n8n's lint reads the node's literal list; a test compares the two). */
export function providerCredentials(): INodeCredentialDescription[] {
	return channelProviders().map((provider) => ({
		name: provider.credentialType,
		displayName: provider.credentialDisplayName,
		required: true,
		displayOptions: providerCredentialShown(provider.kind, provider.id),
	}));
}

export function channelsProperty(): INodeProperties {
	const kinds = channelKinds();
	return {
		displayName: 'Channels',
		name: 'channels',
		type: 'multiOptions',
		noDataExpression: true,
		options: kinds.map((kind) => ({ name: kindOption(kind.id), value: kind.id })),
		// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-multi-options -- an array, read from the registry
		default: kinds.map((kind) => kind.id),
		description: `Channels this node may use; each asks for its provider's credential (${kinds.map((kind) => `${channelProviders(kind.id).map((p) => p.displayName).join(' or ')} for ${kind.label}`).join(', ')}). Each customer gets the ones they chose, among these.`,
	};
}

/** Per kind: who delivers it, and the sender. */
export function senderProperties(): INodeProperties[] {
	return channelKinds().flatMap((kind): INodeProperties[] => {
		const shown = { show: { channels: [kind.id] } };
		const providers = channelProviders(kind.id);
		const { from } = kind.node;
		return [
			// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the kind's first provider, below
			{
				displayName: `${kind.displayName} Provider`,
				name: providerParameter(kind.id),
				type: 'options',
				noDataExpression: true,
				options: providers.map((provider) => ({ name: provider.displayName, value: provider.id })),
				default: providers[0]?.id ?? '',
				description: `Who delivers ${kind.label}; each asks for its own credential`,
				displayOptions: shown,
			},
			{
				displayName: from.displayName,
				name: from.name,
				type: 'string',
				default: '',
				required: from.required === true,
				placeholder: from.placeholder,
				description: from.description,
				displayOptions: shown,
			},
		];
	});
}

export function contactProperties(): INodeProperties[] {
	return channelKinds().map((kind) => ({
		displayName: kind.node.contact.displayName,
		name: kind.node.contact.name,
		type: 'string',
		default: `={{ $json.customer?.${kind.contactField} }}`,
		description: kind.node.contact.description,
	}));
}

export function optOutProperties(): INodeProperties[] {
	return channelKinds().map((kind) => ({
		displayName: kind.node.optOut.displayName,
		name: kind.node.optOut.name,
		type: 'boolean',
		default: false,
		description: kind.node.optOut.description,
	}));
}

export const quietHoursKindOptions = () => channelKinds().map((kind) => ({ name: kind.displayName, value: kind.id }));
export const quietByDefault = () => channelKinds().filter((kind) => kind.quietByDefault).map((kind) => kind.id);

/** The item's addresses and opt-outs under the kinds' field names, from the node's parameters. */
export function recipientFields(ctx: IExecuteFunctions, itemIndex: number): Record<string, string | boolean> {
	const fields: Record<string, string | boolean> = {};
	for (const kind of channelKinds()) {
		fields[kind.contactField] = ctx.getNodeParameter(kind.node.contact.name, itemIndex, '') as string;
		fields[kind.optOutField] = ctx.getNodeParameter(kind.node.optOut.name, itemIndex, false) as boolean;
	}
	return fields;
}

/** A sender per enabled kind, from its chosen provider; a sender set-up that cannot work stops here, naming the field. */
export async function buildSenders(ctx: IExecuteFunctions, enabled: string[], settings: IDataObject): Promise<Record<string, Channel>> {
	const senders: Record<string, Channel> = {};
	for (const kindId of enabled) {
		const kind = channelKind(kindId);
		const providers = channelProviders(kind.id);
		const provider = channelProvider(ctx.getNodeParameter(providerParameter(kind.id), 0, providers[0]?.id ?? '') as string);
		if (provider.kind !== kind.id) {
			throw new NodeOperationError(ctx.getNode(), `${kind.displayName} Provider '${provider.displayName}' does not deliver ${kind.label}: choose one of ${providers.map((p) => p.displayName).join(', ')}.`);
		}
		const from = String(ctx.getNodeParameter(kind.node.from.name, 0, '') ?? '').trim();
		const problem = provider.checkSender({ from, settings });
		if (problem) throw new NodeOperationError(ctx.getNode(), problem);
		const credentials = await ctx.getCredentials(provider.credentialType);
		senders[kind.id] = provider.create({
			credentials: credentials as Record<string, unknown>,
			from,
			settings,
			http: provider.authenticatesHttp ? n8nHttp(ctx, provider.credentialType) : undefined,
		});
	}
	return senders;
}
