export function channelCredentials(standins: {
	smtp: { port: number };
	twilio: { baseUrl: string };
	twilioAccount: { accountSid: string; authToken: string };
}): {
	postPurchaseSmtp: { host: string; port: number; secure: boolean; ignoreSslIssues: boolean };
	postPurchaseTwilioApi: { accountSid: string; authToken: string; baseUrl: string };
};
