'use strict';
// Both parts need the compiled package (dist/): part 1 requires dist/lib, part 2 packs dist into
// n8n. Build when dist is missing or older than a source, so the bench does not measure stale code.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function newestMtime(dir, suffix) {
	if (!fs.existsSync(dir)) return 0;
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile() && entry.name.endsWith(suffix)) {
			newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
		}
	}
	return newest;
}

/** Returns what it did: 'fresh', 'built', or 'stale' (the build failed; the old dist is used). */
function ensureBuilt(repoRoot, log) {
	const hasDist = fs.existsSync(path.join(repoRoot, 'dist', 'lib', 'index.js'));
	// tsc is incremental here: it rewrites only changed outputs, so compare newest with newest.
	const built = newestMtime(path.join(repoRoot, 'dist'), '.js');
	const sources = Math.max(...['lib', 'nodes', 'credentials'].map((d) => newestMtime(path.join(repoRoot, d), '.ts')));
	if (hasDist && built >= sources) return 'fresh';
	log(hasDist ? 'dist/ is older than the sources: npm run build' : 'dist/ is missing: npm run build');
	try {
		// Its output to stderr: the bench's stdout carries only the JSON document.
		execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
		return 'built';
	} catch (error) {
		if (!hasDist) throw error;
		log(`build failed (${error.message.split('\n')[0]}); measuring the existing dist/`);
		return 'stale';
	}
}

module.exports = { ensureBuilt };
