'use strict';
// The browser tests drive Debian's Chromium (/usr/bin/chromium) with playwright-core; no browser
// is ever downloaded from elsewhere. Installs it with apt-get when missing and running as root
// (CI), else says what to do. Exit code 0 when Chromium is there.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');

const CHROMIUM = '/usr/bin/chromium';

function version() {
	try {
		return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return undefined;
	}
}

function ensure() {
	if (fs.existsSync(CHROMIUM) && version()) return version();
	if (process.platform !== 'linux' || typeof process.getuid !== 'function' || process.getuid() !== 0) {
		throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (sudo apt-get install -y chromium), then run the browser tests again`);
	}
	console.log(`${CHROMIUM} is missing: installing Debian's chromium package`);
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
		const run = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${run.status}); the browser tests need Debian's chromium package`);
	}
	const installed = version();
	if (!installed) throw new Error(`${CHROMIUM} still does not start after apt-get install chromium`);
	return installed;
}

if (require.main === module) {
	try {
		console.log(ensure());
	} catch (error) {
		console.error(error.message);
		process.exit(1);
	}
}

module.exports = { CHROMIUM, ensure };
