import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { councilDecisionSchema } from '$lib/validation/document-decision';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { getEditionDecision, getCouncilPage, readDecisionDocument, recordDecision, submitToCouncil, type DecisionStorage } from './document-decision.service';
import { calendarDayIn } from '../calendar-day';
import { getDocumentForDrafting, publishVersion } from './document-version.service';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;
let storage: DecisionStorage;
const today = calendarDayIn('Europe/Berlin', new Date());
const pdf = (text = 'Beschluss') => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

const edition = (number: number, stage: 'drafting' | 'participating' = 'drafting') => ({
	number,
	periodStart: 2020 + number,
	periodEnd: 2025 + number,
	stage,
	stages: [{ stage: 'drafting' as const, startsOn: '2024-01-10' }],
	fields: [{ title: 'Arbeit', goals: [{ title: 'Anerkennung beschleunigen' }] }]
});

beforeAll(async () => {
	storage = { dir: await mkdtemp(path.join(os.tmpdir(), 'leitbild-decisions-')) };
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				strategies: [{ slug: 'vielfalt', title: 'Vielfalt', editions: [1, 2, 3, 4, 5, 6, 7].map((number) => edition(number)).concat(edition(8, 'participating')) }]
			},
			{ slug: 'b-dorf', name: 'B-Dorf', strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [edition(1)] }] }
		]
	});
});
afterAll(async () => {
	await test.drop();
	await rm(storage.dir, { recursive: true, force: true });
});

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

/** An edition of A-Stadt with one published version, taken to the council. */
async function inCouncil(number: number) {
	const scope = await scopeOf(number);
	await publishVersion({ ...scope, input: { title: 'Entwurf 1', changeSummary: '' } });
	await submitToCouncil({ ...scope, input: { versionNumber: 1 }, today });
	return scope;
}

async function scopeOf(number: number, actor: Actor = facilitator(), slug = 'a-stadt') {
	const { edition } = await getDocumentForDrafting({ db: test.db, actor: actorWith('admin', slug), municipalityId: municipality(slug), strategySlug: 'vielfalt', number });
	return { db: test.db, actor, municipalityId: municipality(slug), editionId: edition.id };
}

async function editionRow(editionId: string) {
	const result = await test.db.execute(sql`select stage, adopted_version_id from editions where id = ${editionId}`);
	return result.rows[0] as { stage: string; adopted_version_id: string | null };
}

async function stageDates(editionId: string) {
	const result = await test.db.execute(sql`select stage, starts_on::text, ends_on::text from edition_stage_dates where edition_id = ${editionId} order by starts_on, stage`);
	return Object.fromEntries((result.rows as { stage: string; starts_on: string; ends_on: string | null }[]).map((row) => [row.stage, [row.starts_on, row.ends_on]]));
}

async function decisionCount(editionId: string) {
	const result = await test.db.execute(sql`select count(*)::int as count from council_decisions where edition_id = ${editionId}`);
	return (result.rows[0] as { count: number }).count;
}

const decision = (values: Record<string, string> = {}) =>
	councilDecisionSchema.parse({ body: 'Rat der Stadt A', decidedOn: today, result: 'adopted', votesFor: '41', votesAgainst: '12', votesAbstained: '3', ...values });

describe('taking an edition to the council', () => {
	it('a drafting edition goes to the council with a chosen published version; drafting ends, the council stage begins', async () => {
		const scope = await scopeOf(1);
		await publishVersion({ ...scope, input: { title: 'Entwurf 1', changeSummary: '' } });
		await publishVersion({ ...scope, input: { title: 'Entwurf 2', changeSummary: '' } });
		await submitToCouncil({ ...scope, input: { versionNumber: 1 }, today });
		expect((await editionRow(scope.editionId)).stage).toBe('in_council');
		expect(await stageDates(scope.editionId)).toMatchObject({ drafting: ['2024-01-10', today], in_council: [today, null] });
		const page = await getCouncilPage({ ...scope, strategySlug: 'vielfalt', number: 1 });
		expect(page.submission?.versionNumber).toBe(1);
		expect(page.mayDecide).toBe(true);
	});

	it('only a drafting edition can go to the council, and only with a version that exists', async () => {
		const participating = await scopeOf(8);
		await publishVersion({ ...participating, input: { title: 'Entwurf 1', changeSummary: '' } });
		expect(await codeOf(submitToCouncil({ ...participating, input: { versionNumber: 1 }, today }))).toBe('document_council_error_not_drafting');
		const drafting = await scopeOf(7);
		expect(await codeOf(submitToCouncil({ ...drafting, input: { versionNumber: 3 }, today }))).toBe('document_version_not_found');
		expect((await editionRow(drafting.editionId)).stage).toBe('drafting');
	});
});

const snapshotsOf = async (editionId: string) =>
	(await test.db.execute<{ kind: string; label: string }>(sql`select kind, label from indicator_snapshots where edition_id = ${editionId} order by taken_at`)).rows;

describe('recording the council decision', () => {
	it('adopting makes the submitted version the adopted text and moves the edition to “adopted” from the decision date', async () => {
		const scope = await inCouncil(2);
		await recordDecision({ ...scope, input: decision({ referenceNumber: 'V/0123/2025', councilUrl: 'https://ris.example.org/vo/123' }), document: null, storage });
		const row = await editionRow(scope.editionId);
		expect(row.stage).toBe('adopted');
		expect(row.adopted_version_id).not.toBeNull();
		expect(await stageDates(scope.editionId)).toMatchObject({ in_council: [today, today], adopted: [today, null] });
		const shown = await getEditionDecision({ db: test.db, municipalityId: municipality('a-stadt'), editionId: scope.editionId });
		expect(shown.adoptedVersionNumber).toBe(1);
		expect(shown.decision).toMatchObject({ body: 'Rat der Stadt A', result: 'adopted', votesFor: 41, votesAgainst: 12, votesAbstained: 3, referenceNumber: 'V/0123/2025' });
		// Adopting freezes the edition's indicator values as they stood on the decision date.
		expect(await snapshotsOf(scope.editionId)).toEqual([{ kind: 'adoption', label: today }]);
	});

	it('referring back returns the edition to drafting without an adopted text', async () => {
		const scope = await inCouncil(3);
		await recordDecision({ ...scope, input: decision({ result: 'referred_back' }), document: null, storage });
		const row = await editionRow(scope.editionId);
		expect(row).toEqual({ stage: 'drafting', adopted_version_id: null });
		expect(await stageDates(scope.editionId)).toMatchObject({ drafting: ['2024-01-10', null], in_council: [today, today] });
		expect(await snapshotsOf(scope.editionId)).toEqual([]);
		const shown = await getEditionDecision({ db: test.db, municipalityId: municipality('a-stadt'), editionId: scope.editionId });
		expect(shown).toMatchObject({ decision: { result: 'referred_back', versionNumber: 1, hasDocument: false }, adoptedVersionNumber: null });
	});

	it('a rejection is recorded and ends the council stage; the edition has no adopted text', async () => {
		const scope = await inCouncil(4);
		await recordDecision({ ...scope, input: decision({ result: 'rejected' }), document: null, storage });
		expect(await editionRow(scope.editionId)).toEqual({ stage: 'in_council', adopted_version_id: null });
		expect((await stageDates(scope.editionId)).in_council).toEqual([today, today]);
		expect(await decisionCount(scope.editionId)).toBe(1);
	});

	it('a correction replaces the one decision of the edition and redoes its effects', async () => {
		const scope = await scopeOf(4);
		await recordDecision({ ...scope, input: decision({ result: 'adopted_with_changes', body: 'Rat der Stadt A (berichtigt)' }), document: null, storage });
		expect(await decisionCount(scope.editionId)).toBe(1);
		expect((await editionRow(scope.editionId)).stage).toBe('adopted');
		const shown = await getEditionDecision({ db: test.db, municipalityId: municipality('a-stadt'), editionId: scope.editionId });
		expect(shown.decision?.body).toBe('Rat der Stadt A (berichtigt)');
	});

	it('there is no decision while the edition is not in council', async () => {
		const scope = await scopeOf(7);
		expect(await codeOf(recordDecision({ ...scope, input: decision(), document: null, storage }))).toBe('document_decision_error_stage');
		expect(await decisionCount(scope.editionId)).toBe(0);
		expect(await getEditionDecision({ db: test.db, municipalityId: municipality('a-stadt'), editionId: scope.editionId })).toEqual({ decision: null, adoptedVersionNumber: null });
		// Asked in the name of another municipality, an edition with a decision shows nothing of it.
		const decided = await scopeOf(2);
		expect((await getEditionDecision({ db: test.db, municipalityId: municipality('a-stadt'), editionId: decided.editionId })).decision).not.toBeNull();
		const other = [...test.ids.municipalityIds.values()].find((id) => id !== municipality('a-stadt'))!;
		expect(await getEditionDecision({ db: test.db, municipalityId: other, editionId: decided.editionId })).toEqual({ decision: null, adoptedVersionNumber: null });
	});

	it('a decision dated before the submitted version was published is refused, nothing written', async () => {
		const scope = await inCouncil(5);
		expect(await codeOf(recordDecision({ ...scope, input: decision({ decidedOn: '2001-02-03' }), document: { bytes: pdf(), fileName: 'b.pdf' }, storage }))).toBe(
			'document_decision_error_before_version'
		);
		expect(await decisionCount(scope.editionId)).toBe(0);
		expect((await editionRow(scope.editionId)).stage).toBe('in_council');
		expect(await readdir(path.join(storage.dir, municipality('a-stadt'))).catch(() => [])).toEqual([]);
	});

	it('a decision document must be a PDF by its content; anything else is refused and nothing is stored', async () => {
		const scope = await scopeOf(5);
		const fake = new TextEncoder().encode('<html>kein PDF</html>');
		expect(await codeOf(recordDecision({ ...scope, input: decision(), document: { bytes: fake, fileName: 'beschluss.pdf' }, storage }))).toBe(
			'document_decision_error_not_pdf'
		);
		expect(await decisionCount(scope.editionId)).toBe(0);
		expect(await readdir(path.join(storage.dir, municipality('a-stadt'))).catch(() => [])).toEqual([]);
	});

	it('a PDF decision document is stored and served with the decision', async () => {
		const scope = await scopeOf(5);
		await recordDecision({ ...scope, input: decision(), document: { bytes: pdf('Ratsbeschluss'), fileName: '../Beschluss Rat.pdf' }, storage });
		const file = await readDecisionDocument({ db: test.db, municipalityId: municipality('a-stadt'), strategySlug: 'vielfalt', number: 5, storage });
		expect(new TextDecoder().decode(file.bytes)).toContain('Ratsbeschluss');
		expect(file.fileName).toBe('Beschluss Rat.pdf');
	});

	it('vote counts must be whole numbers from zero; an empty field means not stated', () => {
		expect(councilDecisionSchema.safeParse({ body: 'Rat', decidedOn: today, result: 'adopted', votesFor: '-1' }).success).toBe(false);
		expect(councilDecisionSchema.safeParse({ body: 'Rat', decidedOn: today, result: 'adopted', votesFor: '2.5' }).success).toBe(false);
		expect(councilDecisionSchema.safeParse({ body: 'Rat', decidedOn: '2025-02-30', result: 'adopted' }).success).toBe(false);
		expect(councilDecisionSchema.safeParse({ body: 'Rat', decidedOn: today, result: 'adopted', councilUrl: 'http://ris.example.org' }).success).toBe(false);
		expect(councilDecisionSchema.parse({ body: 'Rat', decidedOn: today, result: 'adopted', votesFor: '' }).votesFor).toBeNull();
	});
});

describe('who may take an edition to the council and record the decision', () => {
	it('participants and another municipality’s facilitators are refused; nothing changes', async () => {
		const scope = await scopeOf(6);
		await publishVersion({ ...scope, input: { title: 'Entwurf 1', changeSummary: '' } });
		for (const actor of [actorWith('participant', 'a-stadt'), actorWith('facilitator', 'b-dorf'), actorWith('moderator', 'a-stadt')]) {
			expect(await codeOf(submitToCouncil({ ...scope, actor, input: { versionNumber: 1 }, today }))).toBe('error_forbidden');
		}
		expect((await editionRow(scope.editionId)).stage).toBe('drafting');
		await submitToCouncil({ ...scope, input: { versionNumber: 1 }, today });
		for (const actor of [actorWith('participant', 'a-stadt'), actorWith('facilitator', 'b-dorf'), null]) {
			expect(await codeOf(recordDecision({ ...scope, actor, input: decision(), document: null, storage }))).toMatch(/^error_(forbidden|not_signed_in)$/);
		}
		expect(await decisionCount(scope.editionId)).toBe(0);
	});

	it('an edition of another municipality cannot be reached through one’s own', async () => {
		const foreign = await scopeOf(1, actorWith('admin', 'b-dorf'), 'b-dorf');
		const own = { ...foreign, actor: facilitator(), municipalityId: municipality('a-stadt') };
		expect(await codeOf(submitToCouncil({ ...own, input: { versionNumber: 1 }, today }))).toBe('document_edition_not_found');
	});
});
