import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Mail, Mailer } from '../mail/mail.service';
import type { Actor } from '../people/actor';
import { getProfile, updateProfile } from '../people/account.service';
import { commentOnIdea, getIdeasEdition, listIdeaFields, submitIdea } from './idea.service';

let test: TestDatabase;
const sent: Mail[] = [];
const mailer: Mailer = { send: async (mail) => void sent.push(mail) };
const notify = { mailer, origin: 'https://leitbild.example.org', ideaPath: '/a-stadt/strategies/vielfalt/editions/1/ideas/x' };

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				strategies: [{ slug: 'vielfalt', title: 'Vielfalt', editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'participating', fields: [{ title: 'Sprache' }] }] }]
			}
		],
		accounts: [
			{ email: 'ada@example.org', name: 'Ada Beispiel', password: 'passwort-ada', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'bert@example.org', name: 'Bert Beispiel', password: 'passwort-bert', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'cem@example.org', name: 'Cem Beispiel', password: 'passwort-cem', roles: [{ municipality: 'a-stadt', role: 'participant' }] }
		]
	});
});
afterAll(() => test.drop());
beforeEach(() => void (sent.length = 0));

const municipalityId = () => test.ids.municipalityIds.get('a-stadt')!;
const actor = (email: string, name: string): Actor => ({
	userId: test.ids.accountIds.get(email)!,
	name,
	email,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: municipalityId(), municipalitySlug: 'a-stadt', municipalityName: 'A-Stadt', role: 'participant' }]
});
const ada = () => actor('ada@example.org', 'Ada Beispiel');
const bert = () => actor('bert@example.org', 'Bert Beispiel');
const cem = () => actor('cem@example.org', 'Cem Beispiel');

async function ideaOf(by: Actor, title: string) {
	const edition = await getIdeasEdition({ db: test.db, municipalityId: municipalityId(), strategySlug: 'vielfalt', number: 1 });
	const [field] = await listIdeaFields({ db: test.db, municipalityId: municipalityId(), editionId: edition.id });
	return submitIdea({ db: test.db, actor: by, municipalityId: municipalityId(), editionId: edition.id, input: { title, body: 'Warum es hilft.', fieldId: field.id, districtId: null } });
}

const comment = (by: Actor, ideaId: string, body: string, now = new Date(), parentId: string | null = null) =>
	commentOnIdea({ db: test.db, actor: by, municipalityId: municipalityId(), ideaId, input: { body, parentId }, notify, now });

it('the author hears of a comment by someone else, with the comment, a link to reply and the way to turn it off', async () => {
	const idea = await ideaOf(ada(), 'Sprachcafé im Stadtteil');
	await comment(bert(), idea.id, 'Das würde ich unterstützen.\n\nVielleicht auch samstags?');
	expect(sent).toHaveLength(1);
	const [mail] = sent;
	expect(mail.to).toBe('ada@example.org');
	expect(mail.subject).toBe('Neuer Kommentar zu Ihrer Idee „Sprachcafé im Stadtteil“');
	expect(mail.text).toContain('Bert Beispiel hat Ihre Idee „Sprachcafé im Stadtteil“ kommentiert:');
	expect(mail.html).toContain('<p>Das würde ich unterstützen.</p><p>Vielleicht auch samstags?</p>');
	expect(mail.text).toContain(`${notify.origin}${notify.ideaPath}`);
	expect(mail.text).toContain(`${notify.origin}/account`);
});

it('nobody is told of their own comment, and a lively thread mails its author at most once an hour', async () => {
	const idea = await ideaOf(ada(), 'Lesepaten an Schulen');
	await comment(ada(), idea.id, 'Ergänzung von mir.');
	expect(sent).toHaveLength(0);
	const start = new Date();
	await comment(bert(), idea.id, 'Erster Kommentar.', start);
	await comment(bert(), idea.id, 'Zweiter Kommentar.', new Date(start.getTime() + 30 * 60_000));
	expect(sent).toHaveLength(1);
	await comment(bert(), idea.id, 'Dritter Kommentar, später.', new Date(start.getTime() + 61 * 60_000));
	expect(sent).toHaveLength(2);
	expect(sent[1].text).toContain('Dritter Kommentar, später.');
});

it('an author who turned the mails off under “My account” gets none, and can turn them on again', async () => {
	const idea = await ideaOf(ada(), 'Mehrsprachige Aushänge');
	expect((await getProfile({ db: test.db, actor: ada() })).notifyOnComments).toBe(true);
	await updateProfile({ db: test.db, actor: ada(), input: { name: 'Ada Beispiel', languages: [], notifyOnComments: false } });
	expect((await getProfile({ db: test.db, actor: ada() })).notifyOnComments).toBe(false);
	await comment(bert(), idea.id, 'Gute Idee.');
	expect(sent).toHaveLength(0);
	// Opting out does not spend the idea's turn: the next comment after opting in again is mailed.
	const [{ notified }] = (await test.db.execute<{ notified: Date | null }>(sql`select comments_notified_at as notified from ideas where id = ${idea.id}`)).rows;
	expect(notified).toBeNull();
	await updateProfile({ db: test.db, actor: ada(), input: { name: 'Ada Beispiel', languages: [], notifyOnComments: true } });
	await comment(bert(), idea.id, 'Noch eine Anmerkung.');
	expect(sent).toHaveLength(1);
});

it('without a mail setup (comments written by scripts and imports) nothing is sent and nothing is marked', async () => {
	const idea = await ideaOf(ada(), 'Begegnungsfest');
	await commentOnIdea({ db: test.db, actor: bert(), municipalityId: municipalityId(), ideaId: idea.id, input: { body: 'Ohne Nachricht.', parentId: null } });
	expect(sent).toHaveLength(0);
	await comment(bert(), idea.id, 'Mit Nachricht.');
	expect(sent).toHaveLength(1);
});

it('whoever commented hears of a reply to it, once an hour; the idea’s author hears of it as a comment, and nobody twice', async () => {
	const idea = await ideaOf(ada(), 'Patenschaften für Neuankommende');
	const start = new Date();
	const bertsComment = await comment(bert(), idea.id, 'Ich wäre dabei.', start);
	expect(sent.map((mail) => mail.to)).toEqual(['ada@example.org']);
	sent.length = 0;
	// Within the hour: Ada's turn for the idea is spent, Bert's for his comment is not.
	await comment(cem(), idea.id, 'Ich auch!', new Date(start.getTime() + 10 * 60_000), bertsComment.id);
	expect(sent.map((mail) => mail.to)).toEqual(['bert@example.org']);
	expect(sent[0].subject).toBe('Antwort auf Ihren Kommentar zur Idee „Patenschaften für Neuankommende“');
	expect(sent[0].text).toContain('Cem Beispiel hat auf Ihren Kommentar zur Idee „Patenschaften für Neuankommende“ geantwortet:');
	sent.length = 0;
	await comment(ada(), idea.id, 'Danke euch beiden.', new Date(start.getTime() + 20 * 60_000), bertsComment.id);
	expect(sent).toHaveLength(0);
	// Bert answering in his own thread is told nothing; Ada hears of it once her hour has passed.
	await comment(bert(), idea.id, 'Gern.', new Date(start.getTime() + 70 * 60_000), bertsComment.id);
	expect(sent.map((mail) => mail.to)).toEqual(['ada@example.org']);
	expect(sent[0].subject).toBe('Neuer Kommentar zu Ihrer Idee „Patenschaften für Neuankommende“');
});
