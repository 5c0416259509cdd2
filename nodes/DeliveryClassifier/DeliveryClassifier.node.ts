import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { eachItem } from '../shared/boundary';
import { nameOf } from '../shared/subtitle';
import { deliveryClassifierProperties, OPERATION_OPTIONS } from './DeliveryClassifier.properties';
import { checkPreparation, classifyItems, sweepSilentShipments, type Routes } from './operations';

/** "Classify events", "Sweep silent shipments", "Check order preparation". */
const SUBTITLE_OPERATIONS = OPERATION_OPTIONS.map((o) => ({ value: o.value, name: o.name.charAt(0) + o.name.slice(1).toLowerCase() }));

export class DeliveryClassifier implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Delivery Classifier',
		name: 'deliveryClassifier',
		icon: { light: 'file:deliveryClassifier.svg', dark: 'file:deliveryClassifier.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: `={{ ${nameOf('operation', SUBTITLE_OPERATIONS)} }}`,
		description:
			'Decides what a shipment event (or a silence, or an order not shipped) means: the journey step, severity, reason, the customer\'s and the merchant\'s actions, a remedy and an escalation priority',
		defaults: { name: 'Delivery Classifier' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Notify Customer', 'Escalate', 'No Action'],
		usableAsTool: true,
		properties: deliveryClassifierProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const routes: Routes = [[], [], []];
		const operation = this.getNodeParameter('operation', 0, 'classify') as string;
		if (operation === 'classify') {
			await classifyItems(this, items, routes);
			return routes;
		}
		if (operation === 'checkPreparation') {
			await checkPreparation(this, items, routes);
			return routes;
		}
		// Once per run: the Schedule Trigger's item stands for the run, and carries its error on No Action.
		await eachItem(this, items.length > 0 ? items.slice(0, 1) : [{ json: {}, pairedItem: { item: 0 } }], async () => sweepSilentShipments(this, routes), (failed) => routes[2].push(failed));
		return routes;
	}
}
