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
};

module.exports = [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.demo/**', 'test/**', 'scripts/**', '*.config.js', 'gulpfile.js', 'index.js'] },
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'lib/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: __dirname } },
		plugins: { '@n8n/community-nodes': n8nCommunityNodesPlugin },
		rules: communityRules,
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.credentials.rules,
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.nodes.rules,
	},
];
