import type { Channel, OutgoingMessage, SendResult } from '../../../lib/channels/types';
import { notify, type NotifyInput, type NotifyOptions, type NotifyRecipient } from '../../../lib/notify';
import { MemoryStore } from '../../../lib/store/memory';

/** A Channel that keeps what it was asked to send, or throws what it is told to. */
export class RecordingChannel implements Channel {
	readonly sent: OutgoingMessage[] = [];
	failWith?: unknown;
	/** A provider's opt-out mapping, e.g. the real Twilio channel's (see policy.test.ts). */
	optOutReason?: Channel['optOutReason'];

	constructor(readonly id: string) {}

	async send(message: OutgoingMessage): Promise<SendResult> {
		if (this.failWith !== undefined) throw this.failWith;
		this.sent.push(message);
		return { providerMessageId: `${this.id}-${this.sent.length}` };
	}
}

/** Midday in UTC on an ordinary day: no quiet hours unless a test asks for them. */
export const MIDDAY = new Date('2024-06-12T12:00:00Z');

export const FULL_RECIPIENT: NotifyRecipient = { email: 'anna@example.com', phone: '+49 151 23456789', name: 'Anna Schmidt' };

export function makeInput(overrides: Omit<Partial<NotifyInput>, 'recipient'> & { recipient?: NotifyRecipient } = {}): NotifyInput {
	return {
		trigger: 'delayed',
		severity: 'warning',
		shipmentKey: 'ups:1Z999AA10123456784',
		trackingNumber: '1Z999AA10123456784',
		recipient: FULL_RECIPIENT,
		data: {
			order: { number: '#1001' },
			assessment: { reason: 'Severe weather is slowing deliveries.', revisedEta: '2024-06-14', daysLate: 2 },
		},
		...overrides,
	};
}

export function setup() {
	const store = new MemoryStore();
	const email = new RecordingChannel('email');
	const sms = new RecordingChannel('sms');
	const deps = { store, channels: { email, sms } as Record<string, Channel> };
	const run = (input: NotifyInput, options: NotifyOptions = {}) => notify(input, { now: MIDDAY, ...options }, deps);
	return { store, email, sms, deps, run };
}
