import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions, goals, measures } from '../document/document.schema';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { indicatorSchema, measurementSchema, measureStatusSchema, measureTrackingSchema } from '$lib/validation/monitoring';
import { reviewRatingsSchema, reviewStartSchema } from '$lib/validation/review';
import { addMeasurement, createIndicator, saveMeasureTracking, updateMeasureStatus } from './monitoring.admin';
import { publishReview, saveRatings, startReview } from './review.service';
import { exportAnnualReport, listAnnualReports, type ReportStorage } from './report.service';
import { codeOf } from '../shared/error-code.testing';

// The report is read back with poppler's pdftotext, as a reader would.
const ARABIC_GOAL = 'تعليم اللغة للجميع';
const GOALS = ['Anerkennung ausländischer Abschlüsse beschleunigen', 'Gründungen von Zugewanderten fördern', ARABIC_GOAL, 'Gremien für alle öffnen'];
const NOW = new Date('2026-11-27T10:00:00Z');

let test: TestDatabase;
let storage: ReportStorage;
let workDir: string;
const ids = { edition: '', goals: [] as string[], measures: [] as string[] };

beforeAll(async () => {
	workDir = await mkdtemp(path.join(os.tmpdir(), 'leitbild-report-'));
	storage = { cacheDir: path.join(workDir, 'cache'), fontDir: path.resolve('src/lib/server/document/export/fonts') };
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'Stadt Ämterhausen',
				districts: ['Nord', 'Süd'],
				strategies: [
					{
						slug: 'vielfalt',
						title: 'Leitbild Vielfalt und Teilhabe',
						editions: [
							{
								number: 2,
								periodStart: 2025,
								periodEnd: 2030,
								stage: 'implementing',
								fields: [
									{
										title: 'Arbeit und Wirtschaft',
										goals: [
											{ title: GOALS[0], measures: [{ title: 'Lotsendienst Anerkennung' }, { title: 'Sprechstunde im Jobcenter' }] },
											{ title: GOALS[1] },
											{ title: GOALS[2], measures: [{ title: 'دروس اللغة في كل حي' }] }
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
		accounts: [{ email: 'moderation@a-stadt.example.org', name: 'Moderation A', password: 'moderation-a-stadt', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] }]
	});
	const municipalityId = test.ids.municipalityIds.get('a-stadt')!;
	ids.edition = (await test.db.select().from(editions).where(eq(editions.municipalityId, municipalityId)))[0].id;
	const goalRows = await test.db.select().from(goals).where(eq(goals.municipalityId, municipalityId));
	ids.goals = GOALS.map((title) => goalRows.find((goal) => goal.title === title)!.id);
	const measureRows = await test.db.select().from(measures).where(eq(measures.municipalityId, municipalityId));
	ids.measures = ['Lotsendienst Anerkennung', 'Sprechstunde im Jobcenter', 'Integrationsrat stärken'].map((title) => measureRows.find((measure) => measure.title === title)!.id);

	const actor = await facilitator();
	const scope = { db: test.db, actor, municipalityId, editionId: ids.edition };
	await saveMeasureTracking({
		...scope,
		measureId: ids.measures[0],
		input: measureTrackingSchema.parse({ status: 'in_progress', progress: '40', weight: '1', responsibleOffice: 'Amt für Zuwanderung', cityWide: 'on' })
	});
	await saveMeasureTracking({ ...scope, measureId: ids.measures[2], input: measureTrackingSchema.parse({ status: 'delayed', statusReason: 'Wahl verschoben', progress: '10', weight: '1' }) });
	const indicator = await createIndicator({
		...scope,
		input: indicatorSchema.parse({ subject: `goal:${ids.goals[0]}`, name: 'Anerkannte Berufsabschlüsse', unit: 'Anzahl', direction: 'higher_is_better', baselineValue: '250', baselineDate: '2024-12-31', targetValue: '350', targetDate: '2030-12-31', frequency: 'quarterly' })
	});
	for (const [measuredOn, value] of [['2025-03-31', '262'], ['2025-06-30', '275'], ['2026-03-31', '301']]) {
		await addMeasurement({ ...scope, indicatorId: indicator.id, input: measurementSchema.parse({ measuredOn, value }) });
	}
	const review = await startReview({ ...scope, input: reviewStartSchema.parse({ kind: 'mid_term', title: 'Halbzeitbilanz 2025', reviewedOn: '2025-11-30' }) });
	await saveRatings({
		...scope,
		reviewId: review.id,
		input: reviewRatingsSchema.parse({
			ratings: [
				{ goalId: ids.goals[0], rating: 'on_track', findings: 'Die Lotsen verkürzen die Verfahren spürbar.' },
				{ goalId: ids.goals[1], rating: 'at_risk', findings: 'Zu wenige Gründungsberatungen auf Türkisch.' },
				{ goalId: ids.goals[2], rating: 'on_track', findings: '' },
				{ goalId: ids.goals[3], rating: 'off_track', findings: 'Der Integrationsrat tagt selten.' }
			]
		})
	});
	await publishReview({ ...scope, reviewId: review.id, now: new Date('2025-12-01T10:00:00Z') });
});
afterAll(async () => {
	await test.drop();
	await rm(workDir, { recursive: true, force: true });
});

const municipality = () => ({ id: test.ids.municipalityIds.get('a-stadt')!, name: 'Stadt Ämterhausen', timeZone: 'Europe/Berlin' });

async function facilitator(): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, 'moderation@a-stadt.example.org'))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

const request = (year: number) => ({ db: test.db, municipality: municipality(), strategySlug: 'vielfalt', number: 2, year, storage, now: NOW });

async function textOf(bytes: Buffer) {
	const file = path.join(workDir, `${randomUUID()}.pdf`);
	await writeFile(file, bytes);
	const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	// pdftotext marks right-to-left stretches with embedding controls; a reader sees none of them.
	return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
}

describe('the annual report of an edition', () => {
	it('the report has the cover, the summary figures, every field and goal, the measures table, the indicator as of the year end and the review findings', async () => {
		const file = await exportAnnualReport(request(2025));
		expect(file.contentType).toBe('application/pdf');
		expect(file.fileName).toBe('vielfalt-auflage-2-jahresbericht-2025.pdf');
		const text = await textOf(file.bytes);
		for (const expected of [
			'Stadt Ämterhausen',
			'Jahresbericht',
			'Leitbild Vielfalt und Teilhabe',
			'2. Auflage',
			'Zeitraum 2025–2030',
			'Berichtsjahr 2025',
			'Erstellt am 27. November 2026',
			'Das Jahr im Überblick',
			'in Umsetzung 1',
			'verzögert 1',
			'geplant 2',
			'Maßnahmen insgesamt 4',
			'auf dem Weg zum Zielwert 1',
			'Bewertungen der Fortschreibung „Halbzeitbilanz 2025“ vom 30. November 2025',
			'auf gutem Weg 2',
			'gefährdet 1',
			'nicht auf Kurs 1',
			'1 Arbeit und Wirtschaft',
			'2 Politische Teilhabe',
			...GOALS,
			'Lotsendienst Anerkennung',
			'Amt für Zuwanderung',
			'gesamtstädtisch',
			'40 %',
			'Anerkannte Berufsabschlüsse',
			// The value of 2026 lies after the reporting year: the report stands at 30 June 2025.
			'Stand 30. Juni 2025: 275 Anzahl, 10 % über dem Ausgangswert, 25 % des Wegs zum Ziel geschafft.',
			// On the day of generation the quarterly value of 31 March 2026 is more than two quarters old.
			'Veraltet. Älter als bei vierteljährlicher Aktualisierung erwartet: Ein neuer Wert war bis zum 30. September 2026 fällig.',
			'Die Lotsen verkürzen die Verfahren spürbar.',
			'Der Integrationsrat tagt selten.'
		]) {
			expect(text, expected).toContain(expected);
		}
		expect(text).not.toContain('301');
	});

	it('the indicator chart is drawn as vector paths, not embedded as an image', async () => {
		const file = await exportAnnualReport(request(2025));
		expect(file.bytes.includes('/Subtype /Image')).toBe(false);
		// poppler lists every raster image of a document; a chart drawn with paths is none.
		const pdf = path.join(workDir, `${randomUUID()}.pdf`);
		await writeFile(pdf, file.bytes);
		expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
	});

	it('a second download comes from the cache; a measure status change makes the next download a new report', async () => {
		const first = await exportAnnualReport(request(2025));
		const again = await exportAnnualReport(request(2025));
		expect(again.cached).toBe(true);
		expect(again.etag).toBe(first.etag);

		await updateMeasureStatus({
			db: test.db,
			actor: await facilitator(),
			municipalityId: municipality().id,
			editionId: ids.edition,
			measureId: ids.measures[0],
			input: measureStatusSchema.parse({ status: 'done', progress: '100' })
		});
		const changed = await exportAnnualReport(request(2025));
		expect(changed.cached).toBe(false);
		expect(changed.etag).not.toBe(first.etag);
		const text = await textOf(changed.bytes);
		expect(text).toContain('abgeschlossen 1');
		expect(text).toContain('100 %');
		// The report of the old data is gone from the disk; only the current one of the year remains.
		const files = await readdir(path.join(storage.cacheDir, ids.edition));
		expect(files.filter((name) => name.startsWith('2025-'))).toEqual([`2025-${changed.etag.slice(1, -1)}.pdf`]);
		const reports = await listAnnualReports({ editionId: ids.edition, edition: { periodStart: 2025, periodEnd: 2030 }, timeZone: 'Europe/Berlin', storage, now: NOW });
		expect(reports.map((report) => report.year)).toEqual([2026, 2025]);
		expect(reports[0].kilobytes).toBeNull();
		expect(reports[1].kilobytes).toBe(Math.max(1, Math.round(changed.bytes.byteLength / 1024)));
	});

	it('concurrent first downloads of a report all get it, and one file stays', async () => {
		const downloads = await Promise.all(Array.from({ length: 6 }, () => exportAnnualReport(request(2026))));
		expect(new Set(downloads.map((download) => download.etag)).size).toBe(1);
		for (const download of downloads) expect(download.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		const files = (await readdir(path.join(storage.cacheDir), { recursive: true })).filter((name) => String(name).includes('2026-'));
		expect(files.filter((name) => String(name).endsWith('.pdf'))).toHaveLength(1);
		expect(files.filter((name) => String(name).endsWith('.part'))).toHaveLength(0);
	});

	it('there is a report for each year of the period up to the current one, and for no other year', async () => {
		expect(await codeOf(exportAnnualReport(request(2024)))).toBe('monitoring_annual_report_year_not_found');
		expect(await codeOf(exportAnnualReport(request(2027)))).toBe('monitoring_annual_report_year_not_found');
		const current = await exportAnnualReport(request(2026));
		expect(await textOf(current.bytes)).toContain('Stand 31. März 2026: 301 Anzahl');
	});

	it('another municipality cannot reach the edition', async () => {
		expect(await codeOf(exportAnnualReport({ ...request(2025), municipality: { ...municipality(), id: randomUUID() } }))).toMatch(/not_found/);
	});
});

