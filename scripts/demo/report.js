'use strict';
// The demo's table of message decisions, and the end-to-end check `npm test` runs on them.
const fs = require('node:fs');
const path = require('node:path');

function printTable(rows, say) {
	const head = ['tracking number', 'trigger', 'channel', 'status', 'reason'];
	const body = rows.map((r) => [r.trackingNumber ?? r.shipmentKey, r.trigger, r.channel, r.status, r.status === 'deferred' && r.sendAt ? `${r.reasonCode} until ${r.sendAt}` : (r.reasonCode || r.providerMessageId || '')]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
	const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
	say(`messages per shipment, trigger and channel (${rows.length} decisions):`);
	console.log(`  ${line(head)}\n  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
	for (const b of body) console.log(`  ${line(b)}`);
}

function checkOutcomes({ scenario, outcomes, responses, smtp, twilio, preferenceCenter, logFile }) {
	const lines = [];
	let passed = 0;
	let failed = 0;
	const check = (ok, what) => {
		lines.push(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
		if (ok) passed++;
		else failed++;
	};

	for (const r of responses) check(r.status === r.expectStatus, `${r.label}: HTTP ${r.status} (expected ${r.expectStatus})`);
	const parse = (text) => {
		try {
			return JSON.parse(text);
		} catch {
			return undefined;
		}
	};
	const accepted = responses.filter((r) => r.status === 200 && r.kind !== 'watch').map((r) => ({ ...r, json: parse(r.body) }));
	check(accepted.every((r) => r.json && typeof r.json.new === 'number'), 'every accepted delivery is answered with JSON counts {received, new, duplicates}');
	const pair = accepted.filter((r) => r.copies === 2);
	check(pair.length === 2 && pair.map((r) => r.json?.new).sort().join() === '0,1', 'of the two copies sent at once, one was new and one a duplicate');
	const refused = responses.filter((r) => r.status !== 200 && r.kind !== 'watch').map((r) => parse(r.body));
	check(refused.every((j) => j && typeof j.error === 'string' && !/@|\+1\d{10}/.test(j.error)), 'refused deliveries say why in JSON, without customer data');

	for (const [tracking, trigger, channel, status, reasonCode] of scenario.expected) {
		const match = outcomes.find(
			(o) => o.trackingNumber === tracking && o.trigger === trigger && (channel === '*' || o.channel === channel) && o.status === status && (!reasonCode || o.reasonCode === reasonCode),
		);
		check(Boolean(match), `${tracking} ${trigger} via ${channel}: ${status}${reasonCode ? ` (${reasonCode})` : ''}`);
	}

	const sent = outcomes.filter((o) => o.status === 'sent');
	const keys = sent.map((o) => `${o.trackingNumber}|${o.trigger}|${o.channel}`);
	check(new Set(keys).size === keys.length, 'no trigger was sent twice on one channel for one shipment (the delivered event sent twice ran once)');
	const adaDelivered = outcomes.filter((o) => o.trackingNumber === '1Z999AA10123456784' && o.trigger === 'delivered');
	check(adaDelivered.length === 2, `the concurrent duplicate delivery produced one decision per channel (${adaDelivered.length} decisions)`);

	const mails = smtp.messages();
	const texts = twilio.messages();
	check(mails.length === sent.filter((o) => o.channel === 'email').length, `the SMTP outbox holds every sent email (${mails.length})`);
	check(texts.length === sent.filter((o) => o.channel === 'sms').length, `the Twilio stand-in holds every sent SMS (${texts.length})`);
	const delayedMail = mails.find((m) => /delay|late/i.test(m.subject || ''));
	check(Boolean(delayedMail) && /later than promised|delay/i.test(delayedMail.text || ''), 'the delay email says the parcel is late');
	check(mails.every((m) => typeof m.html === 'string' && m.html.includes('<') && typeof m.text === 'string' && m.text.length > 0), 'every email has an HTML and a text part');

	if (preferenceCenter) {
		const p = preferenceCenter;
		check(Boolean(p.link), 'the order confirmation email carries a signed preference link');
		check(p.pageStatus === 200 && p.pageHasForm === true, `the preference page opens in n8n with its form (HTTP ${p.pageStatus})`);
		check(p.saveStatus === 200 && p.confirmation === true, `choosing "Text message" is saved and confirmed (HTTP ${p.saveStatus})`);
		check(Boolean(p.sms) && p.emailsAfterChoice === 0, `after the choice, the shipped update goes out as SMS and not as email (${p.emailsAfterChoice} emails)`);
	}

	if (logFile && fs.existsSync(logFile)) {
		const log = fs.readFileSync(logFile, 'utf8');
		const secrets = Object.values(scenario.people).flatMap((p) => [p.name, p.email, p.phone]);
		const leaked = secrets.filter((s) => log.includes(s));
		check(leaked.length === 0, `n8n's log names no customer, email or phone (${path.basename(logFile)})`);
	}
	return { passed, failed, lines };
}

module.exports = { printTable, checkOutcomes };
