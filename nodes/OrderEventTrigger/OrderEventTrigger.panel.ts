import { listOrderWebhookProviders } from '../../lib/orders/webhooks/registry';
import { wordList } from '../shared/subtitle';
import { setupChoices, setupNotices, webhookTriggerPanel, type AdapterSetup } from '../shared/webhook';

/*
 * What to paste where in each shop. The topics are the ones lib/orders/webhooks/ maps to a
 * customer message (shopify-topics.ts, woocommerce.ts); the headers and secrets are what their
 * verify() checks (X-Shopify-Hmac-Sha256, X-WC-Webhook-Signature, both base64 HMAC-SHA256).
 */
interface PlatformSetup extends AdapterSetup {
	/** Where the Production URL goes. */
	place: string;
	/** What to subscribe to there. */
	topics: string;
	/** Which secret goes in the credential. */
	secret: string;
}

/** Keyed by platform id; test/unit/package/registries.test.ts says when a registered platform has none. */
export const PLATFORM_SETUP: Record<string, PlatformSetup> = {
	shopify: {
		option: 'Subscribe orders/create, orders/cancelled, order_transactions/create, fulfillments/create, fulfillments/update, fulfillment_events/create',
		place: 'Shopify admin → Settings → Notifications → Webhooks → Create webhook (Format JSON, the latest stable API version), or your app through the Admin API',
		topics:
			'one webhook per topic: orders/create (order confirmed), orders/cancelled (a declined payment), order_transactions/create (a refused charge), fulfillments/create and fulfillments/update (shipped), fulfillment_events/create (in transit, out for delivery, delivered...)',
		secret:
			"the signing secret shown under those webhooks (\"Your webhooks will be signed with ...\"), or your app's client secret for webhooks the app created, goes in the credential's Webhook Secret (it signs X-Shopify-Hmac-Sha256)",
		notice:
			"<b>Shopify admin → Settings → Notifications → Webhooks</b> (or your app, through the Admin API): one JSON webhook per topic (orders/create, orders/cancelled, order_transactions/create, fulfillments/create, fulfillments/update, fulfillment_events/create) to this trigger's Production URL (published workflow, public HTTPS). The signing secret shown there, or your app's client secret, goes in the credential.",
	},
	woocommerce: {
		option: 'Webhooks for Order created and Order updated (API version WP REST API v3)',
		place: 'WordPress admin → WooCommerce → Settings → Advanced → Webhooks → Add webhook (Status Active, API version WP REST API Integration v3)',
		topics:
			'two webhooks: Topic Order created, and Topic Order updated (paid, failed, and shipped once the WooCommerce Shipment Tracking or Advanced Shipment Tracking plugin adds the numbers)',
		secret:
			"the same Secret on both webhooks and in the credential's Webhook Secret (it signs X-WC-Webhook-Signature); WooCommerce's ping when you save is answered without running anything",
		notice:
			"<b>WooCommerce → Settings → Advanced → Webhooks</b>: two webhooks, Order created and Order updated, API version WP REST API Integration v3, to this trigger's Production URL (published workflow, public HTTPS), both with the Secret that goes in the credential.",
	},
};

const { choices: PLATFORMS, options } = setupChoices(listOrderWebhookProviders(), PLATFORM_SETUP);
export const PLATFORM_OPTIONS = options;
/** A fresh trigger reads the first platform registered. */
export const DEFAULT_PLATFORM = PLATFORM_OPTIONS[0].value;

export const orderEventPanel = webhookTriggerPanel({
	header: `Receives order events from ${wordList(PLATFORMS.map((p) => p.name))}`,
	sender: 'shop',
	steps: PLATFORMS.map((p) => `<b>${p.name}</b>: ${p.place}. Subscribe ${p.topics}. Then ${p.secret}.`),
	checks:
		'Each delivery is checked against the Webhook Secret first (401 otherwise, and nothing runs); a redelivery, or the same news under a second topic, runs once. Changes that tell the customer nothing (paid, updated) are acknowledged and dropped unless "Include Changes Without a Message" is on.',
});

/** One short notice per platform, shown under the Platform selector. */
export const platformNotices = setupNotices('platform', PLATFORMS);
