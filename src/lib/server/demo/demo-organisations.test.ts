import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { organisationSectors } from '../people/organisation.schema';
import { listPublicOrganisations } from '../people/organisation.service';
import { organisationFilterSchema } from '../../validation/organisation';
import { demoData } from './demo-data';
import { loadDemoOrganisations } from './demo-organisations';

let test: TestDatabase;

beforeAll(async () => {
	// Only the municipalities and their districts: the organisations need nothing else.
	test = await createTestDatabase({ municipalities: demoData.municipalities?.map(({ strategies: _strategies, ...municipality }) => municipality) });
	await loadDemoOrganisations(test.db);
}, 60_000);
afterAll(() => test.drop());

it('the demo registry of muenster has about a hundred organisations in every sector, most listed publicly', async () => {
	const muenster = test.ids.municipalityIds.get('muenster')!;
	const list = await listPublicOrganisations({ db: test.db, municipalityId: muenster, filter: organisationFilterSchema.parse({}) });
	const listed = list.sectors.reduce((sum, row) => sum + row.total, 0);
	const all = await test.db.query.organisations.findMany({ columns: { id: true, municipalityId: true } });
	expect(all.filter((row) => row.municipalityId === muenster).length).toBeGreaterThanOrEqual(95);
	expect(listed).toBeGreaterThan(80);
	for (const sector of organisationSectors) expect(list.sectors.find((row) => row.sector === sector)?.total).toBeGreaterThan(0);
	expect(list.organisations.every((row) => row.name.endsWith('(Demo)'))).toBe(true);
	const people = await test.db.query.people.findMany({ columns: { email: true } });
	expect(people.length).toBeGreaterThan(200);
	expect(people.every((person) => !person.email || person.email.endsWith('example.org'))).toBe(true);
});
