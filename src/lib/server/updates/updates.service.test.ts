import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { publishVersion } from '../document/document-version.service';
import { updateEdition } from '../document/document.admin';
import { createEvent, updateEvent } from '../participation/event.admin';
import { eventSchema } from '$lib/validation/events';
import type { Mail, Mailer } from '../mail/mail.service';
import type { Actor } from '../people/actor';
import { deleteAccount, exportAccountData } from '../people/account.service';
import { codeOf } from '../shared/error-code.testing';
import { editionSchema } from '$lib/validation/document';
import type { EditionStage } from '../document/document.schema';
import type { Locale } from '$lib/paraglide/runtime';
import {
	CONFIRMATION_DAYS,
	confirmSubscription,
	countNoticesToSend,
	dispatchNotices,
	getSubscriptionByToken,
	getUpdatesForAdmin,
	sendMessageToSubscribers,
	subscribeToStrategy,
	unsubscribe
} from './updates.service';
import { listAuditEvents } from '../audit/audit.service';
import { strategyMessageSchema } from '$lib/validation/updates';

let test: TestDatabase;
const sent: Mail[] = [];
const mailer: Mailer = { send: async (mail) => void sent.push(mail) };
const origin = 'https://leitbild.example.org';

beforeAll(async () => {
	const strategies = [{ slug: 'vielfalt', title: 'Leitbild Vielfalt', editions: [{ number: 2, periodStart: 2025, periodEnd: 2030, stage: 'preparing' as const }] }];
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', strategies },
			{ slug: 'b-dorf', name: 'B-Dorf', strategies }
		],
		accounts: [
			{ email: 'admin@a-stadt.example.org', name: 'Anna Admin', password: 'passwort-admin', roles: [{ municipality: 'a-stadt', role: 'admin' }] },
			{ email: 'fac@a-stadt.example.org', name: 'Fritz Begleitung', password: 'passwort-fac', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'leser@example.org', name: 'Lea Leser', password: 'passwort-leser', roles: [{ municipality: 'a-stadt', role: 'participant' }] }
		]
	});
});
afterAll(() => test.drop());

beforeEach(async () => {
	sent.length = 0;
	await test.db.execute(sql`delete from strategy_subscriptions`);
	await test.db.execute(sql`delete from strategy_notices`);
	await test.db.execute(sql`update editions set stage = 'preparing'`);
});

const municipality = (slug: string) => test.ids.municipalityIds.get(slug)!;
const actor = (email: string, role: Actor['memberships'][number]['role']): Actor => ({
	userId: test.ids.accountIds.get(email)!,
	name: email,
	email,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: municipality('a-stadt'), municipalitySlug: 'a-stadt', municipalityName: 'A-Stadt', role }]
});
const admin = () => actor('admin@a-stadt.example.org', 'admin');

async function editionId(slug: string) {
	const rows = await test.db.execute<{ id: string }>(sql`select id from editions where municipality_id = ${municipality(slug)}`);
	return rows.rows[0].id;
}

async function subscribe(email: string, { slug = 'a-stadt', locale = 'de' as Locale, now = new Date() } = {}) {
	await subscribeToStrategy({
		db: test.db,
		municipalityId: municipality(slug),
		municipalityName: slug,
		strategySlug: 'vielfalt',
		email,
		mail: { mailer, origin, locale },
		now
	});
}

const tokenIn = (mail: Mail) => /\/updates\/([\w-]+)/.exec(mail.text)![1];

async function subscribeConfirmed(email: string, options: Parameters<typeof subscribe>[1] = {}) {
	await subscribe(email, options);
	const token = tokenIn(sent.at(-1)!);
	await confirmSubscription({ db: test.db, token });
	sent.length = 0;
	return token;
}

async function moveTo(stage: EditionStage) {
	const input = editionSchema.parse({ number: '2', periodStart: '2025', periodEnd: '2030', stage, summary: '', contactPointId: '' });
	await updateEdition({ db: test.db, actor: admin(), municipalityId: municipality('a-stadt'), editionId: await editionId('a-stadt'), input });
}

const dispatch = (options: { mailer?: Mailer; batchSize?: number } = {}) => dispatchNotices({ db: test.db, mailer, ...options });

it('an address hears nothing until it confirms through the mailed link', async () => {
	await subscribe('Lea@Example.org ');
	expect(sent).toHaveLength(1);
	expect(sent[0].to).toBe('lea@example.org');
	expect(sent[0].subject).toContain('Leitbild Vielfalt');
	const token = tokenIn(sent[0]);
	expect(await getSubscriptionByToken({ db: test.db, token })).toMatchObject({ email: 'lea@example.org', confirmed: false, strategyPath: '/a-stadt/strategies/vielfalt' });
	sent.length = 0;
	await moveTo('participating');
	await dispatch();
	expect(sent).toHaveLength(0);

	await confirmSubscription({ db: test.db, token });
	expect((await getSubscriptionByToken({ db: test.db, token })).confirmed).toBe(true);
	await moveTo('drafting');
	await dispatch();
	expect(sent.map((mail) => mail.to)).toEqual(['lea@example.org']);
});

it('a stage notice speaks the subscriber’s language, links to the edition and offers a one-click way out', async () => {
	const token = await subscribeConfirmed('ben@example.org', { locale: 'en' });
	await moveTo('participating');
	await dispatch();
	expect(sent).toHaveLength(1);
	const [mail] = sent;
	expect(mail.subject).toBe('Leitbild Vielfalt, Edition 2: Participating');
	expect(mail.text).toContain(`${origin}/en/a-stadt/strategies/vielfalt/editions/2`);
	expect(mail.text).toContain('contribute ideas');
	expect(mail.headers?.['List-Unsubscribe']).toBe(`<${origin}/en/updates/${token}>`);
	expect(mail.html).toContain(`href="${origin}/en/updates/${token}"`);
});

it('a published draft version is news with a link to that version', async () => {
	await subscribeConfirmed('lea@example.org');
	await test.db.execute(sql`update editions set stage = 'drafting'`);
	const facilitator = actor('fac@a-stadt.example.org', 'facilitator');
	await publishVersion({ db: test.db, actor: facilitator, municipalityId: municipality('a-stadt'), editionId: await editionId('a-stadt'), input: { title: 'Erster Entwurf', changeSummary: '' } });
	await dispatch();
	expect(sent).toHaveLength(1);
	expect(sent[0].subject).toBe('Leitbild Vielfalt, 2. Auflage: Entwurfsfassung 1');
	expect(sent[0].text).toContain(`${origin}/a-stadt/strategies/vielfalt/editions/2/document?version=1`);
});

it('news of one municipality reaches only the subscribers of its strategy, not those of the same strategy name elsewhere', async () => {
	await subscribeConfirmed('lea@example.org');
	await subscribeConfirmed('dora@example.org', { slug: 'b-dorf' });
	await moveTo('participating');
	await dispatch();
	expect(sent.map((mail) => mail.to)).toEqual(['lea@example.org']);
});

it('a stage changed twice before the mails went out is mailed once, as it stands', async () => {
	await subscribeConfirmed('lea@example.org');
	await moveTo('participating');
	await moveTo('drafting');
	await dispatch();
	expect(sent).toHaveLength(1);
	expect(sent[0].subject).toContain('Entwurf');
	// Saving the edition without changing its stage is no news.
	await moveTo('drafting');
	await dispatch();
	expect(sent).toHaveLength(1);
});

it('asking again while unconfirmed sends a new link that replaces the old; once confirmed, asking again sends nothing', async () => {
	await subscribe('lea@example.org');
	const first = tokenIn(sent[0]);
	await subscribe('lea@example.org');
	expect(sent).toHaveLength(2);
	const second = tokenIn(sent[1]);
	expect(second).not.toBe(first);
	expect(await codeOf(getSubscriptionByToken({ db: test.db, token: first }))).toBe('updates_link_invalid');
	await confirmSubscription({ db: test.db, token: second });
	await subscribe('lea@example.org');
	expect(sent).toHaveLength(2);
	const [{ count }] = (await test.db.execute<{ count: number }>(sql`select count(*)::int as count from strategy_subscriptions`)).rows;
	expect(count).toBe(1);
});

it('a confirmation link works for seven days; after that the request is gone', async () => {
	const long = new Date(Date.now() - (CONFIRMATION_DAYS + 1) * 86_400_000);
	await subscribe('lea@example.org', { now: long });
	const token = tokenIn(sent[0]);
	expect(await codeOf(getSubscriptionByToken({ db: test.db, token }))).toBe('updates_link_invalid');
	expect(await codeOf(confirmSubscription({ db: test.db, token }))).toBe('updates_link_invalid');
	// The next request for the same strategy clears it out.
	await subscribe('ben@example.org');
	const rows = (await test.db.execute<{ email: string }>(sql`select email from strategy_subscriptions`)).rows;
	expect(rows.map((row) => row.email)).toEqual(['ben@example.org']);
});

it('unsubscribing deletes the address; the link stops working and later news skips it', async () => {
	const token = await subscribeConfirmed('lea@example.org');
	await subscribeConfirmed('ben@example.org');
	await unsubscribe({ db: test.db, token });
	expect(await codeOf(unsubscribe({ db: test.db, token }))).toBe('updates_link_invalid');
	expect(await codeOf(getSubscriptionByToken({ db: test.db, token }))).toBe('updates_link_invalid');
	await moveTo('participating');
	await dispatch();
	expect(sent.map((mail) => mail.to)).toEqual(['ben@example.org']);
	const rows = (await test.db.execute<{ email: string }>(sql`select email from strategy_subscriptions`)).rows;
	expect(rows.map((row) => row.email)).toEqual(['ben@example.org']);
});

it('the queue counts a notice until every subscriber has it, and each mail handed over is counted', async () => {
	await subscribeConfirmed('lea@example.org');
	await subscribeConfirmed('ben@example.org');
	await moveTo('participating');
	expect(await countNoticesToSend({ db: test.db })).toBe(1);
	let mailed = 0;
	await dispatchNotices({ db: test.db, mailer, onMailed: () => (mailed += 1) });
	expect(mailed).toBe(2);
	expect(await countNoticesToSend({ db: test.db })).toBe(0);
});

it('whoever confirms after the news hears the next news, not that one', async () => {
	await subscribeConfirmed('lea@example.org');
	await subscribe('ben@example.org');
	const late = tokenIn(sent.at(-1)!);
	sent.length = 0;
	await moveTo('participating');
	await new Promise((resolve) => setTimeout(resolve, 5));
	await confirmSubscription({ db: test.db, token: late });
	await dispatch();
	expect(sent.map((mail) => mail.to)).toEqual(['lea@example.org']);
});

it('when the mail server fails midway, the next run mails the rest and nobody twice', async () => {
	const addresses = ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org', 'e@example.org'];
	for (const address of addresses) await subscribeConfirmed(address);
	await moveTo('participating');
	let calls = 0;
	const failingThird: Mailer = {
		send: async (mail) => {
			calls += 1;
			if (calls === 3) throw new Error('SMTP gone');
			sent.push(mail);
		}
	};
	await expect(dispatch({ mailer: failingThird, batchSize: 2 })).rejects.toThrow('could not be sent');
	expect(sent).toHaveLength(2);
	const admin_ = await getUpdatesForAdmin({ db: test.db, actor: admin(), municipalityId: municipality('a-stadt'), strategyId: await strategyId() });
	expect(admin_.notices[0]).toMatchObject({ recipients: 2, completedAt: null });
	await dispatch({ batchSize: 2 });
	expect(sent.map((mail) => mail.to).sort()).toEqual(addresses);
	const after = await getUpdatesForAdmin({ db: test.db, actor: admin(), municipalityId: municipality('a-stadt'), strategyId: await strategyId() });
	expect(after.subscribers).toBe(5);
	expect(after.notices[0].recipients).toBe(5);
	expect(after.notices[0].completedAt).not.toBeNull();
});

async function strategyId() {
	const rows = await test.db.execute<{ id: string }>(sql`select id from strategies where municipality_id = ${municipality('a-stadt')}`);
	return rows.rows[0].id;
}

async function planEvent({ title, edition = true, startsAt = '2099-05-12T18:00', place = 'Stadtteilhaus Mitte' }: { title: string; edition?: boolean; startsAt?: string; place?: string }) {
	const input = eventSchema.parse({
		type: 'workshop',
		title,
		startsAt,
		endsAt: startsAt.replace(/T\d\d/, 'T21'),
		place,
		editionId: edition ? await editionId('a-stadt') : ''
	});
	return createEvent({ db: test.db, actor: actor('fac@a-stadt.example.org', 'facilitator'), municipalityId: municipality('a-stadt'), input });
}

it('a new event of the edition invites the subscribers, with its time in the municipality’s zone and a link to register', async () => {
	await subscribeConfirmed('lea@example.org');
	await subscribeConfirmed('ben@example.org', { locale: 'en' });
	const event = await planEvent({ title: 'Werkstatt Nachbarschaft' });
	await dispatch();
	expect(sent).toHaveLength(2);
	const german = sent.find((mail) => mail.to === 'lea@example.org')!;
	expect(german.subject).toBe('Leitbild Vielfalt, 2. Auflage: Einladung – Werkstatt Nachbarschaft');
	expect(german.text).toContain('Wann: Dienstag, 12. Mai 2099, 18:00–21:00 Uhr. Wo: Stadtteilhaus Mitte.');
	expect(german.text).toContain(`${origin}/a-stadt/events/${event.id}`);
	const english = sent.find((mail) => mail.to === 'ben@example.org')!;
	// The times in Berlin, in the reader's language (ICU may put thin and narrow spaces around the dash and before PM).
	expect(english.text).toMatch(/When: Tuesday, May 12, 2099, 6:00\s–\s9:00\sPM\. Where: Stadtteilhaus Mitte\./);
	expect(english.text).toContain(`${origin}/en/a-stadt/events/${event.id}`);
	const { notices } = await getUpdatesForAdmin({ db: test.db, actor: admin(), municipalityId: municipality('a-stadt'), strategyId: await strategyId() });
	expect(notices[0]).toMatchObject({ kind: 'event', eventTitle: 'Werkstatt Nachbarschaft', recipients: 2 });
});

it('an event outside any edition is no news for a strategy, and one cancelled before the mails went out is not sent', async () => {
	await subscribeConfirmed('lea@example.org');
	await planEvent({ title: 'Sommerfest', edition: false });
	const cancelled = await planEvent({ title: 'Abgesagte Werkstatt' });
	const input = eventSchema.parse({ type: 'workshop', title: 'Abgesagte Werkstatt', startsAt: '2099-05-12T18:00', endsAt: '2099-05-12T21:00', editionId: await editionId('a-stadt'), status: 'cancelled' });
	await updateEvent({ db: test.db, actor: admin(), municipalityId: municipality('a-stadt'), eventId: cancelled.id, input, mail: { mailer, origin } });
	await dispatch();
	expect(sent).toHaveLength(0);
});

it('an admin’s message reaches every confirmed subscriber, paragraph by paragraph, and the audit log keeps its words', async () => {
	await subscribeConfirmed('lea@example.org');
	await subscribeConfirmed('ben@example.org', { locale: 'en' });
	await subscribe('unbestaetigt@example.org');
	sent.length = 0;
	const input = strategyMessageSchema.parse({ subject: ' Abschlussfest am 3. Juli ', body: 'Liebe Mitwirkende,\n\nwir laden herzlich ein.\n  \nIhr Integrationsbüro' });
	await sendMessageToSubscribers({ db: test.db, actor: admin(), municipalityId: municipality('a-stadt'), strategySlug: 'vielfalt', input });
	await dispatch();
	expect(sent.map((mail) => mail.to).sort()).toEqual(['ben@example.org', 'lea@example.org']);
	const german = sent.find((mail) => mail.to === 'lea@example.org')!;
	expect(german.subject).toBe('Leitbild Vielfalt: Abschlussfest am 3. Juli');
	expect(german.html).toContain('<p>Liebe Mitwirkende,</p><p>wir laden herzlich ein.</p><p>Ihr Integrationsbüro</p>');
	expect(german.text).toContain(`${origin}/a-stadt/strategies/vielfalt\n`);
	const english = sent.find((mail) => mail.to === 'ben@example.org')!;
	expect(english.text).toContain('A message from A-Stadt to everyone following “Leitbild Vielfalt”:');
	const audit = await listAuditEvents({ db: test.db, actor: admin(), municipalityId: municipality('a-stadt') });
	expect(audit.events.find((event) => event.entityType === 'strategy_message')?.after).toMatchObject({ subject: 'Abschlussfest am 3. Juli' });
});

it('a message may come only from the municipality’s admins and only to its own strategies', async () => {
	await subscribeConfirmed('dora@example.org', { slug: 'b-dorf' });
	const input = strategyMessageSchema.parse({ subject: 'Hallo', body: 'Text' });
	for (const who of [actor('fac@a-stadt.example.org', 'facilitator'), actor('leser@example.org', 'participant'), null])
		expect(await codeOf(sendMessageToSubscribers({ db: test.db, actor: who, municipalityId: municipality('a-stadt'), strategySlug: 'vielfalt', input }))).toMatch(/forbidden|not_signed_in/);
	// A-Stadt's admin addressing B-Dorf's strategy: forbidden there, and unknown under A-Stadt's own scope.
	expect(await codeOf(sendMessageToSubscribers({ db: test.db, actor: admin(), municipalityId: municipality('b-dorf'), strategySlug: 'vielfalt', input }))).toBe('error_forbidden');
	await dispatch();
	expect(sent).toHaveLength(0);
	expect(strategyMessageSchema.safeParse({ subject: ' ', body: 'Text' }).success).toBe(false);
	expect(strategyMessageSchema.safeParse({ subject: 'x', body: 'y'.repeat(5001) }).success).toBe(false);
});

it('only the municipality’s admins see the subscriber count and the notices', async () => {
	const id = await strategyId();
	for (const who of [actor('fac@a-stadt.example.org', 'facilitator'), actor('leser@example.org', 'participant'), null])
		expect(await codeOf(getUpdatesForAdmin({ db: test.db, actor: who, municipalityId: municipality('a-stadt'), strategyId: id }))).toMatch(/forbidden|not_signed_in/);
});

it('the account’s data export lists its address’s subscriptions, and deleting the account deletes them', async () => {
	await subscribeConfirmed('leser@example.org');
	await subscribeConfirmed('leser@example.org', { slug: 'b-dorf' });
	const reader = actor('leser@example.org', 'participant');
	const exported = await exportAccountData({ db: test.db, actor: reader });
	expect(exported.contributions.strategyUpdates).toHaveLength(2);
	await deleteAccount({ db: test.db, actor: reader, password: 'passwort-leser' });
	const rows = (await test.db.execute<{ email: string }>(sql`select email from strategy_subscriptions`)).rows;
	expect(rows).toEqual([]);
});
