'use strict';
// Reads n8n's own execution records (its SQLite database, read-only) to see what the webhook
// answers do not: with responseMode onReceived n8n answers before the run ends, so finished
// executions per second, not HTTP answers per second, are the journey's real throughput.
const path = require('node:path');

function withDb(userFolder, fn) {
	let DatabaseSync;
	try {
		({ DatabaseSync } = require('node:sqlite'));
	} catch {
		return null; // Node < 22.5: counts are skipped, the HTTP figures still stand.
	}
	const db = new DatabaseSync(path.join(userFolder, '.n8n', 'database.sqlite'), { readOnly: true });
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

// SQLite datetimes are UTC 'YYYY-MM-DD HH:MM:SS.SSS'.
const toMs = (value) => (value ? Date.parse(`${String(value).replace(' ', 'T')}Z`) : null);
const toSql = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** Executions of `workflowId` not yet finished. */
function unfinished(userFolder, workflowId) {
	return withDb(userFolder, (db) =>
		Number(db.prepare("SELECT COUNT(*) AS n FROM execution_entity WHERE workflowId = ? AND status IN ('new', 'running')").get(workflowId).n),
	) ?? 0;
}

/** Executions of `workflowId` created since `sinceMs`: counts by status and the span they took. */
function executionsSince(userFolder, workflowId, sinceMs) {
	return withDb(userFolder, (db) => {
		const rows = db
			.prepare('SELECT status, COUNT(*) AS n, MIN(startedAt) AS first, MAX(stoppedAt) AS last FROM execution_entity WHERE workflowId = ? AND createdAt >= ? GROUP BY status')
			.all(workflowId, toSql(sinceMs));
		const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
		const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
		const lastStopped = Math.max(0, ...rows.map((r) => toMs(r.last) ?? 0));
		return { total, byStatus, lastStoppedMs: lastStopped || null };
	});
}

module.exports = { unfinished, executionsSince };
