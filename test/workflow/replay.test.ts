// `npm run replay`: the bundled journey over recorded deliveries, on a simulated clock, with every
// message captured by the local stand-ins. Needs `npm run build` (npm test builds first).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const { replay, readDeliveries } = require('../../scripts/replay') as {
	replay(opts: { workflowFile: string; deliveriesFile: string; out: string; quiet?: boolean }): Promise<{ decisions: Record<string, any>[]; skipped: number }>;
	readDeliveries(file: string): unknown[];
};

const root = path.resolve(__dirname, '../..');
const workflowFile = path.join(root, 'workflows/delivery-updates.json');
const deliveriesFile = path.join(root, 'test/fixtures/replay/deliveries.jsonl');

jest.setTimeout(60_000);

let out: string;
beforeEach(() => {
	out = fs.mkdtempSync(path.join(os.tmpdir(), 'postpurchase-replay-'));
});
afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

test('writes one line per decision, in simulated time order, with deferred SMS sent when the clock reaches them', async () => {
	const { decisions } = await replay({ workflowFile, deliveriesFile, out, quiet: true });
	const lines = fs
		.readFileSync(path.join(out, 'outbox.jsonl'), 'utf8')
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line));
	expect(lines).toEqual(decisions);
	for (const line of lines) expect(Object.keys(line)).toEqual(expect.arrayContaining(['trackingNumber', 'trigger', 'channel', 'to', 'status', 'reason']));
	const times = lines.map((l) => Date.parse(l.at));
	expect(times).toEqual([...times].sort((a, b) => a - b));

	const journey = lines.filter((l) => l.trackingNumber === '1Z999AA10123456784').map((l) => [l.trigger, l.channel, l.status]);
	// The delivered event is recorded twice: the second copy is dropped as a redelivery.
	expect(journey).toEqual([
		['shipped', 'email', 'sent'],
		['out_for_delivery', 'email', 'sent'],
		['delivered', 'email', 'sent'],
	]);

	// 03:00 in Chicago: deferred to 08:00 CST (14:00 UTC), then sent at that simulated time.
	const night = lines.filter((l) => l.trackingNumber === '1Z999AA10123456799');
	expect(night).toEqual([
		expect.objectContaining({ trigger: 'delayed', channel: 'sms', status: 'deferred', reasonCode: 'quiet_hours', sendAt: '2025-03-07T14:00:00.000Z' }),
		expect.objectContaining({ trigger: 'delayed', channel: 'sms', status: 'sent', at: '2025-03-07T14:00:00.000Z' }),
	]);

	// An EasyPost tracker names no customer: suppressed, with the reason.
	expect(lines.filter((l) => l.trackingNumber === '9400100000000000000000').map((l) => l.reasonCode)).toEqual(['no_contact', 'no_contact']);

	// Captured, not sent: the stand-ins kept every message that was "sent".
	const emails = fs.readdirSync(path.join(out, 'email')).filter((f) => f.endsWith('.eml'));
	const texts = fs.readdirSync(path.join(out, 'sms'));
	expect(emails).toHaveLength(lines.filter((l) => l.status === 'sent' && l.channel === 'email').length);
	expect(texts).toHaveLength(lines.filter((l) => l.status === 'sent' && l.channel === 'sms').length);
});

test('a bad line is named by its number, never quoted', () => {
	const file = path.join(out, 'bad.jsonl');
	fs.writeFileSync(file, '{"provider":"aftership","payload":{}}\n{"customer":"Ada Example" \n');
	expect(() => readDeliveries(file)).toThrow('bad.jsonl line 2: not valid JSON');
	fs.writeFileSync(file, '{"payload":{"email":"ada@example.com"}}\n');
	expect(() => readDeliveries(file)).toThrow(/line 1: needs "provider"/);
	try {
		readDeliveries(file);
	} catch (error) {
		expect((error as Error).message).not.toContain('ada@example.com');
	}
});
