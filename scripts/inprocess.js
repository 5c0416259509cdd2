'use strict';
// In-process n8n execution harness for the workflow tests and `npm run replay`: runs a workflow
// JSON with the real n8n-core engine (WorkflowExecute) as if its trigger node had just fired,
// without a database, a server or the n8n CLI. It mirrors what the CLI does around the engine:
// the webhook execution setup (webhook-helpers prepareExecutionData), the credentials helper
// (credentials-helper.ts) and the resume of waiting executions (wait-tracker.ts + workflow-runner.ts).
//
// Plain CommonJS with JSDoc types: no build step, so replay and the tests can use it as is.

// Node's own module system, even when this file is loaded by jest: jest's `require('module')`
// is a stand-in whose hooks and caches don't reach Node's loader.
/** @type {any} Node's Module class, internals included (_cache, _resolveFilename) */
const NativeModule =
	typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:module') : require('node:module');

// Under jest this file is evaluated by jest's module registry, which would load a fresh n8n-core
// (slow: ~1.5 s) per test file and ignores the Module._resolveFilename hook below. So hand over to
// the copy in Node's own module graph: one engine per process, and the hook applies to everything
// it loads. Callers get plain data back (RunResult), so crossing the realm costs nothing but
// `instanceof Date` on waitTill (use getTime()).
const nativeSelf = NativeModule._cache[__filename];
if (!nativeSelf || nativeSelf.exports !== module.exports) {
	module.exports = NativeModule.createRequire(__filename)(__filename);
	// @ts-ignore: a top-level return is valid in a CommonJS module
	return;
}

const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..');
const repoRequire = NativeModule.createRequire(path.join(repoRoot, 'package.json'));
const repoNodeModules = path.join(repoRoot, 'node_modules') + path.sep;

// Packages that must exist once per process. n8n-nodes-base in the cache would otherwise load the
// cache's own n8n-workflow/n8n-core copies, and then `instanceof NodeOperationError/NodeApiError`
// in the repo's n8n-core fails for base-node errors, and DI singletons (@n8n/di Container) split.
// We keep the repo's n8n-core (the engine our package is tested against, same 2.41 line as the
// cache) and point the base nodes at it, rather than loading n8n-core from the cache: our own
// built nodes and test fixtures resolve `n8n-workflow` to the repo's copy by plain resolution.
const SHARED_PACKAGES = ['n8n-workflow', 'n8n-core', '@n8n/di'];
/** @type {string[]} folders whose files get their shared-package requires redirected */
const redirectedRoots = [];

function installResolveHook() {
	const original = NativeModule._resolveFilename;
	if (/** @type {any} */ (original).__postpurchaseHook) return;
	/** @this {unknown} */
	function resolveFilename(/** @type {string} */ request, /** @type {any} */ parent, /** @type {any[]} */ ...rest) {
		const from = parent && parent.filename;
		if (
			from &&
			SHARED_PACKAGES.some((p) => request === p || request.startsWith(`${p}/`)) &&
			redirectedRoots.some((root) => from.startsWith(root)) &&
			!from.startsWith(repoNodeModules) // the repo's own packages already resolve to the repo's copies
		) {
			return repoRequire.resolve(request);
		}
		return original.call(this, request, parent, ...rest);
	}
	resolveFilename.__postpurchaseHook = true;
	NativeModule._resolveFilename = resolveFilename;
}

installResolveHook();
require('reflect-metadata'); // n8n-core's DI decorators need it before n8n-core loads
const core = repoRequire('n8n-core');
const nw = repoRequire('n8n-workflow');
const { cacheDir } = require('./n8n-runtime');

// n8n-core asks the DI container for a Logger (console output at info level) and InstanceSettings
// (every node context; it creates ~/.n8n/config with a fresh encryption key when none exists).
// Register a silent logger and settings in a private temp folder: the harness must be quiet and
// must not write to the user's n8n folder. Same packages as n8n-core resolves, so same DI tokens.
(function setUpContainer() {
	const coreRequire = NativeModule.createRequire(repoRequire.resolve('n8n-core'));
	const { Container } = coreRequire('@n8n/di');
	const { Logger } = coreRequire('@n8n/backend-common');
	const { InstanceSettingsConfig } = coreRequire('@n8n/config');
	const settingsConfig = Object.assign(Object.create(InstanceSettingsConfig.prototype), Container.get(InstanceSettingsConfig), {
		n8nFolder: path.join(require('node:os').tmpdir(), 'n8n-nodes-postpurchase-inprocess'),
		encryptionKey: 'postpurchase-inprocess-harness',
		enforceSettingsFilePermissions: false,
	});
	const logger = new Logger(/** @type {any} */ ({ logging: { level: 'silent', outputs: [], scopes: [] } }), settingsConfig);
	Container.set(Logger, logger);
	Container.set(core.InstanceSettings, new core.InstanceSettings(settingsConfig, logger));
})();

// ---------------------------------------------------------------------------------------------
// Simulated clock for `run(..., { now })`: nodes (the Wait node, the classifier, $now in
// expressions via luxon) read Date, so shifting Date is the only way to replay an event "then".
// Real time keeps flowing from `now`. One clock per process, so clocked runs are serialized.

const RealDate = Date;
let clockOffset = 0;
/** @type {Promise<unknown>} */
let clockQueue = Promise.resolve();

/** @param {...any} args */
function SimDate(...args) {
	if (!new.target) return new RealDate(RealDate.now() + clockOffset).toString();
	return args.length ? new RealDate(...(/** @type {[any]} */ (args))) : new RealDate(RealDate.now() + clockOffset);
}
SimDate.prototype = RealDate.prototype;
SimDate.now = () => RealDate.now() + clockOffset;
SimDate.parse = RealDate.parse;
SimDate.UTC = RealDate.UTC;

/**
 * Runs fn with Date shifted so that it starts at `now`; without `now`, runs it as is.
 * @template T
 * @param {Date | undefined} now
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
function withClock(now, fn) {
	if (!now) return fn();
	const task = clockQueue.then(async () => {
		clockOffset = now.getTime() - RealDate.now();
		globalThis.Date = /** @type {any} */ (SimDate);
		try {
			return await fn();
		} finally {
			globalThis.Date = RealDate;
			clockOffset = 0;
		}
	});
	clockQueue = task.catch(() => undefined);
	return task;
}

// ---------------------------------------------------------------------------------------------
// Node and credential types

/** @type {Map<string, Promise<any>>} loaded base-node loaders per cache dir: loading is slow */
const baseLoaders = new Map();

/** @param {string[]} names short names such as 'wait' */
async function loadBaseNodes(names) {
	const dir = path.join(cacheDir(), 'node_modules', 'n8n-nodes-base');
	if (!fs.existsSync(path.join(dir, 'package.json'))) {
		throw new Error(`n8n-nodes-base not found in ${dir}: run \`npm run n8n:install\` first`);
	}
	const root = path.join(cacheDir(), 'node_modules') + path.sep;
	if (!redirectedRoots.includes(root)) redirectedRoots.push(root);
	// The lazy loader reads n8n-nodes-base's known/types JSON and requires only the files asked for.
	if (!baseLoaders.has(dir)) {
		const lazy = new core.LazyPackageDirectoryLoader(dir);
		baseLoaders.set(dir, lazy.loadAll().then(() => lazy));
	}
	const loader = await baseLoaders.get(dir);
	/** @type {Record<string, any>} */
	const types = {};
	for (const name of names) types[`n8n-nodes-base.${name}`] = loader.getNode(name).type;
	return types;
}

/** @param {string} dir a built n8n community package */
async function loadPackage(dir) {
	const real = fs.realpathSync(dir) + path.sep;
	// A package inside this repo already resolves n8n-workflow to the repo's copy; redirecting it
	// would also catch the redirect's own lookup (made from the repo root) and recurse.
	if (!real.startsWith(repoRoot + path.sep) && !redirectedRoots.includes(real)) redirectedRoots.push(real);
	// n8n's own loader: same `n8n.nodes`/`n8n.credentials` reading and `<package>.<name>` naming.
	const loader = new core.PackageDirectoryLoader(dir);
	await loader.loadAll();
	/** @type {Record<string, any>} */
	const nodes = {};
	for (const [name, { type }] of Object.entries(loader.nodeTypes)) nodes[`${loader.packageName}.${name}`] = type;
	/** @type {Record<string, any>} */
	const credentials = {};
	for (const [name, { type }] of Object.entries(loader.credentialTypes)) credentials[name] = type;
	return { nodes, credentials };
}

/** @param {Record<string, any>} types */
function makeNodeTypes(types) {
	return {
		getByName: (/** @type {string} */ type) => types[type],
		// Unknown types give undefined, as n8n's Workflow expects: it then reports a workflow issue.
		getByNameAndVersion: (/** @type {string} */ type, /** @type {number=} */ version) =>
			types[type] && nw.NodeHelpers.getVersionedNodeType(types[type], version),
		getKnownTypes: () => Object.fromEntries(Object.keys(types).map((t) => [t, { className: t, sourcePath: '' }])),
	};
}

// ---------------------------------------------------------------------------------------------
// Credentials helper: decrypted data comes from the `credentials` map by credential type name.

/**
 * @param {Record<string, any>} credentialTypes
 * @param {Record<string, object>} store
 */
function makeCredentialsHelper(credentialTypes, store) {
	/** @param {string} name */
	const typeOf = (name) => {
		const type = credentialTypes[name];
		if (!type) throw new nw.UserError(`Unknown credential type "${name}"`);
		return type;
	};
	/** @param {string} name @returns {string[]} */
	const parentTypes = (name) => {
		const ext = credentialTypes[name]?.extends ?? [];
		return ext.flatMap((/** @type {string} */ p) => [p, ...parentTypes(p)]);
	};
	/** @param {string} name @returns {any[]} own properties after the inherited ones, like n8n */
	const properties = (name) => {
		const type = credentialTypes[name];
		if (!type) return [];
		const inherited = (type.extends ?? []).flatMap(properties);
		const own = type.properties ?? [];
		return [...inherited.filter((/** @type {any} */ p) => !own.some((/** @type {any} */ o) => o.name === p.name)), ...own];
	};
	/** @param {string} type */
	const decrypted = (type) => {
		const data = store[type];
		if (!data) throw new nw.UserError(`No credentials of type "${type}" given to the harness (createRuntime({ credentials }))`);
		// n8n fills in the credential type's defaults for unset fields (applyDefaultsAndOverwrites).
		/** @type {Record<string, any>} */
		const out = {};
		for (const p of properties(type)) if (p.default !== undefined) out[p.name] = p.default;
		return { ...out, ...structuredClone(data) };
	};
	/**
	 * Expression in a generic authenticate (`={{$credentials.user}}`), resolved like the CLI does.
	 * @param {any} value @param {any} credentials @param {any} workflow @param {any} node
	 */
	const resolveValue = (value, credentials, workflow, node) => {
		if (!nw.isExpression(value)) return value;
		const out = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
		return out ? out.toString() : '';
	};
	return {
		getParentTypes: parentTypes,
		isCredentialUsableByNode(/** @type {string} */ type, /** @type {string} */ nodeType) {
			const t = credentialTypes[type];
			return !t?.restrictToSupportedNodes || (t.supportedNodes ?? []).includes(nodeType);
		},
		async authenticate(/** @type {any} */ credentials, /** @type {string} */ typeName, /** @type {any} */ requestOptions, /** @type {any} */ workflow, /** @type {any} */ node) {
			const { authenticate } = typeOf(typeName);
			if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
			if (authenticate && typeof authenticate === 'object') {
				if (!workflow || !node) throw new nw.UnexpectedError('Workflow and node are required for declarative credential authentication');
				requestOptions.headers ??= {};
				if (authenticate.type === 'generic') {
					for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
						for (const [key, value] of Object.entries(/** @type {object} */ (outerValue))) {
							requestOptions[outerKey] ??= {};
							requestOptions[outerKey][resolveValue(key, credentials, workflow, node)] = resolveValue(value, credentials, workflow, node);
						}
					}
				}
			}
			return requestOptions;
		},
		// Token refresh for types with an expirable hidden field; the new data stays in memory.
		async preAuthentication(/** @type {any} */ helpers, /** @type {any} */ credentials, /** @type {string} */ typeName, /** @type {any} */ _node, /** @type {boolean} */ expired) {
			const type = typeOf(typeName);
			const expirable = (type.properties ?? []).find((/** @type {any} */ p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
			if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
			if (credentials[expirable.name] !== '' && !expired) return undefined;
			const output = await type.preAuthentication.call(helpers, credentials);
			if (output?.[expirable.name] === undefined) return undefined;
			store[typeName] = { ...store[typeName], ...output };
			return Object.assign(credentials, output);
		},
		async runPreAuthentication(/** @type {any} */ helpers, /** @type {any} */ credentials, /** @type {string} */ typeName) {
			const type = typeOf(typeName);
			if (typeof type.preAuthentication !== 'function') return undefined;
			return (await type.preAuthentication.call(helpers, credentials)) ?? undefined;
		},
		async getCredentials(/** @type {any} */ nodeCredentials, /** @type {string} */ type) {
			const data = decrypted(type);
			return { id: nodeCredentials?.id ?? null, name: nodeCredentials?.name ?? type, type, getData: () => data, getDataToSave: () => ({}) };
		},
		// The node's credential id/name are ignored: one set of credentials per type.
		async getDecrypted(/** @type {any} */ _additionalData, /** @type {any} */ _nodeCredentials, /** @type {string} */ type) {
			return decrypted(type);
		},
		async updateCredentials(/** @type {any} */ _nodeCredentials, /** @type {string} */ type, /** @type {any} */ data) {
			store[type] = data;
		},
		async updateCredentialsOauthTokenData(/** @type {any} */ _nodeCredentials, /** @type {string} */ type, /** @type {any} */ data) {
			store[type] = { ...store[type], ...data };
		},
		getCredentialsProperties: properties,
	};
}

// ---------------------------------------------------------------------------------------------
// Runs

/**
 * @typedef {{ message: string, node?: string, description?: string }} RunError
 * @typedef {{
 *   status: 'success' | 'error' | 'waiting' | 'canceled',
 *   executionId: string,
 *   runData: Record<string, any[]>,
 *   outputsOf: (nodeName: string) => object[][],
 *   waitTill?: Date,
 *   error?: RunError,
 *   responses: any[],
 *   staticData?: object,
 *   resume: (opts?: { now?: Date }) => Promise<RunResult>,
 * }} RunResult
 */

const BASE_URL = 'http://localhost:5678';

/** @param {Record<string, any[]>} runData @param {string} nodeName @returns {object[][]} */
function outputsOf(runData, nodeName) {
	const last = runData[nodeName]?.at(-1);
	const main = last?.data?.main ?? [];
	return main.map((/** @type {any[] | null} */ items) => (items ?? []).map((i) => i.json));
}

/** @param {any} fullRunData */
function errorOf(fullRunData) {
	const { error, lastNodeExecuted } = fullRunData.data.resultData;
	if (!error) return undefined;
	/** @type {RunError} */
	const out = { message: error.message, node: error.node?.name ?? lastNodeExecuted };
	if (error.description) out.description = error.description;
	return out;
}

/** Same test as the engine's continuesOnError. @param {any} node */
function continuesOnFail(node) {
	return node.continueOnFail === true || ['continueRegularOutput', 'continueErrorOutput'].includes(node.onError);
}

/**
 * @param {{ packageDirs?: string[], baseNodes?: string[], credentials?: Record<string, object> }} [options]
 */
async function createRuntime(options = {}) {
	const { packageDirs = [], baseNodes = [], credentials = {} } = options;
	/** @type {Record<string, any>} */
	const nodeTypeMap = {};
	/** @type {Record<string, any>} */
	const credentialTypeMap = {};
	if (baseNodes.length) Object.assign(nodeTypeMap, await loadBaseNodes(baseNodes));
	for (const dir of packageDirs) {
		const pkg = await loadPackage(path.resolve(dir));
		Object.assign(nodeTypeMap, pkg.nodes);
		Object.assign(credentialTypeMap, pkg.credentials);
	}
	const nodeTypes = makeNodeTypes(nodeTypeMap);
	const credentialStore = structuredClone(credentials);
	const credentialsHelper = makeCredentialsHelper(credentialTypeMap, credentialStore);
	/** @type {Map<string, object>} workflow static data, kept between runs like n8n's database */
	const staticDataByWorkflow = new Map();
	let nextExecutionId = 1;

	/** @param {any} workflowData */
	const workflowKey = (workflowData) => String(workflowData.id ?? workflowData.name ?? 'workflow');

	/** Builds the Workflow the way WorkflowRunner does, from a private copy (n8n mutates nodes). @param {any} workflowData */
	function buildWorkflow(workflowData) {
		const copy = structuredClone(workflowData);
		return new nw.Workflow({
			id: copy.id ?? 'postpurchase-harness',
			name: copy.name,
			nodes: copy.nodes,
			connections: copy.connections,
			active: true,
			nodeTypes,
			staticData: staticDataByWorkflow.get(workflowKey(workflowData)) ?? copy.staticData,
			settings: copy.settings ?? {},
		});
	}

	/**
	 * One engine run: a fresh WorkflowExecute on the given run-execution data, like
	 * WorkflowRunner.runMainProcess does for both new webhook executions and resumed ones.
	 * @param {any} workflow @param {any} workflowData @param {string} mode @param {any} runExecutionData @param {string} executionId @param {boolean} restart
	 * @returns {Promise<RunResult>}
	 */
	async function execute(workflow, workflowData, mode, runExecutionData, executionId, restart) {
		const responses = /** @type {any[]} */ ([]);
		/** @type {any} */
		let newStaticData;
		const hooks = new core.ExecutionLifecycleHooks(/** @type {any} */ (mode), executionId, workflowData);
		hooks.addHandler('sendResponse', (/** @type {any} */ response) => void responses.push(response));
		hooks.addHandler('workflowExecuteAfter', (/** @type {any} */ _run, /** @type {any} */ staticData) => void (newStaticData = staticData));
		const additionalData = /** @type {any} */ ({
			credentialsHelper,
			executeWorkflow: async () => {
				throw new nw.UserError('Sub-workflows are not supported by the in-process harness');
			},
			getRunExecutionData: async () => undefined,
			executionId,
			// Set on resume so the engine runs the `workflowExecuteResume` hook, as the WaitTracker path does.
			restartExecutionId: restart ? executionId : undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: `${BASE_URL}/rest`,
			instanceBaseUrl: `${BASE_URL}/`,
			formBaseUrl: `${BASE_URL}/form`,
			formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
			formTestBaseUrl: `${BASE_URL}/form-test`,
			webhookBaseUrl: `${BASE_URL}/webhook`,
			webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
			webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
			mcpBaseUrl: `${BASE_URL}/mcp`,
			mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
			variables: {},
			hooks,
			workflowId: workflow.id,
			setExecutionStatus: () => undefined,
			sendDataToUI: () => undefined,
			logAiEvent: () => undefined,
			getRuntimeCredential: async () => undefined,
			startRunnerTask: async () => {
				throw new nw.UserError('Task runners (Code node) are not available in the in-process harness');
			},
		});

		/** @type {any} */
		let fullRunData;
		try {
			const engine = new core.WorkflowExecute(additionalData, /** @type {any} */ (mode), runExecutionData);
			fullRunData = await engine.processRunExecutionData(workflow);
		} catch (error) {
			// Thrown before any node ran: workflow issues (unknown node type, missing parameters).
			const e = /** @type {any} */ (error);
			const issueNode = e.nodes ? Object.keys(e.nodes ?? {})[0] : undefined;
			return {
				status: 'error',
				executionId,
				runData: {},
				outputsOf: () => [],
				error: { message: e.message, node: issueNode },
				responses,
				resume: async () => {
					throw new Error('Only waiting executions can be resumed');
				},
			};
		}
		if (newStaticData) {
			// Static data is an observable proxy: store a plain copy, as saving it to the database would.
			const plain = JSON.parse(JSON.stringify(newStaticData));
			delete plain.__dataChanged;
			staticDataByWorkflow.set(workflowKey(workflowData), plain);
		}

		let status = fullRunData.status;
		const runData = fullRunData.data.resultData.runData;
		let error = errorOf(fullRunData);
		// The engine keeps the last node's error as the execution's error even when that node
		// continues on fail and the run went on: only when it is the last node to run. The error
		// stays in that node's run data; the execution itself did not fail.
		const errorNode = error?.node ? workflow.getNode(error.node) : null;
		if (status === 'error' && errorNode && continuesOnFail(errorNode)) {
			status = 'success';
			error = undefined;
		}
		/** @type {RunResult} */
		const result = {
			status,
			executionId,
			runData,
			outputsOf: (name) => outputsOf(runData, name),
			responses,
			staticData: newStaticData ? staticDataByWorkflow.get(workflowKey(workflowData)) : undefined,
			resume: async () => {
				throw new Error(`Only waiting executions can be resumed (status: ${status})`);
			},
		};
		if (error) result.error = error;
		if (status === 'waiting') {
			const waitTill = new RealDate(fullRunData.waitTill ?? fullRunData.data.waitTill);
			result.waitTill = waitTill;
			// What n8n stores for a waiting execution and reads back in WaitTracker.startExecution:
			// a serialized copy, so resuming works on its own nodes, not this run's objects.
			const stored = JSON.parse(JSON.stringify(fullRunData.data));
			let resumed = false;
			result.resume = async (opts = {}) => {
				if (resumed) throw new Error(`Execution ${executionId} was already resumed`);
				resumed = true;
				// The WaitTracker starts it once waitTill has passed: a clocked run wakes up then.
				const now = opts.now ?? (clockedExecutions.has(executionId) ? waitTill : undefined);
				if (now) clockedExecutions.add(executionId);
				return await withClock(now, () => execute(buildWorkflow(workflowData), workflowData, mode, stored, executionId, true));
			};
		}
		return result;
	}

	/** @type {Set<string>} executions started with a simulated clock */
	const clockedExecutions = new Set();

	return {
		/** Node type names this runtime knows. */
		nodeTypeNames: () => Object.keys(nodeTypeMap),
		/** Credential type names this runtime knows. */
		credentialTypeNames: () => Object.keys(credentialTypeMap),
		/**
		 * Runs `workflowJson` as if `startNode` (its trigger) had emitted `items`.
		 * @param {any} workflowJson
		 * @param {{ startNode: string, items: object[], now?: Date }} opts
		 * @returns {Promise<RunResult>}
		 */
		async run(workflowJson, { startNode, items, now }) {
			// n8n runs (and resumes) a snapshot of the workflow taken when the execution starts.
			const workflowData = structuredClone(workflowJson);
			const workflow = buildWorkflow(workflowData);
			const node = workflow.getNode(startNode);
			if (!node) throw new Error(`Start node "${startNode}" not found in the workflow`);
			const type = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			if (!type) throw new Error(`Start node "${startNode}" has an unknown type "${node.type}" (not loaded by createRuntime)`);
			const executionId = String(nextExecutionId++);
			if (now) clockedExecutions.add(executionId);
			// As n8n's webhook-helpers prepareExecutionData: the trigger node on the stack carrying its
			// output as input. In 'webhook'/'trigger' mode the engine passes a webhook/trigger/poll
			// node's input straight through instead of running it.
			const mode = type.webhook ? 'webhook' : 'trigger';
			const data = items.map((json) => ({ json }));
			const runExecutionData = nw.createRunExecutionData({
				executionData: { nodeExecutionStack: [{ node, data: { main: [data] }, source: null }] },
			});
			// A start node with an `execute` method would run again: pin its output instead.
			if (type.execute && !type.webhook && !type.trigger && !type.poll) {
				runExecutionData.resultData.pinData = { [startNode]: data };
			}
			return await withClock(now, () => execute(workflow, workflowData, mode, runExecutionData, executionId, false));
		},
	};
}

module.exports = { createRuntime };
