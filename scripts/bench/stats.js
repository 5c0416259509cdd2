'use strict';
// Small helpers for summarizing repeated rounds, so noise shows as a min/max spread.

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summary(values, digits = 0) {
	const round = (v) => Number(v.toFixed(digits));
	return { median: round(median(values)), min: round(Math.min(...values)), max: round(Math.max(...values)), rounds: values.map(round) };
}

module.exports = { median, summary };
