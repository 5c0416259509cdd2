import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class PostPurchaseTwilioApi implements ICredentialType {
	name = 'postPurchaseTwilioApi';

	displayName = 'Twilio (Post-Purchase) API';

	documentationUrl = 'https://www.twilio.com/docs/messaging/api/message-resource';

	icon = { light: 'file:icons/twilio.svg', dark: 'file:icons/twilio.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Account SID',
			name: 'accountSid',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'AC0123456789abcdef0123456789abcdef',
		},
		{
			displayName: 'Auth Token',
			name: 'authToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.twilio.com',
			description: 'Change only for a local stand-in or a Twilio edge location',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: { username: '={{$credentials.accountSid}}', password: '={{$credentials.authToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '=/2010-04-01/Accounts/{{$credentials.accountSid}}.json',
		},
	};
}
