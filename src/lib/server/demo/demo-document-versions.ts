// Demo versions of Münster's document: the 3rd edition's text as it went to the council, and the 4th
// edition's two drafts, whose differences show in the comparison. All texts are fictional.
import type { Database, Executor } from '../db/client';
import { selectEditionByPath } from '../participation/event.queries';
import { insertSection, insertVersion, upsertIntroduction } from '../document/document-version.queries';
import { snapshotOfDraft } from '../document/document-version.service';
import type { DocumentSnapshot, SnapshotField } from '../document/document.snapshot';

const strategy = 'migration-und-integration';

const third = {
	introduction: [
		'Münster versteht Integration als Aufgabe der ganzen Stadtgesellschaft. Dieses Leitbild beschreibt, woran Verwaltung, Vereine und Initiativen in den nächsten fünf Jahren gemeinsam arbeiten.',
		'Es ist in fünf Werkstätten mit rund 200 Beteiligten entstanden. Allen Handlungsfeldern vorangestellt ist die Überwindung von Rassismus und Diskriminierung.'
	].join('\n\n'),
	sections: [
		{
			title: 'Umsetzung und Bericht',
			body: 'Das Integrationsbüro legt dem Rat jedes Jahr einen Bericht über den Stand der Maßnahmen vor.\n\nNach drei Jahren werden die Ziele gemeinsam mit den Beteiligten überprüft.'
		}
	]
};

const fourth = {
	introduction: [
		'Mehr als 400 Menschen aus rund 100 Organisationen haben an dieser Auflage mitgeschrieben: in Werkstätten, in Fachgruppen und online.',
		'Die Auflage baut auf der dritten auf, richtet die Arbeit aber stärker an den Stadtbezirken aus und lädt junge Menschen ausdrücklich ein, mitzugestalten.',
		'Ziele beschreiben, was sich bis 2030 ändern soll; Maßnahmen sagen, wer was dafür tut.'
	].join('\n\n'),
	sections: [
		{
			title: 'Wie es weitergeht',
			body: 'Nach dem Beschluss des Rates beginnt die Umsetzung. Für jede Maßnahme wird eine verantwortliche Stelle benannt.\n\nEinmal im Jahr berichtet das Integrationsbüro öffentlich über Fortschritte und Schwierigkeiten.'
		},
		{
			title: 'Dank',
			body: 'Wir danken allen, die ihre Zeit, ihre Erfahrung und ihre Sprachen eingebracht haben – besonders den Dolmetscherinnen und Dolmetschern der Werkstätten.'
		}
	]
};

/** Numbers and positions as the printed document would show them after an earlier draft's changes. */
function renumbered(fields: SnapshotField[]): SnapshotField[] {
	return fields.map((field, fieldIndex) => ({
		...field,
		number: String(fieldIndex + 1),
		position: fieldIndex,
		goals: field.goals.map((goal, goalIndex) => ({
			...goal,
			number: `${fieldIndex + 1}.${goalIndex + 1}`,
			position: goalIndex,
			measures: goal.measures.map((measure, measureIndex) => ({
				...measure,
				number: `${fieldIndex + 1}.${goalIndex + 1}.${measureIndex + 1}`,
				position: measureIndex
			}))
		}))
	}));
}

/**
 * The first draft of the 4th edition, derived from the final one: before the working-group round the
 * youth goal was missing, two goals stood the other way round, a field had its old name and a few
 * sentences read differently.
 */
function firstDraftOf(final: DocumentSnapshot): DocumentSnapshot {
	const fields = final.fields.map((field): SnapshotField => {
		if (field.title === 'Wirtschaft und Arbeit') {
			return {
				...field,
				goals: field.goals.map((goal, index) =>
					index === 0
						? {
								...goal,
								description: 'Die Wartezeit zwischen Antrag und Bescheid soll sich deutlich verkürzen.',
								measures: goal.measures.slice(0, 1)
							}
						: goal
				)
			};
		}
		if (field.title === 'Politische Partizipation und zivilgesellschaftliches Engagement') {
			const [gremien, mso] = field.goals;
			return { ...field, goals: [mso, { ...gremien, title: 'Mehr Menschen mit Migrationsgeschichte engagieren sich in Gremien' }] };
		}
		if (field.title === 'Bildung und Mehrsprachigkeit') return { ...field, title: 'Bildung und Sprache' };
		if (field.title === 'Zusammenleben im Quartier') return { ...field, description: '' };
		return field;
	});
	const [wieEsWeitergeht] = final.sections;
	return {
		...final,
		introduction: final.introduction.slice(0, 2).map((paragraph, index) =>
			index === 0 ? { ...paragraph, markdown: 'Mehr als 300 Menschen aus vielen Organisationen haben an dieser Auflage mitgeschrieben: in Werkstätten und in Fachgruppen.' } : paragraph
		),
		fields: renumbered(fields),
		sections: [
			{
				...wieEsWeitergeht,
				paragraphs: wieEsWeitergeht.paragraphs.slice(0, 1)
			}
		]
	};
}

async function writeDraft(tx: Executor, municipalityId: string, editionId: string, text: { introduction: string; sections: { title: string; body: string }[] }) {
	await upsertIntroduction(tx, municipalityId, editionId, text.introduction);
	for (const [position, section] of text.sections.entries()) {
		await insertSection(tx, { municipalityId, editionId, position, ...section });
	}
}

const publisher = { publishedBy: null, publishedByName: 'Integrationsbüro Münster (Demo)' };

export async function loadDemoDocumentVersions(db: Database): Promise<void> {
	const thirdEdition = await selectEditionByPath(db, 'muenster', strategy, 3);
	const fourthEdition = await selectEditionByPath(db, 'muenster', strategy, 4);
	if (!thirdEdition || !fourthEdition) return;
	await db.transaction(async (tx) => {
		await writeDraft(tx, thirdEdition.municipalityId, thirdEdition.editionId, third);
		await insertVersion(tx, {
			...thirdEdition,
			...publisher,
			number: 1,
			title: 'Entwurf für den Rat',
			changeSummary: 'Ergebnis der fünf Werkstätten, abgestimmt mit dem Integrationsrat.',
			publishedAt: new Date('2019-03-15T10:00:00Z'),
			snapshot: await snapshotOfDraft(tx, thirdEdition.municipalityId, thirdEdition.editionId)
		});

		await writeDraft(tx, fourthEdition.municipalityId, fourthEdition.editionId, fourth);
		const final = await snapshotOfDraft(tx, fourthEdition.municipalityId, fourthEdition.editionId);
		await insertVersion(tx, {
			...fourthEdition,
			...publisher,
			number: 1,
			title: 'Entwurf 1',
			changeSummary: 'Erster Entwurf aus den Ergebnissen der Werkstätten, zur Beratung in den Fachgruppen.',
			publishedAt: new Date('2024-11-29T09:00:00Z'),
			snapshot: firstDraftOf(final)
		});
		await insertVersion(tx, {
			...fourthEdition,
			...publisher,
			number: 2,
			title: 'Entwurf 2 — nach der Fachgruppenrunde',
			changeSummary:
				'Ein neues Ziel zur Beteiligung junger Menschen, das Handlungsfeld Bildung heißt jetzt „Bildung und Mehrsprachigkeit“, die Ziele zur politischen Teilhabe neu geordnet, Hinweise zur Umsetzung ergänzt.',
			publishedAt: new Date('2025-01-24T09:00:00Z'),
			snapshot: final
		});
	});
}
