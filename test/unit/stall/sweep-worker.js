'use strict';
// A separate process sweeping a shared SQLite file: loads the TypeScript sources through
// typescript's transpiler, says "ready", waits for "go" on stdin, then prints the keys it claimed.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
	module._compile(outputText, filename);
};

const { openSqliteStore } = require(path.join(__dirname, '../../../lib/store/sqlite.ts'));
const { sweepStalled } = require(path.join(__dirname, '../../../lib/journey/sweepStalled.ts'));
const [file, now] = process.argv.slice(2);
const store = openSqliteStore(file);

process.stdout.write('ready\n');
process.stdin.once('data', async () => {
	const found = await sweepStalled(store, { now: new Date(now), pageSize: 50, limit: 100000 });
	await store.close();
	process.stdout.write(`${JSON.stringify(found.map((f) => f.state.key))}\n`);
	process.exit(0);
});
