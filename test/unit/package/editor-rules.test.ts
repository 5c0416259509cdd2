import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
	NodeHelpers,
	Workflow,
	type ICredentialsDisplayOptions,
	type INode,
	type INodeCredentialDescription,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
} from 'n8n-workflow';
import { whenIncludes, whenOneOf } from '../../../nodes/shared/credentialShown';

// What n8n 2.41's editor does with each node of the package when a user drags it onto the canvas:
// which parameter it takes for the "main authentication field" (and hides), how it labels the
// credential pickers, what the canvas subtitle reads, and which credentials it asks for.

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; n8n: { nodes: string[] } };

const nodes = pkg.n8n.nodes.map((distPath) => {
	const sourcePath = distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
	const className = basename(sourcePath).replace(/\.node\.ts$/, '');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const type = new (require(join(ROOT, sourcePath))[className] as new () => INodeType)();
	return { className, type, description: type.description as INodeTypeDescription };
});
const byClass = (className: string) => {
	const found = nodes.find((n) => n.className === className);
	if (!found) throw new Error(`package.json lists no node ${className}`);
	return found;
};

/**
 * The editor's findAlternativeAuthField (n8n 2.41 editor bundle, with getNodeAuthFields and
 * getMainAuthField): among the parameters a credential's `displayOptions.show` names, one named
 * `authentication` without a "none" option; else the first with options whose every string value
 * appears among the `show` values for it, compared by `.toString()`. The editor hides what it finds.
 */
function mainAuthField(description: Pick<INodeTypeDescription, 'credentials' | 'properties'>): INodeProperties | null {
	const credentials = description.credentials ?? [];
	const named = new Set(credentials.flatMap((c) => Object.keys(c.displayOptions?.show ?? {})));
	const fields = description.properties.filter((p) => named.has(p.name));
	const authentication = fields.find((p) => p.name === 'authentication' && !(p.options ?? []).some((o) => 'value' in o && o.value === 'none'));
	if (authentication) return authentication;
	const shown: Record<string, string[]> = {};
	for (const credential of credentials) {
		for (const [name, values] of Object.entries(credential.displayOptions?.show ?? {})) {
			shown[name] = [...(shown[name] ?? []), ...((values ?? []) as unknown[]).map((v) => (v ? String(v) : ''))];
		}
	}
	const found = fields.find((p) => {
		if (!p.options?.length) return false;
		return (p.options as INodePropertyOptions[]).every((o) => !('value' in o) || typeof o.value !== 'string' || (shown[p.name] ?? []).includes(o.value));
	});
	return found ?? null;
}

/** A fresh node as the canvas holds it: the panel's version (`defaultVersion`, else the highest), `parameters` with every default filled in. */
function freshNode(description: INodeTypeDescription, parameters: INodeParameters = {}): INode {
	const typeVersion = description.defaultVersion ?? Math.max(...[description.version].flat());
	const node: INode = { id: 'fresh', name: description.defaults.name ?? description.displayName, type: `${pkg.name}.${description.name}`, typeVersion, position: [0, 0], parameters: {} };
	node.parameters = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
	return node;
}

/** The subtitle as the editor's getNodeSubtitle gets it: n8n's own expression over `$parameter`, errors as undefined. */
function subtitleOf(type: INodeType, parameters: INodeParameters): unknown {
	const description = type.description;
	const node = freshNode(description, parameters);
	const nodeTypes: INodeTypes = { getByName: () => type, getByNameAndVersion: () => type, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	try {
		return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
	} catch (error) {
		return `threw: ${(error as Error).message}`;
	}
}

/** The credentials the editor asks for (and n8n-core checks at run time) with these parameters. */
function shownCredentials(description: INodeTypeDescription, parameters: INodeParameters): string[] {
	const node = freshNode(description, parameters);
	return (description.credentials ?? [])
		.filter((credential) => NodeHelpers.displayParameter(node.parameters, credential, node, description, node.parameters))
		.map((credential) => credential.name)
		.sort();
}

const selectors = (description: INodeTypeDescription) => description.properties.filter((p) => p.type === 'options' || p.type === 'multiOptions');
const valuesOf = (property: INodeProperties) => (property.options as INodePropertyOptions[]).map((o) => o.value).filter((v): v is string => typeof v === 'string');

/** Parameter sets a user (or an older workflow) can give: the defaults, each choice, and a string for each list. */
function parameterSets(description: INodeTypeDescription): Array<{ label: string; parameters: INodeParameters }> {
	const sets = [{ label: 'defaults', parameters: {} as INodeParameters }];
	for (const property of selectors(description)) {
		const values = valuesOf(property);
		for (const value of values) sets.push({ label: `${property.name} = ${JSON.stringify(value)}`, parameters: { [property.name]: value } });
		if (property.type === 'multiOptions') {
			sets.push({ label: `${property.name} = every value`, parameters: { [property.name]: values } });
			sets.push({ label: `${property.name} = "${values.join(',')}"`, parameters: { [property.name]: values.join(',') } });
		}
	}
	return sets;
}

/** Every combination of one value per single-valued selector: the panels a user can reach. */
function combinations(description: INodeTypeDescription): INodeParameters[] {
	let sets: INodeParameters[] = [{}];
	for (const property of selectors(description).filter((p) => p.type === 'options')) {
		sets = sets.flatMap((set) => valuesOf(property).map((value) => ({ ...set, [property.name]: value })));
	}
	return sets;
}

/**
 * Why a subtitle is not words: empty, not sentence case, a raw stored value (an option value that
 * is not also a word of that option's name: `aftership`, `renderPage`, `watch: auto`), or camelCase.
 */
function notWords(subtitle: unknown, description: INodeTypeDescription): string | undefined {
	if (typeof subtitle !== 'string' || subtitle.trim() === '') return `is ${JSON.stringify(subtitle)}`;
	if (!/^[A-Z0-9]/.test(subtitle)) return `"${subtitle}" does not start like a sentence`;
	const words = subtitle.split(/[^\w-]+/).filter(Boolean);
	for (const property of selectors(description)) {
		for (const option of property.options as INodePropertyOptions[]) {
			const value = String(option.value);
			if (words.includes(value) && !option.name.split(/[^\w-]+/).includes(value)) return `"${subtitle}" shows the stored value "${value}" of ${property.name}`;
		}
	}
	const camel = words.find((w) => /^[a-z]+[A-Z]/.test(w));
	return camel ? `"${subtitle}" shows "${camel}"` : undefined;
}

describe('the editor rules themselves', () => {
	const options = (values: string[]) => values.map((value) => ({ name: value.toUpperCase(), value }));
	const channels: INodeProperties = { displayName: 'Channels', name: 'channels', type: 'multiOptions', options: options(['email', 'sms']), default: ['email', 'sms'] };

	it('find the main auth field in the shapes issue 8 found hidden', () => {
		const plain = (values: string[]): ICredentialsDisplayOptions => ({ show: { channels: values } });
		expect(mainAuthField({ properties: [channels], credentials: [{ name: 'a', displayOptions: plain(['email']) }, { name: 'b', displayOptions: plain(['sms']) }] })?.name).toBe('channels');
		const source: INodeProperties = { displayName: 'Source', name: 'source', type: 'options', options: options(['auto', 'ups']), default: 'auto' };
		expect(mainAuthField({ properties: [source], credentials: [{ name: 'a', displayOptions: { show: { source: ['ups', 'auto'] } } }] })?.name).toBe('source');
		const authentication: INodeProperties = { displayName: 'Authentication', name: 'authentication', type: 'options', options: options(['apiKey', 'oAuth2']), default: 'apiKey' };
		expect(mainAuthField({ properties: [authentication], credentials: [{ name: 'a', displayOptions: { show: { authentication: ['apiKey'] } } }] })?.name).toBe('authentication');
	});

	it('find nothing when one value shows no credential, or credentials are shown through conditions', () => {
		expect(mainAuthField({ properties: [channels], credentials: [{ name: 'a', displayOptions: { show: { channels: ['email'] } } }] })).toBeNull();
		const conditions: INodeCredentialDescription[] = [
			{ name: 'a', displayOptions: whenIncludes('channels', 'email') },
			{ name: 'b', displayOptions: whenIncludes('channels', 'sms') },
		];
		expect(mainAuthField({ properties: [channels], credentials: conditions })).toBeNull();
		const source: INodeProperties = { displayName: 'Source', name: 'source', type: 'options', options: options(['ups', 'fedex']), default: 'ups' };
		expect(mainAuthField({ properties: [source], credentials: [{ name: 'a', displayOptions: whenOneOf('source', ['ups', 'fedex']) }] })).toBeNull();
	});

	it('read a subtitle with n8n\'s expressions, a throwing one as the editor does (no subtitle)', () => {
		const type = {
			description: { ...byClass('CustomerNotify').description, subtitle: '={{ $parameter["channels"].join(" + ") }}' },
		} as INodeType;
		expect(subtitleOf(type, { channels: ['email', 'sms'] })).toBe('email + sms');
		expect(subtitleOf(type, { channels: 'sms' })).toBeUndefined();
		expect(notWords('email + sms', type.description)).toMatch(/start like a sentence/);
		expect(notWords('Email + sms', type.description)).toMatch(/stored value "sms"/);
		expect(notWords('Email + SMS', type.description)).toBeUndefined();
		expect(notWords('Page: renderPage', byClass('PreferenceCenter').description)).toMatch(/renderPage/);
		expect(notWords('Watch: auto', byClass('CarrierTracking').description)).toMatch(/stored value "auto"/);
		expect(notWords('Aftership aftership', byClass('ShipmentTrackingTrigger').description)).toMatch(/stored value "aftership"/);
	});
});

describe.each(nodes)('$className as the editor shows it', ({ type, description }) => {
	it('has no parameter the editor takes for the main authentication field (and hides)', () => {
		expect(mainAuthField(description)?.name ?? null).toBeNull();
	});

	it('names the provider on every credential picker, each differently', () => {
		const names = (description.credentials ?? []).map((c) => [c.name, c.displayName ?? '']);
		for (const [name, displayName] of names) expect([name, displayName]).toEqual([name, expect.stringMatching(/\w{3}/)]);
		for (const [name, displayName] of names) expect([name, displayName]).not.toEqual([name, 'Credential']);
		expect(new Set(names.map(([, d]) => d)).size).toBe(names.length);
	});

	it('shows every selector a credential depends on, for some choice of the others', () => {
		const deciding = new Set((description.credentials ?? []).flatMap((c) => [...Object.keys(c.displayOptions?.show ?? {}), ...Object.keys(c.displayOptions?.hide ?? {})]));
		for (const property of description.properties.filter((p) => deciding.has(p.name))) {
			const shownFor = combinations(description).filter((parameters) => {
				const node = freshNode(description, parameters);
				return NodeHelpers.displayParameter(node.parameters, property, node, description, node.parameters);
			});
			expect([property.name, shownFor.length > 0]).toEqual([property.name, true]);
		}
	});

	it('takes no expression in a multi-select that decides a credential (an expression there shows none)', () => {
		const deciding = new Set((description.credentials ?? []).flatMap((c) => Object.keys(c.displayOptions?.hide ?? {})));
		for (const property of description.properties.filter((p) => p.type === 'multiOptions' && deciding.has(p.name))) {
			const expression = { [property.name]: `={{ ${JSON.stringify(valuesOf(property))} }}` };
			const node = freshNode(description, expression);
			const shown = (description.credentials ?? []).filter((c) => c.displayOptions?.hide?.[property.name] && NodeHelpers.displayParameter(node.parameters, c, node, description, node.parameters));
			// n8n's hide rule reads the expression's text, not its value: every such credential is hidden.
			expect(shown).toEqual([]);
			expect([property.name, property.noDataExpression]).toEqual([property.name, true]);
		}
	});

	it.each(parameterSets(description))('has a subtitle in words for $label', ({ parameters }) => {
		expect(description.subtitle).toEqual(expect.stringMatching(/^=\{\{/));
		const subtitle = subtitleOf(type, parameters);
		expect(notWords(subtitle, description)).toBeUndefined();
	});
});

type Case = [label: string, parameters: INodeParameters, credentials: string[]];
const CARRIERS = ['dhlApi', 'fedExApi', 'upsApi', 'uspsApi'];
const CASES: Record<string, Case[]> = {
	CustomerNotify: [
		['a fresh node', {}, ['postPurchaseSmtp', 'postPurchaseTwilioApi']],
		['email only', { channels: ['email'] }, ['postPurchaseSmtp']],
		['email and SMS', { channels: ['email', 'sms'] }, ['postPurchaseSmtp', 'postPurchaseTwilioApi']],
		['SMS as a string (older workflow)', { channels: 'sms' }, ['postPurchaseTwilioApi']],
		['email as a string', { channels: 'email' }, ['postPurchaseSmtp']],
		['Preview (needs no account)', { mode: 'preview', channels: ['email', 'sms'] }, []],
	],
	OrderLookup: [
		['a fresh node', {}, ['shopifyAdminApi']],
		['Shopify and HubSpot', { sources: ['shopify', 'hubspot'] }, ['hubSpotCrmApi', 'shopifyAdminApi']],
		['WooCommerce as a string', { sources: 'woocommerce' }, ['wooCommerceStoreApi']],
	],
	DeliveryClassifier: [
		['a fresh node', {}, []],
		['sweep', { operation: 'sweepSilent' }, []],
	],
	PreferenceCenter: [
		['a fresh node (Create Link)', {}, ['postPurchasePreferencesApi']],
		['Render Page', { operation: 'renderPage' }, ['postPurchasePreferencesApi']],
		['Save Choice without lookup', { operation: 'saveChoice' }, ['postPurchasePreferencesApi']],
		['Save Choice, Shopify customer', { operation: 'saveChoice', lookupCustomer: 'shopify' }, ['postPurchasePreferencesApi', 'shopifyAdminApi']],
		['Save Choice, WooCommerce customer', { operation: 'saveChoice', lookupCustomer: 'woocommerce' }, ['postPurchasePreferencesApi', 'wooCommerceStoreApi']],
		['Save Choice, WooCommerce customer and HubSpot write-back', { operation: 'saveChoice', lookupCustomer: 'woocommerce', writeBackHubSpot: true }, ['hubSpotCrmApi', 'postPurchasePreferencesApi', 'wooCommerceStoreApi']],
		['Save Choice, a HubSpot write-back left without a lookup', { operation: 'saveChoice', lookupCustomer: 'none', writeBackHubSpot: true }, ['postPurchasePreferencesApi']],
		['Create Link, a lookup left from Save Choice', { operation: 'createLink', lookupCustomer: 'shopify', writeBackHubSpot: true }, ['postPurchasePreferencesApi']],
	],
	ShipmentTrackingTrigger: [
		['AfterShip', { provider: 'aftership' }, ['afterShipApi']],
		['EasyPost', { provider: 'easypost' }, ['easyPostApi']],
		['Shippo', { provider: 'shippo' }, ['shippoApi']],
		['17TRACK', { provider: 'seventeentrack' }, ['seventeenTrackApi']],
	],
	OrderEventTrigger: [
		['Shopify', { platform: 'shopify' }, ['shopifyAdminApi']],
		['WooCommerce', { platform: 'woocommerce' }, ['wooCommerceStoreApi']],
	],
	CarrierPollTrigger: [
		['every carrier', { carriers: ['ups', 'fedex', 'usps', 'dhl'] }, CARRIERS],
		['UPS and FedEx', { carriers: ['ups', 'fedex'] }, ['fedExApi', 'upsApi']],
		['DHL as a string (older workflow)', { carriers: 'dhl' }, ['dhlApi']],
	],
	CarrierTracking: [
		['detect (no API)', { operation: 'detect' }, []],
		['track, auto-detect', { operation: 'track', source: 'auto' }, CARRIERS],
		['track with UPS', { operation: 'track', source: 'ups' }, ['upsApi']],
		['watch with FedEx', { operation: 'watch', source: 'fedex' }, ['fedExApi']],
		['track with AfterShip', { operation: 'track', source: 'aftership' }, ['afterShipApi']],
		['track with 17TRACK', { operation: 'track', source: 'seventeentrack' }, ['seventeenTrackApi']],
	],
};

describe('the credentials asked for', () => {
	it('are listed here for every node of the package', () => {
		expect(Object.keys(CASES).sort()).toEqual(nodes.map((n) => n.className).sort());
	});

	describe.each(Object.entries(CASES))('%s', (className, cases) => {
		it.each(cases)('%s', (_label, parameters, expected) => {
			expect(shownCredentials(byClass(className).description, parameters)).toEqual([...expected].sort());
		});
	});
});
