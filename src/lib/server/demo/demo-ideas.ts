// Fictional ideas, comments and supports for the demo, generated deterministically from phrase lists so
// that every fresh install tells the same story. Written in bulk like the base demo (load-data.ts),
// because going through the service one idea at a time would slow every start of an empty install.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import * as t from '../db/schema';
import type { IdeaStatus } from '../participation/idea.schema';

const firstNames = ['Amira', 'Bogdan', 'Chiara', 'Dilan', 'Emre', 'Fatou', 'Goran', 'Hanna', 'Ilyas', 'Jana', 'Kemal', 'Lena', 'Mariam', 'Nikolai', 'Olga', 'Parisa', 'Quentin', 'Rania', 'Stefan', 'Tuğba', 'Umut', 'Vesna', 'Wiebke', 'Yusuf', 'Zeynep', 'Ahmad', 'Birgit', 'Cem', 'Daria', 'Elif'];
const lastNames = ['Beispiel', 'Muster', 'Probe', 'Vorlage', 'Entwurf', 'Skizze'];

// Per field of action: what people propose. Combined with whom it is for, each makes a title.
const proposals: string[][] = [
	['Sprechstunden zur Anerkennung von Abschlüssen', 'Praktikumsbörse mit Betrieben', 'Mentoring für den Berufseinstieg', 'Gründungsberatung in mehreren Sprachen', 'Jobmesse im Stadtteil', 'Berufsbezogene Sprachkurse'],
	['Mentoring für neue Mitglieder in Gremien', 'Wahlinformationen in einfacher Sprache', 'Feste Förderung für Vereine', 'Jugendforum Vielfalt', 'Sitzungen zu familienfreundlichen Zeiten', 'Ehrenamtsbörse'],
	['Dolmetschpool für Beratungsgespräche', 'Mehrsprachige Formulare', 'Ausbildungskampagne der Stadtverwaltung', 'Schulungen zu Vielfalt für Beschäftigte', 'Terminvergabe ohne Sprachhürden', 'Anonymisierte Bewerbungen'],
	['Sprachkurse am Abend', 'Herkunftssprachlicher Unterricht', 'Elternlotsen für Kita und Schule', 'Hausaufgabenhilfe im Quartier', 'Lesepatenschaften', 'Fortbildungen zur Mehrsprachigkeit'],
	['Begegnungscafé', 'Nachbarschaftsfest', 'Gemeinschaftsgarten', 'Offener Treffpunkt am Abend', 'Sportangebote für Frauen', 'Kulturwoche der Vereine']
];
const grevenProposals = ['Willkommensmappe', 'Lotsen für die ersten Wochen', 'Sprachcafé', 'Beratung im Rathaus in mehreren Sprachen', 'Stadtrundgang zum Ankommen', 'Infoabend zu Behördengängen', 'Patenschaften', 'Sprachkurse mit Kinderbetreuung'];
const audiences = ['für neu Zugezogene', 'für Eltern', 'für junge Erwachsene', 'für ältere Menschen', 'im Stadtteil', 'für Geflüchtete', 'für Frauen', 'für Studierende'];
const reasons = [
	'Viele wissen nicht, an wen sie sich wenden können.',
	'Bisher gibt es dafür nur Angebote in der Innenstadt.',
	'In unserem Verein fragen Menschen jede Woche danach.',
	'Die Wartezeiten sind zu lang, und wer arbeitet, hat tagsüber keine Zeit.',
	'Andere Städte haben damit gute Erfahrungen gemacht.',
	'So könnten sich Menschen mit und ohne Migrationsgeschichte kennenlernen.'
];
const suggestions = [
	'Wichtig wäre, Migrantenselbstorganisationen von Anfang an zu beteiligen.',
	'Das Angebot sollte abends und am Wochenende offen sein.',
	'Die Informationen sollten mindestens auf Deutsch, Englisch, Arabisch, Türkisch und Ukrainisch vorliegen.',
	'Räume gibt es zum Beispiel im Bürgerhaus oder in der Stadtteilbibliothek.',
	'Es braucht eine feste Ansprechperson und eine verlässliche Finanzierung.'
];
const workshops = ['Auftaktwerkstatt', 'Workshop Nord', 'Workshop Süd-Ost', 'Fachgruppe', 'Werkstatt im Rathaus', 'Jugendworkshop'];
const workshopDates = ['16.09.2023', '14.10.2023', '11.11.2023', '20.01.2024', '02.03.2024', '13.04.2024', '08.06.2024', '21.09.2024'];
const comments = [
	'Das unterstütze ich, in unserer Nachbarschaft fehlt so etwas.',
	'Gute Idee! Wer würde das organisieren?',
	'Wir als Verein könnten Räume zur Verfügung stellen.',
	'Bitte auch an Menschen ohne Internetzugang denken.',
	'Das gab es schon einmal, es ist leider eingeschlafen. Ein neuer Anlauf lohnt sich.',
	'Ich würde mich gern ehrenamtlich beteiligen.'
];
const replies = ['Danke, genau das meine ich.', 'Sprechen Sie uns gern beim nächsten Treffen an.', 'Das sehe ich auch so.'];
const explanations: Record<IdeaStatus, string> = {
	new: '',
	considered: 'Die Idee wird bei der Planung der Maßnahmen geprüft.',
	adopted: 'Die Idee ist als Maßnahme in das Leitbild eingegangen.',
	merged: 'Die Idee wurde mit einer ähnlichen Idee zusammengeführt.',
	not_pursued: 'Die Idee liegt nicht in der Zuständigkeit der Stadt; wir haben sie an die zuständige Stelle weitergegeben.'
};
// An edition in implementation has decided almost every idea.
const decidedStatuses: IdeaStatus[] = ['adopted', 'adopted', 'adopted', 'considered', 'not_pursued', 'adopted', 'merged', 'considered', 'adopted', 'not_pursued'];

const pick = <T>(list: T[], index: number) => list[index % list.length];

async function editionScope(db: Executor, municipalitySlug: string, strategySlug: string, number: number) {
	const [row] = await db
		.select({ municipalityId: t.municipalities.id, editionId: t.editions.id })
		.from(t.editions)
		.innerJoin(t.strategies, eq(t.strategies.id, t.editions.strategyId))
		.innerJoin(t.municipalities, eq(t.municipalities.id, t.editions.municipalityId))
		.where(and(eq(t.municipalities.slug, municipalitySlug), eq(t.strategies.slug, strategySlug), eq(t.editions.number, number)));
	if (!row) return undefined;
	const fieldRows = await db.select({ id: t.fields.id }).from(t.fields).where(eq(t.fields.editionId, row.editionId)).orderBy(asc(t.fields.position));
	const districtRows = await db.select({ id: t.districts.id }).from(t.districts).where(eq(t.districts.municipalityId, row.municipalityId)).orderBy(asc(t.districts.position));
	return { ...row, fieldIds: fieldRows.map((f) => f.id), districtIds: districtRows.map((d) => d.id) };
}

/** Demo participants who comment and support; they cannot sign in (no password), they only populate the story. */
async function insertDemoPeople(db: Executor, municipalityIds: string[]) {
	const people = firstNames.map((first, index) => ({
		id: randomUUID(),
		name: `${first} ${pick(lastNames, index)}`,
		email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${pick(lastNames, index).toLowerCase()}@example.org`,
		emailVerified: true
	}));
	await db.insert(t.authUsers).values(people);
	await db.insert(t.roleAssignments).values(
		people.flatMap((person) => municipalityIds.map((municipalityId) => ({ municipalityId, userId: person.id, role: 'participant' as const })))
	);
	return people.map((person) => person.id);
}

type Scope = NonNullable<Awaited<ReturnType<typeof editionScope>>>;

async function insertIdeasWithReactions(db: Executor, scope: Scope, ideas: (typeof t.ideas.$inferInsert)[], people: string[], seed: number) {
	const stored = await db.insert(t.ideas).values(ideas).returning({ id: t.ideas.id, hiddenReason: t.ideas.hiddenReason });
	const supports = stored.flatMap((idea, i) =>
		Array.from({ length: (i * 7 + seed) % 13 }, (_, k) => ({ municipalityId: scope.municipalityId, ideaId: idea.id, userId: pick(people, i + k * 3) }))
	);
	if (supports.length > 0) await db.insert(t.ideaSupports).values(supports).onConflictDoNothing();
	const topLevel = stored.flatMap((idea, i) =>
		Array.from({ length: (i + seed) % 4 }, (_, k) => ({
			id: randomUUID(),
			municipalityId: scope.municipalityId,
			ideaId: idea.id,
			authorUserId: pick(people, i * 5 + k),
			body: pick(comments, i + k)
		}))
	);
	if (topLevel.length > 0) {
		await db.insert(t.ideaComments).values(topLevel);
		const answers = topLevel
			.filter((_, i) => i % 3 === 0)
			.map((comment, i) => ({ municipalityId: scope.municipalityId, ideaId: comment.ideaId, parentId: comment.id, authorUserId: pick(people, i + 11), body: pick(replies, i) }));
		if (answers.length > 0) await db.insert(t.ideaComments).values(answers);
	}
	return stored;
}

/** Adds the demo's ideas once, after the base demo; does nothing when the demo editions are missing or already have ideas. */
export async function loadDemoIdeas(db: Database): Promise<void> {
	await db.transaction(async (tx) => {
		const muenster = await editionScope(tx, 'muenster', 'migration-und-integration', 4);
		const greven = await editionScope(tx, 'greven', 'integrationskonzept', 1);
		if (!muenster || !greven) return;
		const existing = await tx.select({ id: t.ideas.id }).from(t.ideas).where(inArray(t.ideas.editionId, [muenster.editionId, greven.editionId])).limit(1);
		if (existing.length > 0) return;
		const people = await insertDemoPeople(tx, [muenster.municipalityId, greven.municipalityId]);

		// Münster, 4th edition: gathered in workshops and working groups during 2023–2024, decided since.
		const muensterIdeas = muenster.fieldIds.flatMap((fieldId, fieldIndex) =>
			Array.from({ length: 48 }, (_, i) => {
				const n = fieldIndex * 48 + i;
				const status = pick(decidedStatuses, n);
				const createdAt = new Date(Date.UTC(2023, 8 + Math.floor(i / 4), 1 + (n % 27), 17));
				return {
					municipalityId: muenster.municipalityId,
					editionId: muenster.editionId,
					fieldId,
					districtId: n % 3 === 0 ? pick(muenster.districtIds, n) : null,
					sourceLabel: `${pick(workshops, n)}, ${pick(workshopDates, n)}`,
					title: `${pick(proposals[fieldIndex % proposals.length], i)} ${pick(audiences, Math.floor(i / 6) + fieldIndex)}`,
					body: `${pick(reasons, n)} ${pick(suggestions, n + fieldIndex)}`,
					status,
					statusExplanation: explanations[status],
					createdAt,
					updatedAt: createdAt
				};
			})
		);
		const storedMuenster = await insertIdeasWithReactions(tx, muenster, muensterIdeas, people, 3);
		// Merged ideas point at the first idea of their field, which carries the thought on.
		for (const [index, idea] of muensterIdeas.entries()) {
			if (idea.status !== 'merged') continue;
			const target = storedMuenster[Math.floor(index / 48) * 48];
			if (target.id === storedMuenster[index].id) continue;
			await tx.update(t.ideas).set({ mergedIntoId: target.id }).where(eq(t.ideas.id, storedMuenster[index].id));
		}

		// Greven, 1st edition: participation is running, ideas are new and come from people online.
		const grevenIdeas = Array.from({ length: 64 }, (_, i) => {
			const createdAt = new Date(Date.UTC(2026, 4, 2 + (i % 28), 9 + (i % 10)));
			return {
				municipalityId: greven.municipalityId,
				editionId: greven.editionId,
				fieldId: pick(greven.fieldIds, i),
				districtId: i % 2 === 0 ? pick(greven.districtIds, i) : null,
				authorUserId: pick(people, i * 7),
				title: `${pick(grevenProposals, i)} ${pick(audiences, Math.floor(i / 8))}`,
				body: `${pick(reasons, i + 2)} ${pick(suggestions, i)}`,
				status: 'new' as const,
				createdAt,
				updatedAt: createdAt
			};
		});
		await insertIdeasWithReactions(tx, greven, grevenIdeas, people, 5);
	});
}
