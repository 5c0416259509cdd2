import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { assessWithHistory } from '../../lib/journey/assess';
import { parseEvent } from '../../lib/journey/parseEvent';
import { classify } from '../../lib/classifier';
import { storeAt, storePathOption } from '../shared/storeOption';

const NOTIFY = 0;
const ESCALATE = 1;
const NO_ACTION = 2;

export class DeliveryClassifier implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Delivery Classifier',
		name: 'deliveryClassifier',
		icon: { light: 'file:deliveryClassifier.svg', dark: 'file:deliveryClassifier.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["promisedDate"] ? "against " + $parameter["promisedDate"] : "journey step and reason"}}',
		description:
			'Decides what a shipment event means for the customer: the journey step, severity, reason and the action needed',
		defaults: { name: 'Delivery Classifier' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Notify Customer', 'Escalate', 'No Action'],
		usableAsTool: true,
		properties: [
			{
				displayName:
					'Each item is a shipment event (from the Shipment Tracking Trigger). Items worth telling the customer leave on Notify Customer; items the merchant should look at (lost, damaged, returned, long delays) also leave on Escalate; the rest on No Action. Each item gains an `assessment`.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Promised Delivery Date',
				name: 'promisedDate',
				type: 'string',
				default: '',
				placeholder: '2026-03-14',
				description:
					'The date promised at checkout (YYYY-MM-DD or ISO). Empty: the promise carried by the event, if any. A later carrier estimate makes the event a delay.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Notify on Routine Transit Scans',
						name: 'notifyInTransit',
						type: 'boolean',
						default: false,
						description: 'Whether every in-transit scan is worth a message (usually noise)',
					},
					{
						displayName: 'Use Shipment History',
						name: 'useHistory',
						type: 'boolean',
						default: true,
						description:
							'Whether to compare each event with the last one stored for its shipment, so older events and repeated statuses trigger nothing',
					},
					storePathOption,
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const routes: INodeExecutionData[][] = [[], [], []];
		for (let i = 0; i < items.length; i++) {
			try {
				const promisedDate = (this.getNodeParameter('promisedDate', i, '') as string) || undefined;
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const event = parseEvent(items[i].json, `input item ${i}`);
				const settings = { promisedDate, notifyInTransit: options.notifyInTransit === true };
				const assessment =
					options.useHistory === false
						? classify(event, settings)
						: await assessWithHistory(event, storeAt(options.storePath as string | undefined), settings);
				const out: INodeExecutionData = {
					json: { ...items[i].json, assessment: assessment as unknown as IDataObject },
					pairedItem: { item: i },
				};
				if (assessment.notify) routes[NOTIFY].push(out);
				if (assessment.escalate) routes[ESCALATE].push(out);
				if (!assessment.notify && !assessment.escalate) routes[NO_ACTION].push(out);
			} catch (error) {
				if (this.continueOnFail()) {
					routes[NO_ACTION].push({ json: { ...items[i].json, error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
		}
		return routes;
	}
}
