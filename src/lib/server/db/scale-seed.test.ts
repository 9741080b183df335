import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectDatabase, type DatabaseConnection } from './client';
import { seedScale } from './scale-seed';
import { createTestDatabase, type TestDatabase } from './test-db';

let test: TestDatabase;
let database: DatabaseConnection;
beforeAll(async () => {
	test = await createTestDatabase({});
	database = connectDatabase(test.url, { max: 2 });
});
afterAll(async () => {
	await database.close();
	await test.drop();
});

const count = async (table: string) => Number((await database.pool.query(`select count(*) from ${table}`)).rows[0].count);

it('the scale seed writes exactly the sizes asked for, every idea and comment in the municipality of its edition', async () => {
	const seen: string[] = [];
	const summary = await seedScale(
		database,
		{ municipalities: 3, ideas: 1000, comments: 2500, measurements: 4000, authorsPerMunicipality: 20, articles: 600, events: 900 },
		(table) => seen.push(table)
	);
	expect(summary.municipalitySlugs).toEqual(['skala-001', 'skala-002', 'skala-003']);
	expect(await count('ideas')).toBe(1000);
	expect(await count('idea_comments')).toBe(2500);
	expect(await count('indicator_measurements')).toBe(4000);
	expect(await count('indicators')).toBe(75);
	// Every value names its district member (or the district total): one member row per value.
	expect(await count('measurement_members')).toBe(4000);
	expect(await count('measure_tracking')).toBe(3 * 6 * 4 * 3);
	expect(await count('articles')).toBe(600);
	expect(await count('article_tags')).toBe(600);
	expect(await count('tags')).toBe(3 * 12);
	expect(await count('events')).toBe(900);
	expect(summary.rows).toMatchObject({ articles: 600, events: 900 });
	expect(new Set(seen)).toEqual(
		new Set(['municipalities', 'indicators', 'auth_users', 'ideas', 'idea_comments', 'indicator_measurements', 'tags', 'articles', 'article_tags', 'events'])
	);

	const crossTenant = await database.pool.query(`
		select
			(select count(*) from ideas i join editions e on e.id = i.edition_id where e.municipality_id <> i.municipality_id) as ideas,
			(select count(*) from idea_comments c join ideas i on i.id = c.idea_id where c.municipality_id <> i.municipality_id) as comments,
			(select count(*) from indicator_measurements x join indicators n on n.id = x.indicator_id where x.municipality_id <> n.municipality_id) as measurements,
			(select count(*) from measurement_members x join dimension_members d on d.id = x.member_id join districts t on t.id = d.district_id where x.municipality_id <> t.municipality_id) as districts,
			(select count(*) from article_tags x join articles a on a.id = x.article_id join tags t on t.id = x.tag_id where x.municipality_id <> a.municipality_id or x.municipality_id <> t.municipality_id) as tags,
			(select count(*) from events v join editions e on e.id = v.edition_id left join districts d on d.id = v.district_id where v.municipality_id <> e.municipality_id or v.municipality_id <> coalesce(d.municipality_id, v.municipality_id)) as events`);
	expect(crossTenant.rows[0]).toEqual({ ideas: '0', comments: '0', measurements: '0', districts: '0', tags: '0', events: '0' });

	// What the public pages read: every article published and in the past, its lead naming its tag; events in every year.
	const news = await database.pool.query(`
		select count(*) filter (where a.status = 'published' and a.published_at < now())::int as readable,
			count(*) filter (where a.lead like '%#' || t.display)::int as tagged_in_lead,
			count(distinct a.municipality_id)::int as towns
		from articles a join article_tags x on x.article_id = a.id join tags t on t.id = x.tag_id`);
	expect(news.rows[0]).toEqual({ readable: 600, tagged_in_lead: 600, towns: 3 });
	const years = await database.pool.query(`select count(distinct extract(year from starts_at))::int as years, bool_and(ends_at > starts_at) as ordered from events`);
	expect(years.rows[0]).toEqual({ years: 9, ordered: true });

	// Evenly spread and varied: every town has about a third of the ideas, in more than one status.
	const perTown = await database.pool.query(`select municipality_id, count(*)::int as ideas, count(distinct status)::int as statuses from ideas group by 1`);
	for (const row of perTown.rows) {
		expect(row.ideas).toBeGreaterThanOrEqual(333);
		expect(row.statuses).toBeGreaterThan(2);
	}
});

it('a second run adds new municipalities beside the first instead of colliding with them', async () => {
	const summary = await seedScale(database, { municipalities: 1, ideas: 10, comments: 10, measurements: 10, authorsPerMunicipality: 2 });
	expect(summary.municipalitySlugs).toEqual(['skala-004']);
	expect(await count('ideas')).toBe(1010);
	const region = await database.pool.query(`select count(distinct region_id)::int as regions from municipalities where slug like 'skala-%'`);
	expect(region.rows[0].regions).toBe(1);
});
