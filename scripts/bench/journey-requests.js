'use strict';
// Distinct, validly signed AfterShip deliveries for the load test: every request is a new
// shipment's first scan (event id, tracking number, order and mailbox all new), so the trigger's
// dedupe never short-circuits it and Notify sends exactly one email (preference 'email'; quiet
// hours apply to SMS only, so the hour of the run does not matter).
const { aftershipUpdate, signAftership } = require('../demo/payloads');
const { SECRETS } = require('../demo/scenario');

function journeyDeliveries({ runId = Date.now().toString(36), preference = 'email', secret = SECRETS.aftership } = {}) {
	let count = 0;
	return {
		get count() {
			return count;
		},
		next() {
			const i = ++count;
			const serial = String(i).padStart(7, '0');
			const payload = aftershipUpdate({
				now: new Date(),
				trackingNumber: `1ZBENCH${runId}${serial}`.toUpperCase(),
				slug: 'ups',
				orderNumber: `B${serial}`,
				customer: { name: 'Bench Customer', email: `bench${i}@example.com`, phone: '+13125550142', preference, timeZone: 'America/New_York' },
				steps: [['InTransit_002', 'Pickup Scan', 1]],
				promisedInDays: 3,
				estimateInDays: 2,
			});
			const body = JSON.stringify(payload);
			return { body, headers: { 'content-type': 'application/json', ...signAftership(body, secret) } };
		},
	};
}

module.exports = { journeyDeliveries };
