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

export function storeAt(path: string | undefined): Store {
	return openStore(path ? { path } : undefined);
}
