'use strict';
// The n8n credentials that point Customer Notify at the channel stand-ins on loopback: the SMTP
// outbox and the Twilio Messages API stand-in. One place, so every test and replay wires them alike.

/**
 * @param {{ smtp: { port: number }, twilio: { baseUrl: string }, twilioAccount: { accountSid: string, authToken: string } }} standins
 */
function channelCredentials({ smtp, twilio, twilioAccount }) {
	return {
		postPurchaseSmtp: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreSslIssues: true },
		postPurchaseTwilioApi: { ...twilioAccount, baseUrl: twilio.baseUrl },
	};
}

module.exports = { channelCredentials };
