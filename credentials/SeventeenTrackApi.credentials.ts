import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SeventeenTrackApi implements ICredentialType {
	name = 'seventeenTrackApi';

	displayName = '17TRACK API';

	documentationUrl = 'https://api.17track.net/en/doc?version=v2.2';

	icon = { light: 'file:icons/seventeentrack.svg', dark: 'file:icons/seventeentrack.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Security Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'17TRACK API console > Settings > Security key. It authenticates API calls (17token header) and signs webhook pushes: deliveries whose sign header does not match are refused with 401.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.17track.net',
			description: 'Change only for a local stand-in',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { '17token': '={{$credentials.apiKey}}' } },
	};

	// getquota costs no tracking quota and proves the key.
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/track/v2.2/getquota', method: 'POST', body: {} },
	};
}
