import type { INodeProperties } from 'n8n-workflow';
import { openStore } from '../../lib/store';
import type { Store } from '../../lib/store/types';

/** The option every node that remembers things shows, so they all share one store by default. */
export const storePathOption: INodeProperties = {
	displayName: 'Store File',
	name: 'storePath',
	type: 'string',
	default: '',
	placeholder: '~/.n8n/postpurchase.sqlite',
	description:
		'SQLite file that remembers seen events, shipment status and sent messages. Empty: postpurchase.sqlite in the n8n user folder (or $POSTPURCHASE_STORE_PATH). Nodes that should share memory must use the same file.',
};

/** One handle per store file for the whole n8n process; the connection stays open with n8n. */
const handles = new Map<string, Store>();

export function storeAt(path: string | undefined): Store {
	const key = path || '';
	let store = handles.get(key);
	if (!store) handles.set(key, (store = openStore(path ? { path } : undefined)));
	return store;
}
