import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** The preference center's page address and the secret its links are signed with; tested by the Preference Center node. */
export class PostPurchasePreferencesApi implements ICredentialType {
	name = 'postPurchasePreferencesApi';

	displayName = 'Post-Purchase Preference Center API';

	documentationUrl = 'https://github.com/n8n-nodes-postpurchase/n8n-nodes-postpurchase#preference-center';

	icon = { light: 'file:icons/preferences.svg', dark: 'file:icons/preferences.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Page URL',
			name: 'pageUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://n8n.example.com/webhook/postpurchase/preferences',
			description: "The production URL of the preference center workflow's webhook: the links in messages point here",
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'At least 16 random characters (e.g. `openssl rand -base64 32`). Changing it makes every link already sent stop working.',
		},
	];
}
