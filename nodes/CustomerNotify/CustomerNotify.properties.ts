import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { JOURNEY_TRIGGERS, type JourneyTrigger } from '../../lib/model/triggers';
import { TEMPLATE_VARIABLES } from '../../lib/templates/variables';
import { storePathOption } from '../shared/storeOption';
import { channelsProperty, contactProperties, optOutProperties, quietByDefault, quietHoursKindOptions, senderProperties } from './channels';

/** "customer (firstName, name); order (number, …); …": every documented variable, from the library's own list. */
const templateVariables = Object.entries(
	TEMPLATE_VARIABLES.reduce<Record<string, string[]>>((groups, { path }) => {
		const [root, ...rest] = path.split('.');
		(groups[root] ??= []).push(rest.join('.'));
		return groups;
	}, {}),
)
	.map(([root, fields]) => `${root} (${fields.join(', ')})`)
	.join('; ');

const triggerOptions = JOURNEY_TRIGGERS.map((trigger) => ({
	name: trigger.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
	value: trigger,
}));

export const customerNotifyProperties: INodeProperties[] = [
	{
		displayName:
			'Connect after the Delivery Classifier\'s Notify Customer output or the Order Event Trigger: each item needs `assessment.trigger` and a tracking number or order. Wire Deferred to a Wait node (resume at `notification.sendAt`) and back into this node.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Send', value: 'send', description: 'Send messages and remember them' },
			{
				name: 'Preview',
				value: 'preview',
				description: 'Decide and render every message without sending or remembering anything; needs no email or SMS account',
			},
		],
		default: 'send',
	},
	channelsProperty(),
	...senderProperties(),
	...contactProperties(),
	{
		displayName: 'Channel Preference',
		name: 'preference',
		type: 'string',
		default: '={{ $json.customer?.preference }}',
		description:
			'The customer\'s choice: email, sms, both or none. Default: `customer.preference` (Order Lookup takes it from HubSpot). Empty: email if there is an address, else SMS if there is a phone. A choice saved in the Preference Center wins.',
	},
	{
		displayName: 'Customer Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '={{ $json.customer?.timeZone }}',
		placeholder: 'Europe/Berlin',
		description: "IANA zone for quiet hours. Default: `customer.timeZone` (Order Lookup derives it from the shipping address). Empty: the Default Time Zone under Settings.",
	},
	...optOutProperties(),
	{
		displayName: 'Quiet Hours',
		name: 'quietHours',
		type: 'collection',
		placeholder: 'Change Quiet Hours',
		default: {},
		description: 'Messages that would arrive at night leave on Deferred with a sendAt, for a Wait node',
		options: [
			{
				displayName: 'Apply To',
				name: 'channels',
				type: 'multiOptions',
				options: quietHoursKindOptions(),
				// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-multi-options -- an array, read from the registry
				default: quietByDefault(),
			},
			{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether to hold messages during quiet hours' },
			{ displayName: 'End', name: 'end', type: 'string', default: '08:00', placeholder: 'HH:mm' },
			{
				displayName: 'Let Critical Messages Through',
				name: 'allowCritical',
				type: 'boolean',
				default: true,
				description: 'Whether critical triggers (lost, damaged, returned) go out at once even at night',
			},
			{ displayName: 'Start', name: 'start', type: 'string', default: '21:00', placeholder: 'HH:mm' },
		],
	},
	{
		displayName: 'Templates',
		name: 'templates',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Override a Template',
		default: {},
		description:
			`Liquid templates replacing the built-in English ones for a trigger, e.g. {{ shipment.trackingNumber }}. Variables: ${templateVariables}. Any may be missing: use {% if %} or | default. What each holds: <a href="https://github.com/n8n-nodes-postpurchase/n8n-nodes-postpurchase#customer-notify-in-detail" target="_blank">README</a>.`,
		options: [
			{
				displayName: 'Template',
				name: 'template',
				values: [
					{ displayName: 'Email HTML', name: 'html', type: 'string', typeOptions: { rows: 6 }, default: '' },
					{ displayName: 'Email Subject', name: 'subject', type: 'string', default: '' },
					{ displayName: 'Email Text', name: 'text', type: 'string', typeOptions: { rows: 4 }, default: '' },
					{ displayName: 'SMS', name: 'sms', type: 'string', typeOptions: { rows: 2 }, default: '' },
					{ displayName: 'Trigger', name: 'trigger', type: 'options', options: triggerOptions, default: 'shipped' },
				],
			},
		],
	},
	{
		displayName: 'On Send Failure',
		name: 'onSendFailure',
		type: 'options',
		noDataExpression: true,
		// Version 1 only: from version 2 a refused send always leaves on Failed (one knob: n8n's On Error).
		displayOptions: { show: { '@version': [1] } },
		options: [
			{ name: 'Route to Failed Output', value: 'output', description: "The item leaves on Failed with the provider's error" },
			{ name: 'Stop Workflow', value: 'stop', description: 'Raise the provider error (unless the node continues on fail)' },
		],
		default: 'output',
	},
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		options: [
			{ displayName: 'Brand Name', name: 'brandName', type: 'string', default: '' },
			{
				displayName: 'Daily Cap per Shipment',
				name: 'dailyCap',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 3,
				description: 'At most this many notifications per shipment per day (email and SMS of one update count once); critical triggers are exempt; 0 for no cap',
			},
			{ displayName: 'Default Country', name: 'defaultCountry', type: 'string', default: '', placeholder: 'US', description: 'ISO country for phone numbers without a country code' },
			{ displayName: 'Default Time Zone', name: 'defaultTimeZone', type: 'string', default: 'UTC' },
			{ displayName: 'Messaging Service SID', name: 'messagingServiceSid', type: 'string', default: '', placeholder: 'MG...' },
			{
				displayName: 'SMS Opt-Out Line',
				name: 'smsOptOutLine',
				type: 'options',
				options: [
					{
						name: 'Automatic',
						value: 'automatic',
						description: 'Add it when sending from a US/Canada number (10DLC long code or toll-free) or a Messaging Service; not from short codes, alphanumeric sender IDs or other countries\' numbers',
					},
					{ name: 'Always', value: 'always', description: 'Add it to every SMS' },
					{ name: 'Never', value: 'never', description: 'Never add it (your templates or short-code program say how to opt out)' },
				],
				default: 'automatic',
				description:
					'Whether SMS end with the opt-out line. US and Canadian carriers expect it from long codes and toll-free numbers. It counts within the two-part SMS limit: a long reason is shortened to make room.',
			},
			{
				displayName: 'SMS Opt-Out Text',
				name: 'smsOptOutText',
				type: 'string',
				default: 'Reply STOP to opt out.',
				description: 'The opt-out line. Plain ASCII keeps SMS in GSM-7 (160 characters a part); one other character makes the whole SMS UCS-2 (70 a part).',
			},
			storePathOption,
			{
				displayName: 'Support Email',
				name: 'supportEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Given wherever a message asks the customer to get in touch (with Support Phone and Support URL)',
			},
			{ displayName: 'Support Phone', name: 'supportPhone', type: 'string', default: '', placeholder: '+1 555 010 0199', description: 'Given wherever a message asks the customer to get in touch; SMS give it first' },
			{ displayName: 'Support URL', name: 'supportUrl', type: 'string', default: '', placeholder: 'https://acme.example/help', description: 'Your help or contact page (http/https); emails link it as "our help page"' },
		],
	},
];

type TemplateOverride = { subject?: string; html?: string; text?: string; sms?: string };

/** The fixedCollection's rows as overrides per trigger; empty fields keep the built-in part. */
export function templateOverrides(value: IDataObject): Partial<Record<JourneyTrigger, TemplateOverride>> {
	const rows = (value.template as IDataObject[] | undefined) ?? [];
	const overrides: Partial<Record<JourneyTrigger, TemplateOverride>> = {};
	for (const row of rows) {
		const parts: TemplateOverride = {};
		for (const part of ['subject', 'html', 'text', 'sms'] as const) {
			if (typeof row[part] === 'string' && (row[part] as string).trim() !== '') parts[part] = row[part] as string;
		}
		overrides[row.trigger as JourneyTrigger] = { ...overrides[row.trigger as JourneyTrigger], ...parts };
	}
	return overrides;
}
