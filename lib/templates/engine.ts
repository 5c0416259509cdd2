import { Liquid, type FS, type Template } from 'liquidjs';

/**
 * The Liquid set-up every template runs in. Templates are merchant-editable, so they must not
 * reach beyond the data handed to them: own properties only (no `constructor`, no `__proto__`),
 * no file system, unknown filters are errors, and parse size, render time and memory are capped
 * so a template cannot loop forever or exhaust memory.
 */

const NO_FILES_MESSAGE = 'templates cannot read files: {% include %}, {% render %} and {% layout %} are disabled';

/** Refuses every lookup; the file tags are disabled anyway, this is the second lock. */
const refusingFs: FS = {
	exists: async () => false,
	existsSync: () => false,
	readFile: async () => {
		throw new Error(NO_FILES_MESSAGE);
	},
	readFileSync: () => {
		throw new Error(NO_FILES_MESSAGE);
	},
	resolve: (_dir, file) => file,
	contains: async () => false,
	containsSync: () => false,
};

const PARSE_LIMIT_CHARS = 100_000;
const RENDER_LIMIT_MS = 1_000;
const MEMORY_LIMIT = 10_000_000;
const TEMPLATE_RENDER_LIMIT = 100_000;

function createLiquid(escapeHtml: boolean): Liquid {
	const liquid = new Liquid({
		ownPropertyOnly: true,
		strictFilters: true,
		fs: refusingFs,
		relativeReference: false,
		parseLimit: PARSE_LIMIT_CHARS,
		renderLimit: RENDER_LIMIT_MS,
		memoryLimit: MEMORY_LIMIT,
		// Dates in the data are calendar dates (YYYY-MM-DD), which JavaScript reads as UTC midnight:
		// show them in UTC so the server's own zone cannot move them to the day before.
		timezoneOffset: 0,
		locale: 'en-US',
		outputEscape: escapeHtml ? 'escape' : undefined,
	});
	for (const tag of ['include', 'render', 'layout']) {
		liquid.registerTag(tag, {
			parse() {
				throw new Error(NO_FILES_MESSAGE);
			},
			render() {
				return '';
			},
		});
	}
	liquid.registerFilter('sentence', sentence);
	return liquid;
}

/** "parcel delayed by weather" → "Parcel delayed by weather." (kept as is if it already ends a sentence). */
export function sentence(value: unknown): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!text) return '';
	const capitalised = text[0].toUpperCase() + text.slice(1);
	return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

const liquids = { html: createLiquid(true), plain: createLiquid(false) };
export type TemplateFlavour = keyof typeof liquids;

const MAX_CACHED_TEMPLATES = 1_000;
const parsed = new Map<string, Template[]>();

/** Parses once per source: rendering happens per event, parsing need not. Throws on bad syntax. */
export function parseTemplate(source: string, flavour: TemplateFlavour): Template[] {
	const cacheKey = `${flavour}\u0000${source}`;
	const cached = parsed.get(cacheKey);
	if (cached) return cached;
	const templates = liquids[flavour].parse(source);
	if (parsed.size >= MAX_CACHED_TEMPLATES) {
		const oldest = parsed.keys().next().value;
		if (oldest !== undefined) parsed.delete(oldest);
	}
	parsed.set(cacheKey, templates);
	return templates;
}

export function renderTemplate(source: string, flavour: TemplateFlavour, data: Record<string, unknown>): string {
	const output: unknown = liquids[flavour].renderSync(parseTemplate(source, flavour), data, {
		templateLimit: TEMPLATE_RENDER_LIMIT,
	});
	return String(output);
}

/** First line of a Liquid error: what went wrong and where, without the template echo. */
export function describeLiquidError(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0];
}
