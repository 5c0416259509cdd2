export { classify } from './classify';
export { classifyUnknown, InvalidEventError } from './classifyUnknown';
export { DETAIL_RULES, FIRST_SCAN, STATUS_RULES, ruleFor, type DetailRule, type Rule } from './rules';
export { TRIGGER_INFO, type TriggerInfo } from './triggerInfo';
export { enrich } from './enrich';
export { DEFAULT_REMEDY_POLICY, remedyFor } from './remedies';
export { priorityOf } from './priority';
export { causeOf } from './reasons';
