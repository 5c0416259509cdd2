import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** HubSpot CRM contacts with a private app's access token (crm.objects.contacts.read). */
export class HubSpotCrmApi implements ICredentialType {
	name = 'hubSpotCrmApi';

	displayName = 'Post-Purchase HubSpot CRM API';

	documentationUrl = 'https://developers.hubspot.com/docs/api/crm/contacts';

	icon = { light: 'file:icons/hubspot.svg', dark: 'file:icons/hubspot.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Private App Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Settings > Integrations > Private Apps > your app > Access token. Needs crm.objects.contacts.read.',
		},
		{
			displayName: 'Preference Property',
			name: 'preferenceProperty',
			type: 'string',
			default: 'postpurchase_channel_preference',
			description: 'Internal name of the contact property holding the channel preference: email, sms, both or none',
		},
		{
			displayName: 'Lifetime Value Property',
			name: 'lifetimeValueProperty',
			type: 'string',
			default: 'total_revenue',
			description: 'Internal name of the contact property holding what the customer has spent',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.hubapi.com',
			description: 'Change only for a local stand-in',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/crm/v3/objects/contacts', qs: { limit: 1 } },
	};
}
