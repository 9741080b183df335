// The tallies of visible ideas per field are kept by triggers (migration 0041); whatever is written to
// ideas, in whatever way, they must equal a fresh count.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';

let test: TestDatabase;
let pool: pg.Pool;

const edition = (number: number) => ({
	number,
	periodStart: 2020 + number,
	periodEnd: 2025 + number,
	stage: 'drafting' as const,
	fields: [{ title: 'Arbeit' }, { title: 'Sprache' }, { title: 'Wohnen' }]
});

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', strategies: [{ slug: 'vielfalt', title: 'Vielfalt', editions: [edition(1), edition(2)] }] },
			{ slug: 'b-dorf', name: 'B-Dorf', strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [edition(1)] }] }
		]
	});
	pool = new pg.Pool({ connectionString: test.url, max: 3 });
});
afterAll(async () => {
	await pool.end();
	await test.drop();
});

/** Tallies that differ from counting the visible ideas, as "field: tally ≠ count"; none when all agree. */
async function disagreements(): Promise<string[]> {
	const { rows } = await pool.query<{ field: string; tally: number; counted: number }>(`
		select f.title || ' ' || f.edition_id as field, coalesce(t.visible_ideas, 0) as tally,
			(select count(*)::int from ideas i where i.field_id = f.id and i.hidden_reason is null) as counted
		from fields f left join idea_field_tallies t on t.field_id = f.id and t.edition_id = f.edition_id and t.municipality_id = f.municipality_id`);
	return rows.filter((row) => row.tally !== row.counted).map((row) => `${row.field}: ${row.tally} ≠ ${row.counted}`);
}

const tallies = async () =>
	(await pool.query<{ title: string; visible: number }>(`select f.title, t.visible_ideas as visible from idea_field_tallies t join fields f on f.id = t.field_id order by f.title, t.edition_id`)).rows;

/** Inserts `count` ideas into the field of the first edition of a-stadt with this title, in one statement. */
async function insertIdeas(fieldTitle: string, count: number, hidden = false) {
	await pool.query(
		`insert into ideas (municipality_id, edition_id, field_id, title, body, hidden_reason)
		select f.municipality_id, f.edition_id, f.id, 'Idee ' || n, 'Text', $3
		from fields f join editions e on e.id = f.edition_id join municipalities m on m.id = f.municipality_id, generate_series(1, $2) n
		where m.slug = 'a-stadt' and e.number = 1 and f.title = $1`,
		[fieldTitle, count, hidden ? 'Spam' : null]
	);
}

describe('the tallies of visible ideas per field', () => {
	it('follow inserts of one and of many rows, hidden ones left out', async () => {
		await insertIdeas('Arbeit', 1);
		await insertIdeas('Arbeit', 40);
		await insertIdeas('Sprache', 5, true);
		await insertIdeas('Sprache', 3);
		expect(await disagreements()).toEqual([]);
		expect(await tallies()).toEqual([
			{ title: 'Arbeit', visible: 41 },
			{ title: 'Sprache', visible: 3 }
		]);
	});

	it('follow hiding, showing again, moving to another field and unrelated changes', async () => {
		await pool.query(`update ideas set hidden_reason = 'Beleidigend' where title in ('Idee 1', 'Idee 2') and hidden_reason is null`);
		expect(await disagreements()).toEqual([]);
		await pool.query(`update ideas set hidden_reason = null where title = 'Idee 2'`);
		expect(await disagreements()).toEqual([]);
		await pool.query(`update ideas set field_id = (select id from fields where title = 'Wohnen' and edition_id = ideas.edition_id) where title like 'Idee 3%'`);
		expect(await disagreements()).toEqual([]);
		await pool.query(`update ideas set status = 'considered'`);
		expect(await disagreements()).toEqual([]);
		expect((await tallies()).map((row) => row.title)).toEqual(['Arbeit', 'Sprache', 'Wohnen']);
	});

	it('follow deletions of ideas, of a field and of an edition with their ideas', async () => {
		await pool.query(`delete from ideas where title like 'Idee 1%'`);
		expect(await disagreements()).toEqual([]);
		await pool.query(`delete from fields where title = 'Wohnen'`);
		expect(await disagreements()).toEqual([]);
		expect((await tallies()).map((row) => row.title)).toEqual(['Arbeit', 'Sprache']);
		await pool.query(`delete from editions where number = 1 and municipality_id = (select id from municipalities where slug = 'a-stadt')`);
		expect(await disagreements()).toEqual([]);
		expect(await tallies()).toEqual([]);
	});

	it('are not written at all when a statement fails halfway', async () => {
		await expect(
			pool.query(`insert into ideas (municipality_id, edition_id, field_id, title, body)
				select f.municipality_id, f.edition_id, f.id, case when n = 3 then null else 'Idee' end, 'Text'
				from fields f, generate_series(1, 3) n where f.title = 'Arbeit'`)
		).rejects.toThrow(/null value/);
		expect(await disagreements()).toEqual([]);
		expect(await tallies()).toEqual([]);
	});

	it('keep each town’s count apart and add up concurrent submissions', async () => {
		const insertOne = () =>
			pool.query(`insert into ideas (municipality_id, edition_id, field_id, title, body)
				select f.municipality_id, f.edition_id, f.id, 'Gleichzeitig', 'Text' from fields f join municipalities m on m.id = f.municipality_id
				where m.slug = 'b-dorf' and f.title = 'Sprache'`);
		await Promise.all(Array.from({ length: 12 }, insertOne));
		expect(await disagreements()).toEqual([]);
		expect(await tallies()).toEqual([{ title: 'Sprache', visible: 12 }]);
	});
});
