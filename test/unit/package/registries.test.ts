import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { NodeHelpers, type ICredentialType, type INode, type INodeParameters, type INodePropertyOptions, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { listAggregators } from '../../../lib/aggregators/registry';
import { channelKindIds, channelProviders } from '../../../lib/channels/registry';
import { listCarriers } from '../../../lib/carriers/registry';
import { listOrderSources } from '../../../lib/orders/registry';
import { listOrderWebhookProviders, OrderJourneyEventSchema } from '../../../lib/orders/webhooks';
import { listProviders } from '../../../lib/providers/registry';
import { PLATFORM_SETUP } from '../../../nodes/OrderEventTrigger/OrderEventTrigger.panel';
import { PROVIDER_SETUP } from '../../../nodes/ShipmentTrackingTrigger/ShipmentTrackingTrigger.panel';

// Each kind's registry is the only list of its adapters: the nodes' options, defaults and
// credential lookups are read from it. What cannot be read from it is checked here, so adding an
// adapter fails this test until it is complete: its credential (in package.json), its literal entry
// in each node's `credentials` (n8n's lint reads those literally), its fixtures and its README row.

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; n8n: { nodes: string[]; credentials: string[] } };
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function load<T>(distPath: string): T {
	const sourcePath = distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(join(ROOT, sourcePath)) as Record<string, new () => T>;
	return new mod[basename(sourcePath).replace(/\.(node|credentials)\.ts$/, '')]();
}

/** Credential types the package ships, by name. */
const packagedCredentials = new Map(pkg.n8n.credentials.map((path) => [load<ICredentialType>(path).name, path]));
const nodeDescription = (className: string) => {
	const path = pkg.n8n.nodes.find((p) => basename(p) === `${className}.node.js`);
	if (!path) throw new Error(`package.json lists no node ${className}`);
	return load<INodeType>(path).description as INodeTypeDescription;
};

/** The credentials n8n asks for with these parameters (the rest at their defaults), as the editor and n8n-core decide. */
function shownCredentials(description: INodeTypeDescription, parameters: INodeParameters) {
	const typeVersion = description.defaultVersion ?? Math.max(...[description.version].flat());
	const node: INode = { id: 'n', name: 'n', type: `${pkg.name}.${description.name}`, typeVersion, position: [0, 0], parameters: {} };
	node.parameters = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
	return (description.credentials ?? []).filter((c) => NodeHelpers.displayParameter(node.parameters, c, node, description, node.parameters));
}

const files = (dir: string) => (existsSync(join(ROOT, dir)) ? readdirSync(join(ROOT, dir)) : []);
const hasFile = (path: string) => existsSync(join(ROOT, path));
/** The README's row for a node in the "Node | What it does" table. */
const readmeRow = (node: string) => readme.split('\n').find((line) => line.startsWith(`| **${node}** |`)) ?? '';

interface Adapter {
	id: string;
	displayName: string;
	credentialType: string;
}

interface Use {
	node: string;
	/** The selector whose option is the adapter's id. */
	selector: string;
	multi?: boolean;
	/** The other parameters under which the selector decides the credential. */
	with?: INodeParameters;
	/** Option values that are not adapters ('auto', 'none'). */
	extraOptions?: string[];
	/** The adapters of this kind that are options here (default: all). */
	only?: (adapter: Adapter) => boolean;
}

interface Kind {
	kind: string;
	adapters: Adapter[];
	uses: Use[];
	/** Where its tests and fixtures are: each must exist for every adapter. */
	fixtures: (id: string) => boolean;
	/** The README rows that name every adapter of the kind. */
	readmeRows: string[];
}

const ORDER_SYSTEMS = new Set(listOrderSources().filter((s) => s.hasOrders).map((s) => s.id));

const KINDS: Kind[] = [
	{
		kind: 'carrier',
		adapters: listCarriers(),
		uses: [
			{ node: 'CarrierPollTrigger', selector: 'carriers', multi: true },
			{ node: 'CarrierTracking', selector: 'source', with: { operation: 'track' }, extraOptions: ['auto'] },
		],
		fixtures: (id) => hasFile(`test/unit/carriers/${id}.test.ts`) && files(`test/fixtures/carriers/${id}`).length > 0,
		readmeRows: ['Carrier Tracking'],
	},
	{
		kind: 'aggregator',
		adapters: listAggregators(),
		uses: [{ node: 'CarrierTracking', selector: 'source', with: { operation: 'track' }, extraOptions: ['auto'] }],
		fixtures: (id) => files('test/fixtures/aggregators').some((f) => f.startsWith(`${id}-`)),
		readmeRows: ['Carrier Tracking'],
	},
	{
		kind: 'tracking webhook provider',
		adapters: listProviders(),
		uses: [{ node: 'ShipmentTrackingTrigger', selector: 'provider' }],
		fixtures: (id) => hasFile(`test/unit/providers/${id}.test.ts`) && files(`test/fixtures/${id}`).length > 0,
		readmeRows: ['Shipment Tracking Trigger'],
	},
	{
		kind: 'order source',
		adapters: listOrderSources(),
		uses: [
			{ node: 'OrderLookup', selector: 'sources', multi: true },
			{ node: 'PreferenceCenter', selector: 'lookupCustomer', with: { operation: 'saveChoice' }, extraOptions: ['none'], only: (a) => ORDER_SYSTEMS.has(a.id) },
		],
		fixtures: (id) => hasFile(`test/unit/orders/${id}.test.ts`) && files('test/fixtures/orders').some((f) => f.startsWith(`${id}-`)),
		readmeRows: ['Order Lookup'],
	},
	{
		kind: 'order webhook platform',
		adapters: listOrderWebhookProviders(),
		uses: [{ node: 'OrderEventTrigger', selector: 'platform' }],
		fixtures: (id) => hasFile(`test/unit/orders/webhooks/${id}.test.ts`) && files(`test/fixtures/orders/webhooks/${id}`).length > 0,
		readmeRows: ['Order Event Trigger'],
	},
	// Channel providers, one kind of adapter per channel kind: each kind has its own provider choice.
	...channelKindIds().map(
		(channel): Kind => ({
			kind: `${channel} channel provider`,
			adapters: channelProviders(channel),
			uses: [{ node: 'CustomerNotify', selector: `${channel}Provider`, with: { mode: 'send', channels: [channel] } }],
			fixtures: (id) => hasFile(`test/unit/channels/${id}.test.ts`),
			readmeRows: ['Customer Notify'],
		}),
	),
];

const optionValues = (description: INodeTypeDescription, selector: string) => {
	const property = description.properties.find((p) => p.name === selector);
	if (!property) throw new Error(`${description.displayName} has no parameter ${selector}`);
	return (property.options as INodePropertyOptions[]).map((o) => String(o.value));
};

/** What an adapter of `kind` lacks, in words saying where to add it; [] when it is complete. */
function missing({ uses, fixtures, readmeRows }: Kind, adapter: Adapter): string[] {
	const out: string[] = [];
	if (!/\w/.test(adapter.displayName ?? '')) out.push('a displayName on the adapter');
	if (!packagedCredentials.has(adapter.credentialType)) out.push(`a credential named ${adapter.credentialType} in package.json n8n.credentials`);
	for (const use of uses.filter((u) => (u.only ?? (() => true))(adapter))) {
		const description = nodeDescription(use.node);
		if (!optionValues(description, use.selector).includes(adapter.id)) {
			out.push(`an option ${adapter.id} of ${use.node} ${use.selector} (read from the registry)`);
			continue;
		}
		const shown = shownCredentials(description, { ...use.with, [use.selector]: use.multi ? [adapter.id] : adapter.id });
		const entry = shown.find((c) => c.name === adapter.credentialType);
		if (!/\w{3}/.test(entry?.displayName ?? '')) out.push(`an entry { name: '${adapter.credentialType}', displayName, displayOptions } shown for ${adapter.id} in ${use.node}'s credentials`);
	}
	if (!fixtures(adapter.id)) out.push(`tests and fixtures for ${adapter.id}`);
	for (const row of readmeRows) if (!readmeRow(row).includes(adapter.displayName)) out.push(`"${adapter.displayName}" in the README row of ${row}`);
	return out;
}

describe.each(KINDS)('every registered $kind', (kind) => {
	const { adapters, uses } = kind;

	it.each(adapters.map((adapter) => ({ id: adapter.id, adapter })))('$id has its display name, credential, node entries, fixtures and README row', ({ adapter }) => {
		expect([adapter.id, missing(kind, adapter)]).toEqual([adapter.id, []]);
	});

	it('a throwaway adapter without any of it is told each thing it lacks', () => {
		const lacks = missing(kind, { id: 'throwaway', displayName: 'Throwaway Parcel', credentialType: 'throwawayApi' });
		expect(lacks).toEqual(
			expect.arrayContaining([
				'a credential named throwawayApi in package.json n8n.credentials',
				...uses.filter((u) => !u.only).map((u) => `an option throwaway of ${u.node} ${u.selector} (read from the registry)`),
				'tests and fixtures for throwaway',
				...kind.readmeRows.map((row) => `"Throwaway Parcel" in the README row of ${row}`),
			]),
		);
	});

	it('is all the options there are: no option, and no credential entry, for an id not registered', () => {
		for (const use of uses) {
			const description = nodeDescription(use.node);
			const expected = adapters.filter((a) => (use.only ?? (() => true))(a)).map((a) => a.id);
			const others = KINDS.filter((k) => k.uses.some((u) => u.node === use.node && u.selector === use.selector)).flatMap((k) => k.adapters.map((a) => a.id));
			const options = optionValues(description, use.selector).filter((v) => !(use.extraOptions ?? []).includes(v));
			expect([use.node, options.filter((v) => !others.includes(v))]).toEqual([use.node, []]);
			expect([use.node, expected.filter((id) => !options.includes(id))]).toEqual([use.node, []]);
		}
	});
});

describe('the nodes built on the registries', () => {
	const kindsOf = (node: string) => KINDS.filter((k) => k.uses.some((u) => u.node === node));
	/** Credentials these nodes ask for that belong to no adapter of the kinds they use. */
	const NOT_ADAPTERS: Record<string, string[]> = { PreferenceCenter: ['postPurchasePreferencesApi', 'hubSpotCrmApi'] };

	it.each([...new Set(KINDS.flatMap((k) => k.uses.map((u) => u.node)))])('%s asks for no credential of an unregistered adapter', (node) => {
		const types = new Set(kindsOf(node).flatMap((k) => k.adapters.map((a) => a.credentialType)));
		const entries = (nodeDescription(node).credentials ?? []).map((c) => c.name);
		expect(entries.filter((name) => !types.has(name) && !(NOT_ADAPTERS[node] ?? []).includes(name))).toEqual([]);
	});

	it("says when a node's literal credentials have no entry shown for an adapter", () => {
		const carriers = KINDS[0];
		// UPS with FedEx's credential: the package ships it, but no entry asks for it when UPS is chosen.
		expect(missing(carriers, { id: 'ups', displayName: 'UPS', credentialType: 'fedExApi' })).toEqual([
			"an entry { name: 'fedExApi', displayName, displayOptions } shown for ups in CarrierPollTrigger's credentials",
			"an entry { name: 'fedExApi', displayName, displayOptions } shown for ups in CarrierTracking's credentials",
		]);
	});

	it('defaults are registered ids: the poll trigger polls every carrier registered', () => {
		const defaultOf = (node: string, parameter: string) => nodeDescription(node).properties.find((p) => p.name === parameter)?.default;
		expect(defaultOf('CarrierPollTrigger', 'carriers')).toEqual(listCarriers().map((c) => c.id));
		expect(listProviders().map((p) => p.id)).toContain(defaultOf('ShipmentTrackingTrigger', 'provider'));
		expect(listOrderWebhookProviders().map((p) => p.id)).toContain(defaultOf('OrderEventTrigger', 'platform'));
		expect(defaultOf('OrderLookup', 'sources')).toEqual([...ORDER_SYSTEMS].slice(0, 1));
	});

	it('setup texts exist for exactly the registered webhook providers and platforms', () => {
		expect(Object.keys(PROVIDER_SETUP).sort()).toEqual(listProviders().map((p) => p.id).sort());
		expect(Object.keys(PLATFORM_SETUP).sort()).toEqual(listOrderWebhookProviders().map((p) => p.id).sort());
	});

	it("the order event's source is a registered platform", () => {
		expect([...OrderJourneyEventSchema.shape.source.options].sort()).toEqual(listOrderWebhookProviders().map((p) => p.id).sort());
	});

	it('each adapter keeps its own credential type (one credential, one adapter of a kind)', () => {
		for (const { kind, adapters } of KINDS) {
			expect([kind, new Set(adapters.map((a) => a.credentialType)).size]).toEqual([kind, adapters.length]);
		}
	});
});
