import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { classify } from '../../lib/classifier';
import { assessPreparation } from '../../lib/classifier/preparation';
import { DEFAULT_REMEDY_POLICY } from '../../lib/classifier/remedies';
import type { StallThreshold } from '../../lib/classifier/stall';
import { assessWithHistory } from '../../lib/journey/assess';
import { parseEvent } from '../../lib/journey/parseEvent';
import { sweepStalled } from '../../lib/journey/sweepStalled';
import type { Assessment, ClassifyContext, RemedyPolicy } from '../../lib/model/assessment';
import type { Store } from '../../lib/store/types';
import { now } from '../../lib/clock';
import { eachItem } from '../shared/boundary';
import { storeAt } from '../shared/storeOption';

/** Notify Customer, Escalate, No Action: one item may leave on the first two; a failed one leaves on No Action. */
export type Routes = [INodeExecutionData[], INodeExecutionData[], INodeExecutionData[]];

export function route(routes: Routes, json: IDataObject, assessment: Assessment, pairedItem?: { item: number }): void {
	const out: INodeExecutionData = { json: { ...json, assessment: assessment as unknown as IDataObject }, ...(pairedItem ? { pairedItem } : {}) };
	if (assessment.notify) routes[0].push(out);
	if (assessment.escalate) routes[1].push(out);
	if (!assessment.notify && !assessment.escalate) routes[2].push(out);
}

function amount(value: unknown): number | undefined {
	const n = typeof value === 'number' ? value : Number(String(value ?? '').replace(/[^0-9.-]/g, ''));
	return String(value ?? '').trim() !== '' && Number.isFinite(n) ? n : undefined;
}

function remedyPolicyFrom(value: IDataObject): RemedyPolicy {
	const policy: RemedyPolicy = { ...DEFAULT_REMEDY_POLICY };
	if (value.delayDays !== undefined) policy.delayDays = value.delayDays as number;
	if (value.delayKind === 'none') policy.delay = null;
	else if (value.delayKind || value.delayValue !== undefined) {
		const kind = (value.delayKind as 'refund_percent' | 'coupon' | undefined) ?? policy.delay?.kind ?? 'refund_percent';
		const raw = (value.delayValue as string | undefined) ?? String(policy.delay?.value ?? '10');
		policy.delay = { kind, value: kind === 'refund_percent' ? Number(raw) : raw };
	}
	if (value.lossKind === 'none') policy.lostOrDamaged = null;
	else if (value.lossKind === 'refund_percent') policy.lostOrDamaged = { kind: 'refund_percent', value: (value.lossPercent as number | undefined) ?? 100 };
	else if (value.lossKind) policy.lostOrDamaged = { kind: value.lossKind as 'expedited_replacement' | 'reship' };
	if (value.minOrderValue) policy.minOrderValue = value.minOrderValue as number;
	if (value.vipLifetimeValue) policy.vipLifetimeValue = value.vipLifetimeValue as number;
	return policy;
}

/** Classify Events: each item's event against the shipment's history. */
export async function classifyItems(ctx: IExecuteFunctions, items: INodeExecutionData[], routes: Routes): Promise<void> {
	await eachItem(ctx, items, async (item, i) => route(routes, item.json, await classifyItem(ctx, item.json, i), { item: i }), (failed) => routes[2].push(failed));
}

async function classifyItem(ctx: IExecuteFunctions, json: IDataObject, i: number): Promise<Assessment> {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const event = parseEvent(json, `input item ${i}`);
	const extra: Partial<ClassifyContext> = {
		orderValue: amount(ctx.getNodeParameter('orderValue', i, '')),
		customerLifetimeValue: amount(ctx.getNodeParameter('lifetimeValue', i, '')),
		destinationTimeZone: (ctx.getNodeParameter('destinationTimeZone', i, '') as string) || undefined,
		remedyPolicy: remedyPolicyFrom(ctx.getNodeParameter('remedyPolicy', i, {}) as IDataObject),
		escalateAtPriority: (options.escalateAtPriority as number | undefined) || undefined,
	};
	const settings = {
		promisedDate: (ctx.getNodeParameter('promisedDate', i, '') as string) || undefined,
		notifyInTransit: options.notifyInTransit === true,
	};
	if (options.useHistory === false) return classify(event, { ...extra, ...settings });
	return assessWithHistory(event, storeAt(options.storePath as string | undefined), {
		...settings,
		classify: extra,
		context: { customer: json.customer as IDataObject | undefined, order: json.order as IDataObject | undefined },
	});
}

/** Sweep Silent Shipments: once per run (a Schedule Trigger's one item), over the whole store. */
export async function sweepSilentShipments(ctx: IExecuteFunctions, routes: Routes): Promise<void> {
	const options = ctx.getNodeParameter('sweepOptions', 0, {}) as IDataObject;
	const rows = ((ctx.getNodeParameter('thresholds', 0, {}) as IDataObject).threshold as IDataObject[] | undefined) ?? [];
	const thresholds: StallThreshold[] = rows.map((row) => ({
		businessDays: row.businessDays as number,
		...(row.carrier ? { carrier: String(row.carrier).toLowerCase() } : {}),
		...(row.service ? { service: String(row.service) } : {}),
		...(row.scope ? { scope: row.scope as 'domestic' | 'international' } : {}),
	}));
	const store = storeAt(options.storePath as string | undefined);
	// A manual run looks without marking anything told, so the scheduled sweep still tells it.
	const view: Store =
		ctx.getMode() === 'manual'
			? new Proxy(store, {
					get(target, property) {
						if (property === 'markNotified') return async () => true;
						const value = Reflect.get(target, property, target) as unknown;
						return typeof value === 'function' ? value.bind(target) : value;
					},
				})
			: store;
	const found = await sweepStalled(view, {
		now: now(),
		limit: (options.maxShipments as number | undefined) ?? 1000,
		thresholds,
		originCountry: (options.originCountry as string) || undefined,
		noInfoDays: (options.noInfoDays as number | undefined) ?? 5,
	});
	for (const { item, assessment } of found) route(routes, item as IDataObject, assessment, { item: 0 });
}

/** Check Order Preparation: each order item against its handling time. */
export async function checkPreparation(ctx: IExecuteFunctions, items: INodeExecutionData[], routes: Routes): Promise<void> {
	const none: Assessment = { trigger: null, notify: false, escalate: false, severity: 'info', reason: 'The order shipped, or is still within its handling time.', customerAction: 'none' };
	await eachItem(
		ctx,
		items,
		async (item, i) => {
			const text = (name: string) => (ctx.getNodeParameter(name, i, '') as string) || undefined;
			const createdAt = text('createdAt');
			if (!createdAt) {
				throw new Error('Order Created At is empty for this item: map the time the order was placed (Order Lookup gives `order.createdAt`).');
			}
			const assessment = assessPreparation(
				{
					createdAt,
					fulfilledAt: text('fulfilledAt'),
					cancelledAt: text('cancelledAt'),
					handlingDays: ctx.getNodeParameter('handlingDays', i, 2) as number,
					country: text('shipFromCountry'),
					region: text('shipFromRegion'),
				},
				now(),
			);
			route(routes, item.json, assessment ?? none, { item: i });
		},
		(failed) => routes[2].push(failed),
	);
}
