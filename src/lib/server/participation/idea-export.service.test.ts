import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '$lib/paraglide/runtime';
import { listAuditEvents } from '../audit/audit.service';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { linkIdea } from '../document/document-trace.service';
import { goals, measures } from '../document/document.schema';
import { createMailer } from '../mail/mail.service';
import type { Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { codeOf } from '../shared/error-code.testing';
import { csvDelimiterFor } from '../shared/spreadsheet';
import { exportIdeas } from './idea-export.service';
import { ideas } from './idea.schema';
import { commentOnIdea, getIdeasEdition, listIdeaFields, moderateContent, setIdeaStatus, submitIdea, supportIdea, transcribeIdea } from './idea.service';

let test: TestDatabase;
let outboxDir: string;

beforeAll(async () => {
	outboxDir = await mkdtemp(path.join(tmpdir(), 'ideas-export-outbox-'));
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				districts: ['Nord', 'Süd'],
				strategies: [
					{
						slug: 'vielfalt',
						title: 'Vielfalt',
						editions: [
							{
								number: 1,
								periodStart: 2020,
								periodEnd: 2025,
								stage: 'participating',
								fields: [{ title: 'Sprache', goals: [{ title: 'Deutsch lernen für alle', measures: [{ title: 'Sprachcafés' }] }] }, { title: 'Wohnen' }]
							},
							{ number: 2, periodStart: 2025, periodEnd: 2030, stage: 'participating', fields: [{ title: 'Arbeit' }] }
						]
					}
				]
			},
			{ slug: 'b-dorf', name: 'B-Dorf', strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [{ number: 1, periodStart: 2020, periodEnd: 2025, stage: 'participating', fields: [{ title: 'Sprache' }] }] }] }
		],
		accounts: [
			{ email: 'ada@example.org', name: 'Ada Beispiel', password: 'passwort-ada', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'mod@a-stadt.example.org', name: 'Mona Moderation', password: 'passwort-mod', roles: [{ municipality: 'a-stadt', role: 'moderator' }] },
			{ email: 'fac@a-stadt.example.org', name: 'Fritz Facilitator', password: 'passwort-fac', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'fac@b-dorf.example.org', name: 'Berta Dorf', password: 'passwort-fab', roles: [{ municipality: 'b-dorf', role: 'facilitator' }] }
		]
	});
});
afterAll(async () => {
	await test.drop();
	await rm(outboxDir, { recursive: true, force: true });
});

const municipality = (slug: string) => ({ id: test.ids.municipalityIds.get(slug)!, slug, timeZone: 'Europe/Berlin' });

function actor(email: string, role: Role, municipalitySlug: string): Actor {
	const municipalityId = municipality(municipalitySlug).id;
	return { userId: test.ids.accountIds.get(email)!, name: email, email, isPlatformAdmin: false, memberships: [{ municipalityId, municipalitySlug, municipalityName: municipalitySlug, role }] };
}
const ada = () => actor('ada@example.org', 'participant', 'a-stadt');
const moderator = () => actor('mod@a-stadt.example.org', 'moderator', 'a-stadt');
const facilitator = () => actor('fac@a-stadt.example.org', 'facilitator', 'a-stadt');
const facilitatorOfB = () => actor('fac@b-dorf.example.org', 'facilitator', 'b-dorf');

async function editionScope(slug: string, number: number) {
	const municipalityId = municipality(slug).id;
	const edition = await getIdeasEdition({ db: test.db, municipalityId, strategySlug: 'vielfalt', number });
	const fields = await listIdeaFields({ db: test.db, municipalityId, editionId: edition.id });
	return { municipalityId, editionId: edition.id, fields };
}

async function download(by: Actor | null, { slug = 'a-stadt', number = 1, locale = 'de' as Locale, batchSize = 2 } = {}) {
	const file = await exportIdeas({ db: test.db, actor: by, municipality: municipality(slug), strategySlug: 'vielfalt', number, locale, origin: 'https://leitbild.example.org', batchSize });
	const bytes = new Uint8Array(await new Response(file.body).arrayBuffer());
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
	const records: string[][] = parse(text, { delimiter: csvDelimiterFor(locale), bom: true, relax_column_count: false });
	return { fileName: file.fileName, text, header: records[0], rows: records.slice(1) };
}

const column = (file: { header: string[]; rows: string[][] }, heading: string) => {
	const index = file.header.indexOf(heading);
	expect(index, heading).toBeGreaterThanOrEqual(0);
	return file.rows.map((row) => row[index]);
};

describe('the staff download of an edition’s ideas', () => {
	it('lists every idea of the edition once, oldest first, across batches, and none of another edition or town', async () => {
		const { municipalityId, editionId, fields } = await editionScope('a-stadt', 1);
		const titles = ['Erste Idee', 'Zweite Idee', 'Dritte Idee', 'Vierte Idee', 'Fünfte Idee'];
		for (const title of titles) await submitIdea({ db: test.db, actor: ada(), municipalityId, editionId, input: { title, body: 'Begründung', fieldId: fields[0].id, districtId: null } });
		// Three ideas at one instant, to the microsecond: the batches must neither repeat nor skip one of them.
		await test.db.execute(sql`update ${ideas} set created_at = '2025-03-14 18:30:00.123456+00' where ${ideas.title} in ('Zweite Idee', 'Dritte Idee', 'Vierte Idee')`);
		await test.db.execute(sql`update ${ideas} set created_at = '2025-03-14 18:00:00+00' where ${ideas.title} = 'Erste Idee'`);
		const other = await editionScope('a-stadt', 2);
		await submitIdea({ db: test.db, actor: ada(), municipalityId, editionId: other.editionId, input: { title: 'Idee der zweiten Auflage', body: 'x', fieldId: other.fields[0].id, districtId: null } });
		const inB = await editionScope('b-dorf', 1);
		await submitIdea({ db: test.db, actor: facilitatorOfB(), municipalityId: inB.municipalityId, editionId: inB.editionId, input: { title: 'Idee aus B-Dorf', body: 'x', fieldId: inB.fields[0].id, districtId: null } });

		const file = await download(facilitator(), { batchSize: 2 });
		const exported = column(file, 'Titel');
		expect([...exported].sort()).toEqual([...titles].sort());
		expect(exported[0]).toBe('Erste Idee');
		expect(exported.at(-1)).toBe('Fünfte Idee');
		expect(column(file, 'Eingereicht am')[0]).toBe('2025-03-14 19:00');
		expect(file.fileName).toMatch(/^vielfalt-1-ideas-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(file.text.startsWith('\uFEFF')).toBe(true);
		expect(file.text).toContain('\r\n');
		// The same in one batch: the batch size changes nothing but the number of queries.
		expect(column(await download(facilitator(), { batchSize: 500 }), 'Titel')).toEqual(exported);
	});

	it('says where each idea came from, what became of it and which goals and measures it fed into', async () => {
		const { municipalityId, editionId, fields } = await editionScope('a-stadt', 1);
		const [goal] = await test.db.select({ id: goals.id }).from(goals).where(eq(goals.fieldId, fields[0].id));
		const [measure] = await test.db.select({ id: measures.id }).from(measures).where(eq(measures.goalId, goal.id));
		const online = await submitIdea({ db: test.db, actor: ada(), municipalityId, editionId, input: { title: '=HYPERLINK("x")', body: 'Zeile eins\nZeile zwei; mit "Zitat"', fieldId: fields[1].id, districtId: null } });
		const transcribed = await transcribeIdea({
			db: test.db,
			actor: facilitator(),
			municipalityId,
			editionId,
			input: { title: 'Mehr Beratung im Stadtteil', body: 'Von der Pinnwand', fieldId: fields[0].id, districtId: null, sourceLabel: 'Auftaktwerkstatt im Rathaus' }
		});
		await supportIdea({ db: test.db, actor: ada(), municipalityId, ideaId: transcribed.id });
		await supportIdea({ db: test.db, actor: moderator(), municipalityId, ideaId: transcribed.id });
		await commentOnIdea({ db: test.db, actor: ada(), municipalityId, ideaId: transcribed.id, input: { body: 'Gute Idee', parentId: null } });
		const rude = await commentOnIdea({ db: test.db, actor: ada(), municipalityId, ideaId: transcribed.id, input: { body: 'Unfreundlich', parentId: null } });
		await moderateContent({ db: test.db, actor: moderator(), municipalityId, ideaId: transcribed.id, commentId: rude.id, hiddenReason: 'Beleidigung' });
		await linkIdea({ db: test.db, actor: facilitator(), municipalityId, ideaId: transcribed.id, target: { kind: 'goal', id: goal.id }, note: '' });
		await linkIdea({ db: test.db, actor: facilitator(), municipalityId, ideaId: transcribed.id, target: { kind: 'measure', id: measure.id }, note: '' });
		const mailer = createMailer({ outboxDir, from: 'Leitbild <noreply@example.org>' });
		const statusOf = (ideaId: string, input: { status: 'adopted' | 'merged'; explanation: string; mergedIntoId: string | null }) =>
			setIdeaStatus({ db: test.db, actor: facilitator(), municipalityId, ideaId, input, mailer, ideaPath: '/x', origin: 'http://localhost', locale: 'de' });
		await statusOf(transcribed.id, { status: 'adopted', explanation: 'Steht jetzt im Entwurf.', mergedIntoId: null });
		await statusOf(online.id, { status: 'merged', explanation: '', mergedIntoId: transcribed.id });
		const hidden = await submitIdea({ db: test.db, actor: ada(), municipalityId, editionId, input: { title: 'Name und Adresse eines Nachbarn', body: 'privat', fieldId: fields[0].id, districtId: null } });
		await moderateContent({ db: test.db, actor: moderator(), municipalityId, ideaId: hidden.id, commentId: null, hiddenReason: 'Persönliche Daten' });

		const file = await download(facilitator());
		const rowOf = (id: string) => Object.fromEntries(file.header.map((heading, index) => [heading, file.rows.find((row) => row[0] === id)![index]]));
		expect(rowOf(transcribed.id)).toMatchObject({
			Herkunft: 'aus Veranstaltungen',
			'Gesammelt bei': 'Auftaktwerkstatt im Rathaus',
			'Verfasst von': '',
			Handlungsfeld: 'Sprache',
			Stand: 'aufgenommen',
			'Öffentliche Begründung': 'Steht jetzt im Entwurf.',
			Unterstützungen: '2',
			Kommentare: '1',
			'Eingeflossen in (Ziele und Maßnahmen)': '1.1, 1.1.1',
			Link: `https://leitbild.example.org/a-stadt/strategies/vielfalt/editions/1/ideas/${transcribed.id}`
		});
		expect(rowOf(online.id)).toMatchObject({
			Herkunft: 'online eingereicht',
			'Verfasst von': 'Ada Beispiel',
			Handlungsfeld: 'Wohnen',
			// A spreadsheet would run a cell starting with "=": it stays text.
			Titel: `'=HYPERLINK("x")`,
			Text: 'Zeile eins\nZeile zwei; mit "Zitat"',
			Stand: 'zusammengeführt',
			'Zusammengeführt mit': 'Mehr Beratung im Stadtteil'
		});
		// What moderators hid stays out of the file; the reason is kept.
		expect(rowOf(hidden.id)).toMatchObject({ Titel: '', Text: '', 'Ausgeblendet (Grund)': 'Persönliche Daten' });
	});

	it('is written in the reader’s language, with the list separator their spreadsheet expects', async () => {
		const english = await download(facilitator(), { locale: 'en' });
		expect(english.header.slice(0, 3)).toEqual(['ID', 'Submitted', 'Source']);
		expect(english.text.split('\r\n')[0]).toContain('ID,Submitted,Source');
		expect(column(english, 'Link').every((link) => link.startsWith('https://leitbild.example.org/en/a-stadt/'))).toBe(true);
	});

	it('is for facilitators and admins of the town only, and every download is in the audit log', async () => {
		const { municipalityId, editionId } = await editionScope('a-stadt', 1);
		const exportsLogged = async () => {
			const { events } = await listAuditEvents({ db: test.db, actor: { ...facilitator(), isPlatformAdmin: true }, municipalityId });
			return events.filter((event) => event.action === 'export' && event.entityId === editionId);
		};
		const before = (await exportsLogged()).length;
		expect(await codeOf(download(null))).toBe('error_not_signed_in');
		expect(await codeOf(download(ada()))).toBe('error_forbidden');
		expect(await codeOf(download(moderator()))).toBe('error_forbidden');
		expect(await codeOf(download(facilitatorOfB()))).toBe('error_forbidden');
		expect(await exportsLogged()).toHaveLength(before);
		await download(facilitator());
		const logged = await exportsLogged();
		expect(logged).toHaveLength(before + 1);
		expect(logged[0]).toMatchObject({ actorLabel: 'fac@a-stadt.example.org <fac@a-stadt.example.org>', entityType: 'edition_ideas', after: { strategy: 'vielfalt', edition: 1, format: 'csv' } });
		expect(await codeOf(download(facilitator(), { number: 9 }))).toBe('document_edition_not_found');
	});
});
