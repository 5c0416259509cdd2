'use strict';
// Lint is part of `npm test`. n8n's two rule sets: eslint-plugin-n8n-nodes-base (the node,
// credential and package.json conventions) and @n8n/eslint-plugin-community-nodes, in its variant
// for packages that are not aimed at n8n Cloud, less the rules README "Lint" names and explains.
const tsParser = require('@typescript-eslint/parser');
const jsoncParser = require('jsonc-eslint-parser');
const n8nNodesBase = require('eslint-plugin-n8n-nodes-base');
const { n8nCommunityNodesPlugin, configs } = require('@n8n/eslint-plugin-community-nodes');

const communityRules = {
	...configs.recommendedWithoutN8nCloudSupport.rules,
	// This package needs runtime dependencies (luxon, zod, axios, liquidjs, libphonenumber-js,
	// nodemailer): README says why each is there. n8n Cloud's verification forbids them.
	'@n8n/community-nodes/no-runtime-dependencies': 'off',
	// AfterShip webhooks are registered in AfterShip's admin (its API has no webhook endpoint), so
	// the trigger shows its URL to paste instead of registering it. See README "Lint".
	'@n8n/community-nodes/webhook-lifecycle-complete': 'off',
};

// Rules of the older plugin that contradict the newer one or n8n 2.x conventions (README "Lint").
const legacyOff = {
	// n8n 2.x declares connections as NodeConnectionTypes.Main (the newer plugin requires it).
	'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
	'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
	// A full documentation URL is what community credentials need; the camelCase slug is for n8n's own docs.
	'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
	// SMTP is not an API: like n8n's own `smtp` credential, its name has no -Api suffix.
	'n8n-nodes-base/node-class-description-credentials-name-unsuffixed': 'off',
	'n8n-nodes-base/cred-class-name-unsuffixed': 'off',
	'n8n-nodes-base/cred-class-field-name-unsuffixed': 'off',
};

module.exports = [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.demo/**', '.test-results/**', '.replay-out/**', 'test/**', 'scripts/**', '*.config.js', 'gulpfile.js', 'index.js'] },
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		// lib/ is the n8n-free library: it cannot throw n8n's error classes, the nodes wrap its errors.
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: __dirname } },
		plugins: { '@n8n/community-nodes': n8nCommunityNodesPlugin },
		rules: communityRules,
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.credentials.rules, ...legacyOff },
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.nodes.rules, ...legacyOff },
	},
];
