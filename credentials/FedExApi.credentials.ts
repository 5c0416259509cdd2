import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * FedEx Track API. The adapter (lib/carriers/fedex.ts) fetches and caches the OAuth token itself
 * (client credentials), so there is no `authenticate`: every call carries a bearer token instead.
 */
export class FedExApi implements ICredentialType {
	name = 'fedExApi';

	displayName = 'FedEx API';

	documentationUrl = 'https://developer.fedex.com/api/en-us/catalog/track/v1/docs.html';

	icon = { light: 'file:icons/fedex.svg', dark: 'file:icons/fedex.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description: 'FedEx Developer Portal > My Projects > your Track API project > API Key (the OAuth client ID)',
		},
		{
			displayName: 'Secret Key',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The Secret Key of the same project (the OAuth client secret)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://apis.fedex.com',
			description: 'Production is https://apis.fedex.com, the sandbox https://apis-sandbox.fedex.com',
		},
	];

	// Getting a token proves both keys; FedEx answers 401 for a wrong pair.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/oauth/token',
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: '={{"grant_type=client_credentials&client_id=" + encodeURIComponent($credentials.clientId) + "&client_secret=" + encodeURIComponent($credentials.clientSecret)}}',
		},
	};
}
