'use strict';
// A local SMTP server that accepts mail like a relay would and files it instead of delivering:
// each message lands as .eml (and .html when it has an HTML part) under <dir>/email/.
const fs = require('node:fs');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const { numberedWriter } = require('./files');

async function readAll(stream) {
	const chunks = [];
	for await (const chunk of stream) chunks.push(chunk);
	return Buffer.concat(chunks);
}

/**
 * @param {{ dir: string, port?: number, rejectRecipients?: (address: string) => boolean }} options
 * @returns {Promise<{ port: number, close(): Promise<void>, messages(): object[] }>}
 */
async function startSmtpOutbox({ dir, port = 0, rejectRecipients }) {
	const files = numberedWriter(dir, 'email');
	const received = [];

	async function file(raw, session) {
		const mail = await simpleParser(raw);
		const base = files.next(mail.subject);
		fs.writeFileSync(`${base}.eml`, raw);
		const html = typeof mail.html === 'string' ? mail.html : undefined;
		if (html !== undefined) fs.writeFileSync(`${base}.html`, html);
		received.push({
			to: mail.to ? [].concat(mail.to).map((address) => address.text).join(', ') : '',
			rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
			from: mail.from ? mail.from.text : '',
			subject: mail.subject ?? '',
			text: mail.text ?? '',
			html,
			messageId: mail.messageId,
			headers: Object.fromEntries(mail.headerLines.map((line) => [line.key, line.line.slice(line.key.length + 1).trim()])),
			emlPath: `${base}.eml`,
			htmlPath: html === undefined ? undefined : `${base}.html`,
		});
		return received.length;
	}

	const server = new SMTPServer({
		authOptional: true,
		allowInsecureAuth: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		// Connections a client keeps open (pools) would otherwise hold close() for 30 s.
		closeTimeout: 200,
		onAuth(auth, session, callback) {
			callback(null, { user: auth.username });
		},
		onRcptTo(address, session, callback) {
			if (rejectRecipients && rejectRecipients(address.address)) {
				// Worded like Postfix, which quotes the address: clients must not echo it further.
				const error = new Error(`5.1.1 <${address.address}>: Recipient address rejected`);
				error.responseCode = 550;
				return callback(error);
			}
			callback();
		},
		onData(stream, session, callback) {
			readAll(stream)
				.then((raw) => file(raw, session))
				.then((n) => callback(null, `OK: queued as ${n}`))
				.catch((error) => callback(error));
		},
	});

	// A client dropping its socket is its own business; unhandled, the event would end the process.
	server.on('error', () => {});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});

	return {
		port: server.server.address().port,
		messages: () => received.slice(),
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { startSmtpOutbox };
