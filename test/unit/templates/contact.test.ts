// A message that asks the customer to get in touch says how (Support Phone, Email, URL); without
// any of them it does not promise a contact that is not there.
import { CUSTOMER_ACTIONS } from '../../../lib/model/assessment';
import { JOURNEY_TRIGGERS } from '../../../lib/model/triggers';
import { renderMessage } from '../../../lib/templates';
import { FULL_DATA } from './fixtures';

const PHONE = '+1 555 010 0199';
const EMAIL = 'help@acme.example';
const URL = 'https://acme.example/help';

/** Words that ask the customer to reach the merchant (not the carrier, not "we'll be in touch"). */
const ASKS = /contact us|get in touch|let us know|tell us|questions\?/i;
/** Words that ask them to reach the carrier, which the message itself then names. */
const CARRIER = /contact the carrier/i;

const CONTACTS = {
	all: { supportPhone: PHONE, supportEmail: EMAIL, supportUrl: URL },
	phone: { supportPhone: PHONE },
	email: { supportEmail: EMAIL },
	url: { supportUrl: URL },
	none: {},
} as const;

function variants() {
	return JOURNEY_TRIGGERS.flatMap((trigger) => CUSTOMER_ACTIONS.map((customerAction) => ({ trigger, customerAction })));
}

function renderAll(contact: keyof typeof CONTACTS) {
	return variants().flatMap(({ trigger, customerAction }) => {
		const data = { ...FULL_DATA, assessment: { ...FULL_DATA.assessment, customerAction }, brand: { name: 'Acme', ...CONTACTS[contact] } };
		const email = renderMessage(trigger, 'email', data);
		const sms = renderMessage(trigger, 'sms', data);
		return [
			{ where: `${trigger}/${customerAction} text`, text: email.text },
			{ where: `${trigger}/${customerAction} html`, text: email.html ?? '' },
			{ where: `${trigger}/${customerAction} sms`, text: sms.text },
		];
	});
}

describe.each(['all', 'phone', 'email', 'url'] as const)('with contact "%s" set', (contact) => {
	const values = Object.values(CONTACTS[contact]) as string[];

	it('every ask to get in touch gives the contact', () => {
		const asking = renderAll(contact).filter(({ text }) => ASKS.test(text.replace(CARRIER, '')));
		expect(asking.length).toBeGreaterThan(10);
		const missing = asking.filter(({ text }) => !values.some((value) => text.includes(value)));
		expect(missing.map(({ where }) => where)).toEqual([]);
	});
});

describe('with no contact set', () => {
	it('no message asks the customer to get in touch', () => {
		const asking = renderAll('none').filter(({ text }) => ASKS.test(text));
		expect(asking.map(({ where }) => where)).toEqual([]);
	});

	it('the messages that would ask still read as complete, honest sentences', () => {
		const data = { order: { number: '#1009' } };
		expect(renderMessage('delivered', 'email', data).text).toContain("If you can't find it, please look around your door and ask your neighbours.");
		expect(renderMessage('delivered', 'sms', data).text).toBe('Your order #1009 has been delivered.');
		expect(renderMessage('payment_issue', 'sms', data).text).toBe("We couldn't process the payment for your order #1009, so it's on hold. Please check your email.");
		expect(renderMessage('returning_to_sender', 'email', data).text).toContain("We'll be in touch once it arrives, about sending it again or a refund.");
	});
});

describe('how the contact reads', () => {
	const data = (brand: object) => ({ order: { number: '#1009' }, brand: { name: 'Acme', ...brand } });

	it('lists what is set as a sentence, the help page as link text in html and its URL on its own line in text', () => {
		const email = renderMessage('delivered', 'email', data(CONTACTS.all));
		expect(email.text).toContain(`If you can't find it, please get in touch and we'll help: call ${PHONE}, write to ${EMAIL} or visit our help page.\n${URL}\n`);
		expect(email.html).toContain('call <a href="tel:+15550100199" style="color:#1d4ed8;">+1 555 010 0199</a>, write to');
		expect(email.html).toContain(`<a href="mailto:${EMAIL}" style="color:#1d4ed8;">${EMAIL}</a>`);
		expect(email.html).toContain(`visit <a href="${URL}" style="color:#1d4ed8;">our help page</a>.`);
		expect(renderMessage('delivered', 'email', data({ supportEmail: EMAIL, supportUrl: URL })).text).toContain(`write to ${EMAIL} or visit our help page.`);
		expect(renderMessage('delivered', 'email', data({ supportPhone: PHONE, supportEmail: EMAIL })).text).toContain(`call ${PHONE} or write to ${EMAIL}.`);
	});

	it('gives it once: a message that asked has no "Questions?" footer, the others do', () => {
		const asked = renderMessage('delivered', 'email', data(CONTACTS.all));
		expect(asked.text.match(new RegExp(EMAIL.replace('.', '\\.'), 'g'))).toHaveLength(1);
		expect(asked.html).not.toContain('Questions?');
		const shipped = renderMessage('shipped', 'email', data(CONTACTS.all));
		expect(shipped.text).toContain(`Questions? You can call ${PHONE}, write to ${EMAIL} or visit our help page.\n${URL}`);
		expect(shipped.html).toContain('Questions? You can call <a href="tel:+15550100199"');
	});

	it('gives one contact in an SMS, the phone first', () => {
		expect(renderMessage('delivered', 'sms', data(CONTACTS.all)).text).toBe(`Acme: Your order #1009 has been delivered. Can't find it? Contact us: ${PHONE}`);
		expect(renderMessage('refused', 'sms', data({ supportEmail: EMAIL, supportUrl: URL })).text).toContain(`Not you? Contact us: ${EMAIL}`);
		expect(renderMessage('payment_issue', 'sms', data({ supportUrl: URL })).text).toContain(`Please check your email or contact us: ${URL}`);
	});

	it('drops a support phone or email that would make a broken link', () => {
		const email = renderMessage('delivered', 'email', data({ supportPhone: 'call Bob', supportEmail: 'help@acme.example?bcc=all@x.example' }));
		expect(email.html).not.toMatch(/tel:|mailto:/);
		expect(email.text).not.toMatch(/Bob|bcc/);
		expect(email.text).toContain('please look around your door');
	});
});
