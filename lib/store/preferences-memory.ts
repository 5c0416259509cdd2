import { checkPreferenceSubjects, toMillis, type StoredPreference } from './types';

/** Preferences in process memory, with SqlitePreferences' semantics. */
export class MemoryPreferences {
	private readonly entries = new Map<string, StoredPreference>();

	set(subjects: string[], preference: StoredPreference): void {
		checkPreferenceSubjects(subjects);
		const ms = toMillis(preference.updatedAt, 'updatedAt');
		for (const subject of subjects) {
			const known = this.entries.get(subject);
			if (known && Date.parse(known.updatedAt) > ms) continue;
			this.entries.set(subject, {
				channel: preference.channel,
				updatedAt: preference.updatedAt,
				...(preference.language ? { language: preference.language } : {}),
			});
		}
	}

	get(subjects: string[]): StoredPreference | undefined {
		for (const subject of subjects) {
			const found = this.entries.get(subject);
			if (found) return { ...found };
		}
		return undefined;
	}
}
