import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTwilioChannel, twilioBasicAuthHttp } from '../../../lib/channels/twilio';
import { ChannelError, type OutgoingMessage } from '../../../lib/channels/types';
import { axiosHttp } from '../../../lib/http/axios';
import { startTwilioStandin, type TwilioStandin } from '../../../scripts/standins/twilio';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'test-auth-token';
const FROM = '+15005550006';
const OPTED_OUT = '+14155550199';

let dir: string;
let twilio: TwilioStandin;
let waits: number[];

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'pp-twilio-'));
	twilio = await startTwilioStandin({ dir, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, optedOut: [OPTED_OUT] });
	waits = [];
});
afterEach(async () => {
	await twilio.close();
	rmSync(dir, { recursive: true, force: true });
});

function channel(overrides: { authToken?: string; messagingServiceSid?: string; maxAttempts?: number } = {}) {
	return createTwilioChannel({
		accountSid: ACCOUNT_SID,
		from: overrides.messagingServiceSid ? undefined : FROM,
		messagingServiceSid: overrides.messagingServiceSid,
		http: twilioBasicAuthHttp(ACCOUNT_SID, overrides.authToken ?? AUTH_TOKEN, axiosHttp),
		baseUrl: twilio.baseUrl,
		maxAttempts: overrides.maxAttempts,
		sleep: async (ms) => {
			waits.push(ms);
		},
	});
}

const sms = (to: string, text = 'Your parcel is out for delivery today.'): OutgoingMessage => ({
	channel: 'sms',
	to,
	text,
	reference: 'ups:1Z999/out_for_delivery/sms',
});

async function failure(promise: Promise<unknown>): Promise<ChannelError> {
	const error = await promise.catch((e: unknown) => e);
	expect(error).toBeInstanceOf(ChannelError);
	return error as ChannelError;
}

describe('Twilio SMS channel', () => {
	it('creates the message and returns its SID and status', async () => {
		const result = await channel().send(sms('+14155550123'));
		const [message] = twilio.messages();
		expect(result).toEqual({ providerMessageId: message.sid, providerStatus: 'queued' });
		expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
		expect(message).toMatchObject({ to: '+14155550123', from: FROM, body: 'Your parcel is out for delivery today.', num_segments: '1' });
		const [request] = twilio.requests();
		expect(request.form).toEqual({ To: '+14155550123', From: FROM, Body: 'Your parcel is out for delivery today.' });
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		const files = readdirSync(join(dir, 'sms'));
		expect(files).toEqual([`001-${message.sid}.txt`]);
		expect(readFileSync(join(dir, 'sms', files[0]), 'utf8')).toContain('Your parcel is out for delivery today.');
	});

	it('sends through a Messaging Service instead of a From number', async () => {
		const result = await channel({ messagingServiceSid: 'MG0123' }).send(sms('+14155550123'));
		expect(twilio.requests()[0].form).toEqual({ To: '+14155550123', MessagingServiceSid: 'MG0123', Body: 'Your parcel is out for delivery today.' });
		expect(result.providerStatus).toBe('accepted');
	});

	it('waits what Retry-After asks after a 429, then sends', async () => {
		twilio.setFailures({ status: 429, count: 2, retryAfter: 3 });
		const result = await channel().send(sms('+14155550123'));
		expect(result.providerMessageId).toBe(twilio.messages()[0].sid);
		expect(twilio.requests()).toHaveLength(3);
		expect(waits).toEqual([3000, 3000]);
		expect(twilio.messages()).toHaveLength(1);
	});

	it('backs off exponentially on 500s and gives up retryable after maxAttempts', async () => {
		twilio.setFailures({ status: 500, count: 10 });
		const error = await failure(channel({ maxAttempts: 4 }).send(sms('+14155550123')));
		expect(twilio.requests()).toHaveLength(4);
		expect(waits).toEqual([1000, 2000, 4000]);
		expect(error.details).toMatchObject({ httpStatus: 500, providerCode: 20500, retryable: true });
		expect(error.message).toBe('Twilio did not accept the message after 4 attempt(s) (20500: Internal Server Error)');
		expect(twilio.messages()).toHaveLength(0);
	});

	it('reports an invalid To as 21211 without repeating the number', async () => {
		const error = await failure(channel().send(sms('0415 555 0123')));
		expect(error.details).toMatchObject({ httpStatus: 400, providerCode: 21211, retryable: false });
		expect(error.message).toBe("Twilio refused the message (21211: The 'To' number <redacted> is not a valid phone number.)");
		expect(error.details.hint).toMatch(/E\.164/);
		expect(twilio.requests()).toHaveLength(1);
	});

	it('reports an opted-out recipient as 21610 with how they opt back in', async () => {
		const error = await failure(channel().send(sms(OPTED_OUT)));
		expect(error.details).toMatchObject({ httpStatus: 400, providerCode: 21610, retryable: false });
		expect(error.details.hint).toBe('the recipient replied STOP; they must text START to opt back in');
		expect(`${error.message} ${error.details.hint}`).not.toMatch(/4155550199/);
		expect(twilio.requests()).toHaveLength(1);
	});

	it('reports wrong credentials as 20003 and points at the credential', async () => {
		const error = await failure(channel({ authToken: 'wrong' }).send(sms('+14155550123')));
		expect(error.details).toMatchObject({ httpStatus: 401, providerCode: 20003, retryable: false });
		expect(error.details.hint).toBe('check the Account SID and Auth Token in the credential');
		expect(twilio.messages()).toHaveLength(0);
	});

	it('refuses to create a channel with neither From nor Messaging Service', () => {
		expect(() => createTwilioChannel({ accountSid: ACCOUNT_SID, http: axiosHttp })).toThrow(/From number or a Messaging Service/);
	});
});

describe('Twilio stand-in', () => {
	const auth = () => twilioBasicAuthHttp(ACCOUNT_SID, AUTH_TOKEN, axiosHttp);

	it('serves a created message back by SID, in Twilio JSON', async () => {
		const { providerMessageId } = await channel().send(sms('+14155550123'));
		const response = await auth()({ method: 'GET', url: `${twilio.baseUrl}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${providerMessageId}.json` });
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({
			sid: providerMessageId,
			account_sid: ACCOUNT_SID,
			status: 'queued',
			uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${providerMessageId}.json`,
		});
		expect((response.body as { date_created: string }).date_created).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
	});

	it('counts segments as GSM-7 or UCS-2', async () => {
		await channel().send(sms('+14155550123', 'a'.repeat(161)));
		await channel().send(sms('+14155550123', `Delivered 📦 ${'a'.repeat(60)}`));
		expect(twilio.messages().map((m) => m.num_segments)).toEqual(['2', '2']);
	});
});
