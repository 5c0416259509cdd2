import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

// The shared n8n cache install (scripts/n8n-runtime.js) with a fake install step: two checkouts
// running `npm test` at once must not install into each other's folder, a dead installer's lock
// must not block forever, and a half-finished install must never count as ready.

interface Runtime {
	ensureN8n(options: { log?: (line: string) => void; dir?: string; install?: (dir: string) => Promise<void>; pollMs?: number }): Promise<string>;
	isReady(dir: string): boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtime = require('../../../scripts/n8n-runtime.js') as Runtime;

let base: string;
let dir: string;
beforeEach(() => {
	base = mkdtempSync(join(tmpdir(), 'n8n-runtime-test-'));
	dir = join(base, 'n8n-9.9.9');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const quiet = () => undefined;

/** A fake install: writes the files the runtime starts n8n from, after `ms`, counting its calls. */
function fakeInstall(ms = 50) {
	const calls: string[] = [];
	const install = async (into: string) => {
		calls.push(into);
		await new Promise((r) => setTimeout(r, ms));
		mkdirSync(join(into, 'node_modules', 'n8n', 'bin'), { recursive: true });
		writeFileSync(join(into, 'node_modules', 'n8n', 'bin', 'n8n'), '#!/usr/bin/env node\n');
	};
	return { install, calls };
}

/** A pid no process has now: one that has already exited. */
function deadPid(): number {
	const { pid } = spawnSync(process.execPath, ['-e', '0']);
	return pid!;
}

it('installs into a temporary folder beside the cache and renames it into place', async () => {
	const { install, calls } = fakeInstall();
	await expect(runtime.ensureN8n({ log: quiet, dir, install })).resolves.toBe(dir);
	expect(calls).toHaveLength(1);
	expect(calls[0]).not.toBe(dir);
	expect(calls[0].startsWith(`${dir}.tmp-`)).toBe(true);
	expect(runtime.isReady(dir)).toBe(true);
	// Nothing left beside it: no lock, no temporary folder.
	expect(readdirSync(base)).toEqual(['n8n-9.9.9']);
});

it('returns at once when the cache is ready, without installing', async () => {
	const { install, calls } = fakeInstall();
	await runtime.ensureN8n({ log: quiet, dir, install });
	await runtime.ensureN8n({ log: quiet, dir, install });
	expect(calls).toHaveLength(1);
});

it('lets two installers at once install only once; the second waits and gets the first one\'s copy', async () => {
	const { install, calls } = fakeInstall(300);
	const lines: string[] = [];
	const both = await Promise.all([
		runtime.ensureN8n({ log: (line) => lines.push(line), dir, install, pollMs: 20 }),
		runtime.ensureN8n({ log: (line) => lines.push(line), dir, install, pollMs: 20 }),
	]);
	expect(both).toEqual([dir, dir]);
	expect(calls).toHaveLength(1);
	expect(lines.some((line) => /Another process is installing n8n/.test(line))).toBe(true);
	expect(readdirSync(base)).toEqual(['n8n-9.9.9']);
});

it('never takes a half-finished install as ready: the folder appears only when complete', async () => {
	let seenDuringInstall: boolean | undefined;
	const { install: slow } = fakeInstall(100);
	const install = async (into: string) => {
		await slow(into);
		seenDuringInstall = existsSync(dir) || runtime.isReady(dir);
	};
	await runtime.ensureN8n({ log: quiet, dir, install });
	expect(seenDuringInstall).toBe(false);
	expect(runtime.isReady(dir)).toBe(true);
});

it('a failed install leaves no cache, no temporary folder and no lock, and the next call installs', async () => {
	const failing = async () => {
		throw new Error('npm install failed with exit code 1');
	};
	await expect(runtime.ensureN8n({ log: quiet, dir, install: failing })).rejects.toThrow('exit code 1');
	expect(readdirSync(base)).toEqual([]);
	const { install, calls } = fakeInstall();
	await runtime.ensureN8n({ log: quiet, dir, install });
	expect(calls).toHaveLength(1);
});

it('replaces a folder an interrupted older install left without its ready marker', async () => {
	mkdirSync(join(dir, 'node_modules', 'half'), { recursive: true });
	const { install, calls } = fakeInstall();
	await runtime.ensureN8n({ log: quiet, dir, install });
	expect(calls).toHaveLength(1);
	expect(runtime.isReady(dir)).toBe(true);
	expect(existsSync(join(dir, 'node_modules', 'half'))).toBe(false);
});

it('breaks the lock of an installer that is gone, and says so', async () => {
	mkdirSync(`${dir}.lock`);
	writeFileSync(join(`${dir}.lock`, 'owner.json'), JSON.stringify({ pid: deadPid(), host: hostname(), since: new Date().toISOString() }));
	mkdirSync(`${dir}.tmp-${deadPid()}-abcd`); // its abandoned temporary folder
	const { install, calls } = fakeInstall();
	const lines: string[] = [];
	await runtime.ensureN8n({ log: (line) => lines.push(line), dir, install, pollMs: 20 });
	expect(calls).toHaveLength(1);
	expect(lines.some((line) => /stale n8n install lock .*is gone/.test(line))).toBe(true);
	expect(readdirSync(base)).toEqual(['n8n-9.9.9']);
});

it('waits for a live installer\'s lock, however long its install takes', async () => {
	mkdirSync(`${dir}.lock`);
	writeFileSync(join(`${dir}.lock`, 'owner.json'), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
	const { install, calls } = fakeInstall();
	const pending = runtime.ensureN8n({ log: quiet, dir, install, pollMs: 20 });
	await new Promise((r) => setTimeout(r, 300));
	expect(calls).toHaveLength(0);
	// The other installer finishes: its copy is used, nothing is installed again.
	await fakeInstall(0).install(dir);
	writeFileSync(join(dir, '.ready'), 'now');
	await expect(pending).resolves.toBe(dir);
	expect(calls).toHaveLength(0);
	rmSync(`${dir}.lock`, { recursive: true });
});

it('breaks a lock of the older script (no owner) only after 20 minutes untouched', async () => {
	mkdirSync(`${dir}.lock`);
	const { install, calls } = fakeInstall();
	const pending = runtime.ensureN8n({ log: quiet, dir, install, pollMs: 20 });
	await new Promise((r) => setTimeout(r, 200));
	expect(calls).toHaveLength(0);
	const old = new Date(Date.now() - 21 * 60_000);
	utimesSync(`${dir}.lock`, old, old);
	await expect(pending).resolves.toBe(dir);
	expect(calls).toHaveLength(1);
});

it('keeps two processes apart: both end with the cache, one installed it', async () => {
	const counter = join(base, 'installs.log');
	const script = `
		const fs = require('node:fs'), path = require('node:path');
		require(${JSON.stringify(join(__dirname, '..', '..', '..', 'scripts', 'n8n-runtime.js'))}).ensureN8n({
			log: () => {}, dir: process.argv[1], pollMs: 20,
			install: async (into) => {
				fs.appendFileSync(process.argv[2], process.pid + '\\n');
				await new Promise((r) => setTimeout(r, 400));
				fs.mkdirSync(path.join(into, 'node_modules', 'n8n', 'bin'), { recursive: true });
				fs.writeFileSync(path.join(into, 'node_modules', 'n8n', 'bin', 'n8n'), '');
			},
		}).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });`;
	const runOne = () =>
		new Promise<number>((resolve) => spawn(process.execPath, ['-e', script, dir, counter], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? -1)));
	await expect(Promise.all([runOne(), runOne()])).resolves.toEqual([0, 0]);
	expect(readFileSync(counter, 'utf8').trim().split('\n')).toHaveLength(1);
	expect(runtime.isReady(dir)).toBe(true);
	expect(readdirSync(base).sort()).toEqual(['installs.log', 'n8n-9.9.9']);
}, 20_000);
