#!/usr/bin/env node
'use strict';
/**
 * Prints the labelled corpus's accuracy table from .test-results/corpus-accuracy.json, which
 * test/unit/classifier/corpus.test.ts writes. Run the test first:
 *   npx jest test/unit/classifier/corpus.test.ts --selectProjects unit && node scripts/corpus-accuracy.js
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const FIELDS = ['trigger', 'severity', 'reasonCode', 'customerAction', 'notify'];
const report = JSON.parse(readFileSync(join(__dirname, '..', '.test-results', 'corpus-accuracy.json'), 'utf8'));

const cell = (tally) => (tally.labelled ? `${(100 * tally.accuracy).toFixed(1)}% (${tally.correct}/${tally.labelled})` : '-');
const rows = [
	['provider', 'entries', ...FIELDS],
	...Object.entries(report.byProvider).map(([provider, stats]) => [provider, String(stats.entries), ...FIELDS.map((f) => cell(stats[f]))]),
	['overall', String(report.entries), ...FIELDS.map((f) => cell(report.overall[f]))],
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const row of rows) console.log(row.map((value, i) => value.padEnd(widths[i])).join('  '));

console.log(`\nMisses (${report.misses.length}):`);
for (const miss of report.misses) {
	const fields = Object.entries(miss.fields).map(([field, { expected, actual }]) => `${field} ${expected} -> ${actual}`).join('; ');
	console.log(`  ${miss.id} [${miss.event}] ${fields}${miss.note ? `  (${miss.note})` : ''}`);
}
