'use strict';
// tsc compiles the TypeScript; this copies what it does not: icons and the nodes' codex files.
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.svg', 'nodes/**/*.png', 'nodes/**/*.node.json', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(dest('dist')),
);
