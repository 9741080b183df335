import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishVersionSchema } from '$lib/validation/document-version';
import { listAuditEvents } from '../audit/audit.service';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { addGoal, updateGoal } from './document.admin';
import {
	addSection,
	compareDocumentVersions,
	getDocumentForDrafting,
	getPublishedDocument,
	listDocumentsToDraft,
	publishVersion,
	saveIntroduction
} from './document-version.service';
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
							{ number: 2, periodStart: 2026, periodEnd: 2031, stage: 'implementing', fields: [{ title: 'Arbeit' }] },
							{ number: 3, periodStart: 2032, periodEnd: 2037, stage: 'participating' }
						]
					}
				]
			},
			{
				slug: 'b-dorf',
				name: 'B-Dorf',
				strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [{ number: 1, periodStart: 2021, periodEnd: 2026, stage: 'drafting' }] }]
			}
		]
	});
});
afterAll(() => test.drop());

const municipality = (slug: string) => test.ids.municipalityIds.get(slug)!;

function actorWith(role: Role, municipalitySlug: string): Actor {
	return {
		userId: randomUUID(),
		name: `${role} of ${municipalitySlug}`,
		email: `${role}@${municipalitySlug}.example.org`,
		isPlatformAdmin: false,
		memberships: [{ municipalityId: municipality(municipalitySlug), municipalitySlug, municipalityName: municipalitySlug, role }]
	};
}

const facilitator = () => actorWith('facilitator', 'a-stadt');

async function draftOf(number: number, slug = 'a-stadt') {
	return getDocumentForDrafting({ db: test.db, actor: actorWith('admin', slug), municipalityId: municipality(slug), strategySlug: 'vielfalt', number });
}

async function scopeOf(number: number, actor: Actor = facilitator(), slug = 'a-stadt') {
	const { edition } = await draftOf(number, slug);
	return { db: test.db, actor, municipalityId: municipality(slug), editionId: edition.id };
}

async function versionCount(editionId: string) {
	const result = await test.db.execute(sql`select count(*)::int as count from document_versions where edition_id = ${editionId}`);
	return (result.rows[0] as { count: number }).count;
}

async function auditCount(slug: string) {
	const { events } = await listAuditEvents({ db: test.db, actor: actorWith('admin', slug), municipalityId: municipality(slug) });
	return events.length;
}

/** What PostgreSQL said when it refused a statement (drizzle wraps it as the cause). */
async function refusalOf(statement: Promise<unknown>): Promise<{ constraint?: string; message: string } | null> {
	try {
		await statement;
		return null;
	} catch (error) {
		const cause = (error as { cause?: { constraint?: string; message: string } }).cause;
		return { constraint: cause?.constraint, message: cause?.message ?? String(error) };
	}
}

const input = (title: string, changeSummary = '') => publishVersionSchema.parse({ title, changeSummary });

describe('publishing versions of an edition’s document', () => {
	it('a facilitator publishes versions numbered 1, 2, … with title, summary, date and who published them', async () => {
		const scope = await scopeOf(1);
		await saveIntroduction({ ...scope, input: { introduction: 'Münster wächst.\n\nUnd wird vielfältiger.' } });
		await addSection({ ...scope, input: { title: 'Umsetzung', body: 'Jährlich wird berichtet.' } });
		const first = await publishVersion({ ...scope, input: input('Entwurf 1', 'Erster Entwurf für die Fachgruppen') });
		const second = await publishVersion({ ...scope, input: input('Entwurf 2 — nach der Fachgruppenrunde') });
		expect([first.number, second.number]).toEqual([1, 2]);
		expect(first.changeSummary).toBe('Erster Entwurf für die Fachgruppen');
		expect(first.publishedByName).toBe('facilitator of a-stadt');
		expect(first.publishedAt).toBeInstanceOf(Date);
		const { versions } = await draftOf(1);
		expect(versions.map((version) => version.number)).toEqual([2, 1]);
	});

	it('a version keeps the whole document with anchors from lineage ids, numbering and paragraphs', async () => {
		const document = await getPublishedDocument({ db: test.db, municipalityId: municipality('a-stadt'), strategySlug: 'vielfalt', number: 1, versionNumber: 1 });
		const version = document.version!;
		expect(version.introduction.map((paragraph) => paragraph.anchor)).toEqual(['introduction-p1', 'introduction-p2']);
		expect(version.introduction[0].html).toContain('<p>Münster wächst.</p>');
		const [work] = version.fields;
		expect(work.number).toBe('1');
		expect(work.goals.map((goal) => [goal.number, goal.title])).toEqual([
			['1.1', 'Anerkennung beschleunigen'],
			['1.2', 'Gründung']
		]);
		expect(work.goals[0].anchor).toBe(`goal-${work.goals[0].lineageId}`);
		expect(work.goals[0].measures[0].number).toBe('1.1.1');
		expect(version.sections.map((section) => section.title)).toEqual(['Umsetzung']);
	});

	it('anchors survive a new version: the same goal keeps its anchor when it is renamed and moved', async () => {
		const scope = await scopeOf(1);
		const { outline } = await draftOf(1);
		const [recognition, founding] = outline[0].goals;
		await updateGoal({ ...scope, goalId: founding.id, input: { title: 'Gründungen beraten', description: '' } });
		await addGoal({ ...scope, fieldId: outline[0].id, input: { title: 'Ausbildung öffnen', description: '' } });
		const third = await publishVersion({ ...scope, input: input('Entwurf 3') });
		const { comparison } = await compareDocumentVersions({
			db: test.db,
			municipalityId: municipality('a-stadt'),
			strategySlug: 'vielfalt',
			number: 1,
			from: 2,
			to: third.number
		});
		expect(comparison.goalSummary.map((goal) => [goal.title, goal.changes])).toEqual([
			['Gründungen beraten', ['changed']],
			['Ausbildung öffnen', ['new']]
		]);
		expect(comparison.goalSummary[0].anchor).toBe(`goal-${founding.lineageId}`);
		expect(recognition.lineageId).not.toBe(founding.lineageId);
	});

	it('the public reads the latest version unless an older one is asked for', async () => {
		const scope = { db: test.db, municipalityId: municipality('a-stadt'), strategySlug: 'vielfalt', number: 1 };
		const latest = await getPublishedDocument({ ...scope, versionNumber: null });
		expect(latest.version?.number).toBe(3);
		expect(latest.version?.isLatest).toBe(true);
		expect((await getPublishedDocument({ ...scope, versionNumber: 1 })).version?.isLatest).toBe(false);
		expect(await codeOf(getPublishedDocument({ ...scope, versionNumber: 9 }))).toBe('document_version_not_found');
		expect((await getPublishedDocument({ ...scope, number: 3, versionNumber: null })).version).toBeNull();
	});
});

describe('a published version cannot be changed, not even in the database', () => {
	it('UPDATE of a published version is refused by the database', async () => {
		const { edition } = await draftOf(1);
		const renamed = await refusalOf(test.db.execute(sql`update document_versions set title = 'Gefälscht' where edition_id = ${edition.id} and number = 1`));
		expect(renamed?.constraint).toBe('document_versions_immutable');
		expect(renamed?.message).toMatch(/cannot be changed/);
		const emptied = await refusalOf(test.db.execute(sql`update document_versions set snapshot = '{}'::jsonb where edition_id = ${edition.id}`));
		expect(emptied?.constraint).toBe('document_versions_immutable');
		const document = await getPublishedDocument({ db: test.db, municipalityId: municipality('a-stadt'), strategySlug: 'vielfalt', number: 1, versionNumber: 1 });
		expect(document.version?.title).toBe('Entwurf 1');
	});

	it('DELETE and TRUNCATE of published versions are refused by the database', async () => {
		const { edition } = await draftOf(1);
		expect((await refusalOf(test.db.execute(sql`delete from document_versions where edition_id = ${edition.id}`)))?.constraint).toBe(
			'document_versions_immutable'
		);
		// Plain TRUNCATE already fails on the editions' reference to their adopted version; with CASCADE
		// it would reach past that reference, and the trigger refuses it.
		expect((await refusalOf(test.db.execute(sql`truncate document_versions`)))?.message).toMatch(/cannot be truncated|referenced in a foreign key/);
		expect((await refusalOf(test.db.execute(sql`truncate document_versions cascade`)))?.message).toMatch(/cannot be truncated/);
		expect(await versionCount(edition.id)).toBe(3);
	});

	it('the versions go only together with their edition', async () => {
		const scope = await scopeOf(1, actorWith('admin', 'b-dorf'), 'b-dorf');
		await publishVersion({ ...scope, input: input('Entwurf 1') });
		expect(await versionCount(scope.editionId)).toBe(1);
		await test.db.execute(sql`delete from editions where id = ${scope.editionId}`);
		expect(await versionCount(scope.editionId)).toBe(0);
	});
});

describe('who may publish, and when', () => {
	it('a participant and an admin of another municipality are refused, and nothing is written', async () => {
		const { edition } = await draftOf(1);
		const before = await versionCount(edition.id);
		const audits = await auditCount('a-stadt');
		expect(await codeOf(publishVersion({ ...(await scopeOf(1, actorWith('participant', 'a-stadt'))), input: input('Entwurf') }))).toBe('error_forbidden');
		expect(await codeOf(publishVersion({ ...(await scopeOf(1, actorWith('moderator', 'a-stadt'))), input: input('Entwurf') }))).toBe('error_forbidden');
		// An admin of B-Dorf naming A-Stadt's edition: not theirs.
		expect(
			await codeOf(publishVersion({ db: test.db, actor: actorWith('admin', 'b-dorf'), municipalityId: municipality('a-stadt'), editionId: edition.id, input: input('Entwurf') }))
		).toBe('error_forbidden');
		// …nor through their own municipality: the edition is not found there.
		expect(
			await codeOf(publishVersion({ db: test.db, actor: actorWith('admin', 'b-dorf'), municipalityId: municipality('b-dorf'), editionId: edition.id, input: input('Entwurf') }))
		).toBe('document_edition_not_found');
		expect(await codeOf(saveIntroduction({ ...(await scopeOf(1, actorWith('participant', 'a-stadt'))), input: { introduction: 'x' } }))).toBe('error_forbidden');
		expect(await versionCount(edition.id)).toBe(before);
		expect(await auditCount('a-stadt')).toBe(audits);
	});

	it('an edition that is no longer being drafted refuses a new version with a localised error, and nothing is written', async () => {
		const scope = await scopeOf(2);
		const audits = await auditCount('a-stadt');
		expect(await codeOf(publishVersion({ ...scope, input: input('Nachtrag') }))).toBe('document_version_stage_closed');
		expect(await versionCount(scope.editionId)).toBe(0);
		expect(await auditCount('a-stadt')).toBe(audits);
		expect((await draftOf(2)).mayPublish).toBe(false);
	});

	it('during participation a first draft can already be published', async () => {
		const scope = await scopeOf(3);
		expect((await publishVersion({ ...scope, input: input('Diskussionsentwurf') })).number).toBe(1);
	});

	it('a version without a title is refused at the boundary', () => {
		const parsed = publishVersionSchema.safeParse({ title: '   ', changeSummary: '' });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0].message).toBe('validation_required');
	});

	it('publishing is recorded in the audit log', async () => {
		const { events } = await listAuditEvents({ db: test.db, actor: actorWith('admin', 'a-stadt'), municipalityId: municipality('a-stadt') });
		expect(events.filter((event) => event.entityType === 'document_version').length).toBe(4);
	});
});

describe('the back office’s way in for facilitators', () => {
	it('a facilitator finds the editions open for drafting in their municipality, and only those', async () => {
		const documents = await listDocumentsToDraft({ db: test.db, actor: facilitator() });
		expect(documents.map((document) => [document.municipalitySlug, document.number])).toEqual([
			['a-stadt', 3],
			['a-stadt', 1]
		]);
		expect(await listDocumentsToDraft({ db: test.db, actor: actorWith('participant', 'a-stadt') })).toEqual([]);
		expect(await listDocumentsToDraft({ db: test.db, actor: null })).toEqual([]);
	});
});
