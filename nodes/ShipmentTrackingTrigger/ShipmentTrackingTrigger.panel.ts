import { listProviders } from '../../lib/providers/registry';
import { wordList } from '../shared/subtitle';
import { setupChoices, setupNotices, webhookTriggerPanel, type AdapterSetup } from '../shared/webhook';

/*
 * What to paste where, per provider, from the providers' own setup pages (AfterShip Tracking
 * webhooks, EasyPost webhooks guide, Shippo tracking webhooks, 17TRACK "how to configure a
 * webhook") and what lib/providers/*.ts verify: the header, and which secret signs it.
 */
interface ProviderSetup extends AdapterSetup {
	/** Where in the provider the Production URL goes. */
	place: string;
	/** What to choose there: events, version, the URL's form. */
	events: string;
	/** Which secret goes in the credential, and what it checks. */
	secret: string;
	/** How a shipment comes to be reported at all. */
	shipments: string;
}

/** Keyed by provider id; test/unit/package/registries.test.ts says when a registered provider has none. */
export const PROVIDER_SETUP: Record<string, ProviderSetup> = {
	aftership: {
		option: 'Tracking webhooks, API 2025-01 or newer',
		place: 'AfterShip Tracking admin → Settings → Notifications → Webhooks',
		events: 'API version 2025-01 or newer; the shipment status events (tracking_update) and the estimated delivery date event (edd_revise)',
		secret: "the webhook secret shown there goes in the credential's Webhook Secret (it signs the aftership-hmac-sha256 header)",
		shipments: 'AfterShip reports the shipments it tracks: from its store integrations, or added with Carrier Tracking → Start Watching through AfterShip',
		notice:
			"<b>AfterShip Tracking → Settings → Notifications → Webhooks</b>: add this trigger's Production URL (published workflow, public HTTPS), API version 2025-01 or newer, events tracking_update and edd_revise. The webhook secret shown there goes in the credential.",
	},
	easypost: {
		option: 'Tracker events (tracker.created, tracker.updated)',
		place: 'EasyPost Dashboard → account settings → Webhooks',
		events: 'in the mode (production or test) of your API key; EasyPost sends every event, tracker.created and tracker.updated are read and the others acknowledged',
		secret: "the webhook secret you give the webhook there goes in the credential's Webhook Secret (it signs the X-Hmac-Signature header)",
		shipments: 'EasyPost reports its trackers: labels bought through EasyPost, or numbers added with Carrier Tracking → Start Watching through EasyPost',
		notice:
			"<b>EasyPost Dashboard → account settings → Webhooks</b>: add this trigger's Production URL (published workflow, public HTTPS) with a webhook secret, in your API key's mode. The same secret goes in the credential.",
	},
	shippo: {
		option: 'Tracking webhooks (track_updated); register the URL with ?token=&lt;webhook secret&gt;',
		place: 'Shippo API Portal → Webhooks',
		events:
			'Event Type Track Updated (track_updated), Environment Production (Test for a test token), the URL followed by ?token=&lt;Webhook Secret&gt; (under 200 characters)',
		secret:
			"a secret of your choosing goes in the credential's Webhook Secret and in the URL's ?token=; if Shippo enabled HMAC for your account, its HMAC secret goes there instead (it signs the Shippo-Auth-Signature header)",
		shipments: 'Shippo reports labels bought through Shippo, and numbers added with Carrier Tracking → Start Watching through Shippo',
		notice:
			"<b>Shippo API Portal → Webhooks</b>: add this trigger's Production URL followed by ?token=&lt;Webhook Secret&gt; (published workflow, public HTTPS), Event Type Track Updated. The same secret goes in the credential (or Shippo's HMAC secret, if Shippo enabled HMAC).",
	},
	seventeentrack: {
		option: 'API v2.2 push, signed with the security key',
		place: '17TRACK API console → Settings (top right) → WebHook',
		events: 'API v2.2 pushes; TRACKING_UPDATED is read, other events acknowledged',
		secret: 'nothing extra: 17TRACK signs each push (the sign header) with your Security Key, the one in the credential',
		shipments: '17TRACK pushes only registered numbers: register them with Carrier Tracking → Start Watching through 17TRACK',
		notice:
			"<b>17TRACK API console → Settings → WebHook</b>: enter this trigger's Production URL (published workflow, public HTTPS). Pushes are signed with the Security Key in the credential; only numbers registered with 17TRACK are pushed.",
	},
};

const { choices: PROVIDERS, options } = setupChoices(listProviders(), PROVIDER_SETUP);
export const PROVIDER_OPTIONS = options;
/** A fresh trigger reads the first provider registered. */
export const DEFAULT_PROVIDER = PROVIDER_OPTIONS[0].value;

export const shipmentTrackingPanel = webhookTriggerPanel({
	header: `Receives shipment updates from ${wordList(PROVIDERS.map((p) => p.name))}`,
	sender: 'provider',
	steps: PROVIDERS.map((p) => `<b>${p.name}</b>: ${p.place}: add the URL; ${p.events}. Then ${p.secret}. ${p.shipments}.`),
	checks:
		'Each delivery is checked against the secret first (401 otherwise, and nothing runs); a redelivery is acknowledged and dropped. One trigger reads one provider: use one node (and path) per provider.',
});

/** One short notice per provider, shown under the Provider selector. */
export const providerNotices = setupNotices('provider', PROVIDERS);
