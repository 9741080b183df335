import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { getIdeasEdition, listIdeaFields, moderateContent, transcribeIdea } from '../participation/idea.service';
import { getOutlineForAdmin } from './document.admin';
import { getIdeaTrace, getTargetTrace, getTraceCounts, getTracedIdeasByLineage, linkIdea, unlinkIdea } from './document-trace.service';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;

const edition = (number: number, stage: 'drafting' | 'implementing') => ({
	number,
	periodStart: 2020 + number,
	periodEnd: 2025 + number,
	stage,
	fields: [
		{ title: 'Arbeit', goals: [{ title: 'Anerkennung', measures: [{ title: 'Lotsendienst' }] }, { title: 'Ausbildung' }] },
		{ title: 'Sprache', goals: [{ title: 'Sprachcafés' }] }
	]
});

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', strategies: [{ slug: 'vielfalt', title: 'Vielfalt', editions: [edition(1, 'implementing'), edition(2, 'drafting')] }] },
			{ slug: 'b-dorf', name: 'B-Dorf', strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [edition(1, 'drafting')] }] }
		],
		accounts: [
			{ email: 'fac@a-stadt.example.org', name: 'Fritz Moderation', password: 'passwort-fac', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'mod@a-stadt.example.org', name: 'Mona Moderation', password: 'passwort-mod', roles: [{ municipality: 'a-stadt', role: 'moderator' }] },
			{ email: 'fac@b-dorf.example.org', name: 'Berta Dorf', password: 'passwort-fab', roles: [{ municipality: 'b-dorf', role: 'facilitator' }] }
		]
	});
});
afterAll(async () => {
	await test.drop();
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
const facilitator = () => actor('fac@a-stadt.example.org', 'facilitator', 'a-stadt');
const moderator = () => actor('mod@a-stadt.example.org', 'moderator', 'a-stadt');
const facilitatorOfB = () => actor('fac@b-dorf.example.org', 'facilitator', 'b-dorf');

async function scope(slug: string, number: number) {
	const municipalityId = municipality(slug);
	const found = await getIdeasEdition({ db: test.db, municipalityId, strategySlug: 'vielfalt', number });
	const fields = await listIdeaFields({ db: test.db, municipalityId, editionId: found.id });
	const by = slug === 'a-stadt' ? facilitator() : facilitatorOfB();
	const outline = await getOutlineForAdmin({ db: test.db, actor: by, municipalityId, editionId: found.id });
	return { municipalityId, editionId: found.id, fields, outline };
}

async function idea(slug: string, number: number, title: string, fieldIndex = 0) {
	const { municipalityId, editionId, fields } = await scope(slug, number);
	const by = slug === 'a-stadt' ? facilitator() : facilitatorOfB();
	return transcribeIdea({
		db: test.db,
		actor: by,
		municipalityId,
		editionId,
		input: { title, body: 'Am Stellwandplakat notiert.', fieldId: fields[fieldIndex].id, districtId: null, sourceLabel: 'Werkstatt', eventId: null, workingGroupId: null }
	});
}

describe('linking ideas to goals and measures', () => {
	it('a facilitator links an idea to a goal, and the idea page names the goal with its number and field', async () => {
		const { municipalityId, editionId, outline } = await scope('a-stadt', 2);
		const created = await idea('a-stadt', 2, 'Anerkennung schneller machen');
		const goal = outline[0].goals[0];
		const { trace } = await linkIdea({ db: test.db, actor: facilitator(), municipalityId, ideaId: created.id, target: { kind: 'goal', id: goal.id }, note: '' });
		expect(trace.goalId).toBe(goal.id);
		const traces = await getIdeaTrace({ db: test.db, municipalityId, ideaId: created.id, editionId });
		expect(traces).toEqual([expect.objectContaining({ kind: 'goal', number: '1.1', title: 'Anerkennung', fieldTitle: 'Arbeit', anchor: `goal-${goal.lineageId}` })]);
		const audit = await listAuditEvents({ db: test.db, actor: { ...facilitator(), isPlatformAdmin: true }, municipalityId });
		expect(audit.events.some((event) => event.entityType === 'idea_trace' && event.entityId === trace.id && event.action === 'create')).toBe(true);
	});

	it('linking leaves the status of the idea as it was', async () => {
		const { municipalityId, outline } = await scope('a-stadt', 2);
		const created = await idea('a-stadt', 2, 'Lotsen für Betriebe');
		const { ideaStatus } = await linkIdea({ db: test.db, actor: facilitator(), municipalityId, ideaId: created.id, target: { kind: 'measure', id: outline[0].goals[0].measures[0].id }, note: 'Im Workshop genannt' });
		expect(ideaStatus).toBe('new');
		const traces = await getIdeaTrace({ db: test.db, municipalityId, ideaId: created.id, editionId: created.editionId });
		expect(traces[0]).toMatchObject({ kind: 'measure', number: '1.1.1', fieldTitle: 'Arbeit', note: 'Im Workshop genannt' });
	});

	it('the same idea cannot be linked twice to the same goal', async () => {
		const { municipalityId, outline } = await scope('a-stadt', 2);
		const created = await idea('a-stadt', 2, 'Doppelt verlinkt');
		const target = { kind: 'goal' as const, id: outline[1].goals[0].id };
		await linkIdea({ db: test.db, actor: facilitator(), municipalityId, ideaId: created.id, target, note: '' });
		expect(await codeOf(linkIdea({ db: test.db, actor: facilitator(), municipalityId, ideaId: created.id, target, note: '' }))).toBe('document_trace_exists');
		expect(await getIdeaTrace({ db: test.db, municipalityId, ideaId: created.id, editionId: created.editionId })).toHaveLength(1);
	});

	it('an idea is only linked to goals of its own edition', async () => {
		const { municipalityId, outline: oldOutline } = await scope('a-stadt', 1);
		const created = await idea('a-stadt', 2, 'Falsche Auflage');
		expect(
			await codeOf(linkIdea({ db: test.db, actor: facilitator(), municipalityId, ideaId: created.id, target: { kind: 'goal', id: oldOutline[0].goals[0].id }, note: '' }))
		).toBe('document_trace_target_invalid');
		expect(await getIdeaTrace({ db: test.db, municipalityId, ideaId: created.id, editionId: created.editionId })).toEqual([]);
	});

	it('a goal of another municipality is never found, and a facilitator of another municipality is refused', async () => {
		const { municipalityId } = await scope('a-stadt', 2);
		const { outline: outlineOfB, municipalityId: municipalityOfB } = await scope('b-dorf', 1);
		const created = await idea('a-stadt', 2, 'Über die Grenze');
		expect(
			await codeOf(linkIdea({ db: test.db, actor: facilitator(), municipalityId, ideaId: created.id, target: { kind: 'goal', id: outlineOfB[0].goals[0].id }, note: '' }))
		).toBe('document_trace_target_invalid');
		expect(
			await codeOf(linkIdea({ db: test.db, actor: facilitatorOfB(), municipalityId, ideaId: created.id, target: { kind: 'goal', id: outlineOfB[0].goals[0].id }, note: '' }))
		).toBe('error_forbidden');
		// Asking in its own municipality does not find the other municipality's idea either.
		expect(
			await codeOf(linkIdea({ db: test.db, actor: facilitatorOfB(), municipalityId: municipalityOfB, ideaId: created.id, target: { kind: 'goal', id: outlineOfB[0].goals[0].id }, note: '' }))
		).toBe('document_trace_idea_not_found');
	});

	it('moderators and anonymous visitors may not link ideas', async () => {
		const { municipalityId, outline } = await scope('a-stadt', 2);
		const created = await idea('a-stadt', 2, 'Nur für Moderation');
		const target = { kind: 'goal' as const, id: outline[0].goals[1].id };
		expect(await codeOf(linkIdea({ db: test.db, actor: moderator(), municipalityId, ideaId: created.id, target, note: '' }))).toBe('error_forbidden');
		expect(await codeOf(linkIdea({ db: test.db, actor: null, municipalityId, ideaId: created.id, target, note: '' }))).toBe('error_not_signed_in');
	});

	it('a facilitator removes a trace; a trace of another idea cannot be removed through this one', async () => {
		const { municipalityId, outline } = await scope('a-stadt', 2);
		const first = await idea('a-stadt', 2, 'Wird wieder gelöst');
		const second = await idea('a-stadt', 2, 'Bleibt verlinkt');
		const { trace } = await linkIdea({ db: test.db, actor: facilitator(), municipalityId, ideaId: first.id, target: { kind: 'goal', id: outline[0].goals[1].id }, note: '' });
		expect(await codeOf(unlinkIdea({ db: test.db, actor: facilitator(), municipalityId, traceId: trace.id, ideaId: second.id }))).toBe('document_trace_not_found');
		expect(await codeOf(unlinkIdea({ db: test.db, actor: facilitatorOfB(), municipalityId, traceId: trace.id }))).toBe('error_forbidden');
		await unlinkIdea({ db: test.db, actor: facilitator(), municipalityId, traceId: trace.id, ideaId: first.id });
		expect(await getIdeaTrace({ db: test.db, municipalityId, ideaId: first.id, editionId: first.editionId })).toEqual([]);
	});
});

describe('what the public reads of the trace', () => {
	it('counts per field: ideas submitted and taken up, goals and measures with ideas; hidden ideas do not count', async () => {
		const { municipalityId, outline } = await scope('b-dorf', 1);
		const { editionId } = await scope('b-dorf', 1);
		const work = await idea('b-dorf', 1, 'Arbeit eins');
		const work2 = await idea('b-dorf', 1, 'Arbeit zwei');
		await idea('b-dorf', 1, 'Arbeit ohne Spur');
		const language = await idea('b-dorf', 1, 'Sprache eins', 1);
		const hidden = await idea('b-dorf', 1, 'Versteckt', 1);
		const link = (ideaId: string, kind: 'goal' | 'measure', id: string) =>
			linkIdea({ db: test.db, actor: facilitatorOfB(), municipalityId, ideaId, target: { kind, id }, note: '' });
		await link(work.id, 'goal', outline[0].goals[0].id);
		await link(work.id, 'measure', outline[0].goals[0].measures[0].id);
		await link(work2.id, 'goal', outline[0].goals[1].id);
		await link(language.id, 'goal', outline[1].goals[0].id);
		await link(hidden.id, 'goal', outline[1].goals[0].id);
		await moderateContent({ db: test.db, actor: facilitatorOfB(), municipalityId, ideaId: hidden.id, commentId: null, hiddenReason: 'Beleidigend' });

		const counts = await getTraceCounts({ db: test.db, municipalityId, editionId });
		expect(counts.fields.map(({ title, submitted, takenUp, goalsWithIdeas, measuresWithIdeas }) => ({ title, submitted, takenUp, goalsWithIdeas, measuresWithIdeas }))).toEqual([
			{ title: 'Arbeit', submitted: 3, takenUp: 2, goalsWithIdeas: 2, measuresWithIdeas: 1 },
			{ title: 'Sprache', submitted: 1, takenUp: 1, goalsWithIdeas: 1, measuresWithIdeas: 0 }
		]);
		expect(counts.totals).toEqual({ submitted: 4, takenUp: 3, goalsWithIdeas: 3, measuresWithIdeas: 1 });

		const byLineage = await getTracedIdeasByLineage({ db: test.db, municipalityId, editionId });
		expect(byLineage.get(outline[1].goals[0].lineageId)?.ideas.map((row) => row.title)).toEqual(['Sprache eins']);
		expect(byLineage.get(outline[0].goals[0].measures[0].lineageId)?.ideas.map((row) => row.title)).toEqual(['Arbeit eins']);
	});

	it('staff find ideas of the edition by text and see which already fed into the goal', async () => {
		const { municipalityId, editionId, outline } = await scope('b-dorf', 1);
		const found = await getTargetTrace({ db: test.db, actor: facilitatorOfB(), municipalityId, editionId, target: { kind: 'goal', id: outline[0].goals[0].id }, query: 'arbeit', page: 1 });
		expect(found.linked.map((row) => row.ideaTitle)).toEqual(['Arbeit eins']);
		expect(found.candidates.map((row) => [row.title, row.linked]).sort()).toEqual([
			['Arbeit eins', true],
			['Arbeit ohne Spur', false],
			['Arbeit zwei', false]
		]);
		expect(
			await codeOf(getTargetTrace({ db: test.db, actor: facilitator(), municipalityId, editionId, target: { kind: 'goal', id: outline[0].goals[0].id }, query: '', page: 1 }))
		).toBe('error_forbidden');
	});
});
