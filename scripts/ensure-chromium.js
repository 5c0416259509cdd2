'use strict';
// The browser tests drive Debian's Chromium (/usr/bin/chromium) with playwright-core; no browser
// is ever downloaded from elsewhere. Installs it with apt-get when missing and running as root
// (CI), else says what to do. Exit code 0 when Chromium is there.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');

const CHROMIUM = '/usr/bin/chromium';

function version() {
	if (!fs.existsSync(CHROMIUM)) return undefined;
	try {
		return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return undefined;
	}
}

/** How long a second install waits for another's apt or dpkg lock (two checkouts' `npm test` at once). */
const LOCK_WAIT_MS = 10 * 60_000;
const LOCK_BUSY = /Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock directory/i;

/**
 * `apt-get <args>`, waiting for apt's and dpkg's locks instead of failing on them: dpkg's lock by
 * apt's own DPkg::Lock::Timeout, the lists and archive locks (which that option does not cover
 * on every apt) by trying again until LOCK_WAIT_MS has passed. `run` and `sleep` are for tests.
 */
function aptGet(args, { run = spawnSync, sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms), now = Date.now } = {}) {
	const deadline = now() + LOCK_WAIT_MS;
	const full = ['-o', `DPkg::Lock::Timeout=${LOCK_WAIT_MS / 1000}`, ...args];
	for (;;) {
		const result = run('apt-get', full, {
			stdio: ['ignore', 'inherit', 'pipe'],
			encoding: 'utf8',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		if (result.stderr) process.stderr.write(result.stderr);
		if (result.status === 0) return;
		if (LOCK_BUSY.test(result.stderr ?? '') && now() < deadline) {
			console.log(`apt-get ${args[0]}: another package install holds apt's lock; waiting`);
			sleep(5_000);
			continue;
		}
		throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}); the browser tests need Debian's chromium package`);
	}
}

/** Chromium's version, installing it first when missing; `deps` replace the checks and apt-get in tests. */
function ensure(deps = {}) {
	const { check = version, apt = (args) => aptGet(args, deps), root = process.platform === 'linux' && process.getuid?.() === 0 } = deps;
	const present = check();
	if (present) return present;
	if (!root) {
		throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (sudo apt-get install -y chromium), then run the browser tests again`);
	}
	console.log(`${CHROMIUM} is missing: installing Debian's chromium package`);
	apt(['update']);
	// Another checkout may have installed it while this one waited for the lock.
	if (!check()) apt(['install', '-y', '--no-install-recommends', 'chromium']);
	const installed = check();
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

module.exports = { CHROMIUM, ensure, aptGet, LOCK_WAIT_MS };
