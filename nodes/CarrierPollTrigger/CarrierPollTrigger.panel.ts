import type { INodeTypeDescription } from 'n8n-workflow';
import { listCarriers } from '../../lib/carriers/registry';
import { wordList } from '../shared/subtitle';

const CARRIERS = listCarriers().map((c) => c.displayName);

/* How the watch list fills and what a test poll does, as lib/poll/sweep.ts and the node do it. */

const WATCHING =
	`<b>How watching works</b>: Carrier Tracking → <b>Start Watching</b> (through ${CARRIERS.join(', ')} or auto-detect) adds a shipment, with its order and customer, to the watch list in the Store File. Each poll looks up the shipments that are due, paced to each carrier's rate limit, and emits only what changed on <b>Changes</b>; a failed lookup, or a carrier without its credential, goes to <b>Issues</b> and is tried again on a later poll. A shipment is dropped some hours after delivery (Stop Watching Hours After Delivery), after Stop After Days Without News, or by Carrier Tracking → Stop Watching. Start Watching and this trigger must use the same Store File.`;

const TEST =
	'<b>Fetch Test Event</b> runs one poll now and shows what it finds, without recording anything: the shipments stay due, so the next real poll still emits those changes. With nothing watched, or nothing changed since the last poll, it finds no event.';

export const carrierPollPanel: INodeTypeDescription['triggerPanel'] = {
	header: `Polls ${wordList(CARRIERS, 'and')} for the shipments being watched`,
	executionsHelp: {
		inactive: `${WATCHING}<br /><br />${TEST}<br /><br /><b>Once the workflow is published</b>, it polls on the Poll Times schedule; those executions show in the <a data-key="executions">executions list</a>, not here.`,
		active: `${WATCHING}<br /><br />${TEST}<br /><br /><b>This workflow is published</b>: it polls on the Poll Times schedule, and executions show in the <a data-key="executions">executions list</a>.`,
	},
	activationHint:
		'Add shipments with Carrier Tracking → Start Watching, then publish the workflow to poll on schedule. Fetch Test Event looks without recording, so nothing it shows is lost.',
};

export const CARRIER_POLL_NOTICE =
	'Polls the shipments added with <b>Carrier Tracking → Start Watching</b> (same Store File): due ones are looked up, paced to each carrier\'s rate limit, and only changes are emitted. Issues has the failed lookups, tried again later. Fetch Test Event records nothing.';
