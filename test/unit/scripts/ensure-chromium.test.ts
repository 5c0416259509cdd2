// scripts/ensure-chromium.js with a fake apt-get: a second checkout's `npm test` waits for the
// first one's apt or dpkg lock instead of failing on it.

interface Result {
	status: number | null;
	stderr: string;
}
interface EnsureChromium {
	LOCK_WAIT_MS: number;
	aptGet(args: string[], deps: { run: (cmd: string, args: string[]) => Result; sleep: (ms: number) => void; now?: () => number }): void;
	ensure(deps: { check: () => string | undefined; apt: (args: string[]) => void; root: boolean }): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chromium = require('../../../scripts/ensure-chromium.js') as EnsureChromium;

const LOCKED = 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)\n';
const LISTS_LOCKED = 'E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)\nE: Unable to lock directory /var/lib/apt/lists/\n';

/** A fake apt-get answering each call with the next result, recording the arguments. */
function fakeApt(results: Result[]) {
	const calls: string[][] = [];
	const sleeps: number[] = [];
	const run = (cmd: string, args: string[]) => {
		expect(cmd).toBe('apt-get');
		calls.push(args);
		return results[Math.min(calls.length - 1, results.length - 1)];
	};
	return { run, sleep: (ms: number) => sleeps.push(ms), calls, sleeps };
}

beforeEach(() => {
	jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
	jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

it('asks apt to wait for dpkg\'s lock', () => {
	const apt = fakeApt([{ status: 0, stderr: '' }]);
	chromium.aptGet(['install', '-y', 'chromium'], apt);
	expect(apt.calls).toEqual([['-o', `DPkg::Lock::Timeout=${chromium.LOCK_WAIT_MS / 1000}`, 'install', '-y', 'chromium']]);
	expect(chromium.LOCK_WAIT_MS).toBe(600_000);
});

it.each([
	['dpkg frontend', LOCKED],
	['package lists', LISTS_LOCKED],
])('tries again while another install holds the %s lock', (_, stderr) => {
	const apt = fakeApt([{ status: 100, stderr }, { status: 100, stderr }, { status: 0, stderr: '' }]);
	chromium.aptGet(['update'], apt);
	expect(apt.calls).toHaveLength(3);
	expect(apt.sleeps).toHaveLength(2);
});

it('fails at once on any other apt error, naming the command', () => {
	const apt = fakeApt([{ status: 100, stderr: 'E: Unable to locate package chromium\n' }]);
	expect(() => chromium.aptGet(['install', '-y', 'chromium'], apt)).toThrow(/apt-get install -y chromium failed \(exit 100\)/);
	expect(apt.calls).toHaveLength(1);
});

it('gives up when the lock is still held after the wait', () => {
	let clock = 0;
	const apt = fakeApt([{ status: 100, stderr: LOCKED }]);
	const sleep = (ms: number) => {
		clock += ms;
	};
	expect(() => chromium.aptGet(['update'], { run: apt.run, sleep, now: () => clock })).toThrow(/apt-get update failed/);
	expect(apt.calls.length).toBe(chromium.LOCK_WAIT_MS / 5_000 + 1);
});

it('skips the install when another checkout installed Chromium while this one waited', () => {
	const answers = [undefined, 'Chromium 1.0', 'Chromium 1.0'];
	const apt: string[][] = [];
	const version = chromium.ensure({ check: () => answers.shift(), apt: (args) => apt.push(args), root: true });
	expect(version).toBe('Chromium 1.0');
	expect(apt).toEqual([['update']]);
});

it('tells a non-root user the command to run', () => {
	expect(() => chromium.ensure({ check: () => undefined, apt: () => undefined, root: false })).toThrow(/sudo apt-get install -y chromium/);
});
