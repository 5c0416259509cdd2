import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class ShippoApi implements ICredentialType {
	name = 'shippoApi';

	displayName = 'Shippo API';

	documentationUrl = 'https://docs.goshippo.com/docs/tracking/webhooksecurity';

	icon = { light: 'file:icons/shippo.svg', dark: 'file:icons/shippo.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Shippo Settings > API (live or test token). Used to register and read tracks.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A secret of your choosing. Add it to the webhook URL registered in Shippo as ?token=&lt;secret&gt;, or, if Shippo enabled HMAC for your account, enter the HMAC secret Shippo gave you. Deliveries without a matching token or Shippo-Auth-Signature are refused with 401.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.goshippo.com',
			description: 'Change only for a local stand-in',
		},
	];

	// Shippo authenticates API calls with "Authorization: ShippoToken <token>".
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=ShippoToken {{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/carrier_accounts', qs: { results: 1 } },
	};
}
