import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentCommentAnswerSchema, documentCommentSchema, DOCUMENT_COMMENT_MAX } from '$lib/validation/document-comment';
import { publishVersionSchema } from '$lib/validation/document-version';
import { listAuditEvents } from '../audit/audit.service';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import {
	answerComment,
	commentOnDocument,
	countVersionComments,
	deleteOwnComment,
	editOwnComment,
	getCommentList,
	getEditionCommentsForStaff,
	getVersionComments,
	setCommentHidden
} from './document-comment.service';
import { getDocumentForDrafting, getPublishedDocument, publishVersion } from './document-version.service';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				strategies: [
					{
						slug: 'vielfalt',
						title: 'Vielfalt',
						editions: [
							{
								number: 1,
								periodStart: 2020,
								periodEnd: 2025,
								stage: 'drafting',
								fields: [
									{ title: 'Arbeit', goals: [{ title: 'Anerkennung beschleunigen', measures: [{ title: 'Lotsendienst' }] }, { title: 'Gründung' }] },
									{ title: 'Teilhabe', goals: [{ title: 'Gremien öffnen' }] }
								]
							},
							{ number: 2, periodStart: 2026, periodEnd: 2031, stage: 'participating', fields: [{ title: 'Sprache', goals: [{ title: 'Kurse' }] }] },
							{ number: 3, periodStart: 2032, periodEnd: 2037, stage: 'drafting', fields: [{ title: 'Wohnen', goals: [{ title: 'Mieten' }] }] }
						]
					}
				]
			},
			{
				slug: 'b-dorf',
				name: 'B-Dorf',
				strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [{ number: 1, periodStart: 2021, periodEnd: 2026, stage: 'drafting', fields: [{ title: 'Arbeit', goals: [{ title: 'Ausbildung' }] }] }] }]
			}
		],
		accounts: [
			{ email: 'ada@example.org', name: 'Ada Beispiel', password: 'passwort-ada', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'bert@example.org', name: 'Bert Beispiel', password: 'passwort-bert', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'neu@example.org', name: 'Nele Neu', password: 'passwort-neu', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'mod@a-stadt.example.org', name: 'Mona Moderation', password: 'passwort-mod', roles: [{ municipality: 'a-stadt', role: 'moderator' }] },
			{ email: 'fac@a-stadt.example.org', name: 'Fritz Moderation', password: 'passwort-fac', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'fac@b-dorf.example.org', name: 'Berta Dorf', password: 'passwort-fab', roles: [{ municipality: 'b-dorf', role: 'facilitator' }] }
		]
	});
	// An account whose address was never confirmed (sign-in refuses it; the service must too).
	await test.db.execute(sql`update auth_users set email_verified = false where email = 'neu@example.org'`);
	for (const [slug, number] of [
		['a-stadt', 1],
		['a-stadt', 2],
		['a-stadt', 3],
		['b-dorf', 1]
	] as const) {
		await publish(slug, number, 'Entwurf 1');
	}
});
afterAll(() => test.drop());

const municipality = (slug: string) => test.ids.municipalityIds.get(slug)!;

function actor(email: string, role: Role, slug: string): Actor {
	return {
		userId: test.ids.accountIds.get(email)!,
		name: email,
		email,
		isPlatformAdmin: false,
		memberships: [{ municipalityId: municipality(slug), municipalitySlug: slug, municipalityName: slug, role }]
	};
}
const ada = () => actor('ada@example.org', 'participant', 'a-stadt');
const bert = () => actor('bert@example.org', 'participant', 'a-stadt');
const nele = () => actor('neu@example.org', 'participant', 'a-stadt');
const moderator = () => actor('mod@a-stadt.example.org', 'moderator', 'a-stadt');
const facilitator = () => actor('fac@a-stadt.example.org', 'facilitator', 'a-stadt');
const facilitatorOfB = () => actor('fac@b-dorf.example.org', 'facilitator', 'b-dorf');

async function editionOf(slug: string, number: number) {
	const staff = slug === 'a-stadt' ? facilitator() : facilitatorOfB();
	const { edition } = await getDocumentForDrafting({ db: test.db, actor: staff, municipalityId: municipality(slug), strategySlug: 'vielfalt', number });
	return edition;
}

async function publish(slug: string, number: number, title: string) {
	const edition = await editionOf(slug, number);
	const staff = slug === 'a-stadt' ? facilitator() : facilitatorOfB();
	return publishVersion({ db: test.db, actor: staff, municipalityId: municipality(slug), editionId: edition.id, input: publishVersionSchema.parse({ title, changeSummary: '' }) });
}

async function latestOf(slug: string, number: number) {
	const document = await getPublishedDocument({ db: test.db, municipalityId: municipality(slug), strategySlug: 'vielfalt', number, versionNumber: null });
	return { edition: document.edition, version: document.version! };
}

async function goalAnchor(slug = 'a-stadt', number = 1) {
	return (await latestOf(slug, number)).version.fields[0].goals[0].anchor;
}

async function comment(by: Actor | null, body: string, options: { anchor?: string; number?: number; versionNumber?: number; slug?: string; now?: Date; writtenIn?: string } = {}) {
	const slug = options.slug ?? 'a-stadt';
	const number = options.number ?? 1;
	const { edition, version } = await latestOf(slug, number);
	return commentOnDocument({
		db: test.db,
		actor: by,
		municipalityId: municipality(slug),
		editionId: edition.id,
		versionNumber: options.versionNumber ?? version.number,
		input: documentCommentSchema.parse({ anchor: options.anchor ?? (await goalAnchor(slug, number)), body }),
		writtenIn: options.writtenIn,
		now: options.now
	});
}

async function commentCount(slug = 'a-stadt') {
	const result = await test.db.execute(sql`select count(*)::int as count from document_comments where municipality_id = ${municipality(slug)}`);
	return (result.rows[0] as { count: number }).count;
}

async function visibleOnLatest(by: Actor | null = null, number = 1) {
	const { edition, version } = await latestOf('a-stadt', number);
	return getVersionComments({ db: test.db, actor: by, municipalityId: municipality('a-stadt'), edition, version });
}

async function auditTypes() {
	const { events } = await listAuditEvents({ db: test.db, actor: actor('fac@a-stadt.example.org', 'admin', 'a-stadt'), municipalityId: municipality('a-stadt') });
	return events.map((event) => event.entityType);
}

describe('commenting on a version', () => {
	it('a signed-in participant comments on a goal of the current version; the count shows beside it', async () => {
		const anchor = await goalAnchor();
		const created = await comment(ada(), 'Bitte auch Pflegeberufe nennen.\nDort ist der Bedarf am größten.');
		expect(created.anchor).toBe(anchor);
		expect(created.status).toBe('open');
		const { byAnchor, open, maySubmit } = await visibleOnLatest(ada());
		expect(open && maySubmit).toBe(true);
		expect(byAnchor[anchor].map((entry) => [entry.authorName, entry.body])).toEqual([['Ada Beispiel', 'Bitte auch Pflegeberufe nennen.\nDort ist der Bedarf am größten.']]);
		const { version } = await latestOf('a-stadt', 1);
		expect(await countVersionComments({ db: test.db, municipalityId: municipality('a-stadt'), versionId: version.id })).toEqual({ [anchor]: 1 });
	});

	it('paragraphs, fields and measures can be commented on as well as goals', async () => {
		const { version } = await latestOf('a-stadt', 1);
		const field = version.fields[0];
		await comment(bert(), 'Das Feld ist gut gewählt.', { anchor: field.anchor });
		await comment(bert(), 'Wer trägt den Lotsendienst?', { anchor: field.goals[0].measures[0].anchor });
		const { byAnchor } = await visibleOnLatest();
		expect(byAnchor[field.anchor]).toHaveLength(1);
		expect(byAnchor[field.goals[0].measures[0].anchor]).toHaveLength(1);
	});

	it('an empty or too long comment is refused at the boundary with a localisable reason', () => {
		const anchor = 'goal-00000000-0000-0000-0000-000000000000';
		expect(documentCommentSchema.safeParse({ anchor, body: '   ' }).error?.issues[0].message).toBe('validation_required');
		expect(documentCommentSchema.safeParse({ anchor, body: 'x'.repeat(DOCUMENT_COMMENT_MAX + 1) }).error?.issues[0].message).toBe('validation_too_long');
		expect(documentCommentSchema.safeParse({ anchor: '<script>', body: 'Hallo' }).success).toBe(false);
	});

	it('an anchor that is not in the version is refused and nothing is written', async () => {
		const before = await commentCount();
		expect(await codeOf(comment(ada(), 'Wo ist das?', { anchor: 'goal-00000000-0000-0000-0000-000000000000' }))).toBe('document_comments_error_anchor_unknown');
		expect(await commentCount()).toBe(before);
	});

	it('anonymous visitors and unconfirmed accounts cannot comment', async () => {
		const before = await commentCount();
		expect(await codeOf(comment(null, 'Ohne Anmeldung'))).toBe('error_not_signed_in');
		expect(await codeOf(comment(nele(), 'Ohne Bestätigung'))).toBe('document_comments_error_unverified');
		expect(await commentCount()).toBe(before);
	});

	it('comments are taken only while the edition is drafting', async () => {
		const before = await commentCount();
		expect(await codeOf(comment(ada(), 'Noch in der Beteiligung', { number: 2 }))).toBe('document_comments_error_closed');
		expect(await commentCount()).toBe(before);
	});

	it('a second identical comment within a minute is refused; a minute later it is taken', async () => {
		const now = new Date();
		await comment(bert(), 'Doppelt hält besser?', { now });
		const before = await commentCount();
		expect(await codeOf(comment(bert(), 'Doppelt hält besser?', { now: new Date(now.getTime() + 30_000) }))).toBe('document_comments_error_duplicate');
		expect(await commentCount()).toBe(before);
		await comment(bert(), 'Doppelt hält besser?', { now: new Date(now.getTime() + 61_000) });
		expect(await commentCount()).toBe(before + 1);
	});
});

describe('versions and stages', () => {
	it('only the current version takes comments; the older one keeps its own, read-only', async () => {
		const first = await latestOf('a-stadt', 3);
		const onFirst = await comment(ada(), 'Zu Entwurf 1', { number: 3 });
		await publish('a-stadt', 3, 'Entwurf 2');
		const before = await commentCount();
		expect(await codeOf(comment(ada(), 'Noch zu Entwurf 1', { number: 3, versionNumber: 1 }))).toBe('document_comments_error_old_version');
		expect(await commentCount()).toBe(before);

		const older = await getVersionComments({
			db: test.db,
			actor: ada(),
			municipalityId: municipality('a-stadt'),
			edition: first.edition,
			version: { ...first.version, isLatest: false }
		});
		expect(older.byAnchor[onFirst.anchor].map((entry) => entry.id)).toEqual([onFirst.id]);
		expect([older.open, older.maySubmit, older.closedByStage]).toEqual([false, false, false]);
		expect(older.byAnchor[onFirst.anchor][0].mayChange).toBe(false);
		const current = await visibleOnLatest(ada(), 3);
		expect(current.total).toBe(0);
	});

	it('after the stage moves on, comments stay readable but closed', async () => {
		const { edition } = await latestOf('a-stadt', 3);
		await comment(bert(), 'Zu Entwurf 2', { number: 3 });
		await test.db.execute(sql`update editions set stage = 'in_council' where id = ${edition.id}`);
		try {
			const before = await commentCount();
			expect(await codeOf(comment(bert(), 'Zu spät', { number: 3 }))).toBe('document_comments_error_closed');
			expect(await commentCount()).toBe(before);
			const read = await visibleOnLatest(bert(), 3);
			expect(read.total).toBe(1);
			expect([read.open, read.maySubmit, read.closedByStage]).toEqual([false, false, true]);
		} finally {
			await test.db.execute(sql`update editions set stage = 'drafting' where id = ${edition.id}`);
		}
	});
});

describe('the language a comment was written in', () => {
	it('is the language of the page it was written on, unless its script says otherwise; an edit records it again', async () => {
		const { edition } = await latestOf('a-stadt', 1);
		const english = await comment(ada(), 'Please also offer weekend classes.', { writtenIn: 'en' });
		expect(english.language).toBe('en');
		expect((await comment(ada(), 'من فضلكم دورات في عطلة نهاية الأسبوع', { writtenIn: 'de' })).language).toBe('ar');
		const listed = (await visibleOnLatest(ada())).byAnchor[english.anchor].find((entry) => entry.id === english.id)!;
		expect(listed.language).toBe('en');
		const edited = await editOwnComment({ db: test.db, municipalityId: municipality('a-stadt'), editionId: edition.id, actor: ada(), commentId: english.id, input: { body: 'Bitte auch Kurse am Wochenende.' }, writtenIn: 'de' });
		expect(edited.language).toBe('de');
	});
});

describe('authors change their own open comments', () => {
	it('the author edits and deletes an own comment while it is open and unanswered', async () => {
		const { edition } = await latestOf('a-stadt', 1);
		const scope = { db: test.db, municipalityId: municipality('a-stadt'), editionId: edition.id };
		const created = await comment(ada(), 'Tippfehler drin');
		const edited = await editOwnComment({ ...scope, actor: ada(), commentId: created.id, input: { body: 'Ohne Tippfehler' } });
		expect(edited.body).toBe('Ohne Tippfehler');
		const mine = (await visibleOnLatest(ada())).byAnchor[created.anchor].find((entry) => entry.id === created.id)!;
		expect(mine.mayChange).toBe(true);
		await deleteOwnComment({ ...scope, actor: ada(), commentId: created.id });
		expect((await visibleOnLatest()).byAnchor[created.anchor].some((entry) => entry.id === created.id)).toBe(false);
	});

	it('nobody edits or deletes another person’s comment, and nobody changes one that was answered', async () => {
		const { edition } = await latestOf('a-stadt', 1);
		const scope = { db: test.db, municipalityId: municipality('a-stadt'), editionId: edition.id };
		const created = await comment(ada(), 'Meine Meinung');
		expect(await codeOf(editOwnComment({ ...scope, actor: bert(), commentId: created.id, input: { body: 'Fremd geändert' } }))).toBe('document_comments_error_not_editable');
		expect(await codeOf(deleteOwnComment({ ...scope, actor: bert(), commentId: created.id }))).toBe('document_comments_error_not_editable');
		await answerComment({ ...scope, actor: facilitator(), commentId: created.id, input: { status: 'open', answer: 'Wir prüfen das.' } });
		expect(await codeOf(editOwnComment({ ...scope, actor: ada(), commentId: created.id, input: { body: 'Nachträglich' } }))).toBe('document_comments_error_not_editable');
		expect(await codeOf(deleteOwnComment({ ...scope, actor: ada(), commentId: created.id }))).toBe('document_comments_error_not_editable');
		const kept = (await visibleOnLatest()).byAnchor[created.anchor].find((entry) => entry.id === created.id)!;
		expect(kept.body).toBe('Meine Meinung');
	});
});

describe('facilitators answer', () => {
	it('a facilitator answers and marks a comment as taken into account; the public sees answer, status and who answered', async () => {
		const { edition } = await latestOf('a-stadt', 1);
		const created = await comment(bert(), 'Mehr Sprachkurse am Abend.');
		const now = new Date('2026-03-02T10:00:00Z');
		await answerComment({
			db: test.db,
			actor: facilitator(),
			municipalityId: municipality('a-stadt'),
			editionId: edition.id,
			commentId: created.id,
			input: documentCommentAnswerSchema.parse({ commentId: created.id, status: 'taken_into_account', answer: 'Ist in Maßnahme 1.1.1 aufgenommen.' }),
			now
		});
		const shown = (await visibleOnLatest()).byAnchor[created.anchor].find((entry) => entry.id === created.id)!;
		expect([shown.status, shown.answer, shown.answeredByName, shown.answeredAt]).toEqual(['taken_into_account', 'Ist in Maßnahme 1.1.1 aufgenommen.', 'fac@a-stadt.example.org', now]);
		expect(await auditTypes()).toContain('document_comment');
	});

	it('"not taken into account" needs a reason', () => {
		const commentId = '00000000-0000-4000-8000-000000000000';
		const refused = documentCommentAnswerSchema.safeParse({ commentId, status: 'not_taken_into_account', answer: '' });
		expect(refused.error?.issues[0]).toMatchObject({ path: ['answer'], message: 'validation_document_comments_reason_required' });
		expect(documentCommentAnswerSchema.safeParse({ commentId, status: 'taken_into_account', answer: '' }).success).toBe(true);
	});

	it('participants, moderators and facilitators of another municipality cannot answer; nothing changes', async () => {
		const { edition } = await latestOf('a-stadt', 1);
		const created = await comment(ada(), 'Unbeantwortet bitte.');
		const attempt = (by: Actor, municipalityId = municipality('a-stadt')) =>
			codeOf(answerComment({ db: test.db, actor: by, municipalityId, editionId: edition.id, commentId: created.id, input: { status: 'taken_into_account', answer: 'Ja' } }));
		expect(await attempt(ada())).toBe('error_forbidden');
		expect(await attempt(moderator())).toBe('error_forbidden');
		expect(await attempt(facilitatorOfB())).toBe('error_forbidden');
		// Naming their own municipality does not reach another municipality's comment either.
		expect(await attempt(facilitatorOfB(), municipality('b-dorf'))).toBe('document_comments_error_not_found');
		const still = (await visibleOnLatest()).byAnchor[created.anchor].find((entry) => entry.id === created.id)!;
		expect([still.status, still.answer]).toEqual(['open', null]);
	});
});

describe('hiding comments', () => {
	it('a moderator hides a comment: it vanishes from the public comments and counts, the text stays for the audit', async () => {
		const { edition, version } = await latestOf('a-stadt', 1);
		const anchor = version.fields[1].goals[0].anchor;
		const created = await comment(bert(), 'Beleidigender Text', { anchor });
		const scope = { db: test.db, municipalityId: municipality('a-stadt'), editionId: edition.id, commentId: created.id };
		expect((await countVersionComments({ ...scope, versionId: version.id }))[anchor]).toBe(1);
		await setCommentHidden({ ...scope, actor: moderator(), reason: 'Verstößt gegen die Regeln' });
		expect((await countVersionComments({ ...scope, versionId: version.id }))[anchor]).toBeUndefined();
		expect((await visibleOnLatest()).byAnchor[anchor]).toBeUndefined();
		const hidden = await getEditionCommentsForStaff({ ...scope, actor: facilitator(), strategySlug: 'vielfalt', number: 1, filter: 'hidden', page: 1 });
		expect(hidden.comments.map((entry) => [entry.body, entry.hiddenReason])).toEqual([['Beleidigender Text', 'Verstößt gegen die Regeln']]);
		await setCommentHidden({ ...scope, actor: facilitator(), reason: null });
		expect((await countVersionComments({ ...scope, versionId: version.id }))[anchor]).toBe(1);
	});

	it('participants and staff of another municipality cannot hide', async () => {
		const { edition } = await latestOf('a-stadt', 1);
		const created = await comment(ada(), 'Bleibt sichtbar.');
		const scope = { db: test.db, editionId: edition.id, commentId: created.id, reason: 'Weg damit' };
		expect(await codeOf(setCommentHidden({ ...scope, actor: bert(), municipalityId: municipality('a-stadt') }))).toBe('error_forbidden');
		expect(await codeOf(setCommentHidden({ ...scope, actor: facilitatorOfB(), municipalityId: municipality('a-stadt') }))).toBe('error_forbidden');
		expect(await codeOf(setCommentHidden({ ...scope, actor: facilitatorOfB(), municipalityId: municipality('b-dorf') }))).toBe('document_comments_error_not_found');
		expect((await visibleOnLatest()).byAnchor[created.anchor].some((entry) => entry.id === created.id)).toBe(true);
	});
});

describe('lists', () => {
	it('the list view groups the current version’s comments in document order and filters by status', async () => {
		const scope = { db: test.db, actor: null, municipalityId: municipality('a-stadt'), strategySlug: 'vielfalt', number: 1 };
		const all = await getCommentList({ ...scope, status: null });
		const kinds = all.list!.groups.map((group) => group.target.kind);
		expect(kinds.indexOf('field')).toBeLessThan(kinds.indexOf('goal'));
		expect(kinds.indexOf('goal')).toBeLessThan(kinds.indexOf('measure'));
		expect(all.list!.groups[0].target).toMatchObject({ kind: 'field', number: '1', title: 'Arbeit' });
		const taken = await getCommentList({ ...scope, status: 'taken_into_account' });
		expect(taken.list!.groups.flatMap((group) => group.comments.map((entry) => entry.body))).toEqual(['Mehr Sprachkurse am Abend.']);
	});

	it('the back office lists open and answered comments apart; participants do not get the list', async () => {
		const scope = { db: test.db, municipalityId: municipality('a-stadt'), strategySlug: 'vielfalt', number: 1, page: 1 };
		const open = await getEditionCommentsForStaff({ ...scope, actor: facilitator(), filter: 'open' });
		const answered = await getEditionCommentsForStaff({ ...scope, actor: facilitator(), filter: 'answered' });
		expect(open.comments.length).toBeGreaterThan(0);
		expect(open.comments.every((entry) => entry.status === 'open' && entry.answer === null && entry.hiddenReason === null)).toBe(true);
		expect(answered.comments.map((entry) => entry.body).sort()).toEqual(['Mehr Sprachkurse am Abend.', 'Meine Meinung']);
		expect(open.mayAnswer).toBe(true);
		expect((await getEditionCommentsForStaff({ ...scope, actor: moderator(), filter: 'all' })).mayAnswer).toBe(false);
		expect(await codeOf(getEditionCommentsForStaff({ ...scope, actor: ada(), filter: 'all' }))).toBe('error_forbidden');
		expect(await codeOf(getEditionCommentsForStaff({ ...scope, actor: facilitatorOfB(), filter: 'all' }))).toBe('error_forbidden');
	});
});
