/*
 * Subtitle expressions that show an option's name, never its stored value. n8n evaluates a node's
 * `subtitle` with `$parameter` holding what the node stores, which may be a string where a list is
 * expected (older saved workflows, the editor writing one value), so both read the same here.
 */

type Option = { name: string; value: string };

const table = (options: Option[]) => JSON.stringify(Object.fromEntries(options.map((o) => [o.value, o.name])));
const read = (parameter: string) => `String($parameter[${JSON.stringify(parameter)}] ?? "")`;

/** The name of a single-valued parameter's option ('' for none or an unknown value). */
export function nameOf(parameter: string, options: Option[]): string {
	return `((${table(options)})[${read(parameter)}] ?? "")`;
}

/** The names of a multi-select's options, joined by `separator` ('' for none). */
export function namesOf(parameter: string, options: Option[], separator = ', '): string {
	return `${read(parameter)}.split(",").map((v) => (${table(options)})[v.trim()]).filter(Boolean).join(${JSON.stringify(separator)})`;
}

/** "A, B or C" (or "A, B and C"): option names in a sentence, for hints and errors that list the choices. */
export function wordList(names: string[], conjunction: 'or' | 'and' = 'or'): string {
	return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}
