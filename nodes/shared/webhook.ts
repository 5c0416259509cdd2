import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

type RawRequest = ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer; readRawBody?: () => Promise<void> };

/** The delivery's bytes as sent: signatures are computed over these, never over parsed JSON. */
export async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const req = ctx.getRequestObject() as RawRequest;
	if (!req.rawBody && req.readRawBody) await req.readRawBody();
	return req.rawBody;
}

/** Answers the sender with a status and a JSON body; no execution starts. */
export function answer(ctx: IWebhookFunctions, status: number, body: Record<string, unknown>): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}
