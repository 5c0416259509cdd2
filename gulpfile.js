'use strict';
// tsc compiles the TypeScript; this copies what it does not: icons, the nodes' codex files, and
// the holiday rules the calendar reads (lib/calendar/holidays.ts).
const { copyFile, mkdir } = require('node:fs/promises');
const path = require('node:path');
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.svg', 'nodes/**/*.png', 'nodes/**/*.node.json', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(dest('dist')),
);

// date-holidays is a devDependency: at run time only its rules file is needed, next to the
// compiled holidays.js, with its LICENSE (CC BY-SA 3.0 for the data, and the attribution list).
task('build:holidays', async () => {
	const from = path.dirname(require.resolve('date-holidays/package.json'));
	const to = path.join('dist', 'lib', 'calendar');
	await mkdir(to, { recursive: true });
	await copyFile(path.join(from, 'data', 'holidays.json'), path.join(to, 'holidays.json'));
	await copyFile(path.join(from, 'LICENSE'), path.join(to, 'holidays.LICENSE'));
});
