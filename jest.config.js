'use strict';
// Three projects: `unit` tests the library and the nodes' pure parts; `workflow` runs bundled
// workflows in-process with n8n-core (needs the n8n install for n8n-nodes-base's Wait node);
// `browser` drives the preference center in a real headless Chromium.
const common = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json', isolatedModules: true }] },
};
module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ ...common, displayName: 'workflow', testMatch: ['<rootDir>/test/workflow/**/*.test.ts'] },
		// Headless Debian Chromium through playwright-core (scripts/ensure-chromium.js installs it).
		{ ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
	],
};
