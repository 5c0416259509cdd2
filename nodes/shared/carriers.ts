import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	INodeCredentialTestResult,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { getAggregator } from '../../lib/aggregators/registry';
import type { AggregatorContext } from '../../lib/aggregators/types';
import { sharedTokenCache } from '../../lib/carriers/oauth';
import { getCarrier } from '../../lib/carriers/registry';
import type { CarrierContext } from '../../lib/carriers/types';
import { axiosHttp } from '../../lib/http-axios';
import { n8nPlainHttp } from './n8nHttp';

/** The n8n credential of each direct carrier API. A new carrier adds one line here. */
export const CARRIER_CREDENTIALS: Record<string, string> = {
	ups: 'upsApi',
	fedex: 'fedExApi',
	usps: 'uspsApi',
	dhl: 'dhlApi',
};

export const CARRIER_OPTIONS = [
	{ name: 'UPS', value: 'ups' },
	{ name: 'FedEx', value: 'fedex' },
	{ name: 'USPS', value: 'usps' },
	{ name: 'DHL', value: 'dhl' },
];

export const AGGREGATOR_OPTIONS = [
	{ name: 'AfterShip', value: 'aftership' },
	{ name: 'EasyPost', value: 'easypost' },
	{ name: 'Shippo', value: 'shippo' },
	{ name: '17TRACK', value: 'seventeentrack' },
];

type Context = IExecuteFunctions | IPollFunctions;

export async function carrierContext(ctx: Context, carrier: string): Promise<CarrierContext> {
	const credentialType = CARRIER_CREDENTIALS[carrier];
	let credentials: Record<string, string>;
	try {
		credentials = (await ctx.getCredentials(credentialType)) as unknown as Record<string, string>;
	} catch (error) {
		// Only a missing credential gets this message; any other failure keeps its own words.
		const missing = /does not have any credentials/i.test((error as Error).message);
		const name = getCarrier(carrier).displayName;
		throw new NodeOperationError(
			ctx.getNode(),
			missing ? `No ${name} credential: add one (type "${credentialType}") to look up ${name} numbers.` : (error as Error),
		);
	}
	return { http: n8nPlainHttp(ctx), credentials, tokens: sharedTokenCache };
}

export async function aggregatorContext(ctx: Context, id: string): Promise<AggregatorContext> {
	const credentials = (await ctx.getCredentials(getAggregator(id).credentialType)) as unknown as AggregatorContext['credentials'];
	return { http: n8nPlainHttp(ctx), credentials };
}

/** n8n's credential test for the OAuth carriers: fetches a token (nothing else proves the pair). */
export async function carrierCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const carrier = Object.entries(CARRIER_CREDENTIALS).find(([, type]) => type === credential.type)?.[0];
	if (!carrier) return { status: 'Error', message: `Not a carrier credential: ${credential.type}` };
	try {
		await getCarrier(carrier).testCredentials({
			http: axiosHttp,
			credentials: credential.data as unknown as Record<string, string>,
			tokens: sharedTokenCache,
		});
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
