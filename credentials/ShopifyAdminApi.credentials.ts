import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Shopify Admin GraphQL API with a custom app's Admin API access token (read_orders, read_customers). */
export class ShopifyAdminApi implements ICredentialType {
	name = 'shopifyAdminApi';

	displayName = 'Post-Purchase Shopify Admin API';

	documentationUrl = 'https://shopify.dev/docs/api/admin-graphql';

	icon = { light: 'file:icons/shopify.svg', dark: 'file:icons/shopify.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Shop Domain',
			name: 'shopDomain',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'my-shop.myshopify.com',
			description: 'The shop name or its myshopify.com domain (not a custom domain)',
		},
		{
			displayName: 'Admin API Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Settings > Apps > Develop apps > your app > API credentials. Needs read_orders and read_customers; read_merchant_managed_fulfillment_orders adds the promised delivery date.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"For the Order Event Trigger: the app's client secret for app-created webhook subscriptions, or the signing secret shown under Settings > Notifications > Webhooks for webhooks created in the admin",
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '2026-07',
			description: 'The Admin API version requests are pinned to; change only after checking the fields still exist',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Shopify-Access-Token': '={{$credentials.accessToken}}' } },
	};

	// The cheapest authenticated call: the shop's own name.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{"https://" + $credentials.shopDomain.replace(/\\.myshopify\\.com\\/?$/, "") + ".myshopify.com"}}',
			url: '={{"/admin/api/" + $credentials.apiVersion + "/graphql.json"}}',
			method: 'POST',
			body: { query: '{ shop { name } }' },
		},
	};
}
