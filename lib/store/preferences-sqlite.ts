import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Preference } from '../model/preferences';
import { checkPreferenceSubjects, toMillis, type StoredPreference } from './types';

interface PreferenceRow {
	channel: string;
	language: string | null;
	updated_at: string;
}

/** Preferences in the store's SQLite file: one row per subject. */
export class SqlitePreferences {
	private readonly statements: Record<'set' | 'get', StatementSync>;

	constructor(private readonly db: DatabaseSync) {
		this.statements = {
			// An older choice arriving late never overwrites a newer one.
			set: db.prepare(
				`INSERT INTO preferences (subject, channel, language, updated_at, updated_ms) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (subject) DO UPDATE SET channel = excluded.channel, language = excluded.language,
					updated_at = excluded.updated_at, updated_ms = excluded.updated_ms
				WHERE excluded.updated_ms >= preferences.updated_ms`,
			),
			get: db.prepare('SELECT channel, language, updated_at FROM preferences WHERE subject = ?'),
		};
	}

	set(subjects: string[], preference: StoredPreference): void {
		checkPreferenceSubjects(subjects);
		const ms = toMillis(preference.updatedAt, 'updatedAt');
		// One transaction: the order and the email subject change together or not at all.
		this.db.exec('BEGIN IMMEDIATE');
		try {
			for (const subject of subjects) {
				this.statements.set.run(subject, preference.channel, preference.language ?? null, preference.updatedAt, ms);
			}
			this.db.exec('COMMIT');
		} catch (error) {
			this.db.exec('ROLLBACK');
			throw error;
		}
	}

	get(subjects: string[]): StoredPreference | undefined {
		for (const subject of subjects) {
			const row = this.statements.get.get(subject) as PreferenceRow | undefined;
			if (!row) continue;
			const found: StoredPreference = { channel: row.channel as Preference, updatedAt: row.updated_at };
			if (row.language) found.language = row.language;
			return found;
		}
		return undefined;
	}
}
