import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	INodeCredentialTestResult,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { getAggregator, listAggregators } from '../../lib/aggregators/registry';
import type { AggregatorContext } from '../../lib/aggregators/types';
import { sharedTokenCache } from '../../lib/carriers/oauth';
import { getCarrier, listCarriers } from '../../lib/carriers/registry';
import type { CarrierContext } from '../../lib/carriers/types';
import { axiosHttp } from '../../lib/http/axios';
import { n8nPlainHttp } from './n8nHttp';

// Read from the registries, in their order (each adapter carries its credentialType too): a carrier
// or aggregator registered there is an option here; test/unit/package/registries.test.ts checks
// that the nodes' literal credential entries match.

export const CARRIER_OPTIONS = listCarriers().map((c) => ({ name: c.displayName, value: c.id }));
export const CARRIER_IDS = CARRIER_OPTIONS.map((o) => o.value);

export const AGGREGATOR_OPTIONS = listAggregators().map((a) => ({ name: a.displayName, value: a.id }));

type Context = IExecuteFunctions | IPollFunctions;

/**
 * The node's credential of `type`, or an error naming the picker to fill. Only a missing credential
 * gets that message; any other failure keeps its own words. n8n-core says "does not have any
 * credentials" for a required one, "does not require credentials" for an optional one that is not
 * set, and "Credentials not found" for one the node's settings do not show.
 */
async function credentialsOf(ctx: Context, type: string, provider: string, picker: string): Promise<Record<string, string>> {
	try {
		return (await ctx.getCredentials(type)) as unknown as Record<string, string>;
	} catch (error) {
		const missing = /does not have any credentials|does not require credentials|credentials not found/i.test((error as Error).message);
		throw new NodeOperationError(
			ctx.getNode(),
			missing ? `No ${provider} credential: choose or create one in the node's "${picker}" picker (type "${type}").` : (error as Error),
		);
	}
}

export async function carrierContext(ctx: Context, carrier: string): Promise<CarrierContext> {
	const { credentialType, displayName } = getCarrier(carrier);
	const credentials = await credentialsOf(ctx, credentialType, displayName, `${displayName} API`);
	return { http: n8nPlainHttp(ctx), credentials, tokens: sharedTokenCache };
}

export async function aggregatorContext(ctx: Context, id: string): Promise<AggregatorContext> {
	const { credentialType, displayName } = getAggregator(id);
	const credentials = await credentialsOf(ctx, credentialType, displayName, `${displayName} Account`);
	return { http: n8nPlainHttp(ctx), credentials: credentials as unknown as AggregatorContext['credentials'] };
}

/** n8n's credential test for the OAuth carriers: fetches a token (nothing else proves the pair). */
export async function carrierCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const carrier = listCarriers().find((c) => c.credentialType === credential.type);
	if (!carrier) return { status: 'Error', message: `Not a carrier credential: ${credential.type}` };
	try {
		await carrier.testCredentials({
			http: axiosHttp,
			credentials: credential.data as unknown as Record<string, string>,
			tokens: sharedTokenCache,
		});
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
