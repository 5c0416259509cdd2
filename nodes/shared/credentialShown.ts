import type { ICredentialsDisplayOptions } from 'n8n-workflow';

/*
 * When a credential is shown by a selector's value, n8n's editor looks for the node's "main
 * authentication field": a parameter every one of whose values names a credential in some
 * `displayOptions.show`. It hides that parameter (and every parameter it depends on) from the panel
 * and writes a single string into it from the credential dialog, so a multi-select becomes a
 * string and the user cannot choose. The editor compares plain string values only; conditions
 * (`_cnd`) are evaluated the same by n8n-workflow's displayParameter at run time and in the panel,
 * but are not mistaken for an authentication field. So every credential of this package is shown
 * through one of the two helpers below, and a unit test (test/unit/package/editor-rules.test.ts)
 * applies the editor's rule to every node.
 */

/** Shown while a single-valued selector (an `options` parameter) has one of `values`. */
export function whenOneOf(parameter: string, values: string[]): ICredentialsDisplayOptions {
	const conditions = values.map((value) => ({ _cnd: { eq: value } }));
	return { show: { [parameter]: conditions } } as unknown as ICredentialsDisplayOptions;
}

/**
 * Shown while a multi-select (`multiOptions`) includes `value`. A `_cnd` condition must hold for
 * every selected value, so this is written as "hidden while no selected value is `value`".
 * `alsoHiddenWhen` adds plain hide rules (any one hides), e.g. `{ mode: ['preview'] }`.
 * The multi-select must take no expression (`noDataExpression: true`): the hide rule reads an
 * expression's text, not its value, so it would hide the credential.
 */
export function whenIncludes(parameter: string, value: string, alsoHiddenWhen: Record<string, string[]> = {}): ICredentialsDisplayOptions {
	return { hide: { [parameter]: [{ _cnd: { not: value } }], ...alsoHiddenWhen } } as unknown as ICredentialsDisplayOptions;
}

/** A multi-select's value as a list: the editor, older saved workflows and expressions can give a string. */
export function asList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).map((v) => v.trim()).filter(Boolean);
	// One string is one value, as n8n's display rules read it: splitting "email,sms" here would use
	// channels whose credentials the editor never showed.
	if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
	return [];
}
