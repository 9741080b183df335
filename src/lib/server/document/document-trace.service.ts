// The trace from ideas to the document: facilitators link an idea to the goals and measures it fed
// into, and the public reads what became of each idea, where each goal came from, and counts per field.
import type { Database, Executor } from '../db/client';
import { recordChange } from '../audit/audit.service';
import { holdsAnyRole, requireRole, type Actor } from '../people/actor';
import type { TraceTarget } from '$lib/validation/document-trace';
import { draftingRoles } from './document-version.service';
import { selectLatestVersionNumber, selectVersion } from './document-version.queries';
import { buildOutline } from './document.outline';
import { selectEditionHead, selectOutline } from './document.queries';
import { editionNotFound, strategyNotFound } from './document.errors';
import { buildSnapshot, type SnapshotField } from './document.snapshot';
import { traceExists, traceIdeaNotFound, traceNotFound, traceTargetInvalid } from './document-trace.errors';
import {
	deleteTrace,
	insertTrace,
	searchIdeasOfEdition,
	selectGoalEdition,
	selectIdeaForTrace,
	selectMeasureEdition,
	selectTrace,
	selectTraceCounts,
	selectTraceTargetsOfIdeas,
	selectTracedIdeasOfEdition,
	selectTracesOfIdea,
	selectTracesOfTarget
} from './document-trace.queries';

/** Who keeps the trace: those who draft the document. */
export const traceRoles = draftingRoles;

type Scope = { db: Database; actor: Actor | null; municipalityId: string };

/** Whether the actor keeps the trace here: decides which forms a page offers; every write checks again. */
export function mayKeepTrace(actor: Actor | null, municipalityId: string): boolean {
	return holdsAnyRole(actor, municipalityId, traceRoles);
}

/** Links an idea to a goal or measure of its own edition; nothing else about the idea changes. */
export async function linkIdea({
	db,
	actor,
	municipalityId,
	ideaId,
	target,
	note
}: Scope & { ideaId: string; target: TraceTarget; note: string }) {
	const staff = requireRole(actor, municipalityId, traceRoles);
	return db.transaction(async (tx) => {
		const idea = await selectIdeaForTrace(tx, municipalityId, ideaId);
		if (!idea) throw traceIdeaNotFound();
		const found =
			target.kind === 'goal' ? await selectGoalEdition(tx, municipalityId, target.id) : await selectMeasureEdition(tx, municipalityId, target.id);
		// A goal of another edition (or another municipality, which is never found) cannot have grown from this idea.
		if (!found || found.editionId !== idea.editionId) throw traceTargetInvalid();
		const created = await insertTrace(tx, {
			municipalityId,
			editionId: idea.editionId,
			ideaId,
			goalId: target.kind === 'goal' ? target.id : null,
			measureId: target.kind === 'measure' ? target.id : null,
			note,
			createdBy: staff.userId,
			createdByName: staff.name
		});
		if (!created) throw traceExists();
		await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'idea_trace', entityId: created.id, after: created });
		return { trace: created, ideaStatus: idea.status, statusExplanation: idea.statusExplanation };
	});
}

/** Removes a trace; when an idea is named, the trace must be one of its own (a form cannot reach across). */
export async function unlinkIdea({ db, actor, municipalityId, traceId, ideaId }: Scope & { traceId: string; ideaId?: string }) {
	const staff = requireRole(actor, municipalityId, traceRoles);
	return db.transaction(async (tx) => {
		const before = await selectTrace(tx, municipalityId, traceId);
		if (!before || (ideaId && before.ideaId !== ideaId)) throw traceNotFound();
		await deleteTrace(tx, municipalityId, traceId);
		await recordChange(tx, { actor: staff, municipalityId, action: 'delete', entityType: 'idea_trace', entityId: traceId, before });
	});
}

export type TraceNumbering = {
	goals: Map<string, { number: string; title: string; fieldNumber: string; fieldTitle: string }>;
	measures: Map<string, { number: string; title: string; goalLineageId: string }>;
	fields: SnapshotField[];
};

/**
 * How goals and measures are numbered for the public: as in the latest published version, and for
 * what is not in it yet, as in the working outline.
 */
export async function traceNumbering(db: Executor, municipalityId: string, editionId: string): Promise<TraceNumbering> {
	const latest = await selectLatestVersionNumber(db, municipalityId, editionId);
	const published = latest > 0 ? (await selectVersion(db, municipalityId, editionId, latest))?.snapshot.fields : undefined;
	const rows = await selectOutline(db, municipalityId, editionId);
	const working = buildSnapshot({ introduction: '', outline: buildOutline(rows.fieldRows, rows.goalRows, rows.measureRows), sections: [] }).fields;
	const numbering: TraceNumbering = { goals: new Map(), measures: new Map(), fields: published ?? working };
	// Working first, published second: the published numbers win where both know the item.
	for (const fieldList of published ? [working, published] : [working]) {
		for (const field of fieldList) {
			for (const goal of field.goals) {
				numbering.goals.set(goal.lineageId, { number: goal.number, title: goal.title, fieldNumber: field.number, fieldTitle: field.title });
				for (const measure of goal.measures) numbering.measures.set(measure.lineageId, { number: measure.number, title: measure.title, goalLineageId: goal.lineageId });
			}
		}
	}
	return numbering;
}

/** What became of an idea: the goals and measures it fed into, numbered as the public reads them. */
export async function getIdeaTrace({ db, municipalityId, ideaId, editionId }: { db: Executor; municipalityId: string; ideaId: string; editionId: string }) {
	const traces = await selectTracesOfIdea(db, municipalityId, ideaId);
	if (traces.length === 0) return [];
	const numbering = await traceNumbering(db, municipalityId, editionId);
	return traces.map((trace) => {
		const goal = numbering.goals.get(trace.goalLineageId);
		const measure = trace.measureLineageId ? numbering.measures.get(trace.measureLineageId) : undefined;
		return {
			id: trace.id,
			note: trace.note,
			kind: trace.measureId ? ('measure' as const) : ('goal' as const),
			anchor: trace.measureLineageId ? `measure-${trace.measureLineageId}` : `goal-${trace.goalLineageId}`,
			number: (trace.measureLineageId ? measure?.number : goal?.number) ?? '',
			title: (trace.measureLineageId ? measure?.title : goal?.title) ?? '',
			fieldTitle: goal?.fieldTitle ?? ''
		};
	});
}

/**
 * The numbers of the goals and measures each idea fed into ("1.2", "1.2.3"), for ideas read in batches: the
 * edition's numbering is read once, then each batch costs one query.
 */
export async function traceNumbersOfIdeas({ db, municipalityId, editionId }: { db: Executor; municipalityId: string; editionId: string }) {
	const numbering = await traceNumbering(db, municipalityId, editionId);
	return async (ideaIds: string[]): Promise<Map<string, string[]>> => {
		const numbers = new Map<string, string[]>();
		for (const trace of await selectTraceTargetsOfIdeas(db, municipalityId, ideaIds)) {
			const number = trace.measureLineageId ? numbering.measures.get(trace.measureLineageId)?.number : numbering.goals.get(trace.goalLineageId)?.number;
			if (number) numbers.set(trace.ideaId, [...(numbers.get(trace.ideaId) ?? []), number]);
		}
		return numbers;
	};
}

export type TraceSource = { kind: 'event' | 'working_group'; id: string; label: string };
export type TracedIdeas = { ideas: { id: string; title: string; language: string | null }[]; sources: TraceSource[] };

/**
 * The ideas behind each goal and measure of an edition, keyed by lineage id, with the events and
 * working groups they came from. Hidden ideas are left out: the public does not read them.
 */
export async function getTracedIdeasByLineage({
	db,
	municipalityId,
	editionId,
	measureId
}: {
	db: Executor;
	municipalityId: string;
	editionId: string;
	/** Only the ideas behind this one measure, for its monitor page. */
	measureId?: string;
}) {
	const rows = await selectTracedIdeasOfEdition(db, municipalityId, editionId, measureId);
	const byLineage = new Map<string, TracedIdeas>();
	for (const row of rows) {
		if (row.hidden) continue;
		const lineageId = row.measureLineageId ?? row.goalLineageId;
		if (!lineageId) continue;
		const entry = byLineage.get(lineageId) ?? { ideas: [], sources: [] };
		if (!entry.ideas.some((idea) => idea.id === row.ideaId)) entry.ideas.push({ id: row.ideaId, title: row.ideaTitle, language: row.ideaLanguage });
		const sources: TraceSource[] = [];
		if (row.eventId && row.eventTitle) sources.push({ kind: 'event', id: row.eventId, label: row.eventTitle });
		if (row.workingGroupId && row.workingGroupName) sources.push({ kind: 'working_group', id: row.workingGroupId, label: row.workingGroupName });
		for (const source of sources) if (!entry.sources.some((known) => known.kind === source.kind && known.id === source.id)) entry.sources.push(source);
		byLineage.set(lineageId, entry);
	}
	return byLineage;
}

export type TraceFieldCounts = {
	fieldId: string;
	number: string;
	title: string;
	submitted: number;
	takenUp: number;
	goalsWithIdeas: number;
	measuresWithIdeas: number;
};

/** Per field of action of the working outline: how many ideas came in, how many were taken up, and where. */
export async function getTraceCounts({ db, municipalityId, editionId }: { db: Executor; municipalityId: string; editionId: string }) {
	const rows = await selectOutline(db, municipalityId, editionId);
	const outline = buildOutline(rows.fieldRows, rows.goalRows, rows.measureRows);
	const { submitted, takenUp, targets } = await selectTraceCounts(db, municipalityId, editionId);
	const valueOf = (list: { fieldId: string; value: number }[], fieldId: string) => Number(list.find((row) => row.fieldId === fieldId)?.value ?? 0);
	const fields: TraceFieldCounts[] = outline.map((field) => {
		const target = targets.find((row) => row.fieldId === field.id);
		return {
			fieldId: field.id,
			number: field.number,
			title: field.title,
			submitted: valueOf(submitted, field.id),
			takenUp: valueOf(takenUp, field.id),
			goalsWithIdeas: Number(target?.goalsWithIdeas ?? 0),
			measuresWithIdeas: Number(target?.measuresWithIdeas ?? 0)
		};
	});
	const total = (key: 'submitted' | 'takenUp' | 'goalsWithIdeas' | 'measuresWithIdeas') => fields.reduce((sum, field) => sum + field[key], 0);
	return {
		fields,
		totals: { submitted: total('submitted'), takenUp: total('takenUp'), goalsWithIdeas: total('goalsWithIdeas'), measuresWithIdeas: total('measuresWithIdeas') }
	};
}

/** The outline to choose from when linking an idea: the edition's working goals and measures. */
export async function listTraceTargets({ db, actor, municipalityId, editionId }: Scope & { editionId: string }) {
	requireRole(actor, municipalityId, traceRoles);
	const rows = await selectOutline(db, municipalityId, editionId);
	return buildOutline(rows.fieldRows, rows.goalRows, rows.measureRows);
}

const SEARCH_PAGE = 20;

/** The ideas that fed into a goal or measure, and a page of the edition's ideas to add, found by text. */
export async function getTargetTrace({
	db,
	actor,
	municipalityId,
	editionId,
	target,
	query,
	page
}: Scope & { editionId: string; target: TraceTarget; query: string; page: number }) {
	requireRole(actor, municipalityId, traceRoles);
	const found = target.kind === 'goal' ? await selectGoalEdition(db, municipalityId, target.id) : await selectMeasureEdition(db, municipalityId, target.id);
	if (!found || found.editionId !== editionId) throw traceTargetInvalid();
	const linked = await selectTracesOfTarget(db, municipalityId, target.kind === 'goal' ? { goalId: target.id } : { measureId: target.id });
	const rows = await searchIdeasOfEdition(db, { municipalityId, editionId, query, offset: (page - 1) * SEARCH_PAGE, limit: SEARCH_PAGE + 1 });
	const linkedIds = new Set(linked.map((trace) => trace.ideaId));
	return {
		linked,
		candidates: rows.slice(0, SEARCH_PAGE).map((idea) => ({ ...idea, linked: linkedIds.has(idea.id) })),
		hasNext: rows.length > SEARCH_PAGE,
		page
	};
}

/** The public "from ideas to goals" page of an edition. */
export async function getTraceOverview({ db, municipalityId, strategySlug, number }: { db: Executor; municipalityId: string; strategySlug: string; number: number }) {
	const head = await selectEditionHead(db, { municipalityId, strategySlug, number });
	if (!head) throw strategyNotFound({ slug: strategySlug });
	if (!head.edition) throw editionNotFound({ number });
	return { strategy: head.strategy, edition: head.edition, ...(await getTraceCounts({ db, municipalityId, editionId: head.edition.id })) };
}

/** The ideas behind one measure, for the monitor's measure page. */
export async function getTracedIdeasOfMeasure({ db, municipalityId, editionId, measureId }: { db: Executor; municipalityId: string; editionId: string; measureId: string }): Promise<TracedIdeas> {
	const byLineage = await getTracedIdeasByLineage({ db, municipalityId, editionId, measureId });
	return [...byLineage.values()][0] ?? { ideas: [], sources: [] };
}
