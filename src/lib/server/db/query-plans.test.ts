// The hot public queries, planned by PostgreSQL on a database big enough for plans to matter: none
// may read a large table from end to end. Each service call runs on a drizzle instance that records
// its SQL; every recorded statement is then explained with the same parameters.
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIdea, listIdeas } from '../participation/idea.service';
import { getIndicatorPage, getMonitor } from '../monitoring/monitoring.service';
import { connectDatabase, type Database, type DatabaseConnection } from './client';
import { seedScale } from './scale-seed';
import * as schema from './schema';
import { createTestDatabase, type TestDatabase } from './test-db';

const largeTables = new Set(['ideas', 'idea_comments', 'indicator_measurements', 'auth_users']);

let test: TestDatabase;
let connection: DatabaseConnection;
let recorded: { query: string; params: unknown[] }[] = [];
let recordingDb: Database;
let town: { municipalityId: string; editionId: string; indicatorId: string; busyIdeaId: string };

beforeAll(async () => {
	test = await createTestDatabase({});
	connection = connectDatabase(test.url, { max: 4 });
	await seedScale(connection, { municipalities: 20, ideas: 40_000, comments: 60_000, measurements: 50_000, authorsPerMunicipality: 50 });
	recordingDb = drizzle(connection.pool, { schema, logger: { logQuery: (query, params) => recorded.push({ query, params }) } });
	const { rows } = await connection.pool.query(`
		select m.id as "municipalityId", e.id as "editionId",
			(select id from indicators i where i.edition_id = e.id order by name limit 1) as "indicatorId",
			(select c.idea_id from idea_comments c where c.municipality_id = m.id group by 1 order by count(*) desc limit 1) as "busyIdeaId"
		from municipalities m join editions e on e.municipality_id = m.id where m.slug = 'skala-007'`);
	town = rows[0];
}, 120_000);

afterAll(async () => {
	await connection.close();
	await test.drop();
});

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

const fullScansOf = (node: PlanNode): string[] => [
	...(node['Node Type'] === 'Seq Scan' && largeTables.has(node['Relation Name'] ?? '') ? [node['Relation Name']!] : []),
	...(node.Plans ?? []).flatMap(fullScansOf)
];

async function fullScansDuring(run: (db: Database) => Promise<unknown>): Promise<{ statements: number; fullScans: string[] }> {
	recorded = [];
	await run(recordingDb);
	const fullScans: string[] = [];
	for (const { query, params } of recorded) {
		const { rows } = await connection.pool.query(`explain (format json) ${query}`, params);
		const plan = (rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan;
		fullScans.push(...fullScansOf(plan).map((table) => `${table}: ${query.slice(0, 120)}`));
	}
	return { statements: recorded.length, fullScans };
}

describe('with 40,000 ideas, 60,000 comments and 50,000 measurements in 20 municipalities', () => {
	it('the filtered ideas list reads no large table in full', async () => {
		const result = await fullScansDuring((db) =>
			listIdeas({
				db,
				municipalityId: town.municipalityId,
				editionId: town.editionId,
				filter: { q: '', page: 2, status: 'adopted' }
			})
		);
		expect(result.statements).toBeGreaterThan(0);
		expect(result.fullScans).toEqual([]);
	});

	it('the search in the ideas list reads no large table in full', async () => {
		const result = await fullScansDuring((db) =>
			listIdeas({ db, municipalityId: town.municipalityId, editionId: town.editionId, filter: { q: 'Sprachcafé', page: 1 } })
		);
		expect(result.fullScans).toEqual([]);
	});

	it('an idea with the most comments reads no large table in full', async () => {
		const result = await fullScansDuring((db) => getIdea({ db, municipalityId: town.municipalityId, ideaId: town.busyIdeaId, actor: null }));
		expect(result.fullScans).toEqual([]);
	});

	it('the monitor and an indicator page read no large table in full', async () => {
		const scope = { municipalityId: town.municipalityId, strategySlug: 'leitbild', number: 1, today: '2026-11-26' };
		const monitor = await fullScansDuring((db) => getMonitor({ db, ...scope, filter: {} }));
		const indicator = await fullScansDuring((db) => getIndicatorPage({ db, ...scope, indicatorId: town.indicatorId }));
		expect(monitor.fullScans).toEqual([]);
		expect(indicator.fullScans).toEqual([]);
	});

	it('the check itself notices a full scan', async () => {
		const result = await fullScansDuring((db) => db.execute("select count(*) from idea_comments where body like '%Budget%'"));
		expect(result.fullScans).toHaveLength(1);
	});
});
