import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * USPS APIs v3 (OAuth 2.0 client credentials). There is no `test` request: USPS needs a token
 * from its OAuth endpoint before any call, which a single declarative request cannot do. The
 * node tests the credential by fetching a token (uspsAdapter.testCredentials).
 */
export class UspsApi implements ICredentialType {
	name = 'uspsApi';

	displayName = 'USPS API';

	documentationUrl = 'https://developers.usps.com/';

	icon = { light: 'file:icons/usps.svg', dark: 'file:icons/usps.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Consumer Key',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description: 'USPS Developer Portal > Apps > your app (with the Tracking API) > Consumer Key (the OAuth client ID)',
		},
		{
			displayName: 'Consumer Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The Consumer Secret of the same app (the OAuth client secret)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://apis.usps.com',
			description:
				'Production. Use https://apis-tem.usps.com for the USPS test environment, or a local stand-in. The default quota is about 60 tracking requests per hour.',
		},
	];
}
