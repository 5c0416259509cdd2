import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** DHL Shipment Tracking - Unified: one API key in the DHL-API-Key header. */
export class DhlApi implements ICredentialType {
	name = 'dhlApi';

	displayName = 'DHL API';

	documentationUrl = 'https://developer.dhl.com/api-reference/shipment-tracking';

	icon = { light: 'file:icons/dhl.svg', dark: 'file:icons/dhl.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'DHL Developer Portal > My Apps > your app > Shipment Tracking - Unified > API Key (not the API Secret)',
		},
		{
			displayName: 'Service Hint',
			name: 'service',
			type: 'options',
			default: '',
			options: [
				{ name: 'Any DHL Division', value: '' },
				{ name: 'DHL eCommerce', value: 'ecommerce' },
				{ name: 'DHL Express', value: 'express' },
				{ name: 'DHL Freight', value: 'freight' },
				{ name: 'DHL Paket (Germany)', value: 'parcel-de' },
				{ name: 'DHL Parcel (Netherlands)', value: 'parcel-nl' },
				{ name: 'DHL Parcel (UK)', value: 'parcel-uk' },
				{ name: 'Deutsche Post (Germany)', value: 'post-de' },
			],
			description: 'Where your shipments come from. Set it when one DHL division\'s numbers resolve to another\'s shipments.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api-eu.dhl.com',
			description: 'Change only for a local stand-in',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'DHL-API-Key': '={{$credentials.apiKey}}' } },
	};

	/**
	 * The cheapest call is an unknown number, which answers 404 (problem JSON) for a good key and
	 * 401 {"status":401,"title":"Unauthorized"} for a bad one: so status errors are read from the
	 * body instead of failing the test. dhlAdapter.testCredentials makes the same check in code.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/track/shipments',
			qs: { trackingNumber: '0000000000' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 401, message: 'DHL refused the API key (401)' } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 403, message: 'The API key has no access to Shipment Tracking - Unified (403)' } },
		],
	};
}
