import { createHash } from 'node:crypto';
import { cleanOrderName } from './link';

type Json = Record<string, unknown>;

function str(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The store subject for one order's choice. */
export function orderSubject(orderKey: string): string {
	return `order:${orderKey}`;
}

/** The store subject for a customer's choice across orders: a hash, so no raw address is a key. */
export function emailSubject(email: string): string {
	return `email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}

/**
 * The order's name as the shop shows it ('#1009') for a journey item, for the preference link;
 * undefined when the item has none that can go on a link (lib/preferences/link.ts).
 */
export function orderNameOf(item: Json): string | undefined {
	const order = item.order && typeof item.order === 'object' ? (item.order as Json) : {};
	return cleanOrderName(order.number) ?? cleanOrderName(item.orderNumber);
}

/**
 * `${source}:${orderId}` for a journey item, the same order the order-level send key names
 * (lib/journey/notifyInput.ts): the Order Event Trigger's `source` and `orderId`, else the order
 * number. Undefined when the item names no order.
 */
export function orderKeyOf(item: Json): string | undefined {
	const order = item.order && typeof item.order === 'object' ? (item.order as Json) : {};
	const id = str(item.orderId) ?? str(order.number) ?? str(item.orderNumber);
	return id ? `${str(item.source) ?? 'shop'}:${id}` : undefined;
}
