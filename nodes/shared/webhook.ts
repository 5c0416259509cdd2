import type { INodeProperties, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

type RawRequest = ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer; readRawBody?: () => Promise<void> };

/** The delivery's bytes as sent: signatures are computed over these, never over parsed JSON. */
export async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const req = ctx.getRequestObject() as RawRequest;
	if (!req.rawBody && req.readRawBody) await req.readRawBody();
	return req.rawBody;
}

/** Answers the sender with a status and a JSON body; no execution starts. */
export function answer(ctx: IWebhookFunctions, status: number, body: Record<string, unknown>): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/** A choice of a webhook trigger's selector (provider, platform) with its setup in a sentence or two. */
export interface WebhookSetup {
	value: string;
	notice: string;
}

/** What a trigger's panel says about one registered adapter: its option's description and its notice. */
export interface AdapterSetup {
	option: string;
	notice: string;
}

/**
 * The registered adapters, in the registry's order, each with its setup (`setups` is keyed by id):
 * the choices the panel's steps and notices read, and the selector's options.
 */
export function setupChoices<S extends AdapterSetup>(adapters: Array<{ id: string; displayName: string }>, setups: Record<string, S>) {
	const choices: Array<S & WebhookSetup & { name: string }> = adapters.map((a) => ({ ...setups[a.id], value: a.id, name: a.displayName }));
	return { choices, options: choices.map((c) => ({ name: c.name, value: c.value, description: c.option })) };
}

/** One brief notice per choice of `selector`, shown while that choice is made. */
export function setupNotices(selector: string, setups: WebhookSetup[]): INodeProperties[] {
	return setups.map((s) => ({
		displayName: s.notice,
		name: `${s.value}Setup`,
		type: 'notice',
		default: '',
		displayOptions: { show: { [selector]: [s.value] } },
	}));
}

/**
 * The trigger panel of a webhook trigger (n8n shows `header` as the title, `activationHint` under the
 * listen button, `executionsHelp` under "When will this node trigger my flow?"): which URL the
 * sender needs, each sender's steps, and what the trigger checks.
 */
export function webhookTriggerPanel(panel: { header: string; sender: string; steps: string[]; checks: string }): INodeTypeDescription['triggerPanel'] {
	const steps = panel.steps.join('<br /><br />');
	return {
		header: panel.header,
		executionsHelp: {
			inactive: `The ${panel.sender} needs the <b>Production URL</b> (Webhook URLs at the top of the parameters → Production) of a <b>published</b> workflow, reachable from the internet over HTTPS. The Test URL answers only while this panel listens (after Execute step); localhost is unreachable from outside.<br /><br />${steps}<br /><br />${panel.checks}`,
			active: `This workflow is published: every delivery the ${panel.sender} sends to the Production URL starts an execution, listed in the <a data-key="executions">executions list</a>.<br /><br />${steps}`,
		},
		activationHint: `Register the Production URL with the ${panel.sender} (where: "When will this node trigger my flow?" below), then publish the workflow. To try it first, click Execute step: the node listens, and a test delivery to the Test URL shows here.`,
	};
}
