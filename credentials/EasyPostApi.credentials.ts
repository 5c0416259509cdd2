import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class EasyPostApi implements ICredentialType {
	name = 'easyPostApi';

	displayName = 'EasyPost API';

	documentationUrl = 'https://docs.easypost.com/docs/webhooks';

	icon = { light: 'file:icons/easypost.svg', dark: 'file:icons/easypost.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'EasyPost Dashboard > API Keys (production or test). Used to create and read trackers.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The secret given when the webhook was created. Deliveries whose X-Hmac-Signature header does not match are refused with 401.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.easypost.com',
			description: 'Change only for a local stand-in',
		},
	];

	// EasyPost authenticates API calls with HTTP Basic: the API key as user name, no password.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { auth: { username: '={{$credentials.apiKey}}', password: '' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/v2/trackers', qs: { page_size: 1 } },
	};
}
