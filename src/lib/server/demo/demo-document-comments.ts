// Demo comments on the 4th edition of Münster's document. The edition has long left the drafting stage,
// so the comments are written directly as the history of that time, not through the service, which
// would refuse them now. All people and texts are fictional.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import * as t from '../db/schema';
import { insertComment } from '../document/document-comment.queries';
import type { DocumentCommentStatus } from '../document/document-comment.schema';
import type { DocumentSnapshot } from '../document/document.snapshot';
import { selectVersion } from '../document/document-version.queries';
import { selectEditionByPath } from '../participation/event.queries';

type DemoComment = {
	version: number;
	anchor: (snapshot: DocumentSnapshot) => string | undefined;
	author: string;
	body: string;
	at: string;
	status?: DocumentCommentStatus;
	answer?: string;
	answeredAt?: string;
};

const goal = (field: number, goalIndex: number) => (snapshot: DocumentSnapshot) => snapshot.fields[field]?.goals[goalIndex]?.anchor;
const measure = (field: number, goalIndex: number, measureIndex: number) => (snapshot: DocumentSnapshot) =>
	snapshot.fields[field]?.goals[goalIndex]?.measures[measureIndex]?.anchor;
const introduction = (paragraph: number) => (snapshot: DocumentSnapshot) => snapshot.introduction[paragraph]?.anchor;
const sectionParagraph = (section: number, paragraph: number) => (snapshot: DocumentSnapshot) => snapshot.sections[section]?.paragraphs[paragraph]?.anchor;

const comments: DemoComment[] = [
	{
		version: 1,
		anchor: goal(1, 1),
		author: 'fatou.skizze@example.org',
		body: 'Hier fehlen die jungen Leute. Im Jugendworkshop war das eines der wichtigsten Themen – bitte ein eigenes Ziel dafür.',
		at: '2024-12-04T17:20:00Z',
		status: 'taken_into_account',
		answer: 'Danke für den Hinweis. Im zweiten Entwurf gibt es dafür das neue Ziel „Junge Menschen gestalten die Integrationspolitik mit“.',
		answeredAt: '2025-01-24T09:30:00Z'
	},
	{
		version: 2,
		anchor: goal(0, 0),
		author: 'amira.beispiel@example.org',
		body: 'Bitte auch die Pflegeberufe ausdrücklich nennen.\nDort warten besonders viele Menschen monatelang auf ihren Bescheid.',
		at: '2025-01-24T11:05:00Z',
		status: 'taken_into_account',
		answer: 'Die Pflegeberufe stehen jetzt als Schwerpunkt in der Beschreibung des Lotsendienstes. Die Kammern haben eine eigene Sprechstunde dafür zugesagt.',
		answeredAt: '2025-01-26T10:00:00Z'
	},
	{
		version: 2,
		anchor: measure(0, 0, 0),
		author: 'teilnahme@example.org',
		body: 'Wo wird der Lotsendienst sitzen? Für Menschen aus den Außenstadtteilen ist die Innenstadt schwer erreichbar.',
		at: '2025-01-24T12:40:00Z'
	},
	{
		version: 2,
		anchor: goal(1, 0),
		author: 'bogdan.muster@example.org',
		body: 'Gremiensitzungen um 16 Uhr schließen alle aus, die Schicht arbeiten. Sitzungen am Abend wären ein einfacher erster Schritt.',
		at: '2025-01-24T14:15:00Z',
		status: 'not_taken_into_account',
		answer:
			'Die Sitzungszeiten legen die Gremien selbst fest; das Leitbild kann sie nicht vorschreiben. Wir haben Ihren Vorschlag an den Integrationsrat weitergegeben, der im Frühjahr darüber berät.',
		answeredAt: '2025-01-26T10:20:00Z'
	},
	{
		version: 2,
		anchor: goal(3, 0),
		author: 'chiara.probe@example.org',
		body: 'Schön, dass Mehrsprachigkeit als Stärke gilt. Gehören die Herkunftssprachen dann auch in den Unterricht an den Grundschulen?',
		at: '2025-01-24T15:30:00Z'
	},
	{
		version: 2,
		anchor: introduction(0),
		author: 'dilan.vorlage@example.org',
		body: 'Gut wäre ein Satz dazu, wie man sich nach dem Beschluss weiter beteiligen kann.',
		at: '2025-01-24T16:45:00Z',
		status: 'taken_into_account',
		answer: 'Das steht jetzt im Abschnitt „Wie es weitergeht“: Einmal im Jahr berichtet das Integrationsbüro öffentlich, und alle können dazu Stellung nehmen.',
		answeredAt: '2025-01-26T10:40:00Z'
	},
	{
		version: 2,
		anchor: sectionParagraph(0, 1),
		author: 'emre.entwurf@example.org',
		body: 'Bitte den Bericht auch in einfacher Sprache veröffentlichen.',
		at: '2025-01-24T18:10:00Z'
	}
];

const facilitatorEmail = 'moderation@muenster.example.org';

export async function loadDemoDocumentComments(db: Database): Promise<void> {
	const edition = await selectEditionByPath(db, 'muenster', 'migration-und-integration', 4);
	if (!edition) return;
	const { municipalityId, editionId } = edition;
	const emails = [...new Set([facilitatorEmail, ...comments.map((comment) => comment.author)])];
	const people = await db.select({ id: t.authUsers.id, name: t.authUsers.name, email: t.authUsers.email }).from(t.authUsers).where(inArray(t.authUsers.email, emails));
	const byEmail = new Map(people.map((person) => [person.email, person]));
	const facilitator = byEmail.get(facilitatorEmail);
	const [first, second] = await Promise.all([selectVersion(db, municipalityId, editionId, 1), selectVersion(db, municipalityId, editionId, 2)]);
	if (!first || !second) return;
	const versions = new Map([
		[1, first],
		[2, second]
	]);
	await db.transaction(async (tx) => {
		const existing = await tx.select({ id: t.documentComments.id }).from(t.documentComments).where(and(eq(t.documentComments.municipalityId, municipalityId), eq(t.documentComments.editionId, editionId))).limit(1);
		if (existing.length > 0) return;
		for (const comment of comments) {
			const version = versions.get(comment.version)!;
			const anchor = comment.anchor(version.snapshot);
			const author = byEmail.get(comment.author);
			if (!anchor || !author) continue;
			const answered = comment.answer !== undefined;
			await insertComment(tx, {
				municipalityId,
				editionId,
				versionId: version.id,
				anchor,
				authorUserId: author.id,
				body: comment.body,
				status: comment.status ?? 'open',
				answer: comment.answer ?? null,
				answeredBy: answered ? (facilitator?.id ?? null) : null,
				answeredByName: answered ? (facilitator?.name ?? 'Integrationsbüro Münster') : null,
				answeredAt: comment.answeredAt ? new Date(comment.answeredAt) : null,
				createdAt: new Date(comment.at),
				updatedAt: new Date(comment.answeredAt ?? comment.at)
			});
		}
	});
}
