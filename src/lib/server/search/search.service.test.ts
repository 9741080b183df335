import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { SEARCH_COUNT_CAP, SEARCH_PAGE_SIZE, searchParamsSchema } from '$lib/validation/search';
import { searchMunicipality } from './search.service';
import { RANKED_MATCHES } from '../shared/text-matches.queries';
import type { Locale } from '$lib/paraglide/runtime';

let test: TestDatabase;
const now = new Date('2026-06-01T10:00:00Z');

const outline = (words: string) => ({
	slug: 'leitbild',
	title: 'Leitbild Integration',
	editions: [
		{
			number: 2,
			periodStart: 2025,
			periodEnd: 2030,
			stage: 'adopted' as const,
			fields: [
				{ title: 'Bildung', goals: [{ title: 'Frühe Bildung', measures: [{ title: 'Elterncafés' }] }] },
				{
					title: 'Arbeit',
					goals: [
						{ title: 'Berufliche Anerkennung', measures: [{ title: 'Beratung' }] },
						{
							title: `Ziel mit ${words}`,
							description: `Wir wollen mehr ${words} in allen Stadtteilen.`,
							measures: [{ title: 'Erste Maßnahme' }, { title: `${words} für Eltern`, description: 'Abends, mit Kinderbetreuung.' }]
						}
					]
				}
			]
		}
	]
});

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a', name: 'A', strategies: [outline('Sprachkurse')] },
			{ slug: 'b', name: 'B', strategies: [outline('Sprachkurse')] },
			{ slug: 'c', name: 'C', strategies: [outline('Sprachkurse')] }
		]
	});
	// Town c: more ideas about a Nachbarschaftsfest than are ranked (RANKED_MATCHES), one a day; the oldest ten name it
	// in their titles, which ranks them first; one more, the newest of all, is hidden. Town b: 120 ideas about a
	// Nachtcafé, more than a search shows (SEARCH_COUNT_CAP) but few enough to rank, the oldest ten again in titles.
	for (const [slug, word, count] of [['c', 'Nachbarschaftsfest', RANKED_MATCHES + 20], ['b', 'Nachtcafé', SEARCH_COUNT_CAP + 20]] as const) {
		const municipalityId = test.ids.municipalityIds.get(slug)!;
		await test.db.execute(sql`insert into ideas (municipality_id, edition_id, field_id, title, body, created_at)
			select ${municipalityId}, f.edition_id, f.id, case when day <= 10 then ${word} || ' ' else 'Idee ' end || day, 'Ein ' || ${word} || ' im Viertel, Nummer ' || day, timestamptz '2020-01-01' + day * interval '1 day'
			from generate_series(1, ${count}) as day, (select id, edition_id from fields where municipality_id = ${municipalityId} limit 1) f`);
		await test.db.execute(sql`insert into ideas (municipality_id, edition_id, field_id, title, body, hidden_reason, created_at)
			select ${municipalityId}, f.edition_id, f.id, ${word} || ' verborgen', ${word}, 'Beleidigung', timestamptz '2027-01-01'
			from (select id, edition_id from fields where municipality_id = ${municipalityId} limit 1) f`);
	}
	// Town c has as many articles and events about it, one a day; the newest article is scheduled and the newest event
	// still submitted, so neither may be found.
	const townC = test.ids.municipalityIds.get('c')!;
	await test.db.execute(sql`insert into articles (municipality_id, slug, title, lead, body, status, published_at)
		select ${townC}, 'fest-' || day, 'Meldung ' || day, 'Ein Nachbarschaftsfest im Viertel.', '', 'published', timestamptz '2020-01-01' + day * interval '1 day'
		from generate_series(1, ${RANKED_MATCHES + 20}) as day`);
	await test.db.execute(sql`insert into articles (municipality_id, slug, title, lead, body, status, published_at)
		values (${townC}, 'fest-geplant', 'Meldung geplant', 'Das nächste Nachbarschaftsfest.', '', 'scheduled', '2027-01-01')`);
	await test.db.execute(sql`insert into events (municipality_id, type, title, description, starts_at, ends_at)
		select ${townC}, 'other', 'Termin ' || day, 'Ein Nachbarschaftsfest im Viertel.', timestamptz '2020-01-01' + day * interval '1 day', timestamptz '2020-01-01' + day * interval '1 day' + interval '2 hours'
		from generate_series(1, ${RANKED_MATCHES + 20}) as day`);
	await test.db.execute(sql`insert into events (municipality_id, type, title, description, starts_at, ends_at, publication, organiser, organiser_email)
		values (${townC}, 'other', 'Termin eingereicht', 'Noch ein Nachbarschaftsfest.', '2027-01-01', '2027-01-01 02:00', 'submitted', 'Verein', 'verein@example.org')`);
	for (const slug of ['a', 'b']) {
		const municipalityId = test.ids.municipalityIds.get(slug)!;
		const [{ editionId, fieldId }] = (
			await test.db.execute(sql`select e.id as "editionId", f.id as "fieldId" from editions e join fields f on f.edition_id = e.id where e.municipality_id = ${municipalityId} limit 1`)
		).rows as { editionId: string; fieldId: string }[];
		await test.db.execute(sql`insert into ideas (municipality_id, edition_id, field_id, title, body) values
			(${municipalityId}, ${editionId}, ${fieldId}, 'Sprachkurs am Abend', 'Viele arbeiten tagsüber.'),
			(${municipalityId}, ${editionId}, ${fieldId}, 'Spielplatz', 'Ein Sprachkurs für Eltern auf dem Spielplatz.')`);
		await test.db.execute(sql`insert into ideas (municipality_id, edition_id, field_id, title, body, hidden_reason) values
			(${municipalityId}, ${editionId}, ${fieldId}, 'Sprachkurs geheim', 'Beleidigender Text', 'Beleidigung')`);
		await test.db.execute(sql`insert into articles (municipality_id, slug, title, lead, body, status, published_at) values
			(${municipalityId}, 'neue-kurse', 'Neue Kurse', 'Ab Mai gibt es neue Sprachkurse.', '## Anmeldung\n\nBei der **VHS**.', 'published', '2026-05-01'),
			(${municipalityId}, 'alte-kurse', 'Alte Kurse', 'Die Sprachkurse des Vorjahres.', '', 'archived', '2025-05-01'),
			(${municipalityId}, 'bald', 'Bald', 'Sprachkurse im Herbst.', '', 'scheduled', '2026-09-01'),
			(${municipalityId}, 'entwurf', 'Entwurf', 'Sprachkurse, noch nicht fertig.', '', 'draft', null)`);
		await test.db.execute(sql`insert into events (municipality_id, type, title, description, starts_at, ends_at, publication) values
			(${municipalityId}, 'workshop', 'Werkstatt Sprache', 'Wie finden Eltern einen Sprachkurs?', '2026-06-10 16:00', '2026-06-10 18:00', 'published'),
			(${municipalityId}, 'other', 'Vorgeschlagen', 'Ein Sprachkurs-Treffen, noch nicht geprüft.', '2026-06-11 16:00', '2026-06-11 18:00', 'submitted')`);
	}
});
afterAll(() => test.drop());

const search = (slug: string, query: Record<string, string>, locale: Locale = 'de') =>
	searchMunicipality({ db: test.db, municipalityId: test.ids.municipalityIds.get(slug)!, params: searchParamsSchema.parse(query), locale, now });

/** A translation of one field of town `slug`'s row of `table` with this German title. */
async function translate(slug: string, kind: 'goal' | 'measure' | 'article' | 'event', germanTitle: string, field: string, locale: string, text: string) {
	const municipalityId = test.ids.municipalityIds.get(slug)!;
	const table = sql.identifier({ goal: 'goals', measure: 'measures', article: 'articles', event: 'events' }[kind]);
	await test.db.execute(sql`insert into content_translations (municipality_id, entity_kind, entity_id, field, locale, text)
		select ${municipalityId}, ${kind}, id, ${field}, ${locale}, ${text} from ${table} where municipality_id = ${municipalityId} and title = ${germanTitle}`);
}

describe('searching in the reader\'s language', () => {
	beforeAll(async () => {
		await translate('a', 'goal', 'Frühe Bildung', 'title', 'en', 'Early education');
		await translate('a', 'goal', 'Frühe Bildung', 'description', 'en', 'Every child finds a place in a day nursery near home.');
		await translate('a', 'measure', 'Elterncafés', 'title', 'en', 'Cafés for parents of young children');
		await translate('a', 'goal', 'Berufliche Anerkennung', 'title', 'ar', 'الاعتراف بالمؤهلات المهنية');
		await translate('a', 'article', 'Neue Kurse', 'title', 'en', 'New courses for parents');
		await translate('a', 'article', 'Neue Kurse', 'lead', 'en', 'From May, new language courses start.');
		await translate('a', 'article', 'Bald', 'title', 'en', 'Courses in autumn');
		await translate('a', 'event', 'Werkstatt Sprache', 'title', 'en', 'Language workshop for parents');
		await translate('a', 'event', 'Vorgeschlagen', 'title', 'en', 'Suggested language meeting for parents');
	});

	it('finds goals, measures, news and events by their translation and shows each hit in it, marked', async () => {
		const { results } = await search('a', { q: 'parents' }, 'en');
		expect(results.measures?.rows.map((row) => [row.number, row.title, row.titleLang])).toEqual([['1.1.1', 'Cafés for parents of young children', 'en']]);
		expect(results.articles?.rows.map((row) => [row.slug, row.title, row.titleLang])).toEqual([['neue-kurse', 'New courses for parents', 'en']]);
		expect(results.events?.rows.map((row) => [row.title, row.titleLang])).toEqual([['Language workshop for parents', 'en']]);
		// English stems: "education" finds the goal; its excerpt is the translated description, the word marked in the title.
		const goal = (await search('a', { q: 'education' }, 'en')).results.goals!.rows[0];
		expect(goal).toMatchObject({ number: '1.1', title: 'Early education', titleLang: 'en', titleDir: 'ltr', excerptLang: 'en' });
		expect(goal.titleParts.filter((part) => part.match).map((part) => part.text)).toEqual(['education']);
		expect(goal.excerpt.map((part) => part.text).join('')).toBe('Every child finds a place in a day nursery near home.');
	});

	it('shows a German hit in the reader\'s language where it is translated, and in German marked as German where not', async () => {
		const { results } = await search('a', { q: 'Sprachkurs' }, 'en');
		const article = results.articles!.rows.find((row) => row.slug === 'neue-kurse')!;
		// Title and lead are translated, the body is not: the excerpt is the English lead alone.
		expect(article).toMatchObject({ title: 'New courses for parents', titleLang: 'en', excerptLang: 'en' });
		expect(article.excerpt.map((part) => part.text).join('')).toBe('From May, new language courses start.');
		expect(results.goals?.rows.map((row) => [row.title, row.titleLang, row.excerptLang])).toEqual([['Ziel mit Sprachkurse', 'de', 'de']]);
	});

	it('reads Arabic right to left', async () => {
		const goal = (await search('a', { q: 'المهنية' }, 'ar')).results.goals!.rows[0];
		expect(goal).toMatchObject({ number: '2.1', title: 'الاعتراف بالمؤهلات المهنية', titleLang: 'ar', titleDir: 'rtl' });
	});

	it('keeps every kind\'s visibility, searches only the reader\'s own language, and only the town\'s own translations', async () => {
		const english = await search('a', { q: 'autumn OR suggested' }, 'en');
		expect(Object.values(english.results).flatMap((found) => (found?.rows ?? []) as unknown[])).toEqual([]);
		expect((await search('a', { q: 'parents' }, 'de')).results.measures?.rows).toEqual([]);
		expect((await search('a', { q: 'parents' }, 'tr')).results.measures?.rows).toEqual([]);
		const other = await search('b', { q: 'parents OR education' }, 'en');
		expect(Object.values(other.results).flatMap((found) => (found?.rows ?? []) as unknown[])).toEqual([]);
	});
});

describe('searching a municipality', () => {
	it('finds goals, measures, ideas, news and events by stemmed words, each with its number or date', async () => {
		const { results } = await search('a', { q: 'Sprachkurs' });
		expect(results.goals?.rows.map((row) => [row.number, row.title])).toEqual([['2.2', 'Ziel mit Sprachkurse']]);
		expect(results.measures?.rows.map((row) => [row.number, row.title])).toEqual([['2.2.2', 'Sprachkurse für Eltern']]);
		expect(results.ideas?.rows.map((row) => row.title).sort()).toEqual(['Spielplatz', 'Sprachkurs am Abend']);
		expect(results.articles?.rows.map((row) => row.slug).sort()).toEqual(['alte-kurse', 'neue-kurse']);
		expect(results.events?.rows.map((row) => row.title)).toEqual(['Werkstatt Sprache']);
		expect(results.goals?.rows[0]).toMatchObject({ strategySlug: 'leitbild', editionNumber: 2 });
	});

	it('ranks the idea with the word in its title first and marks the word in the excerpt', async () => {
		const { results } = await search('a', { q: 'Sprachkurs' });
		expect(results.ideas?.rows[0].title).toBe('Sprachkurs am Abend');
		const spielplatz = results.ideas!.rows.find((row) => row.title === 'Spielplatz')!;
		expect(spielplatz.excerpt.filter((part) => part.match).map((part) => part.text)).toEqual(['Sprachkurs']);
	});

	it('finds nothing hidden by moderators, unpublished, not yet due, nor of another municipality', async () => {
		const { results } = await search('a', { q: 'geheim OR Entwurf OR Herbst OR geprüft' });
		expect(Object.values(results).flatMap((found) => (found?.rows ?? []) as unknown[])).toEqual([]);
		const ids = (await search('b', { q: 'Sprachkurs' })).results.ideas!.rows.map((row) => row.id);
		const own = (await search('a', { q: 'Sprachkurs' })).results.ideas!.rows.map((row) => row.id);
		expect(ids.filter((id) => own.includes(id))).toEqual([]);
	});

	it('searches nothing for an empty query, and one kind page by page', async () => {
		expect((await search('a', { q: '  ' })).results).toEqual({});
		const ideas = await search('a', { q: 'Sprachkurs', kind: 'ideas', page: '1' });
		expect(Object.keys(ideas.results)).toEqual(['ideas']);
		expect(ideas.results.ideas).toMatchObject({ total: 2, totalIsCapped: false, hasMore: false });
		const beyond = await search('a', { q: 'Sprachkurs', kind: 'ideas', page: '2' });
		expect(beyond.results.ideas?.rows).toEqual([]);
	});

	it('ranks up to a thousand matching ideas, and shows the newest first, page by page, when more match', async () => {
		const days = (found: { rows: { title: string }[] } | undefined) => found?.rows.map((row) => Number(row.title.replace(/\D+/, '')));
		const last = RANKED_MATCHES + 20;
		const first = await search('c', { q: 'Nachbarschaftsfest', kind: 'ideas', page: '1' });
		expect(first.results.ideas).toMatchObject({ order: 'newest', total: SEARCH_COUNT_CAP, totalIsCapped: true, hasMore: true });
		expect(days(first.results.ideas)).toEqual(Array.from({ length: SEARCH_PAGE_SIZE }, (_, index) => last - index));
		const second = await search('c', { q: 'Nachbarschaftsfest', kind: 'ideas', page: '2' });
		expect(days(second.results.ideas)?.[0]).toBe(last - SEARCH_PAGE_SIZE);
		const overview = await search('c', { q: 'Nachbarschaftsfest' });
		expect(overview.results.ideas).toMatchObject({ order: 'newest', totalIsCapped: true });
		expect(days(overview.results.ideas)).toEqual([last, last - 1, last - 2, last - 3, last - 4]);
		// More than a search shows, but few enough to rank: those with the word in the title first, the newer of them first.
		const ranked = await search('b', { q: 'Nachtcafé', kind: 'ideas', page: '1' });
		expect(ranked.results.ideas).toMatchObject({ order: 'rank', total: SEARCH_COUNT_CAP, totalIsCapped: true });
		expect(days(ranked.results.ideas)?.slice(0, 10)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
		expect(ranked.results.ideas?.rows.map((row) => row.title)).not.toContain('Nachtcafé verborgen');
	});

	it('shows the latest news and the events starting last first when more match than are ranked, and never a scheduled article or a submitted event', async () => {
		const days = (found: { rows: { title: string }[] } | undefined) => found?.rows.map((row) => Number(row.title.replace(/\D+/, '')));
		const last = RANKED_MATCHES + 20;
		const newest = Array.from({ length: SEARCH_PAGE_SIZE }, (_, index) => last - index);
		for (const kind of ['articles', 'events'] as const) {
			const first = await search('c', { q: 'Nachbarschaftsfest', kind, page: '1' });
			expect(first.results[kind], kind).toMatchObject({ order: 'newest', total: SEARCH_COUNT_CAP, totalIsCapped: true, hasMore: true });
			expect(days(first.results[kind]), kind).toEqual(newest);
			const second = await search('c', { q: 'Nachbarschaftsfest', kind, page: '2' });
			expect(days(second.results[kind])?.[0], kind).toBe(last - SEARCH_PAGE_SIZE);
		}
		const overview = await search('c', { q: 'Nachbarschaftsfest' });
		expect(overview.results.articles?.rows.map((row) => row.title)).not.toContain('Meldung geplant');
		expect(overview.results.events?.rows.map((row) => row.title)).not.toContain('Termin eingereicht');
	});

	it('finds the organisations listed publicly by their name or description, never an unlisted one or another town\'s', async () => {
		for (const slug of ['a', 'b']) {
			const municipalityId = test.ids.municipalityIds.get(slug)!;
			await test.db.execute(sql`insert into organisations (municipality_id, slug, name, sector, description, listed_publicly_since) values
				(${municipalityId}, 'elternnetz', 'Elternnetz ' || ${slug}, 'association', 'Wir vermitteln Sprachpatenschaften für Familien.', '2026-01-01'),
				(${municipalityId}, 'sprachtreff', 'Sprachtreff ' || ${slug}, 'migrant_self_organisation', 'Ein offener Abend.', '2026-01-01'),
				(${municipalityId}, 'ungelistet', 'Sprachschule ' || ${slug}, 'association', 'Nicht öffentlich gelistet.', null)`);
		}
		const { results } = await search('a', { q: 'Sprachpatenschaft' });
		expect(results.organisations?.rows.map((row) => [row.title, row.sector])).toEqual([['Elternnetz a', 'association']]);
		expect(results.organisations!.rows[0].excerpt.filter((part) => part.match).map((part) => part.text)).toEqual(['Sprachpatenschaften']);
		// The word in the name ranks first.
		const byName = await search('a', { q: 'Sprach', kind: 'organisations', page: '1' });
		expect(byName.results.organisations?.rows.map((row) => row.title)).toEqual(['Sprachtreff a', 'Elternnetz a']);
	});

	it('takes punctuation and operators as text, never as SQL', async () => {
		const { results } = await search('a', { q: `'); drop table ideas; -- "Sprach` });
		expect(results.ideas?.rows).toEqual([]);
		expect((await search('a', { q: 'Sprachkurs' })).results.ideas?.total).toBe(2);
	});

	it('falls back to the first page of all kinds for a page past the counted matches or an unknown kind', () => {
		expect(searchParamsSchema.parse({ q: ' x ', page: '6', kind: 'users' })).toEqual({ q: 'x', page: 1, kind: undefined });
		expect(searchParamsSchema.parse({}).q).toBe('');
		expect(searchParamsSchema.parse({ q: 'y'.repeat(500) }).q).toHaveLength(200);
	});
});
