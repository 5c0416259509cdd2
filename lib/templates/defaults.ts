import { JOURNEY_TRIGGERS, type JourneyTrigger } from '../model/triggers';
import { CONTACT_SHOWN, HAS_CONTACT, contactList, helpUrlLine } from './contact';
import { DEFAULT_COPY, type MessageCopy, type Paragraph } from './copy';

export const TEMPLATE_PARTS = ['subject', 'html', 'text', 'sms'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];
/** The four Liquid templates of one trigger. */
export type TemplateSet = Record<TemplatePart, string>;

const GREETING = 'Hi {{ customer.firstName | default: "there" }},';
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const P_STYLE = 'margin:0 0 16px;';
const BUTTON_BLUE = '#1d4ed8';
// A long word or URL in merchant data must wrap, not widen the message past a phone's screen.
const WRAP = 'word-wrap:break-word;overflow-wrap:break-word;word-break:break-word;';

function paragraphs(copy: MessageCopy): Paragraph[] {
	return copy.body.map((part) => (typeof part === 'string' ? { text: part } : part));
}

function conditional(paragraph: Paragraph, content: string): string {
	const unless = paragraph.unless ? `{% unless ${paragraph.unless} %}${content}{% endunless %}` : content;
	const when = paragraph.when ? `{% if ${paragraph.when} %}${unless}{% endif %}` : unless;
	return (paragraph.prelude ?? '') + when;
}

/**
 * A "bulletproof" button: the colour on a table cell (Outlook ignores padding and background on a
 * link), the link inside filling it, styles inline. The label is short words, never the URL.
 */
function button(urlVariable: string, label: string): string {
	return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0;"><tr><td align="center" bgcolor="${BUTTON_BLUE}" style="border-radius:6px;background-color:${BUTTON_BLUE};"><a href="{{ ${urlVariable} }}" target="_blank" style="display:inline-block;padding:12px 24px;border:1px solid ${BUTTON_BLUE};border-radius:6px;${FONT}font-size:16px;font-weight:bold;line-height:1.25;color:#ffffff;text-decoration:none;">${label}</a></td></tr></table>`;
}

function htmlParagraph(paragraph: Paragraph): string {
	const words = `<p style="${P_STYLE}">${paragraph.html ?? paragraph.text}</p>`;
	return conditional(paragraph, paragraph.link ? `${words}${button(paragraph.link.url, paragraph.link.label)}` : words);
}

function textParagraph(paragraph: Paragraph): string {
	// In plain text a link can only be its URL: on a line of its own, so it stays tappable whole.
	const link = paragraph.link ? `\n${paragraph.link.label}:\n{{ ${paragraph.link.url} }}` : '';
	return conditional(paragraph, `${paragraph.text}${link}\n\n`);
}

/** "Questions? You can call ..., write to ... or visit ...", unless the message already said how. */
function footer(flavour: 'html' | 'text'): string {
	const words = `Questions? You can ${contactList(flavour)}.`;
	const block = flavour === 'html' ? `<p style="margin:24px 0 0;font-size:14px;color:#52606d;">${words}</p>` : `${words}${helpUrlLine(flavour)}\n\n`;
	return `{% unless ${CONTACT_SHOWN} %}{% if ${HAS_CONTACT} %}${block}{% endif %}{% endunless %}`;
}

/**
 * One column at most 560px wide (a fixed-width table for Outlook, which ignores max-width), inline
 * styles only (mail clients drop <style>), a real heading, presentation-role tables, links as
 * buttons or short link text, long words wrapped, and good contrast throughout.
 */
function htmlLayout(copy: MessageCopy): string {
	const body = paragraphs(copy).map(htmlParagraph).join('\n');
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${copy.subject}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<!--[if mso]><table role="presentation" width="560" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:560px;background-color:#ffffff;border-radius:8px;">
<tr><td style="padding:32px 28px;${FONT}font-size:16px;line-height:1.5;color:#1f2933;${WRAP}">
{% if brand.name %}<p style="margin:0 0 8px;font-size:14px;color:#52606d;">{{ brand.name }}</p>{% endif %}
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#1f2933;">${copy.heading}</h1>
<p style="${P_STYLE}">${GREETING}</p>
${body}
{% if shipment.trackingUrl %}${button('shipment.trackingUrl', 'Track your parcel')}{% endif %}
${footer('html')}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>`;
}

function textLayout(copy: MessageCopy): string {
	const body = paragraphs(copy).map(textParagraph).join('');
	return `${GREETING}

${body}{% if shipment.trackingUrl %}Track your parcel:
{{ shipment.trackingUrl }}

{% endif %}${footer('text')}{% if brand.name %}{{ brand.name }}{% endif %}`;
}

function buildDefaults(): Record<JourneyTrigger, TemplateSet> {
	const sets = {} as Record<JourneyTrigger, TemplateSet>;
	for (const trigger of JOURNEY_TRIGGERS) {
		const copy = DEFAULT_COPY[trigger];
		sets[trigger] = { subject: copy.subject, html: htmlLayout(copy), text: textLayout(copy), sms: copy.sms };
	}
	return sets;
}

/** The built-in English templates for every journey trigger, shown to users as a starting point. */
export const DEFAULT_TEMPLATES: Readonly<Record<JourneyTrigger, TemplateSet>> = buildDefaults();
