import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideaFilterSchema, ideaSchema } from '$lib/validation/idea';
import { listAuditEvents } from '../audit/audit.service';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { parseForm } from '../http/forms';
import { createMailer, listOutbox, readOutboxMessage } from '../mail/mail.service';
import type { Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import * as m from '$lib/paraglide/messages';
import { consents } from '../people/account.schema';
import { organisationMemberships, organisations, people } from '../people/organisation.schema';
import { events } from './event.schema';
import { ideas } from './idea.schema';
import { RANKED_MATCHES } from '../shared/text-matches.queries';
import {
	commentOnIdea,
	editIdea,
	getIdea,
	getIdeasEdition,
	listIdeaFields,
	listIdeas,
	IDEAS_COUNT_CAP,
	IDEAS_PAGE_SIZE,
	listOpenReports,
	moderateContent,
	reportContent,
	setIdeaStatus,
	submitIdea,
	supportIdea,
	transcribeIdea
} from './idea.service';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;
let outboxDir: string;

const edition = (number: number, stage: 'participating' | 'implementing', fields: string[]) => ({
	number,
	periodStart: 2020 + number,
	periodEnd: 2025 + number,
	stage,
	fields: fields.map((title) => ({ title }))
});

beforeAll(async () => {
	outboxDir = await mkdtemp(path.join(tmpdir(), 'ideas-outbox-'));
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				districts: ['Nord', 'Süd'],
				strategies: [{ slug: 'vielfalt', title: 'Vielfalt', editions: [edition(1, 'implementing', ['Arbeit']), edition(2, 'participating', ['Sprache', 'Wohnen'])] }]
			},
			{
				slug: 'b-dorf',
				name: 'B-Dorf',
				strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [edition(1, 'participating', ['Sprache'])] }]
			}
		],
		accounts: [
			{ email: 'ada@example.org', name: 'Ada Beispiel', password: 'passwort-ada', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'bert@example.org', name: 'Bert Beispiel', password: 'passwort-bert', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'mod@a-stadt.example.org', name: 'Mona Moderation', password: 'passwort-mod', roles: [{ municipality: 'a-stadt', role: 'moderator' }] },
			{ email: 'fac@a-stadt.example.org', name: 'Fritz Moderation', password: 'passwort-fac', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'fac@b-dorf.example.org', name: 'Berta Dorf', password: 'passwort-fab', roles: [{ municipality: 'b-dorf', role: 'facilitator' }] }
		]
	});
});
afterAll(async () => {
	await test.drop();
	await rm(outboxDir, { recursive: true, force: true });
});

const municipality = (slug: string) => test.ids.municipalityIds.get(slug)!;

function actor(email: string, role: Role, municipalitySlug: string): Actor {
	return {
		userId: test.ids.accountIds.get(email)!,
		name: email,
		email,
		isPlatformAdmin: false,
		memberships: [{ municipalityId: municipality(municipalitySlug), municipalitySlug, municipalityName: municipalitySlug, role }]
	};
}
const ada = () => actor('ada@example.org', 'participant', 'a-stadt');
const bert = () => actor('bert@example.org', 'participant', 'a-stadt');
const moderator = () => actor('mod@a-stadt.example.org', 'moderator', 'a-stadt');
const facilitator = () => actor('fac@a-stadt.example.org', 'facilitator', 'a-stadt');
const facilitatorOfB = () => actor('fac@b-dorf.example.org', 'facilitator', 'b-dorf');

async function editionScope(slug: string, number: number) {
	const municipalityId = municipality(slug);
	const found = await getIdeasEdition({ db: test.db, municipalityId, strategySlug: 'vielfalt', number });
	const fields = await listIdeaFields({ db: test.db, municipalityId, editionId: found.id });
	return { municipalityId, editionId: found.id, fields };
}

async function submit(by: Actor, title: string, body = 'Eine kurze Begründung.') {
	const { municipalityId, editionId, fields } = await editionScope('a-stadt', 2);
	return submitIdea({ db: test.db, actor: by, municipalityId, editionId, input: { title, body, fieldId: fields[0].id, districtId: null } });
}

const list = async (slug: string, number: number, raw: Record<string, unknown> = {}) => {
	const { municipalityId, editionId } = await editionScope(slug, number);
	return listIdeas({ db: test.db, municipalityId, editionId, filter: ideaFilterSchema.parse(raw) });
};

describe('the language an idea or comment was written in', () => {
	it('is the language of the page it was written on, unless its script says otherwise; an edit records it again', async () => {
		const { municipalityId, editionId, fields } = await editionScope('a-stadt', 2);
		const input = (title: string, body: string) => ({ title, body, fieldId: fields[0].id, districtId: null });
		const turkish = await submitIdea({ db: test.db, actor: ada(), municipalityId, editionId, input: input('Akşam dil kursları', 'Çalışan anneler için'), writtenIn: 'tr' });
		expect(turkish.language).toBe('tr');
		const arabic = await submitIdea({ db: test.db, actor: ada(), municipalityId, editionId, input: input('دروس لغة في المساء', 'للأمهات العاملات'), writtenIn: 'de' });
		expect(arabic.language).toBe('ar');
		expect((await getIdea({ db: test.db, municipalityId, ideaId: turkish.id, actor: null })).idea.language).toBe('tr');
		const edited = await editIdea({ db: test.db, actor: ada(), municipalityId, ideaId: turkish.id, input: input('Evening classes', 'For working mothers'), writtenIn: 'en' });
		expect(edited.language).toBe('en');
		const comment = await commentOnIdea({ db: test.db, actor: bert(), municipalityId, ideaId: turkish.id, input: { body: 'Good idea, also on Saturdays.', parentId: null }, writtenIn: 'en' });
		expect(comment.language).toBe('en');
		expect((await getIdea({ db: test.db, municipalityId, ideaId: turkish.id, actor: null })).comments.find((entry) => entry.id === comment.id)?.language).toBe('en');
	});
});

describe('submitting ideas', () => {
	it('a signed-in person submits an idea while the edition is participating', async () => {
		const idea = await submit(ada(), 'Mehr Sprachcafés in den Stadtteilen');
		const { ideas } = await list('a-stadt', 2);
		expect(ideas.map((row) => row.id)).toContain(idea.id);
		expect(idea.status).toBe('new');
	});

	it('an anonymous visitor cannot submit an idea', async () => {
		const { municipalityId, editionId, fields } = await editionScope('a-stadt', 2);
		expect(
			await codeOf(submitIdea({ db: test.db, actor: null, municipalityId, editionId, input: { title: 'x', body: 'y', fieldId: fields[0].id, districtId: null } }))
		).toBe('error_not_signed_in');
	});

	it('ideas are refused outside the participating stage and nothing is written', async () => {
		const { municipalityId, editionId, fields } = await editionScope('a-stadt', 1);
		const before = (await list('a-stadt', 1)).total;
		expect(
			await codeOf(submitIdea({ db: test.db, actor: ada(), municipalityId, editionId, input: { title: 'Zu spät', body: 'y', fieldId: fields[0].id, districtId: null } }))
		).toBe('ideas_error_closed');
		expect((await list('a-stadt', 1)).total).toBe(before);
	});

	it('a field of action of another edition is refused', async () => {
		const { municipalityId, editionId } = await editionScope('a-stadt', 2);
		const other = await editionScope('a-stadt', 1);
		expect(
			await codeOf(submitIdea({ db: test.db, actor: ada(), municipalityId, editionId, input: { title: 'x', body: 'y', fieldId: other.fields[0].id, districtId: null } }))
		).toBe('ideas_error_field_unknown');
	});

	it('oversized text is answered with 400 and a field error, and nothing is written', async () => {
		const { fields } = await editionScope('a-stadt', 2);
		const before = (await list('a-stadt', 2)).total;
		const form = new FormData();
		form.set('title', 'Zu lang');
		form.set('body', 'x'.repeat(5001));
		form.set('fieldId', fields[0].id);
		const parsed = await parseForm(new Request('http://localhost/', { method: 'POST', body: form }), ideaSchema);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.status).toBe(400);
		expect(Object.keys(parsed.failure.data.errors)).toEqual(['body']);
		expect((await list('a-stadt', 2)).total).toBe(before);
	});

	it('a participant can edit their own new idea but never another’s', async () => {
		const idea = await submit(ada(), 'Patenschaften für Neuankommende');
		const { municipalityId, fields } = await editionScope('a-stadt', 2);
		const input = { title: 'Übernommen!', body: 'Fremd bearbeitet', fieldId: fields[0].id, districtId: null };
		expect(await codeOf(editIdea({ db: test.db, actor: bert(), municipalityId, ideaId: idea.id, input }))).toBe('ideas_error_not_editable');
		expect((await getIdea({ db: test.db, municipalityId, ideaId: idea.id, actor: null })).idea.title).toBe('Patenschaften für Neuankommende');
		await editIdea({ db: test.db, actor: ada(), municipalityId, ideaId: idea.id, input: { ...input, title: 'Patenschaften für neu Zugezogene' } });
		expect((await getIdea({ db: test.db, municipalityId, ideaId: idea.id, actor: null })).idea.title).toBe('Patenschaften für neu Zugezogene');
	});

	it('a transcribed idea names where it was gathered, not a person', async () => {
		const { municipalityId, editionId, fields } = await editionScope('a-stadt', 2);
		const input = { title: 'Beratung in mehreren Sprachen', body: 'Aus dem Workshop.', fieldId: fields[1].id, districtId: null, sourceLabel: 'Workshop Nord, 12.10.2023' };
		expect(await codeOf(transcribeIdea({ db: test.db, actor: ada(), municipalityId, editionId, input }))).toBe('error_forbidden');
		const idea = await transcribeIdea({ db: test.db, actor: facilitator(), municipalityId, editionId, input });
		expect(idea.authorUserId).toBeNull();
		expect((await list('a-stadt', 2, { source: 'transcribed' })).ideas.map((row) => row.id)).toEqual([idea.id]);
	});
});

describe('searching ideas', () => {
	it('finds "Sprachkurse" by its stem and despite a typo', async () => {
		const idea = await submit(bert(), 'Sprachkurse am Abend', 'Viele arbeiten tagsüber und brauchen Kurse nach Feierabend.');
		expect((await list('a-stadt', 2, { q: 'Sprachkurs' })).ideas.map((row) => row.id)).toContain(idea.id);
		expect((await list('a-stadt', 2, { q: 'Sprahkurs' })).ideas.map((row) => row.id)).toContain(idea.id);
		expect((await list('a-stadt', 2, { q: 'Radwege' })).ideas.map((row) => row.id)).not.toContain(idea.id);
	});
});

describe('supports and comments', () => {
	it('no double support: fifty concurrent clicks of one person count once', async () => {
		const idea = await submit(ada(), 'Mehrsprachige Elternabende');
		const { municipalityId } = await editionScope('a-stadt', 2);
		const results = await Promise.all(Array.from({ length: 50 }, () => supportIdea({ db: test.db, actor: bert(), municipalityId, ideaId: idea.id })));
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await supportIdea({ db: test.db, actor: bert(), municipalityId, ideaId: idea.id })).toBe(false);
		const detail = await getIdea({ db: test.db, municipalityId, ideaId: idea.id, actor: bert() });
		expect(detail.idea.supportCount).toBe(1);
		expect(detail.supported).toBe(true);
	});

	it('replies hang under top-level comments only', async () => {
		const idea = await submit(ada(), 'Begegnungsfest im Park');
		const { municipalityId } = await editionScope('a-stadt', 2);
		const top = await commentOnIdea({ db: test.db, actor: bert(), municipalityId, ideaId: idea.id, input: { body: 'Gute Idee!', parentId: null } });
		const reply = await commentOnIdea({ db: test.db, actor: ada(), municipalityId, ideaId: idea.id, input: { body: 'Danke!', parentId: top.id } });
		expect(await codeOf(commentOnIdea({ db: test.db, actor: bert(), municipalityId, ideaId: idea.id, input: { body: 'Zu tief', parentId: reply.id } }))).toBe(
			'ideas_error_reply_too_deep'
		);
		const detail = await getIdea({ db: test.db, municipalityId, ideaId: idea.id, actor: null });
		expect(detail.comments).toHaveLength(1);
		expect(detail.comments[0].replies.map((r) => r.body)).toEqual(['Danke!']);
	});
});

describe('moderation', () => {
	it('hidden content is not shown: only the moderators’ reason remains, and the change is audited', async () => {
		const idea = await submit(ada(), 'Treffpunkt am Bahnhof');
		const { municipalityId } = await editionScope('a-stadt', 2);
		const comment = await commentOnIdea({ db: test.db, actor: bert(), municipalityId, ideaId: idea.id, input: { body: 'Beleidigender Text', parentId: null } });
		await reportContent({ db: test.db, actor: ada(), municipalityId, ideaId: idea.id, input: { reason: 'beleidigend', commentId: comment.id } });
		expect((await listOpenReports({ db: test.db, actor: moderator(), municipalityId })).map((r) => r.commentId)).toContain(comment.id);
		expect(
			await codeOf(moderateContent({ db: test.db, actor: bert(), municipalityId, ideaId: idea.id, commentId: comment.id, hiddenReason: 'nein' }))
		).toBe('error_forbidden');
		await moderateContent({ db: test.db, actor: moderator(), municipalityId, ideaId: idea.id, commentId: comment.id, hiddenReason: 'Beleidigung' });
		const detail = await getIdea({ db: test.db, municipalityId, ideaId: idea.id, actor: null });
		expect(detail.comments[0]).toMatchObject({ body: '', hiddenReason: 'Beleidigung' });
		expect(JSON.stringify(detail)).not.toContain('Beleidigender Text');
		expect((await listOpenReports({ db: test.db, actor: moderator(), municipalityId })).map((r) => r.commentId)).not.toContain(comment.id);
		const admin: Actor = { ...moderator(), isPlatformAdmin: true };
		const { events } = await listAuditEvents({ db: test.db, actor: admin, municipalityId });
		expect(events.some((event) => event.entityType === 'idea_comment' && event.entityId === comment.id)).toBe(true);

		await moderateContent({ db: test.db, actor: moderator(), municipalityId, ideaId: idea.id, commentId: null, hiddenReason: 'Doppelt' });
		const listed = (await list('a-stadt', 2)).ideas.find((row) => row.id === idea.id)!;
		expect(listed).toMatchObject({ title: '', body: '', hiddenReason: 'Doppelt' });
	});

	it('a status change mails the author, with the public explanation', async () => {
		const idea = await submit(ada(), 'Willkommensmappe digital');
		const { municipalityId } = await editionScope('a-stadt', 2);
		const mailer = createMailer({ outboxDir, from: 'Leitbild <noreply@example.org>' });
		const change = (by: Actor) =>
			setIdeaStatus({
				db: test.db,
				actor: by,
				municipalityId,
				ideaId: idea.id,
				input: { status: 'adopted', explanation: 'Wird als Maßnahme 2.3 umgesetzt.', mergedIntoId: null },
				mailer,
				ideaPath: '/a-stadt/ideas',
				origin: 'http://localhost',
				locale: 'de'
			});
		expect(await codeOf(change(moderator()))).toBe('error_forbidden');
		expect(await listOutbox(outboxDir)).toHaveLength(0);
		await change(facilitator());
		const [mail] = await listOutbox(outboxDir);
		expect(mail.to).toBe('ada@example.org');
		expect(mail.subject).toContain('Willkommensmappe digital');
		const raw = await readOutboxMessage(outboxDir, mail.file);
		expect(raw).toContain('text/html');
		expect(raw).toContain('Ma=C3=9Fnahme 2.3');
	});

	it('an idea can only be merged into another idea of the same edition', async () => {
		const idea = await submit(ada(), 'Sprachpaten');
		const { municipalityId } = await editionScope('a-stadt', 2);
		const mailer = createMailer({ outboxDir, from: 'x@example.org' });
		const merge = (mergedIntoId: string) =>
			setIdeaStatus({ db: test.db, actor: facilitator(), municipalityId, ideaId: idea.id, input: { status: 'merged', explanation: '', mergedIntoId }, mailer, ideaPath: '/x', origin: 'http://localhost', locale: 'en' });
		expect(await codeOf(merge(idea.id))).toBe('ideas_error_merge_target');
		const target = await submit(bert(), 'Sprachpatenschaften');
		await merge(target.id);
		expect((await getIdea({ db: test.db, municipalityId, ideaId: idea.id, actor: null })).mergedInto?.title).toBe('Sprachpatenschaften');
	});
});

describe('who an idea comes from', () => {
	it('the status mail is written in the language the author chose, not the facilitator’s', async () => {
		await test.db.insert(consents).values({ userId: ada().userId, noticeVersion: '1', locale: 'en' });
		const idea = await submit(ada(), 'Welcome walks');
		const { municipalityId } = await editionScope('a-stadt', 2);
		const mailOutbox = await mkdtemp(path.join(tmpdir(), 'ideas-outbox-en-'));
		const mailer = createMailer({ outboxDir: mailOutbox, from: 'Leitbild <noreply@example.org>' });
		await setIdeaStatus({
			db: test.db,
			actor: facilitator(),
			municipalityId,
			ideaId: idea.id,
			input: { status: 'considered', explanation: '', mergedIntoId: null },
			mailer,
			ideaPath: `/a-stadt/strategies/vielfalt/editions/2/ideas/${idea.id}`,
			origin: 'http://localhost',
			locale: 'de'
		});
		const [mail] = await listOutbox(mailOutbox);
		// Quoted-printable wraps long lines with a trailing "=".
		const raw = ((await readOutboxMessage(mailOutbox, mail.file)) ?? '').replace(/=\r?\n/g, '');
		expect(raw).toContain(`http://localhost/en/a-stadt/strategies/vielfalt/editions/2/ideas/${idea.id}`);
		expect(mail.subject).toBe(m.ideas_mail_status_subject({ title: 'Welcome walks' }, { locale: 'en' }));
		await rm(mailOutbox, { recursive: true, force: true });
	});

	it('an idea is submitted on behalf of an organisation only by one of its members', async () => {
		const { municipalityId, editionId, fields } = await editionScope('a-stadt', 2);
		const [verein] = await test.db.insert(organisations).values({ municipalityId, slug: 'kulturverein', name: 'Kulturverein', sector: 'association' }).returning();
		const [person] = await test.db.insert(people).values({ municipalityId, name: 'Ada Beispiel', userId: ada().userId }).returning();
		await test.db.insert(organisationMemberships).values({ municipalityId, organisationId: verein.id, personId: person.id });
		const input = (title: string) => ({ title, body: 'Begründung', fieldId: fields[0].id, districtId: null, organisationId: verein.id });

		const idea = await submitIdea({ db: test.db, actor: ada(), municipalityId, editionId, input: input('Im Namen des Vereins') });
		expect(idea.organisationId).toBe(verein.id);
		expect(await codeOf(submitIdea({ db: test.db, actor: bert(), municipalityId, editionId, input: input('Fremder Name') }))).toBe('ideas_error_organisation_unknown');
		expect((await list('a-stadt', 2, { q: 'Fremder Name' })).ideas).toHaveLength(0);
		expect(await codeOf(editIdea({ db: test.db, actor: bert(), municipalityId, ideaId: (await submit(bert(), 'Bert allein')).id, input: input('Bert für den Verein') }))).toBe(
			'ideas_error_organisation_unknown'
		);
	});

	it('a transcribed idea names an event or working group of its own edition only', async () => {
		const { municipalityId, editionId, fields } = await editionScope('a-stadt', 2);
		const other = await editionScope('a-stadt', 1);
		const at = (editionOf: string) => ({ municipalityId, editionId: editionOf, type: 'workshop' as const, title: 'Werkstatt', startsAt: new Date('2026-03-01T17:00:00Z'), endsAt: new Date('2026-03-01T19:00:00Z') });
		const [workshop] = await test.db.insert(events).values(at(editionId)).returning();
		const [oldWorkshop] = await test.db.insert(events).values(at(other.editionId)).returning();
		const input = (eventId: string) => ({ title: 'Von der Pinnwand', body: 'Abgeschrieben', fieldId: fields[0].id, districtId: null, sourceLabel: 'Werkstatt Nord', eventId, workingGroupId: null });

		const idea = await transcribeIdea({ db: test.db, actor: facilitator(), municipalityId, editionId, input: input(workshop.id) });
		expect(idea).toMatchObject({ eventId: workshop.id, authorUserId: null });
		expect(await codeOf(transcribeIdea({ db: test.db, actor: facilitator(), municipalityId, editionId, input: input(oldWorkshop.id) }))).toBe('ideas_error_gathering_unknown');
	});
});

describe('tenant isolation', () => {
	it('one municipality never sees nor moderates another’s ideas', async () => {
		const idea = await submit(ada(), 'Nur für A-Stadt');
		expect((await list('b-dorf', 1)).ideas).toHaveLength(0);
		expect(await codeOf(getIdea({ db: test.db, municipalityId: municipality('b-dorf'), ideaId: idea.id, actor: null }))).toBe('ideas_error_not_found');
		expect(
			await codeOf(moderateContent({ db: test.db, actor: facilitatorOfB(), municipalityId: municipality('a-stadt'), ideaId: idea.id, commentId: null, hiddenReason: 'x' }))
		).toBe('error_forbidden');
		expect(
			await codeOf(moderateContent({ db: test.db, actor: facilitatorOfB(), municipalityId: municipality('b-dorf'), ideaId: idea.id, commentId: null, hiddenReason: 'x' }))
		).toBe('ideas_error_not_found');
	});
});

describe('a very long list', () => {
	it('says "more than" past the count cap and offers the next page exactly while there is one', async () => {
		const { municipalityId, editionId, fields } = await editionScope('b-dorf', 1);
		const count = IDEAS_COUNT_CAP + IDEAS_PAGE_SIZE + 3;
		await test.db.insert(ideas).values(
			Array.from({ length: count }, (_, i) => ({ municipalityId, editionId, fieldId: fields[0].id, sourceLabel: 'Werkstatt', title: `Idee ${i}`, body: 'Aus der Werkstatt.' }))
		);
		const first = await list('b-dorf', 1);
		expect(first).toMatchObject({ total: IDEAS_COUNT_CAP, totalIsCapped: true, pageCount: null, hasNextPage: true });
		expect(first.ideas).toHaveLength(IDEAS_PAGE_SIZE);
		const lastFull = Math.floor(count / IDEAS_PAGE_SIZE);
		expect(await list('b-dorf', 1, { page: lastFull })).toMatchObject({ hasNextPage: true });
		const last = await list('b-dorf', 1, { page: lastFull + 1 });
		expect(last).toMatchObject({ hasNextPage: false });
		expect(last.ideas).toHaveLength(count % IDEAS_PAGE_SIZE);
		// Filtered below the cap, the list counts exactly again.
		expect(await list('b-dorf', 1, { status: 'adopted' })).toMatchObject({ total: 0, totalIsCapped: false, pageCount: 1, hasNextPage: false });
	});

	it('searched, ranks up to a thousand matches and shows more than that newest first, page by page', async () => {
		const numbers = (found: { ideas: { title: string }[] }) => found.ideas.map((row) => Number(row.title.replace(/\D+/, '')));
		const count = IDEAS_COUNT_CAP + IDEAS_PAGE_SIZE + 3;
		const first = await list('b-dorf', 1, { q: 'Werkstatt' });
		expect(count).toBeGreaterThan(RANKED_MATCHES);
		expect(first).toMatchObject({ order: 'newest', total: IDEAS_COUNT_CAP, totalIsCapped: true, pageCount: null, hasNextPage: true });
		// Inserted in one statement, they share their time; the id decides among them, as in the list without words.
		expect(numbers(first)).toEqual(numbers(await list('b-dorf', 1)));
		// Past the matches read for ranking, the pages go on along the list.
		const seventh = await list('b-dorf', 1, { q: 'Werkstatt', page: 7 });
		expect(numbers(seventh)).toEqual(numbers(await list('b-dorf', 1, { page: 7 })));
		expect(seventh).toMatchObject({ order: 'newest', hasNextPage: true });
		// A word in a dozen of them: ranked, the one with it in its title first.
		const { municipalityId, editionId, fields } = await editionScope('b-dorf', 1);
		await test.db.insert(ideas).values([
			...Array.from({ length: 12 }, (_, i) => ({ municipalityId, editionId, fieldId: fields[0].id, sourceLabel: 'Werkstatt', title: `Notiz ${i}`, body: 'Ein Nachtcafé im Viertel.' })),
			{ municipalityId, editionId, fieldId: fields[0].id, sourceLabel: 'Werkstatt', title: 'Nachtcafé', body: 'Schon lange gewünscht.', createdAt: new Date('2020-01-01') },
			{ municipalityId, editionId, fieldId: fields[0].id, sourceLabel: 'Werkstatt', title: 'Nachtcafé verborgen', body: 'Nachtcafé', hiddenReason: 'Beleidigung' }
		]);
		const ranked = await list('b-dorf', 1, { q: 'Nachtcafé' });
		expect(ranked).toMatchObject({ order: 'rank', total: 13, totalIsCapped: false, pageCount: 1, hasNextPage: false });
		expect(ranked.ideas[0].title).toBe('Nachtcafé');
		expect(ranked.ideas.map((row) => row.title)).not.toContain('Nachtcafé verborgen');
	});
});
