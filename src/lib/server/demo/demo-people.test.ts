import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as t from '../db/schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { getEditionFigures } from '../participation/figures.service';
import { demoData } from './demo-data';
import { loadDemoEvents } from './demo-events';
import { loadDemoIdeas } from './demo-ideas';
import { loadDemoOrganisations } from './demo-organisations';
import { loadDemoPeople } from './demo-people';

let test: TestDatabase;
let loadMs = 0;
let peopleMs = 0;

beforeAll(async () => {
	test = await createTestDatabase(demoData);
	const started = performance.now();
	await loadDemoIdeas(test.db);
	await loadDemoOrganisations(test.db);
	await loadDemoEvents(test.db, 0);
	const peopleStarted = performance.now();
	await loadDemoPeople(test.db);
	peopleMs = performance.now() - peopleStarted;
	loadMs = performance.now() - started;
}, 120_000);
afterAll(() => test.drop());

async function fourthEdition() {
	const municipalityId = test.ids.municipalityIds.get('muenster')!;
	const [edition] = await test.db
		.select({ id: t.editions.id })
		.from(t.editions)
		.where(and(eq(t.editions.municipalityId, municipalityId), eq(t.editions.number, 4)));
	return { municipalityId, editionId: edition.id };
}

it('the figures of the demo edition tell the reference story: 400+ people, about a hundred organisations, 17 events and meetings, hundreds of ideas', async () => {
	const { municipalityId, editionId } = await fourthEdition();
	const queryStarted = performance.now();
	const figures = await getEditionFigures({ db: test.db, municipalityId, editionId });
	const queryMs = performance.now() - queryStarted;
	console.info(`demo participation loaded in ${Math.round(loadMs)} ms, of which ${Math.round(peopleMs)} ms for the demo people; figures read in ${Math.round(queryMs)} ms`, { ...figures, sectors: undefined, fields: undefined });
	expect(figures.people).toBeGreaterThanOrEqual(400);
	expect(figures.people).toBeLessThan(600);
	expect(figures.organisations).toBeGreaterThanOrEqual(90);
	expect(figures.eventsHeld).toBe(17);
	expect(figures.ideas).toBeGreaterThanOrEqual(300);
	expect(figures.comments).toBeGreaterThan(200);
	expect(figures.fields.every((field) => field.ideas > 0 && field.events > 0)).toBe(true);
});

it('loading the demo people a second time adds nothing', async () => {
	const before = await test.db.$count(t.people);
	await loadDemoPeople(test.db);
	expect(await test.db.$count(t.people)).toBe(before);
});
