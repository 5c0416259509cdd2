'use strict';
// Loads test/fixtures/corpus.ts (the tests' realistic AfterShip generator) without a test runner:
// transpiled on the fly, its one import of lib/ pointed at the built dist/lib, so the bench and
// the tests draw from the same corpus.
const fs = require('node:fs');
const path = require('node:path');

function loadCorpusModule(repoRoot) {
	const ts = require('typescript');
	const file = path.join(repoRoot, 'test', 'fixtures', 'corpus.ts');
	const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
		fileName: file,
	});
	const requireFromFixture = (spec) => {
		// lib/ sources are TypeScript; their compiled twins live under dist/lib.
		const m = /^(?:\.\.\/)+lib\/(.+)$/.exec(spec);
		return require(m ? path.join(repoRoot, 'dist', 'lib', m[1]) : spec);
	};
	const mod = { exports: {} };
	new Function('exports', 'require', 'module', '__filename', '__dirname', outputText)(
		mod.exports, requireFromFixture, mod, file, path.dirname(file),
	);
	return mod.exports;
}

/** `n` AfterShip webhook bodies from the tests' generator, identical for the same seed. */
function aftershipCorpus(repoRoot, n, seed) {
	return loadCorpusModule(repoRoot).aftershipCorpus(n, seed);
}

module.exports = { aftershipCorpus };
