// The words of the towns' idea titles are kept by triggers (migration 0046); whatever is written to ideas, in
// whatever way, each word's count must equal the number of ideas whose title holds it, and the typo search
// must only ever see its own town's words.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { selectWordsResembling, typedWords } from './idea-title-words.queries';

let test: TestDatabase;
let pool: pg.Pool;

const edition = { number: 1, periodStart: 2025, periodEnd: 2030, stage: 'drafting' as const, fields: [{ title: 'Sprache' }] };

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', strategies: [{ slug: 'vielfalt', title: 'Vielfalt', editions: [edition] }] },
			{ slug: 'b-dorf', name: 'B-Dorf', strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [edition] }] }
		]
	});
	pool = new pg.Pool({ connectionString: test.url, max: 3 });
});
afterAll(async () => {
	await pool.end();
	await test.drop();
});

const townId = async (slug: string) => (await pool.query<{ id: string }>(`select id from municipalities where slug = $1`, [slug])).rows[0].id;

/** Inserts ideas with these titles into the town's field, in one statement. */
async function insertIdeas(slug: string, titles: string[]) {
	await pool.query(
		`insert into ideas (municipality_id, edition_id, field_id, title, body)
		select f.municipality_id, f.edition_id, f.id, given.title, 'Text'
		from fields f join municipalities m on m.id = f.municipality_id, unnest($2::text[]) as given(title) where m.slug = $1`,
		[slug, titles]
	);
}

/** Words whose count differs from counting the ideas whose title holds them, as "town word: kept ≠ counted". */
async function disagreements(): Promise<string[]> {
	const { rows } = await pool.query<{ word: string; kept: number; counted: number }>(`
		with counted as (
			select municipality_id, word, count(*)::int as counted from ideas, idea_title_words_of(title) as word group by 1, 2
		)
		select coalesce(k.municipality_id, c.municipality_id) || ' ' || coalesce(k.word, c.word) as word,
			coalesce(k.ideas, 0) as kept, coalesce(c.counted, 0) as counted
		from idea_title_words k full join counted c on c.municipality_id = k.municipality_id and c.word = k.word`);
	return rows.filter((row) => row.kept !== row.counted).map((row) => `${row.word}: ${row.kept} ≠ ${row.counted}`);
}

const wordsOf = async (slug: string) =>
	(
		await pool.query<{ word: string; ideas: number }>(
			`select word, ideas from idea_title_words where municipality_id = $1 and ideas > 0 order by word`,
			[await townId(slug)]
		)
	).rows;

describe('the words of the towns’ idea titles', () => {
	it('are counted once per idea, in lower case, without words shorter than four letters', async () => {
		await insertIdeas('a-stadt', ['Sprachcafé am Hafen', 'Das Sprachcafé, das Sprachcafé!', 'Ein Ort']);
		expect(await wordsOf('a-stadt')).toEqual([
			{ word: 'hafen', ideas: 1 },
			{ word: 'sprachcafé', ideas: 2 }
		]);
		expect(await disagreements()).toEqual([]);
	});

	it('follow renamed titles, leave other changes alone, and follow deletions', async () => {
		await pool.query(`update ideas set title = 'Lesecafé am Hafen' where title = 'Sprachcafé am Hafen'`);
		await pool.query(`update ideas set status = 'considered', hidden_reason = 'Doppelt'`);
		expect(await disagreements()).toEqual([]);
		expect(await wordsOf('a-stadt')).toEqual([
			{ word: 'hafen', ideas: 1 },
			{ word: 'lesecafé', ideas: 1 },
			{ word: 'sprachcafé', ideas: 1 }
		]);
		await pool.query(`delete from ideas where title like 'Das%'`);
		expect(await disagreements()).toEqual([]);
		expect((await wordsOf('a-stadt')).map((row) => row.word)).toEqual(['hafen', 'lesecafé']);
	});

	it('are not written when a statement fails halfway', async () => {
		const before = await wordsOf('a-stadt');
		await expect(
			pool.query(`insert into ideas (municipality_id, edition_id, field_id, title, body)
				select f.municipality_id, f.edition_id, f.id, case when n = 2 then null else 'Nachtbibliothek' end, 'Text'
				from fields f, generate_series(1, 2) n`)
		).rejects.toThrow(/null value/);
		expect(await wordsOf('a-stadt')).toEqual(before);
		expect(await disagreements()).toEqual([]);
	});
});

describe('words resembling a misspelt one', () => {
	it('are the town’s own title words, closest first, without the typed word itself', async () => {
		await insertIdeas('a-stadt', ['Sprachkurse am Abend', 'Sprachkurs für Eltern', 'Radwege im Norden']);
		await insertIdeas('b-dorf', ['Sprachkursus im Dorf']);
		const resembling = async (slug: string, text: string) => Object.fromEntries(await selectWordsResembling(test.db, await townId(slug), typedWords(text)));
		expect(await resembling('a-stadt', 'Sprahkurs')).toEqual({ sprahkurs: ['sprachkurs', 'sprachkurse'] });
		expect(await resembling('a-stadt', 'Sprachkurs')).toEqual({ sprachkurs: ['sprachkurse'] });
		expect(await resembling('a-stadt', 'Sprahkurs an Radwegen')).toEqual({ sprahkurs: ['sprachkurs', 'sprachkurse'], radwegen: ['radwege'] });
		expect(await resembling('a-stadt', 'Zuwanderung')).toEqual({});
		expect(await resembling('b-dorf', 'Sprahkurs')).toEqual({ sprahkurs: ['sprachkursus'] });
	});

	it('are looked for in the words of four letters or more that were typed, each once', () => {
		expect(typedWords('Das Sprachcafé am HAFEN, hafen')).toEqual(['sprachcafé', 'hafen']);
		expect(typedWords('ab cd')).toEqual([]);
		// Read as typos, the word to leave out would be required.
		expect(typedWords('Sprahkurs -Abend')).toEqual([]);
		expect(typedWords('"Sprahkurs am Abend"')).toEqual([]);
	});
});
