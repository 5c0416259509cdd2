import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ICredentialType, INodeType, INodeTypeDescription } from 'n8n-workflow';

// The bundled workflows, checked against what the package and n8n's own nodes provide, so an
// import into n8n finds every node type, credential type and connection.

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

/** n8n-nodes-base nodes the bundled workflows may use: core nodes every n8n install has. */
const BASE_NODES = new Set(
	['wait', 'noOp', 'stickyNote', 'if', 'set', 'webhook', 'respondToWebhook', 'scheduleTrigger', 'code'].map(
		(name) => `n8n-nodes-base.${name}`,
	),
);
const WEBHOOK_TYPES = new Set(['n8n-nodes-base.webhook', `${pkg.name}.shipmentTrackingTrigger`]);

function instantiate<T>(distPath: string): T {
	const sourcePath = distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
	const className = basename(sourcePath).replace(/\.(node|credentials)\.ts$/, '');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(join(ROOT, sourcePath)) as Record<string, new () => T>;
	return new mod[className]();
}

const descriptions = new Map<string, INodeTypeDescription>(
	pkg.n8n.nodes.map((path) => {
		const { description } = instantiate<INodeType>(path);
		return [`${pkg.name}.${description.name}`, description];
	}),
);
const credentialNames = new Set(pkg.n8n.credentials.map((path) => instantiate<ICredentialType>(path).name));

interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id?: string; name: string }>;
	webhookId?: string;
}
interface Connection {
	node: string;
	type: string;
	index: number;
}
interface Workflow {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, Record<string, Array<Connection[] | null>>>;
}

const files = readdirSync(join(ROOT, 'workflows')).filter((file) => file.endsWith('.json'));

it('the package bundles at least one workflow', () => {
	expect(files.length).toBeGreaterThan(0);
});

describe.each(files)('workflows/%s', (file) => {
	const workflow = JSON.parse(readFileSync(join(ROOT, 'workflows', file), 'utf8')) as Workflow;
	const names = new Set(workflow.nodes.map((node) => node.name));
	const ours = workflow.nodes.filter((node) => descriptions.has(node.type));

	it('has a name and nodes with unique names and ids', () => {
		expect(workflow.name.trim()).not.toBe('');
		expect(names.size).toBe(workflow.nodes.length);
		expect(new Set(workflow.nodes.map((node) => node.id)).size).toBe(workflow.nodes.length);
	});

	it("uses only allowed core nodes and this package's nodes", () => {
		const unknown = workflow.nodes.filter((node) => !BASE_NODES.has(node.type) && !descriptions.has(node.type));
		expect(unknown.map((node) => `${node.name}: ${node.type}`)).toEqual([]);
		expect(ours.length).toBeGreaterThan(0);
	});

	it("uses this package's nodes at a version they have", () => {
		for (const node of ours) {
			const version = descriptions.get(node.type)!.version;
			const versions = Array.isArray(version) ? version : [version];
			expect([node.name, versions.includes(node.typeVersion)]).toEqual([node.name, true]);
		}
	});

	it("sets only parameters this package's nodes have", () => {
		for (const node of ours) {
			const description = descriptions.get(node.type)!;
			const known = new Set(description.properties.map((property) => property.name));
			// n8n adds the schedule parameter to every polling node itself.
			if (description.polling) known.add('pollTimes');
			const unknown = Object.keys(node.parameters).filter((key) => !known.has(key));
			expect([node.name, unknown]).toEqual([node.name, []]);
		}
	});

	it('references only credential types this package defines, each declared by its node', () => {
		for (const node of workflow.nodes) {
			for (const type of Object.keys(node.credentials ?? {})) {
				// n8n's own Webhook node authenticates callers with n8n's own header-auth credential.
				if (node.type === 'n8n-nodes-base.webhook' && type === 'httpHeaderAuth') {
					expect(node.parameters.authentication).toBe('headerAuth');
					continue;
				}
				expect([node.name, type, credentialNames.has(type)]).toEqual([node.name, type, true]);
				const declared = descriptions.get(node.type)?.credentials?.map(({ name }) => name) ?? [];
				expect([node.name, type, declared.includes(type)]).toEqual([node.name, type, true]);
			}
		}
	});

	it('connects only nodes that exist, from outputs they have', () => {
		for (const [source, byType] of Object.entries(workflow.connections)) {
			expect([source, names.has(source)]).toEqual([source, true]);
			const sourceNode = workflow.nodes.find((node) => node.name === source);
			const outputs = sourceNode && descriptions.get(sourceNode.type)?.outputs;
			for (const [type, perOutput] of Object.entries(byType)) {
				expect(type).toBe('main');
				if (Array.isArray(outputs)) expect([source, perOutput.length <= outputs.length]).toEqual([source, true]);
				for (const targets of perOutput) {
					for (const target of targets ?? []) {
						expect([source, target.node, names.has(target.node)]).toEqual([source, target.node, true]);
						expect(target.type).toBe('main');
						const targetNode = workflow.nodes.find((node) => node.name === target.node);
						expect(targetNode?.type).not.toBe('n8n-nodes-base.stickyNote');
					}
				}
			}
		}
	});

	it('gives every webhook its own method and path, and its own webhook id', () => {
		const webhooks = workflow.nodes.filter((node) => WEBHOOK_TYPES.has(node.type));
		const paths = webhooks.map((node) => node.parameters.path);
		for (const path of paths) expect(path).toEqual(expect.stringMatching(/\S/));
		// One path may serve GET and POST (a page and its form), as n8n allows.
		const routes = webhooks.map((node) => `${node.parameters.httpMethod ?? 'POST'} ${node.parameters.path}`);
		expect(new Set(routes).size).toBe(routes.length);
		const ids = webhooks.map((node) => node.webhookId);
		expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('has a trigger, and every other working node is reachable from one', () => {
		const triggers = workflow.nodes.filter(
			(node) => WEBHOOK_TYPES.has(node.type) || node.type === 'n8n-nodes-base.scheduleTrigger' || /Trigger$/.test(node.type),
		);
		expect(triggers.length).toBeGreaterThan(0);
		const reached = new Set(triggers.map((node) => node.name));
		const queue = [...reached];
		while (queue.length > 0) {
			const from = queue.shift()!;
			for (const targets of Object.values(workflow.connections[from] ?? {}).flat()) {
				for (const { node } of targets ?? []) {
					if (!reached.has(node)) {
						reached.add(node);
						queue.push(node);
					}
				}
			}
		}
		const stranded = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote' && !reached.has(node.name));
		expect(stranded.map((node) => node.name)).toEqual([]);
	});

	it('explains itself with sticky notes', () => {
		const notes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
		expect(notes.length).toBeGreaterThan(0);
		for (const note of notes) expect(String(note.parameters.content ?? '').trim()).not.toBe('');
	});
});
