import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** SMTP has no HTTP test request: Customer Notify's `postPurchaseSmtpTest` method checks it. */
export class PostPurchaseSmtp implements ICredentialType {
	name = 'postPurchaseSmtp';

	displayName = 'SMTP (Post-Purchase)';

	documentationUrl = 'https://nodemailer.com/smtp/';

	icon = { light: 'file:icons/smtp.svg', dark: 'file:icons/smtp.dark.svg' } as const;

	properties: INodeProperties[] = [
		{ displayName: 'Host', name: 'host', type: 'string', required: true, default: '', placeholder: 'smtp.example.com' },
		{ displayName: 'Port', name: 'port', type: 'number', default: 587 },
		{
			displayName: 'SSL/TLS',
			name: 'secure',
			type: 'boolean',
			default: false,
			description: 'Whether to use implicit TLS (usually port 465). Off: STARTTLS is used when the server offers it.',
		},
		{
			displayName: 'Require STARTTLS',
			name: 'requireTLS',
			type: 'boolean',
			default: false,
			description: 'Whether to refuse to send when the server does not offer STARTTLS',
		},
		{ displayName: 'User', name: 'user', type: 'string', default: '' },
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '' },
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the certificate cannot be validated',
		},
		{
			displayName: 'Client Host Name',
			name: 'hostName',
			type: 'string',
			default: '',
			description: 'The name to greet the server with (EHLO); the machine name when empty',
		},
	];
}
