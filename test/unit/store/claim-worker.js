'use strict';
// A separate process racing for claims on a shared SQLite file: loads the TypeScript store through
// typescript's transpiler, says "ready", waits for "go" on stdin, then prints the keys it won.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
	module._compile(outputText, filename);
};

const { openSqliteStore } = require(path.join(__dirname, '../../../lib/store/sqlite.ts'));
const [file, keyCount] = process.argv.slice(2);
const store = openSqliteStore(file);
const now = new Date('2025-03-01T10:00:00Z');

process.stdout.write('ready\n');
process.stdin.once('data', async () => {
	const won = [];
	for (let i = 0; i < Number(keyCount); i++) {
		if (await store.claim(`evt-${i}`, 60_000, now)) won.push(i);
	}
	await store.close();
	process.stdout.write(`${JSON.stringify(won)}\n`);
	process.exit(0);
});
