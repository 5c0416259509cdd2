import { JOURNEY_TRIGGERS, isJourneyTrigger, type JourneyTrigger } from '../model/triggers';
import { prepareTemplateData } from './data';
import { DEFAULT_TEMPLATES, TEMPLATE_PARTS, type TemplatePart, type TemplateSet } from './defaults';
import { describeLiquidError, parseTemplate, renderTemplate, type TemplateFlavour } from './engine';
import { fitSmsReason } from './sms';

export type MessageChannel = 'email' | 'sms';
/** Merchant templates by trigger; a part left out uses the default. */
export type TemplateOverrides = Partial<Record<JourneyTrigger, Partial<TemplateSet>>>;

export interface RenderedMessage {
	subject?: string;
	html?: string;
	/** The plain-text email body, or the SMS. */
	text: string;
}

export interface RenderOptions {
	/**
	 * A line the SMS must end with, such as "Reply STOP to opt out." (lib/notify/optOut.ts decides
	 * when). Counted inside the two-part limit, so the reason is shortened to make room for it; left
	 * out when the SMS already says STOP.
	 */
	smsFooter?: string;
}

export interface CompiledTemplates {
	render(trigger: JourneyTrigger, channel: MessageChannel, data: Record<string, unknown>, options?: RenderOptions): RenderedMessage;
}

function flavourOf(part: TemplatePart): TemplateFlavour {
	return part === 'html' ? 'html' : 'plain';
}

function parseOrThrow(trigger: string, part: TemplatePart, source: string): void {
	try {
		parseTemplate(source, flavourOf(part));
	} catch (error) {
		throw new Error(`Template for '${trigger}' (${part}) does not parse: ${describeLiquidError(error)}`);
	}
}

function renderPart(trigger: JourneyTrigger, part: TemplatePart, source: string, data: Record<string, unknown>): string {
	parseOrThrow(trigger, part, source);
	try {
		return renderTemplate(source, flavourOf(part), data);
	} catch (error) {
		throw new Error(`Template for '${trigger}' (${part}) failed to render: ${describeLiquidError(error)}`);
	}
}

/** Conditionals leave stray spaces and blank lines behind; plain text should not show them. */
function tidyText(text: string): string {
	return text
		.split('\n')
		.map((line) => line.replace(/[ \t]+/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

function tidySubject(subject: string): string {
	return subject.replace(/\s+/g, ' ').trim();
}

function nonEmpty(trigger: JourneyTrigger, part: TemplatePart, text: string): string {
	if (!text) throw new Error(`Template for '${trigger}' (${part}) rendered an empty message`);
	return text;
}

function withFooter(sms: string, footer: string | undefined): string {
	const line = footer?.trim();
	return line && !/\bSTOP\b/i.test(sms) ? `${sms}\n${line}` : sms;
}

function renderSms(trigger: JourneyTrigger, source: string, data: Record<string, unknown>, footer?: string): string {
	const assessment = typeof data.assessment === 'object' && data.assessment !== null ? data.assessment : {};
	const originalReason = (assessment as Record<string, unknown>).reason;
	const reason = typeof originalReason === 'string' && originalReason.trim() ? originalReason : undefined;
	const withReason = (shortened: string | undefined) => {
		const { reason: _dropped, ...rest } = assessment as Record<string, unknown>;
		const scoped = { ...data, assessment: shortened === undefined ? rest : { ...rest, reason: shortened } };
		return withFooter(tidyText(renderPart(trigger, 'sms', source, scoped)), footer);
	};
	return nonEmpty(trigger, 'sms', fitSmsReason(withReason, reason));
}

/**
 * Renders one trigger's message for a channel. Email: subject, html (every variable HTML-escaped)
 * and text. SMS: text only, with the footer line if any, shortened to two parts where the reason
 * allows. An override that changes the text but not the html sends a text-only email, so the two
 * never disagree.
 */
export function renderMessage(
	trigger: JourneyTrigger,
	channel: MessageChannel,
	data: Record<string, unknown>,
	overrides: Partial<TemplateSet> = {},
	options: RenderOptions = {},
): RenderedMessage {
	const defaults = DEFAULT_TEMPLATES[trigger];
	const source = (part: TemplatePart) => overrides[part] ?? defaults[part];
	const prepared = prepareTemplateData(data);
	if (channel === 'sms') return { text: renderSms(trigger, source('sms'), prepared, options.smsFooter) };

	const subject = nonEmpty(trigger, 'subject', tidySubject(renderPart(trigger, 'subject', source('subject'), prepared)));
	const text = nonEmpty(trigger, 'text', tidyText(renderPart(trigger, 'text', source('text'), prepared)));
	const textOnly = overrides.text !== undefined && overrides.html === undefined;
	const html = textOnly ? undefined : renderPart(trigger, 'html', source('html'), prepared);
	return html === undefined ? { subject, text } : { subject, html, text };
}

function validateOverrides(overrides: unknown): TemplateOverrides {
	if (overrides === undefined || overrides === null) return {};
	if (typeof overrides !== 'object' || Array.isArray(overrides)) {
		throw new Error('Template overrides must be an object keyed by trigger, e.g. { "delayed": { "sms": "..." } }');
	}
	for (const [trigger, set] of Object.entries(overrides)) {
		if (!isJourneyTrigger(trigger)) {
			throw new Error(`Template overrides name an unknown trigger '${trigger}'; known: ${JOURNEY_TRIGGERS.join(', ')}`);
		}
		if (typeof set !== 'object' || set === null || Array.isArray(set)) {
			throw new Error(`Template overrides for '${trigger}' must be an object with subject, html, text and/or sms`);
		}
		for (const [part, source] of Object.entries(set)) {
			if (!(TEMPLATE_PARTS as readonly string[]).includes(part)) {
				throw new Error(`Template overrides for '${trigger}' name an unknown part '${part}'; known: ${TEMPLATE_PARTS.join(', ')}`);
			}
			if (typeof source !== 'string') throw new Error(`Template for '${trigger}' (${part}) must be a string`);
			parseOrThrow(trigger, part as TemplatePart, source);
		}
	}
	return overrides as TemplateOverrides;
}

/**
 * Checks merchant templates once, up front (a typo fails the node before any customer is
 * contacted), and parses them into the shared cache so each event only renders.
 */
export function compileTemplates(overrides?: TemplateOverrides): CompiledTemplates {
	const valid = validateOverrides(overrides);
	return {
		render: (trigger, channel, data, options) => renderMessage(trigger, channel, data, valid[trigger], options),
	};
}
