import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** WooCommerce REST API v3 with a read key pair, over HTTPS (Basic auth). */
export class WooCommerceStoreApi implements ICredentialType {
	name = 'wooCommerceStoreApi';

	displayName = 'Post-Purchase WooCommerce Store API';

	documentationUrl = 'https://woocommerce.github.io/woocommerce-rest-api-docs/';

	icon = { light: 'file:icons/woocommerce.svg', dark: 'file:icons/woocommerce.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Site URL',
			name: 'siteUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://shop.example.com',
			description: 'The WordPress site address; must be https',
		},
		{
			displayName: 'Consumer Key',
			name: 'consumerKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'WooCommerce > Settings > Advanced > REST API > Add key (Read permission is enough)',
		},
		{
			displayName: 'Consumer Secret',
			name: 'consumerSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The secret set on the WooCommerce webhooks; deliveries whose X-WC-Webhook-Signature does not match are refused',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { auth: { username: '={{$credentials.consumerKey}}', password: '={{$credentials.consumerSecret}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.siteUrl.replace(/\\/+$/, "") + "/wp-json/wc/v3"}}', url: '/orders', qs: { per_page: 1 } },
	};
}
