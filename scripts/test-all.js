'use strict';
// `npm test`: build, lint, unit tests, in-process workflow tests, the preference center in headless
// Chromium, then the real-n8n run of the demo.
// Each step runs even when an earlier one failed (except the build), so one run shows everything;
// the last line is the total in the plain "N passed, N failed" form.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const results = path.join(root, '.test-results');
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const summary = [];

function step(name, cmd, args, count) {
	const started = Date.now();
	console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
	const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
	const ok = r.status === 0;
	const counted = count ? count() : { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
	// A step that failed without counting a failed test (crashed, or lint) still counts as one failure.
	if (!ok && counted.failed === 0) counted.failed = 1;
	passed += counted.passed;
	failed += counted.failed;
	summary.push(`${name.padEnd(10)} ${ok ? 'ok  ' : 'FAIL'} ${counted.passed} passed, ${counted.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	return ok;
}

function jestCounts(file) {
	return () => {
		try {
			const report = JSON.parse(fs.readFileSync(path.join(results, file), 'utf8'));
			return { passed: report.numPassedTests, failed: report.numFailedTests + report.numRuntimeErrorTestSuites };
		} catch {
			return { passed: 0, failed: 1 };
		}
	};
}

function e2eCounts() {
	try {
		const report = JSON.parse(fs.readFileSync(path.join(results, 'e2e.json'), 'utf8'));
		return { passed: report.passed, failed: report.failed };
	} catch {
		return { passed: 0, failed: 1 };
	}
}

if (step('build', 'npm', ['run', '--silent', 'build'])) {
	step('lint', 'npx', ['eslint', '.']);
	const jest = path.join(root, 'node_modules', '.bin', 'jest');
	step('unit', jest, ['--selectProjects', 'unit', '--json', `--outputFile=${path.join(results, 'unit.json')}`], jestCounts('unit.json'));
	if (step('n8n', 'node', ['scripts/n8n-runtime.js', 'install'])) {
		step('workflow', jest, ['--selectProjects', 'workflow', '--runInBand', '--json', `--outputFile=${path.join(results, 'workflow.json')}`], jestCounts('workflow.json'));
		if (step('chromium', 'node', ['scripts/ensure-chromium.js'])) {
			step('browser', jest, ['--selectProjects', 'browser', '--runInBand', '--json', `--outputFile=${path.join(results, 'browser.json')}`], jestCounts('browser.json'));
		}
		step('e2e', 'node', ['scripts/demo.js', '--once', '--check', `--report=${path.join(results, 'e2e.json')}`], e2eCounts);
	}
}

console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
