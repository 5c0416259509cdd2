import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

/** A fixture's exact bytes, as a webhook delivery would carry them. */
export function rawFixture(provider: 'aftership' | 'easypost', name: string): Buffer {
	return readFileSync(join(FIXTURES, provider, `${name}.json`));
}

export function fixture(provider: 'aftership' | 'easypost', name: string): Record<string, any> {
	return JSON.parse(rawFixture(provider, name).toString('utf8'));
}
