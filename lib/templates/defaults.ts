import { JOURNEY_TRIGGERS, type JourneyTrigger } from '../model/triggers';
import { DEFAULT_COPY, type MessageCopy, type Paragraph } from './copy';

export const TEMPLATE_PARTS = ['subject', 'html', 'text', 'sms'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];
/** The four Liquid templates of one trigger. */
export type TemplateSet = Record<TemplatePart, string>;

const GREETING = 'Hi {{ customer.firstName | default: "there" }},';
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const P_STYLE = 'margin:0 0 16px;';

function paragraphs(copy: MessageCopy): Paragraph[] {
	return copy.body.map((part) => (typeof part === 'string' ? { text: part } : part));
}

function conditional(paragraph: Paragraph, content: string): string {
	const unless = paragraph.unless ? `{% unless ${paragraph.unless} %}${content}{% endunless %}` : content;
	const when = paragraph.when ? `{% if ${paragraph.when} %}${unless}{% endif %}` : unless;
	return (paragraph.prelude ?? '') + when;
}

/**
 * One column, inline styles only (mail clients drop <style>), a real heading, presentation-role
 * tables, a button only when there is a tracking link, and good contrast throughout.
 */
function htmlLayout(copy: MessageCopy): string {
	const body = paragraphs(copy)
		.map((paragraph) => conditional(paragraph, `<p style="${P_STYLE}">${paragraph.text}</p>`))
		.join('\n');
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
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background-color:#ffffff;border-radius:8px;">
<tr><td style="padding:32px 28px;${FONT}font-size:16px;line-height:1.5;color:#1f2933;">
{% if brand.name %}<p style="margin:0 0 8px;font-size:14px;color:#52606d;">{{ brand.name }}</p>{% endif %}
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#1f2933;">${copy.heading}</h1>
<p style="${P_STYLE}">${GREETING}</p>
${body}
{% if shipment.trackingUrl %}<p style="margin:24px 0;"><a href="{{ shipment.trackingUrl }}" style="display:inline-block;padding:12px 24px;background-color:#1d4ed8;color:#ffffff;${FONT}font-weight:bold;text-decoration:none;border-radius:6px;">Track your parcel</a></p>{% endif %}
{% if brand.supportUrl %}<p style="margin:24px 0 0;font-size:14px;color:#52606d;">Questions? <a href="{{ brand.supportUrl }}" style="color:#1d4ed8;">Visit our help page</a>{% if brand.supportEmail %} or write to <a href="mailto:{{ brand.supportEmail }}" style="color:#1d4ed8;">{{ brand.supportEmail }}</a>{% endif %}.</p>{% elsif brand.supportEmail %}<p style="margin:24px 0 0;font-size:14px;color:#52606d;">Questions? Write to <a href="mailto:{{ brand.supportEmail }}" style="color:#1d4ed8;">{{ brand.supportEmail }}</a>.</p>{% endif %}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}

function textLayout(copy: MessageCopy): string {
	const body = paragraphs(copy)
		.map((paragraph) => conditional(paragraph, `${paragraph.text}\n\n`))
		.join('');
	return `${GREETING}

${body}{% if shipment.trackingUrl %}Track your parcel: {{ shipment.trackingUrl }}

{% endif %}{% if brand.supportUrl %}Questions? {{ brand.supportUrl }}{% if brand.supportEmail %} or {{ brand.supportEmail }}{% endif %}

{% elsif brand.supportEmail %}Questions? {{ brand.supportEmail }}

{% endif %}{% if brand.name %}{{ brand.name }}{% endif %}`;
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
