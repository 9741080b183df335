// Münster's 3rd and 4th editions joined by lineage, and the 4th edition's trace from ideas to goals.
// The base demo writes each edition on its own, so here the 3rd edition's structure is completed as the
// 4th grew out of it: continued, changed, moved, dropped and new goals and measures. Runs before the
// document versions are published, so that their snapshots carry the shared lineage ids. Fictional.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import * as t from '../db/schema';

const strategySlug = 'migration-und-integration';

async function editionOf(db: Executor, number: number) {
	const [row] = await db
		.select({ municipalityId: t.municipalities.id, editionId: t.editions.id })
		.from(t.editions)
		.innerJoin(t.strategies, eq(t.strategies.id, t.editions.strategyId))
		.innerJoin(t.municipalities, eq(t.municipalities.id, t.editions.municipalityId))
		.where(and(eq(t.municipalities.slug, 'muenster'), eq(t.strategies.slug, strategySlug), eq(t.editions.number, number)));
	return row;
}

async function outlineOf(db: Executor, editionId: string) {
	const fieldRows = await db.select().from(t.fields).where(eq(t.fields.editionId, editionId)).orderBy(asc(t.fields.position));
	const goalRows = fieldRows.length
		? await db.select().from(t.goals).where(inArray(t.goals.fieldId, fieldRows.map((field) => field.id))).orderBy(asc(t.goals.position))
		: [];
	const measureRows = goalRows.length
		? await db.select().from(t.measures).where(inArray(t.measures.goalId, goalRows.map((goal) => goal.id))).orderBy(asc(t.measures.position))
		: [];
	return { fieldRows, goalRows, measureRows };
}

type Outline = Awaited<ReturnType<typeof outlineOf>>;
const byTitle = <T extends { title: string }>(rows: T[], title: string) => {
	const row = rows.find((candidate) => candidate.title === title);
	if (!row) throw new Error(`demo-trace: "${title}" is not in the demo outline`);
	return row;
};

/**
 * The 3rd edition as the 4th continued it. Fields: "Teilhabe" became the participation field, the
 * education field was renamed, the anti-discrimination field was dropped as a field of its own.
 */
async function joinLineages(tx: Executor, municipalityId: string, third: Outline, fourth: Outline) {
	const fieldLineage = (field: { id: string; lineageId: string | null }) => field.lineageId ?? field.id;
	const economy = byTitle(fourth.fieldRows, 'Wirtschaft und Arbeit');
	const participation = byTitle(fourth.fieldRows, 'Politische Partizipation und zivilgesellschaftliches Engagement');
	const education = byTitle(fourth.fieldRows, 'Bildung und Mehrsprachigkeit');

	// Every field of the 4th edition names its lineage, so that later editions and this one agree on it.
	for (const field of fourth.fieldRows) {
		if (!field.lineageId) await tx.update(t.fields).set({ lineageId: field.id }).where(eq(t.fields.id, field.id));
	}
	const thirdTeilhabe = byTitle(third.fieldRows, 'Teilhabe');
	const thirdEducation = byTitle(third.fieldRows, 'Bildung, Mehrsprachigkeit und Herkunftssprachen');
	await tx.update(t.fields).set({ lineageId: fieldLineage(participation) }).where(eq(t.fields.id, thirdTeilhabe.id));
	await tx.update(t.fields).set({ lineageId: fieldLineage(education) }).where(eq(t.fields.id, thirdEducation.id));
	const thirdDiscrimination = byTitle(third.fieldRows, 'Rassismus und Diskriminierung überwinden (Querschnittsaufgabe)');
	if (!thirdDiscrimination.lineageId) await tx.update(t.fields).set({ lineageId: thirdDiscrimination.id }).where(eq(t.fields.id, thirdDiscrimination.id));

	// Continued with changes: the same aim, said more precisely in the 4th edition.
	const committees = byTitle(fourth.goalRows, 'Mehr Menschen mit internationaler Geschichte engagieren sich in Gremien');
	await tx.update(t.goals).set({ lineageId: committees.lineageId }).where(eq(t.goals.id, byTitle(third.goalRows, 'Migrantenselbstorganisationen in Gremien einbinden').id));

	// The 3rd edition also had an economy field, and goals that the 4th edition kept word for word.
	const [thirdEconomy] = await tx
		.insert(t.fields)
		.values({ municipalityId, editionId: thirdTeilhabe.editionId, title: 'Arbeit und Wirtschaft', position: 3, lineageId: fieldLineage(economy) })
		.returning();
	const recognition = byTitle(fourth.goalRows, 'Berufliche Qualifikationen aus dem Ausland werden schneller anerkannt');
	const pilots = byTitle(fourth.measureRows, 'Lotsendienst für Anerkennungsverfahren');
	const [thirdRecognition] = await tx
		.insert(t.goals)
		.values({ municipalityId, fieldId: thirdEconomy.id, title: recognition.title, description: recognition.description, position: 0, lineageId: recognition.lineageId })
		.returning();
	await tx.insert(t.measures).values([
		{ municipalityId, goalId: thirdRecognition.id, title: pilots.title, description: pilots.description, position: 0, lineageId: pilots.lineageId },
		// Dropped: the fair was held twice and then given over to the chamber of commerce.
		{ municipalityId, goalId: thirdRecognition.id, title: 'Jährliche Jobmesse für Zugewanderte', description: '', position: 1 }
	]);
	// Moved: multilingual citizen services stood under participation in the 3rd edition.
	const services = byTitle(fourth.goalRows, 'Bürgerdienste sind mehrsprachig zugänglich');
	const interpreters = byTitle(fourth.measureRows, 'Dolmetschpool für Beratungsgespräche');
	const [thirdServices] = await tx
		.insert(t.goals)
		.values({ municipalityId, fieldId: thirdTeilhabe.id, title: services.title, description: services.description, position: 1, lineageId: services.lineageId })
		.returning();
	await tx.insert(t.measures).values({ municipalityId, goalId: thirdServices.id, title: 'Dolmetschpool für Beratungen', description: '', position: 0, lineageId: interpreters.lineageId });
}

const significantWords = (text: string) =>
	text
		.toLowerCase()
		.split(/[^a-zäöüß]+/)
		.filter((word) => word.length >= 6)
		.map((word) => word.slice(0, 6));

/** About forty decided ideas of the 4th edition, each linked to the goal or measure of its field that it speaks of. */
async function traceIdeas(tx: Executor, municipalityId: string, editionId: string, fourth: Outline) {
	const ideaRows = await tx
		.select({ id: t.ideas.id, title: t.ideas.title, fieldId: t.ideas.fieldId, status: t.ideas.status })
		.from(t.ideas)
		.where(and(eq(t.ideas.editionId, editionId), isNull(t.ideas.hiddenReason), inArray(t.ideas.status, ['adopted', 'considered'])))
		.orderBy(asc(t.ideas.createdAt), asc(t.ideas.id));
	const traces: (typeof t.ideaTraces.$inferInsert)[] = [];
	for (const field of fourth.fieldRows) {
		const goals = fourth.goalRows.filter((goal) => goal.fieldId === field.id);
		if (goals.length === 0) continue;
		const ideas = ideaRows.filter((idea) => idea.fieldId === field.id).slice(0, 8);
		for (const [index, idea] of ideas.entries()) {
			const words = significantWords(idea.title);
			const measure = fourth.measureRows.find(
				(candidate) => goals.some((goal) => goal.id === candidate.goalId) && significantWords(candidate.title).some((word) => words.includes(word))
			);
			const common = { municipalityId, editionId, ideaId: idea.id, createdByName: 'Integrationsbüro Münster (Demo)', createdAt: new Date('2025-01-20T10:00:00Z') };
			if (measure) {
				traces.push({ ...common, measureId: measure.id, note: 'Fast wörtlich als Maßnahme übernommen.' });
				traces.push({ ...common, goalId: measure.goalId });
			} else {
				traces.push({ ...common, goalId: goals[index % goals.length].id });
			}
		}
	}
	if (traces.length > 0) await tx.insert(t.ideaTraces).values(traces).onConflictDoNothing();
}

export async function loadDemoTrace(db: Database): Promise<void> {
	const third = await editionOf(db, 3);
	const fourth = await editionOf(db, 4);
	if (!third || !fourth) return;
	await db.transaction(async (tx) => {
		const fourthOutline = await outlineOf(tx, fourth.editionId);
		await joinLineages(tx, third.municipalityId, await outlineOf(tx, third.editionId), fourthOutline);
		await traceIdeas(tx, fourth.municipalityId, fourth.editionId, await outlineOf(tx, fourth.editionId));
	});
}
