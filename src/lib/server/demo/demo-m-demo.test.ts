import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { getEditionPage } from '../document/document.service';
import { events } from '../participation/event.schema';
import { dimensions, indicatorBreakdowns, indicatorMeasurements } from '../monitoring/measurement.schema';
import { indicatorSources, indicators, measureStatuses } from '../monitoring/monitoring.schema';
import { getIndicatorPage, getMonitor } from '../monitoring/monitoring.service';
import { lastRatingsForCarryOver } from '../monitoring/review-carryover';
import { getPublicReviews } from '../monitoring/review.service';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';
import { loadDemo } from './demo.service';

// The whole demo, loaded the way an empty install loads it, so the figures below are what visitors see.
let test: TestDatabase;
let municipalityId: string;
let editionId: string;
const now = new Date();
const today = now.toISOString().slice(0, 10);
const edition = { strategySlug: 'migration-und-integration', number: 4 };

beforeAll(async () => {
	test = await createTestDatabase({});
	const started = performance.now();
	await loadDemo(test.db, { loadDay: today });
	console.info(`loadDemo: ${Math.round(performance.now() - started)} ms`);
	municipalityId = (await getMunicipalityBySlug({ db: test.db, slug: 'muenster' })).id;
	editionId = (await getEditionPage({ db: test.db, municipalityId, ...edition })).edition.id;
}, 180_000);
afterAll(() => test.drop());

const monitor = () => getMonitor({ db: test.db, municipalityId, ...edition, filter: {}, today });

async function measurementsOf(code: string) {
	const [indicator] = await test.db.select().from(indicators).where(and(eq(indicators.editionId, editionId), eq(indicators.code, code)));
	const rows = await test.db.select().from(indicatorMeasurements).where(eq(indicatorMeasurements.indicatorId, indicator.id));
	return { indicator, rows };
}

it('the 4th edition of the demo carries about sixty tracked measures in every status across all six districts', async () => {
	const { fields, statusCounts } = await monitor();
	const goals = fields.flatMap((field) => field.goals);
	const measures = goals.flatMap((goal) => goal.measures);
	expect(measures.length).toBeGreaterThanOrEqual(55);
	expect(goals.every((goal) => goal.measures.length >= 4)).toBe(true);
	for (const status of measureStatuses) expect(statusCounts[status]).toBeGreaterThan(0);
	expect(new Set(measures.flatMap((m) => m.districts.map((d) => d.slug))).size).toBe(6);
	expect(measures.every((m) => m.organisations.length > 0)).toBe(true);
});

it('about twenty-five indicators run from a 2024 baseline to a 2030 target, and exactly one is stale because its source is overdue', async () => {
	const view = await monitor();
	expect(view.indicators.length).toBeGreaterThanOrEqual(24);
	expect(view.indicators.every((i) => i.baselineDate.startsWith('2024') && i.targetDate.startsWith('2030'))).toBe(true);
	const stale = view.indicators.filter((i) => i.stale);
	expect(stale.map((i) => i.name)).toEqual(['Wartezeit auf einen Termin im Bürgerbüro']);
	const [source] = await test.db.select().from(indicatorSources).where(eq(indicatorSources.id, stale[0].sourceId!));
	expect(source.nextReleaseOn! < today).toBe(true);
	const fresh = view.indicators.filter((i) => !i.stale);
	const freshSources = await test.db.select().from(indicatorSources).where(inArray(indicatorSources.id, fresh.map((i) => i.sourceId!)));
	expect(freshSources.every((s) => s.nextReleaseOn! >= today && s.lastReleaseOn! < today)).toBe(true);
});

it('every indicator and every value of the 4th edition names a source with publisher, licence and release calendar', async () => {
	const rows = await test.db
		.select({ indicator: indicators.name, source: indicatorSources })
		.from(indicators)
		.leftJoin(indicatorSources, eq(indicatorSources.id, indicators.sourceId))
		.where(eq(indicators.editionId, editionId));
	expect(rows.length).toBeGreaterThanOrEqual(24);
	for (const { indicator, source } of rows) {
		if (!source) throw new Error(`${indicator} has no source`);
		expect(source.publisher).toBeTruthy();
		expect(source.dataset).toBeTruthy();
		expect(source.method).toBeTruthy();
		expect(source.licence).toBeTruthy();
		expect(source.frequency).toBeTruthy();
		expect(source.lastReleaseOn! < source.nextReleaseOn!).toBe(true);
	}
	const values = await test.db
		.select({ sourceId: indicatorMeasurements.sourceId, estimate: indicatorMeasurements.estimate, provisional: indicatorMeasurements.provisional })
		.from(indicatorMeasurements)
		.innerJoin(indicators, eq(indicators.id, indicatorMeasurements.indicatorId))
		.where(eq(indicators.editionId, editionId));
	expect(values.every((v) => v.sourceId !== null)).toBe(true);
	expect(values.some((v) => v.estimate)).toBe(true);
	expect(values.some((v) => v.provisional)).toBe(true);
});

it('values broken down by district and age group add up to the city total in every period', async () => {
	const broken = await test.db
		.select({ code: indicators.code })
		.from(indicatorBreakdowns)
		.innerJoin(dimensions, eq(dimensions.id, indicatorBreakdowns.dimensionId))
		.innerJoin(indicators, eq(indicators.id, indicatorBreakdowns.indicatorId))
		.where(and(eq(indicators.editionId, editionId), eq(dimensions.key, 'age_group')));
	const codes = broken.map((row) => row.code);
	expect(codes).toContain('eingebuergerte-personen');
	for (const code of ['eingebuergerte-personen', 'teilnehmende-an-angeboten-der-begegnungszentren']) {
		const { rows } = await measurementsOf(code);
		const periods = [...new Set(rows.map((row) => row.periodEnd))];
		expect(periods.length).toBeGreaterThanOrEqual(8);
		for (const period of periods) {
			const cells = new Map(rows.filter((row) => row.periodEnd === period).map((row) => [row.seriesKey, row.value!]));
			const total = cells.get('age_group=total,district=total')!;
			const sum = (match: (key: string) => boolean) => [...cells].filter(([key]) => match(key)).reduce((s, [, value]) => s + value, 0);
			expect(sum((key) => key.startsWith('age_group=total,') && key !== 'age_group=total,district=total')).toBe(total);
			expect(sum((key) => key.endsWith(',district=total') && key !== 'age_group=total,district=total')).toBe(total);
			// The year-end two-way table adds up to each district's value.
			if (period.endsWith('-12-31')) {
				expect(sum((key) => key.endsWith(',district=nord') && !key.startsWith('age_group=total'))).toBe(cells.get('age_group=total,district=nord'));
			}
		}
	}
	const scope = { db: test.db, municipalityId, ...edition, today };
	const { indicators: shown } = await monitor();
	const page = await getIndicatorPage({ ...scope, indicatorId: shown.find((i) => i.name === 'Eingebürgerte Personen')!.id });
	expect(page.measurements.length).toBeGreaterThan(0);
});

it('the demo stores exactly one suppressed cell and one series break', async () => {
	const ofMuenster = eq(indicatorMeasurements.municipalityId, municipalityId);
	expect(await test.db.$count(indicatorMeasurements, and(ofMuenster, eq(indicatorMeasurements.suppressed, true)))).toBe(1);
	expect(await test.db.$count(indicatorMeasurements, and(ofMuenster, eq(indicatorMeasurements.seriesBreak, true)))).toBe(1);
});

it('the staff share of the administration is set against the population share in the field of intercultural opening', async () => {
	const { fields } = await monitor();
	const field = fields.find((f) => f.title === 'Interkulturelle Öffnung der Verwaltung')!;
	const view = await monitor();
	const goalIds = new Set(field.goals.map((goal) => goal.id));
	const names = view.indicators.filter((i) => i.goalId && goalIds.has(i.goalId)).map((i) => i.name);
	expect(names).toEqual(expect.arrayContaining(['Beschäftigte der Stadtverwaltung mit internationaler Geschichte', 'Abstand zum Bevölkerungsanteil mit internationaler Geschichte']));
	const staff = await measurementsOf('beschaeftigte-der-stadtverwaltung-mit-internationaler-geschichte');
	const gap = await measurementsOf('abstand-zum-bevoelkerungsanteil-mit-internationaler-geschichte');
	expect(staff.rows.some((row) => row.seriesKey === 'age_group=18-29')).toBe(true);
	for (const row of gap.rows) {
		const [population, share] = [...row.sourceNote.matchAll(/(\d+,\d) %/g)].map((match) => Number(match[1].replace(',', '.')));
		expect(staff.rows.find((s) => s.periodEnd === row.periodEnd && s.seriesKey === 'age_group=total')?.value).toBe(share);
		expect(row.value).toBeCloseTo(population - share, 5);
	}
});

it('a published mid-term review rates every goal of the 4th edition and reaches the carry-over', async () => {
	const { reviews } = await getPublicReviews({ db: test.db, municipalityId, ...edition });
	expect(reviews).toHaveLength(1);
	const [{ review, goals }] = reviews;
	expect(review.kind).toBe('mid_term');
	expect(review.publishedAt!.getTime()).toBeLessThan(now.getTime());
	const carried = await lastRatingsForCarryOver({ db: test.db, municipalityId, editionId });
	expect(goals).toHaveLength(carried.length);
	expect(carried.every((goal) => goal.rating && goal.rating.findings.length > 20)).toBe(true);
	expect(new Set(goals.map((g) => g.rating)).size).toBe(4);
});

it('the coming events of Münster and Greven all lie ahead of the day the demo is loaded, weekdays as written', async () => {
	const coming = await test.db.select({ title: events.title, startsAt: events.startsAt }).from(events).where(isNull(events.editionId));
	expect(coming).toHaveLength(19);
	expect(coming.filter((event) => event.startsAt <= now)).toEqual([]);
	const seminar = coming.find((event) => event.title.startsWith('Wochenendseminar'))!;
	expect(new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'Europe/Berlin' }).format(seminar.startsAt)).toBe('Friday');
});
