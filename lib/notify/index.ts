export { notify, type NotifyDeps } from './notify';
export { chooseChannels, type ChannelPlan } from './choose';
export { toE164, type E164Result } from '../channels/kinds/phone';
export { DEFAULT_SMS_OPT_OUT_TEXT, SMS_OPT_OUT_MODES, smsOptOutLine, smsSenderKind, type SmsOptOutMode, type SmsOptOutOptions, type SmsSenderKind } from './optOut';
export { quietHoursDecision, type QuietHoursDecision, type QuietWindow } from './quietHours';
export {
	NOTIFY_REASON_CODES,
	parseNotifyInput,
	type NotifyBrand,
	type NotifyChannel,
	type NotifyDecision,
	type NotifyError,
	type NotifyInput,
	type NotifyOptions,
	type NotifyReasonCode,
	type NotifyRecipient,
	type Preference,
	type QuietHoursOptions,
} from './types';
