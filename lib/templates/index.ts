export { DEFAULT_TEMPLATES, TEMPLATE_PARTS, type TemplatePart, type TemplateSet } from './defaults';
export {
	compileTemplates,
	renderMessage,
	type CompiledTemplates,
	type MessageChannel,
	type RenderedMessage,
	type RenderOptions,
	type TemplateOverrides,
} from './render';
export { MAX_SMS_SEGMENTS, smsSegments, type SmsSegmentCount } from './sms';
export { TEMPLATE_VARIABLES, type TemplateVariable } from './variables';
