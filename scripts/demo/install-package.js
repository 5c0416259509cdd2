'use strict';
// Installs this package into an n8n user folder the way n8n installs a community package
// (community-packages.service: pack, unpack, drop dev/peer/optional deps, npm install), so the
// demo and the end-to-end test load exactly what a merchant would get from npm.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function installPackage(repoRoot, userFolder) {
	const { name } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', name);
	fs.mkdirSync(packageDir, { recursive: true });
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [name]: 'file' } }, null, 2));
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postpurchase-pack-'));
	try {
		const tarball = execFileSync('npm', ['pack', '--quiet', '--pack-destination', tmp], { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n').pop();
		execFileSync('tar', ['-xzf', path.join(tmp, tarball), '-C', packageDir, '--strip-components=1']);
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	const packageJsonPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...packageJson } = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
	fs.writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));
	execFileSync(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=error'],
		{ cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] },
	);
	return packageDir;
}

module.exports = { installPackage };
