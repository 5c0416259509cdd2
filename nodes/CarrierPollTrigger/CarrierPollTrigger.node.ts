import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { getCarrier } from '../../lib/carriers/registry';
import { sweep, type SweepCarrier, type SweepOptions } from '../../lib/poll/sweep';
import type { WatchList } from '../../lib/store/types';
import { sweepToItems } from '../../lib/tracking/pollItems';
import { carrierContext, carrierCredentialTest, CARRIER_IDS, CARRIER_OPTIONS } from '../shared/carriers';
import { asList, whenIncludes } from '../shared/credentialShown';
import { storeAt, storePathOption } from '../shared/storeOption';
import { namesOf } from '../shared/subtitle';
import { CARRIER_POLL_NOTICE, carrierPollPanel } from './CarrierPollTrigger.panel';

const HOUR = 3_600_000;
/** One pacer per carrier for the whole n8n process, so rate limits hold across polls. */
const pacers: NonNullable<SweepOptions['pacers']> = new Map();

/**
 * The watch list as a test poll sees it: read as usual, nothing written. What this poll already
 * looked at is remembered in memory instead, so the sweep still moves on through the list.
 */
function lookWithoutRecording(watchlist: WatchList): WatchList {
	const looked = new Set<string>();
	return {
		watch: watchlist.watch.bind(watchlist),
		get: watchlist.get.bind(watchlist),
		count: watchlist.count.bind(watchlist),
		async due(carrier, now, limit) {
			const page = await watchlist.due(carrier, now, limit + looked.size);
			return page.filter((entry) => !looked.has(entry.key)).slice(0, limit);
		},
		async recordCheck(key) {
			looked.add(key);
		},
		async unwatch(key) {
			looked.add(key);
			return true;
		},
	};
}

export class CarrierPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Carrier Poll Trigger',
		name: 'carrierPollTrigger',
		icon: { light: 'file:carrierPoll.svg', dark: 'file:carrierPoll.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ${namesOf('carriers', CARRIER_OPTIONS)} || "No carrier chosen" }}`,
		description: "Polls carriers' own tracking APIs for the shipments being watched and starts the workflow with what changed",
		defaults: { name: 'Carrier Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Changes', 'Issues'],
		triggerPanel: carrierPollPanel,
		// Spelled out per credential: n8n's lint reads `testedBy` from these literals.
		credentials: [
			{ name: 'upsApi', displayName: 'UPS API', required: false, displayOptions: whenIncludes('carriers', 'ups'), testedBy: 'carrierCredentialTest' },
			{ name: 'fedExApi', displayName: 'FedEx API', required: false, displayOptions: whenIncludes('carriers', 'fedex'), testedBy: 'carrierCredentialTest' },
			{ name: 'uspsApi', displayName: 'USPS API', required: false, displayOptions: whenIncludes('carriers', 'usps'), testedBy: 'carrierCredentialTest' },
			{ name: 'dhlApi', displayName: 'DHL API', required: false, displayOptions: whenIncludes('carriers', 'dhl'), testedBy: 'carrierCredentialTest' },
		],
		properties: [
			{
				displayName: CARRIER_POLL_NOTICE,
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Carriers',
				name: 'carriers',
				type: 'multiOptions',
				// No expression: the credential pickers are shown by the chosen values, and n8n cannot
				// read those from an expression (it would ask for no credential at all).
				noDataExpression: true,
				options: CARRIER_OPTIONS,
				// Every registered carrier (spread: n8n's lint wants an array literal here).
				default: [...CARRIER_IDS],
				description: 'Carriers to poll; each needs its credential',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{ displayName: 'Check Again After (Hours)', name: 'recheckHours', type: 'number', typeOptions: { minValue: 0.25 }, default: 2, description: 'For a shipment in transit; out-for-delivery ones are checked 4 times as often' },
					{ displayName: 'Max Lookups per Carrier per Poll', name: 'maxLookups', type: 'number', typeOptions: { minValue: 1 }, default: 1000 },
					{ displayName: 'Requests per Minute', name: 'requestsPerMinute', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: "Your own quota per carrier; 0 uses each carrier's published limit" },
					{ displayName: 'Stop After Days Without News', name: 'staleDays', type: 'number', typeOptions: { minValue: 1 }, default: 30 },
					{ displayName: 'Stop Watching Hours After Delivery', name: 'graceHours', type: 'number', typeOptions: { minValue: 0 }, default: 48, description: 'Keeps watching a delivered or returned shipment this long, for corrections' },
					storePathOption,
				],
			},
		],
	};

	methods = { credentialTest: { carrierCredentialTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		// A list, or one string where an older editor wrote a single value.
		const carriers = asList(this.getNodeParameter('carriers', []));
		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (carriers.length === 0) throw new NodeOperationError(this.getNode(), 'Carriers is empty. Choose at least one carrier to poll.');
		const unknown = carriers.filter((id) => !CARRIER_OPTIONS.some((o) => o.value === id));
		if (unknown.length > 0) {
			throw new NodeOperationError(this.getNode(), `Carriers has ${unknown.map((id) => `"${id}"`).join(', ')}: choose from ${CARRIER_OPTIONS.map((o) => o.name).join(', ')}.`);
		}
		const perMinute = Number(options.requestsPerMinute) || 0;
		const sweepCarriers: SweepCarrier[] = [];
		const notConfigured: IDataObject[] = [];
		for (const id of carriers) {
			try {
				sweepCarriers.push({
					adapter: getCarrier(id),
					ctx: await carrierContext(this, id),
					...(perMinute > 0 ? { rateLimit: { requests: perMinute, perMs: 60_000 } } : {}),
				});
			} catch (error) {
				// One carrier without its credential must not stop the others' polls.
				notConfigured.push({ kind: 'carrier_not_configured', carrier: id, message: (error as Error).message });
			}
		}
		const store = storeAt(options.storePath as string | undefined);
		// "Fetch Test Event" looks without recording, so the real poll still emits what it found.
		const watchlist = this.getMode() === 'manual' ? lookWithoutRecording(store.watchlist) : store.watchlist;
		const report = await sweep(watchlist, sweepCarriers, {
			maxLookups: (options.maxLookups as number | undefined) ?? 1000,
			recheckMs: ((options.recheckHours as number | undefined) ?? 2) * HOUR,
			finalGraceMs: ((options.graceHours as number | undefined) ?? 48) * HOUR,
			staleAfterMs: ((options.staleDays as number | undefined) ?? 30) * 24 * HOUR,
			pacers,
		});
		const { changes, issues: found } = sweepToItems(report);
		const issues = [...notConfigured, ...found];
		if (changes.length === 0 && issues.length === 0) return null;
		return [changes.map((json) => ({ json: json as IDataObject })), issues.map((json) => ({ json: json as IDataObject }))];
	}
}
