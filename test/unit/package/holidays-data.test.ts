import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The holiday rules ship as a data file read by date-holidays-parser (lib/calendar/holidays.ts);
// date-holidays itself, 17 MB of build tooling and browser bundles around that file, is only a
// devDependency the build copies from (gulpfile.js build:holidays). Needs `npm run build`.

const ROOT = join(__dirname, '..', '..', '..');

interface Manifest {
	version: string;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	bundleDependencies?: string[];
	scripts: Record<string, string>;
}

const read = (path: string) => readFileSync(path, 'utf8');
const pkg = JSON.parse(read(join(ROOT, 'package.json'))) as Manifest;
const dateHolidaysDir = dirname(require.resolve('date-holidays/package.json'));
const dateHolidays = JSON.parse(read(join(dateHolidaysDir, 'package.json'))) as Manifest;

function built(relative: string): string {
	const file = join(ROOT, relative);
	if (!existsSync(file)) throw new Error(`${relative} is missing: run \`npm run build\` (tsc + gulp build:icons build:holidays).`);
	return file;
}

describe('package.json: holiday rules without date-holidays at run time', () => {
	it('depends on date-holidays-parser, pinned exactly, and on date-holidays only for development', () => {
		expect(pkg.dependencies?.['date-holidays-parser']).toMatch(/^\d+\.\d+\.\d+$/);
		for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
			expect([field, pkg[field]?.['date-holidays']]).toEqual([field, undefined]);
		}
		expect(pkg.bundleDependencies ?? []).not.toContain('date-holidays');
		expect(pkg.devDependencies?.['date-holidays']).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('copies the rules in the build script', () => {
		expect(pkg.scripts.build).toMatch(/gulp [^&]*build:holidays/);
	});

	it('pins the parser date-holidays itself runs, so the shipped rules are read as upstream reads them', () => {
		const theirs = require.resolve('date-holidays-parser/package.json', { paths: [dateHolidaysDir] });
		const version = (JSON.parse(read(theirs)) as Manifest).version;
		expect(version).toBe(pkg.dependencies?.['date-holidays-parser']);
		expect(dateHolidays.version).toBe(pkg.devDependencies?.['date-holidays']);
	});
});

describe('the build: holiday rules', () => {
	it('ships date-holidays\' data/holidays.json unchanged next to the compiled calendar, with its LICENSE', () => {
		expect(read(built('dist/lib/calendar/holidays.json'))).toBe(read(join(dateHolidaysDir, 'data', 'holidays.json')));
		expect(read(built('dist/lib/calendar/holidays.LICENSE'))).toBe(read(join(dateHolidaysDir, 'LICENSE')));
	});

	it('requires date-holidays nowhere in dist', () => {
		const offenders: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
				const path = `${dir}/${entry.name}`;
				if (entry.isDirectory()) walk(path);
				else if (path.endsWith('.js') && /require\(["']date-holidays["'/]/.test(read(join(ROOT, path)))) offenders.push(path);
			}
		};
		walk('dist');
		expect(offenders).toEqual([]);
		expect(read(built('dist/lib/calendar/holidays.js'))).toContain("require('date-holidays-parser')");
	});

	it('names the data, its version and its licence in NOTICE', () => {
		const notice = read(join(ROOT, 'NOTICE'));
		const data = JSON.parse(read(built('dist/lib/calendar/holidays.json'))) as { version: string; license: string };
		expect(data.license).toBe('CC-BY-SA-3');
		for (const text of ['dist/lib/calendar/holidays.json', `date-holidays ${dateHolidays.version}`, `data version ${data.version}`, 'CC BY-SA 3.0', 'holidays.LICENSE']) {
			expect([text, notice.includes(text)]).toEqual([text, true]);
		}
	});
});

describe('the published tarball: holiday rules', () => {
	let files: Set<string>;
	beforeAll(() => {
		built('dist/lib/calendar/holidays.js');
		const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8' });
		const [report] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
		files = new Set(report.files.map(({ path }) => path));
	}, 60_000);

	it('carries the rules, their LICENSE and the NOTICE', () => {
		for (const file of ['dist/lib/calendar/holidays.json', 'dist/lib/calendar/holidays.LICENSE', 'dist/lib/calendar/holidays.js', 'NOTICE']) {
			expect([file, files.has(file)]).toEqual([file, true]);
		}
	});
});
