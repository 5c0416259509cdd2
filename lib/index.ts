/**
 * n8n-nodes-postpurchase as a library: everything the nodes do, without n8n.
 * `require('n8n-nodes-postpurchase')` after `npm run build`. README "Library API" documents it.
 */
export { JOURNEY_TRIGGERS, SEVERITIES, isJourneyTrigger, type JourneyTrigger, type Severity } from './model/triggers';
export {
	LocationSchema,
	EventCustomerSchema,
	SHIPMENT_STATUSES,
	STATUS_DETAILS,
	ShipmentEventSchema,
	type EventCustomer,
	type Location,
	type ShipmentEvent,
	type ShipmentEventWithRaw,
	type ShipmentStatus,
	type StatusDetail,
} from './model/event';
export {
	CUSTOMER_ACTIONS,
	MERCHANT_ACTIONS,
	REASON_CODES,
	type Assessment,
	type ClassifyContext,
	type CustomerAction,
	type MerchantAction,
	type ReasonCode,
	type Remedy,
	type RemedyPolicy,
} from './model/assessment';

export { carrierDisplayName } from './model/carriers';

// Tracking providers: verify, normalize, ingest.
export { normalize, verifyWebhook } from './normalize';
export { getProvider, listProviders } from './providers/registry';
export { contentKey } from './model/build';
export { type WebhookProvider, type WebhookSecrets } from './providers/types';
export { PayloadError } from './model/errors';
export { DEDUPE_TTL_MS, dropSeen, ingestWebhook, type IngestResult } from './ingest';

// The classifier.
export { classify, classifyUnknown, InvalidEventError, TRIGGER_INFO, DEFAULT_REMEDY_POLICY, priorityOf, type TriggerInfo } from './classifier';
export { assessWithHistory, type AssessOptions } from './journey/assess';
export { assessSilence, stallThreshold, DEFAULT_STALL_THRESHOLDS, type SilenceOptions, type StallThreshold } from './classifier/stall';
export { assessPreparation, InvalidOrderError, type PreparationOrder } from './classifier/preparation';
export { sweepStalled, type SweepStalledOptions, type StalledShipment } from './journey/sweepStalled';
export { parseEvent } from './journey/parseEvent';
export { journeyItemToNotifyInput } from './journey/notifyInput';

// Notifications: policy, templates, channels.
export * from './notify';
export * from './templates';
export { ChannelError, type Channel, type ChannelKind, type ChannelProvider, type OutgoingMessage, type ProviderConfig, type SendResult } from './channels/types';
export { createSmtpChannel, smtpProvider, type SmtpChannelOptions } from './channels/smtp';
export { createTwilioChannel, twilioBasicAuthHttp, twilioProvider, type TwilioChannelOptions } from './channels/twilio';
export {
	channelKind,
	channelKinds,
	channelProvider,
	channelProviders,
	isPreference,
	preferenceChoices,
	registerChannelKind,
	registerChannelProvider,
} from './channels/registry';

// Carriers: detection, direct APIs, aggregators, the poll sweep.
export { detectCarrier, type DetectResult } from './carriers/detect';
export { getCarrier, hasCarrier, listCarriers } from './carriers/registry';
export { CarrierError, type CarrierAdapter, type CarrierContext, type CarrierErrorCode, type TrackResult, type TokenCache } from './carriers/types';
export { MemoryTokenCache, sharedTokenCache, withAccessToken } from './carriers/oauth';
export { getAggregator, listAggregators } from './aggregators/registry';
export type { AggregatorClient, AggregatorContext, StartTrackingInput, TrackingRef } from './aggregators/types';
export { sweep, type SweepCarrier, type SweepOptions, type SweepReport } from './poll/sweep';
export { pickCarrier } from './tracking/pickCarrier';
export { runTrackingAction, type TrackingAction, type TrackingActionInput, type TrackingActionResult } from './tracking/actions';
export { sweepToItems } from './tracking/pollItems';

// Orders and customers: lookups, merge, order webhooks.
export { OrderContextSchema, CONSENT_STATES, toNotifyRecipient, type OrderContext, type ConsentState } from './orders/model';
export { OrderSourceError, type OrderSource, type OrderRef, type OrderSourceContext, type OrderSourceErrorCode } from './orders/types';
export { getOrderSource, listOrderSources } from './orders/registry';
export { mergeContexts, DEFAULT_PRECEDENCE, type MergePrecedence } from './orders/merge';
export { lookUpOrder } from './orders/lookup';
export { withOrderContext } from './orders/toItem';
export { timeZoneFor } from './calendar/timezones';
export { SHOPIFY_API_VERSION } from './orders/shopify';
export * from './orders/webhooks';
export { orderEventToItem } from './orders/webhooks/toItem';

// The preference center.
export {
	signPreferenceLink,
	verifyPreferenceLink,
	savePreference,
	applyStoredPreference,
	storedPreferenceFor,
	renderPreferencePage,
	renderConfirmationPage,
	renderLinkErrorPage,
	renderPreferenceRequest,
	savePreferenceRequest,
	emailSubject,
	orderSubject,
	orderKeyOf,
	PREFERENCE_LANGUAGES,
} from './preferences';
export { writeShopifyPreference } from './orders/writeback-shopify';
export { writeHubSpotPreference } from './orders/writeback-hubspot';

// The business-day calendar.
export { isBusinessDay, addBusinessDays, businessDaysBetween, holidayName, type CalendarOptions } from './calendar';
export { transitTime, type TransitTime } from './classifier/transit';

// The store, HTTP and the clock.
export {
	MemoryStore,
	SqliteStore,
	defaultStorePath,
	openSqliteStore,
	openStore,
	shipmentKey,
	type SendLogEntry,
	type SendLogFilter,
	type ShipmentState,
	type Store,
	type WatchList,
	type WatchedShipment,
	type ShipmentContext,
	type SilenceKind,
} from './store';
export { axiosHttp } from './http/axios';
export type { HttpFn, HttpRequest, HttpResponse } from './http';
export { now, setClock } from './clock';
