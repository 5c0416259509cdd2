import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class AfterShipApi implements ICredentialType {
	name = 'afterShipApi';

	displayName = 'AfterShip API';

	documentationUrl = 'https://www.aftership.com/docs/tracking/quickstart/api-quick-start';

	icon = { light: 'file:icons/aftership.svg', dark: 'file:icons/aftership.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'AfterShip Admin > API keys. Used to create and read trackings.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'AfterShip Tracking > Settings > Webhooks > Webhook secret. Deliveries whose aftership-hmac-sha256 header does not match are refused with 401.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.aftership.com',
			description: 'Change only for a regional endpoint or a local stand-in',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'as-api-key': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/tracking/2025-01/couriers' },
	};
}
