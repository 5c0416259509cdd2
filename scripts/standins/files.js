'use strict';
// Numbered output files shared by the stand-ins: <dir>/<kind>/<nnn>-<name>.<ext>, numbering on
// from what is already there so a second run adds to the folder instead of overwriting it.
const fs = require('node:fs');
const path = require('node:path');

function numberedWriter(dir, kind) {
	const folder = path.join(dir, kind);
	fs.mkdirSync(folder, { recursive: true });
	let last = 0;
	for (const name of fs.readdirSync(folder)) {
		const n = Number.parseInt(name, 10);
		if (n > last) last = n;
	}
	return {
		/** Reserves the next number and returns the base path (no extension) for `name`. */
		next(name) {
			last++;
			const safe = String(name || 'untitled')
				.replace(/[^A-Za-z0-9._-]+/g, '-')
				.replace(/^-+|-+$/g, '')
				.slice(0, 60);
			return path.join(folder, `${String(last).padStart(3, '0')}-${safe || 'untitled'}`);
		},
	};
}

module.exports = { numberedWriter };
