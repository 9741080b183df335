import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { addOfflineCount } from '../participation/figures.service';
import { isDomainError } from '../shared/errors';
import { exportSubmissionForPublic, exportSubmissionForStaff, type ExportStorage } from './document-council.service';
import { getDocumentForDrafting, publishVersion, saveIntroduction } from './document-version.service';
import { answerComment, commentOnDocument, setCommentHidden } from './document-comment.service';
import { selectVersion } from './document-version.queries';

// The exports are read back by independent tools (poppler's pdftotext, pandoc), as a reader would.
const ARABIC_GOAL = 'تعليم اللغة للجميع';
const GOALS = ['Anerkennung ausländischer Abschlüsse beschleunigen', 'Gründungen von Zugewanderten fördern', ARABIC_GOAL, 'Gremien für alle öffnen'];

let test: TestDatabase;
let storage: ExportStorage;
let workDir: string;

beforeAll(async () => {
	workDir = await mkdtemp(path.join(os.tmpdir(), 'leitbild-council-'));
	storage = { cacheDir: path.join(workDir, 'cache'), fontDir: path.resolve('src/lib/server/document/export/fonts') };
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'Stadt Ämterhausen',
				strategies: [
					{
						slug: 'vielfalt',
						title: 'Leitbild Vielfalt und Teilhabe',
						editions: [
							{
								number: 2,
								periodStart: 2025,
								periodEnd: 2030,
								stage: 'drafting',
								fields: [
									{
										title: 'Arbeit und Wirtschaft',
										description: 'Berufliche **Integration** ist ein Schlüssel.',
										goals: [
											{ title: GOALS[0], description: 'Verfahren werden kürzer.', measures: [{ title: 'Lotsendienst Anerkennung', description: 'Beratung im Bürgerbüro' }] },
											{ title: GOALS[1] },
											{ title: GOALS[2], description: 'دروس اللغة في كل حي' }
										]
									},
									{ title: 'Politische Teilhabe', goals: [{ title: GOALS[3], measures: [{ title: 'Integrationsrat stärken' }] }] }
								]
							}
						]
					}
				]
			}
		],
		accounts: [
			{ email: 'admin@a-stadt.example.org', name: 'Admin A', password: 'admin-a-stadt-password', roles: [{ municipality: 'a-stadt', role: 'admin' }] },
			{ email: 'ada@example.org', name: 'Ada Beispielname', password: 'ada-password-1', roles: [{ municipality: 'a-stadt', role: 'participant' }] }
		]
	});
});
afterAll(async () => {
	await test.drop();
	await rm(workDir, { recursive: true, force: true });
});

const municipalityId = () => test.ids.municipalityIds.get('a-stadt')!;
const municipality = () => ({ id: municipalityId(), name: 'Stadt Ämterhausen', timeZone: 'Europe/Berlin' });

function actorWith(role: Role, slug = 'a-stadt', id = municipalityId()): Actor {
	return { userId: randomUUID(), name: role, email: `${role}@example.org`, isPlatformAdmin: false, memberships: [{ municipalityId: id, municipalitySlug: slug, municipalityName: slug, role }] };
}

let editionId: string;

beforeAll(async () => {
	const admin = { ...actorWith('admin'), userId: test.ids.accountIds.get('admin@a-stadt.example.org')! };
	const { edition } = await getDocumentForDrafting({ db: test.db, actor: admin, municipalityId: municipalityId(), strategySlug: 'vielfalt', number: 2 });
	editionId = edition.id;
	const scope = { db: test.db, actor: admin, municipalityId: municipalityId(), editionId };
	await saveIntroduction({ ...scope, input: { introduction: 'Ämterhausen wächst. Über 140 Nationen leben hier.\n\n- Vielfalt\n- Teilhabe' } });
	await publishVersion({ ...scope, input: { title: 'Entwurf 1 – für die Fachgruppen', changeSummary: '' } });
	// Comments on the draft: one answered, one open, one hidden by a moderator.
	const { snapshot } = (await selectVersion(test.db, municipalityId(), editionId, 1))!;
	const ada = { ...actorWith('participant'), name: 'Ada Beispielname', userId: test.ids.accountIds.get('ada@example.org')! };
	const say = (anchor: string, body: string) => commentOnDocument({ ...scope, actor: ada, versionNumber: 1, input: { anchor, body } });
	const answered = await say(snapshot.fields[0].goals[0].anchor, 'Bitte auch die Berufsschulen einbeziehen.');
	await answerComment({ ...scope, commentId: answered.id, input: { status: 'taken_into_account', answer: 'Aufgenommen in Maßnahme 1.1.1.' } });
	await say(snapshot.introduction[0].anchor, 'Woher stammt die Zahl der Nationen?');
	const rude = await say(snapshot.fields[1].goals[0].anchor, 'Ein unsachlicher Zwischenruf');
	await setCommentHidden({ ...scope, commentId: rude.id, reason: 'Beleidigung' });
	await addOfflineCount({ ...scope, input: { label: 'Stadtteilfest', people: 437, note: '', countedOn: '2024-06-01' } });
	const organisationId = randomUUID();
	await test.db.execute(sql`insert into organisations (id, municipality_id, slug, name, sector) values (${organisationId}, ${municipalityId()}, 'bruecke', 'Brücke – Verein für Begegnung e. V.', 'association')`);
	const fieldId = (await test.db.execute(sql`select id from fields where edition_id = ${editionId} order by position limit 1`)).rows[0].id as string;
	await test.db.execute(
		sql`insert into ideas (municipality_id, edition_id, field_id, organisation_id, title, body) values (${municipalityId()}, ${editionId}, ${fieldId}, ${organisationId}, 'Sprachcafé', 'Ein Ort zum Üben')`
	);
});

async function textOf(bytes: Buffer, format: 'pdf' | 'docx') {
	const file = path.join(workDir, `${randomUUID()}.${format}`);
	await writeFile(file, bytes);
	const text = format === 'pdf' ? execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }) : execFileSync('pandoc', ['-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
	// pdftotext marks right-to-left stretches with embedding controls; a reader sees none of them.
	return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '').replace(/[ \t]+/g, ' ');
}

const request = (format: 'pdf' | 'docx', versionNumber: number | null = 1) => ({
	db: test.db,
	municipality: municipality(),
	strategySlug: 'vielfalt',
	number: 2,
	versionNumber,
	format,
	storage
});

describe('the council submission as PDF and DOCX', () => {
	for (const format of ['pdf', 'docx'] as const) {
		it(`the ${format.toUpperCase()} has the cover, every field and goal with its number, the measures and the participation appendix`, async () => {
			const file = await exportSubmissionForStaff({ ...request(format), actor: actorWith('facilitator') });
			expect(file.fileName).toBe(`vielfalt-auflage-2-fassung-1.${format}`);
			const text = await textOf(file.bytes, format);
			for (const expected of [
				'Stadt Ämterhausen',
				'Beschlussvorlage',
				'Leitbild Vielfalt und Teilhabe',
				'2. Auflage',
				'Fassung 1: Entwurf 1 – für die Fachgruppen',
				'Inhalt',
				'Ämterhausen wächst. Über 140 Nationen leben hier.',
				'1 Arbeit und Wirtschaft',
				'2 Politische Teilhabe',
				`1.1 ${GOALS[0]}`,
				`1.2 ${GOALS[1]}`,
				`2.1 ${GOALS[3]}`,
				'1.1.1 Lotsendienst Anerkennung',
				'Maßnahmen',
				'Anhang: Beteiligung',
				'Brücke – Verein für Begegnung e. V. (Verein oder Verband)'
			]) {
				expect(text, expected).toContain(expected);
			}
			expect(text).toContain(ARABIC_GOAL);
			expect(text).toContain('دروس اللغة في كل حي');
			expect(text).toMatch(/Organisationen waren vertreten\s+1\b/);
			expect(text).toMatch(/Ideen\s+1\b/);
			expect(text).toContain('437');
		});
	}

	it('a second download of the same version is read from the cache, byte for byte', async () => {
		const first = await exportSubmissionForPublic(request('pdf'));
		const second = await exportSubmissionForPublic(request('pdf'));
		expect(second.cached).toBe(true);
		expect(second.etag).toBe(first.etag);
		expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
		expect((await readdir(storage.cacheDir)).filter((name) => name.endsWith('.pdf'))).toHaveLength(1);
	});

	it('without a version number the public download is the latest version while nothing is adopted', async () => {
		const file = await exportSubmissionForPublic(request('docx', null));
		expect(file.fileName).toBe('vielfalt-auflage-2-fassung-1.docx');
	});

	it('staff downloads are for the municipality’s facilitators and admins only', async () => {
		for (const actor of [actorWith('participant'), actorWith('facilitator', 'b-dorf', randomUUID()), null]) {
			const outcome = await exportSubmissionForStaff({ ...request('pdf'), actor }).then(
				() => 'allowed',
				(error) => (isDomainError(error) ? error.code : 'crash')
			);
			expect(outcome).toMatch(/^error_(forbidden|not_signed_in)$/);
		}
	});

	for (const format of ['pdf', 'docx'] as const) {
		it(`the ${format.toUpperCase()} lists the comments on the drafts with passage, status and answer, but neither hidden ones nor names`, async () => {
			const text = await textOf((await exportSubmissionForPublic(request(format))).bytes, format);
			expect(text).toContain('Stellungnahmen zu den Entwurfsfassungen');
			expect(text).toContain('Zu den veröffentlichten Fassungen bis einschließlich Fassung 1 gingen 2 Stellungnahmen ein.');
			// In document order: the introduction before the goal, whatever the order they were written in.
			const introduction = text.indexOf('Woher stammt die Zahl der Nationen?');
			const goal = text.indexOf('Bitte auch die Berufsschulen einbeziehen.');
			expect(introduction).toBeGreaterThan(0);
			expect(goal).toBeGreaterThan(introduction);
			expect(text).toContain('Fassung 1 · Einleitung, Absatz 1');
			expect(text).toContain(`Fassung 1 · Ziel 1.1 ${GOALS[0]}`);
			expect(text).toContain('Stand: berücksichtigt');
			expect(text).toContain('Antwort: Aufgenommen in Maßnahme 1.1.1.');
			expect(text).toContain('Stand: offen');
			expect(text).not.toContain('Ein unsachlicher Zwischenruf');
			expect(text).not.toContain('Ada Beispielname');
		});
	}

	it('an answer given later makes a new file: the cached one would keep the comment open', async () => {
		const before = await exportSubmissionForPublic(request('pdf'));
		const admin = { ...actorWith('admin'), userId: test.ids.accountIds.get('admin@a-stadt.example.org')! };
		const open = (await test.db.execute(sql`select id from document_comments where body = 'Woher stammt die Zahl der Nationen?'`)).rows[0].id as string;
		await answerComment({ db: test.db, actor: admin, municipalityId: municipalityId(), editionId, commentId: open, input: { status: 'not_taken_into_account', answer: 'Die Zahl stammt aus dem Melderegister.' } });
		const after = await exportSubmissionForPublic(request('pdf'));
		expect(after.cached).toBe(false);
		expect(after.etag).not.toBe(before.etag);
		expect(await textOf(after.bytes, 'pdf')).toContain('Antwort: Die Zahl stammt aus dem Melderegister.');
	});

	it('a version that does not exist is not found', async () => {
		const outcome = await exportSubmissionForPublic(request('pdf', 9)).catch((error) => (isDomainError(error) ? error.code : 'crash'));
		expect(outcome).toBe('document_version_not_found');
	});
});
