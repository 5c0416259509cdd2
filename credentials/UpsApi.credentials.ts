import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * UPS Track API (OAuth 2.0 client credentials). There is no `test` request: UPS needs a token
 * from its OAuth endpoint before any call, which a single declarative request cannot do. The
 * node tests the credential by fetching a token (upsAdapter.testCredentials).
 */
export class UpsApi implements ICredentialType {
	name = 'upsApi';

	displayName = 'UPS API';

	documentationUrl = 'https://developer.ups.com/api/reference/tracking/product-info';

	icon = { light: 'file:icons/ups.svg', dark: 'file:icons/ups.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description: 'UPS Developer Portal > Apps > your app (with the Tracking API added) > Client ID',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The Client Secret of the same app',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://onlinetools.ups.com',
			description: 'Production. Use https://wwwcie.ups.com for the Customer Integration Environment (test), or a local stand-in.',
		},
	];
}
