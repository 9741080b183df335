// Fills a database with many municipalities and millions of ideas, comments and measurements (and, when
// asked, news articles and events) for benchmarks at scale. The skeleton (municipalities, strategies, the document structure) goes through
// the ordinary data loader; the mass rows are streamed into COPY, never held in memory: an idea's id,
// municipality and date are functions of its index, so a comment can name its idea without a lookup.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseConnection } from './client';
import type { DataDescription } from './data-description';
import { loadDataDescription } from './load-data';

export type ScaleSizes = {
	municipalities: number;
	ideas: number;
	comments: number;
	measurements: number;
	authorsPerMunicipality: number;
	/** Published news articles across all towns, each with one of twelve hashtags (default none). */
	articles?: number;
	/** Published events across all towns, from 2020 to 2028 (default none). */
	events?: number;
};

export type ScaleProgress = (table: string, done: number, total: number) => void;

export type ScaleSummary = {
	municipalitySlugs: string[];
	rows: Record<'auth_users' | 'ideas' | 'idea_comments' | 'indicator_measurements' | 'indicators' | 'measure_tracking' | 'articles' | 'events', number>;
};

const districtNames = ['Altstadt', 'Nord', 'Ost', 'Süd', 'West', 'Hafen'];
const fieldTitles = [
	'Wirtschaft und Arbeit',
	'Bildung und Sprache',
	'Politische Teilhabe und Engagement',
	'Interkulturelle Öffnung der Verwaltung',
	'Wohnen und Nachbarschaft',
	'Gesundheit und Sport'
];
const subjects = ['Sprachcafé', 'Beratung', 'Patenschaft', 'Ausbildung', 'Begegnungsort', 'Elternabend', 'Mentoring', 'Sportangebot', 'Mehrsprachige Sprechstunde', 'Nachbarschaftsfest', 'Willkommensmappe', 'Jobbörse'];
const places = ['im Stadtteilzentrum', 'in der Bibliothek', 'an der Gesamtschule', 'im Jugendzentrum', 'im Rathaus', 'am Hafen', 'im Familienzentrum', 'online'];
const audiences = ['für Neuzugewanderte', 'für Eltern', 'für Jugendliche', 'für Seniorinnen und Senioren', 'für Vereine', 'für Betriebe', 'für Studierende', 'für alle'];
const sentences = [
	'Viele Menschen wissen nicht, wo sie Unterstützung finden.',
	'Ein fester Termin jede Woche würde helfen.',
	'Die Angebote sollten auch abends erreichbar sein.',
	'Migrantenselbstorganisationen können hier viel beitragen.',
	'Informationen in mehreren Sprachen sind wichtig.',
	'Der Weg dorthin muss barrierefrei sein.',
	'Ein kleines Budget für Material würde reichen.',
	'Die Verwaltung könnte Räume zur Verfügung stellen.',
	'Ehrenamtliche brauchen eine feste Ansprechperson.',
	'Gute Beispiele aus anderen Stadtteilen gibt es schon.'
];
const ideaStatuses: [string, number][] = [
	['new', 40],
	['considered', 25],
	['adopted', 20],
	['merged', 5],
	['not_pursued', 10]
];

/** A number in [0, 1) that depends only on its inputs, so that the same index always yields the same row. */
function unit(...parts: number[]): number {
	let h = 0x811c9dc5;
	for (const part of parts) {
		h ^= part >>> 0;
		h = Math.imul(h, 0x01000193) >>> 0;
		h ^= h >>> 15;
		h = Math.imul(h, 0x2c1b3c6d) >>> 0;
		h ^= h >>> 12;
	}
	return (h >>> 0) / 0x1_0000_0000;
}

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)];

function weighted(choices: [string, number][], r: number): string {
	const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
	let left = r * total;
	for (const [value, weight] of choices) {
		left -= weight;
		if (left < 0) return value;
	}
	return choices[choices.length - 1][0];
}

/** A version-4-shaped UUID made of this run's tag, a kind and an index. */
export function indexedUuid(runTag: string, kind: number, index: number): string {
	const hex = index.toString(16).padStart(12, '0');
	return `${runTag}-${kind.toString(16).padStart(4, '0')}-4000-8000-${hex}`;
}

/** COPY's text format: tab-separated, \N for null; our generated texts contain no tabs, newlines or backslashes. */
const line = (values: (string | number | null)[]) => values.map((value) => (value === null ? '\\N' : String(value))).join('\t') + '\n';

async function copyRows(
	connection: DatabaseConnection,
	table: string,
	columns: string[],
	total: number,
	row: (index: number) => (string | number | null)[],
	progress: ScaleProgress
): Promise<void> {
	if (total === 0) return;
	progress(table, 0, total);
	const client = await connection.pool.connect();
	try {
		const batch = 2000;
		let next = 0;
		const source = new Readable({
			read() {
				if (next >= total) {
					this.push(null);
					return;
				}
				const end = Math.min(total, next + batch);
				let chunk = '';
				for (let index = next; index < end; index++) chunk += line(row(index));
				next = end;
				// The last step is reported once COPY has taken every row, so that a rate counts the writing too.
				if (next < total) progress(table, next, total);
				this.push(chunk);
			}
		});
		await pipeline(source, client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
		progress(table, total, total);
	} finally {
		client.release();
	}
}

function isoDay(epochDay: number): string {
	return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

type Skeleton = {
	slug: string;
	municipalityId: string;
	editionId: string;
	fieldIds: string[];
	goalIds: string[];
	districtIds: string[];
	districtSlugs: string[];
};

/** Counts divided as evenly as possible: town t gets the indexes i with t ≤ i · parts / total < t + 1. */
const share = (total: number, parts: number) => (part: number) => Math.ceil((total * part) / parts);

export async function seedScale(connection: DatabaseConnection, sizes: ScaleSizes, progress: ScaleProgress = () => {}): Promise<ScaleSummary> {
	const { pool } = connection;
	const existing = await pool.query<{ count: string }>("select count(*) from municipalities where slug like 'skala-%'");
	const offset = Number(existing.rows[0].count);
	// Different for every run, so that a second run adds rows next to the first one's instead of colliding.
	const runTag = createHash('sha256').update(`${Date.now()}-${offset}-${Math.random()}`).digest('hex').slice(0, 8);
	const slugs = Array.from({ length: sizes.municipalities }, (_, i) => `skala-${String(offset + i + 1).padStart(3, '0')}`);

	const regionSlug = 'skala';
	const hasRegion = (await pool.query("select 1 from regions where slug = 'skala'")).rowCount === 1;
	const description: DataDescription = {
		regions: hasRegion ? [] : [{ slug: regionSlug, name: 'Skalierungsregion' }],
		municipalities: slugs.map((slug, i) => ({
			slug,
			name: `Skalastadt ${offset + i + 1}`,
			region: hasRegion ? undefined : regionSlug,
			description: 'Eine erfundene Stadt mit vielen Daten, angelegt für Messungen unter Last.',
			districts: districtNames,
			strategies: [
				{
					slug: 'leitbild',
					title: 'Leitbild Vielfalt und Teilhabe',
					editions: [
						{
							number: 1,
							periodStart: 2024,
							periodEnd: 2030,
							stage: 'implementing',
							fields: fieldTitles.map((title, f) => ({
								title,
								goals: Array.from({ length: 4 }, (_, g) => ({
									title: `Ziel ${f + 1}.${g + 1}: ${pick(subjects, unit(f, g, 1))} ${pick(audiences, unit(f, g, 2))}`,
									measures: Array.from({ length: 3 }, (_, k) => ({
										title: `${pick(subjects, unit(f, g, k, 3))} ${pick(places, unit(f, g, k, 4))}`
									}))
								}))
							}))
						}
					]
				}
			]
		}))
	};
	progress('municipalities', 0, sizes.municipalities);
	await loadDataDescription(connection.db, description);
	if (hasRegion) {
		await pool.query('update municipalities set region_id = (select id from regions where slug = $1) where slug = any($2)', [regionSlug, slugs]);
	}
	progress('municipalities', sizes.municipalities, sizes.municipalities);

	const skeleton = await pool.query<Skeleton>(
		`select m.slug, m.id as "municipalityId", e.id as "editionId",
			(select array_agg(f.id order by f.position) from fields f where f.edition_id = e.id) as "fieldIds",
			(select array_agg(g.id order by f.position, g.position) from goals g join fields f on f.id = g.field_id where f.edition_id = e.id) as "goalIds",
			(select array_agg(d.id order by d.position) from districts d where d.municipality_id = m.id) as "districtIds",
			(select array_agg(d.slug order by d.position) from districts d where d.municipality_id = m.id) as "districtSlugs"
		from municipalities m join strategies s on s.municipality_id = m.id join editions e on e.strategy_id = s.id
		where m.slug = any($1) order by m.slug`,
		[slugs]
	);
	const towns = skeleton.rows;
	const townCount = towns.length;

	// Measures get their tracking rows and the edition its indicators in plain SQL: a few thousand rows.
	const tracking = await pool.query(
		`insert into measure_tracking (measure_id, municipality_id, edition_id, status, status_reason, progress, responsible_office)
		select ms.id, ms.municipality_id, f.edition_id,
			(array['planned','in_progress','done','delayed','paused']::measure_status[])[1 + (abs(hashtext(ms.id::text)) % 5)],
			case when abs(hashtext(ms.id::text)) % 5 = 3 then 'Personalwechsel im Projektteam' else '' end,
			abs(hashtext(ms.id::text || 'p')) % 101, 'Amt für Integration'
		from measures ms join goals g on g.id = ms.goal_id join fields f on f.id = g.field_id
		where ms.municipality_id = any($1::uuid[])`,
		[towns.map((town) => town.municipalityId)]
	);
	const indicatorsPerTown = 25;
	const indicatorIds = towns.map((_, t) => Array.from({ length: indicatorsPerTown }, (_, i) => indexedUuid(runTag, 5, t * indicatorsPerTown + i)));
	await copyRows(
		connection,
		'indicators',
		['id', 'municipality_id', 'edition_id', 'goal_id', 'code', 'name', 'unit', 'source', 'direction', 'baseline_value', 'baseline_date', 'target_value', 'target_date', 'frequency'],
		townCount * indicatorsPerTown,
		(index) => {
			const town = towns[Math.floor(index / indicatorsPerTown)];
			const i = index % indicatorsPerTown;
			const baseline = Math.round(unit(index, 7) * 900 + 100);
			return [
				indicatorIds[Math.floor(index / indicatorsPerTown)][i],
				town.municipalityId,
				town.editionId,
				town.goalIds[i % town.goalIds.length],
				`kennzahl-${i + 1}`,
				`Kennzahl ${i + 1}: Teilnahmen ${pick(audiences, unit(i, 8))}`,
				'Personen',
				'Statistikstelle',
				'higher_is_better',
				baseline,
				'2024-01-01',
				Math.round(baseline * 1.3),
				'2030-12-31',
				'quarterly'
			];
		},
		progress
	);

	const authors = sizes.authorsPerMunicipality;
	const authorId = (town: number, n: number) => indexedUuid(runTag, 1, town * authors + n);
	await copyRows(
		connection,
		'auth_users',
		['id', 'name', 'email', 'email_verified'],
		townCount * authors,
		(index) => {
			const town = Math.floor(index / authors);
			return [authorId(town, index % authors), `Person ${index + 1}`, `person-${index + 1}@${runTag}.${towns[town].slug}.example.org`, 't'];
		},
		progress
	);

	const townOfIdea = (index: number) => spread(index, sizes.ideas, townCount).town;
	// Ideas spread over six years; an idea's date grows with its index inside its town.
	const firstDay = Math.floor(Date.UTC(2020, 0, 1) / 86_400_000);
	const ideaEpochMs = (index: number) => {
		const { within } = spread(index, sizes.ideas, townCount);
		return (firstDay + within * 6 * 365) * 86_400_000 + Math.floor(unit(index, 11) * 86_400_000);
	};
	await copyRows(
		connection,
		'ideas',
		['id', 'municipality_id', 'edition_id', 'field_id', 'district_id', 'author_user_id', 'title', 'body', 'status', 'created_at', 'updated_at'],
		sizes.ideas,
		(index) => {
			const town = towns[townOfIdea(index)];
			const created = new Date(ideaEpochMs(index)).toISOString();
			const sentenceCount = 1 + Math.floor(unit(index, 4) * 4);
			const body = Array.from({ length: sentenceCount }, (_, s) => pick(sentences, unit(index, 5, s))).join(' ');
			return [
				indexedUuid(runTag, 2, index),
				town.municipalityId,
				town.editionId,
				pick(town.fieldIds, unit(index, 1)),
				unit(index, 2) < 0.2 ? null : pick(town.districtIds, unit(index, 3)),
				authorId(townOfIdea(index), Math.floor(unit(index, 6) * authors)),
				`${pick(subjects, unit(index, 7))} ${pick(places, unit(index, 8))} ${pick(audiences, unit(index, 9))}`,
				body,
				weighted(ideaStatuses, unit(index, 10)),
				created,
				created
			];
		},
		progress
	);

	await copyRows(
		connection,
		'idea_comments',
		['id', 'municipality_id', 'idea_id', 'author_user_id', 'body', 'created_at', 'updated_at'],
		sizes.ideas === 0 ? 0 : sizes.comments,
		(index) => {
			// Skewed towards some ideas: a few ideas gather many comments, as in real participation.
			const idea = Math.floor(Math.pow(unit(index, 1), 2) * sizes.ideas);
			const townIndex = townOfIdea(idea);
			const created = new Date(ideaEpochMs(idea) + Math.floor(unit(index, 2) * 30 * 86_400_000)).toISOString();
			return [
				indexedUuid(runTag, 3, index),
				towns[townIndex].municipalityId,
				indexedUuid(runTag, 2, idea),
				authorId(townIndex, Math.floor(unit(index, 3) * authors)),
				pick(sentences, unit(index, 4)),
				created,
				created
			];
		},
		progress
	);

	const totalIndicators = townCount * indicatorsPerTown;
	await copyRows(
		connection,
		'indicator_measurements',
		['id', 'municipality_id', 'indicator_id', 'period_kind', 'period_start', 'period_end', 'series_key', 'value', 'source_note'],
		totalIndicators === 0 ? 0 : sizes.measurements,
		(index) => {
			const indicator = index % totalIndicators;
			const townIndex = Math.floor(indicator / indicatorsPerTown);
			const town = towns[townIndex];
			const round = Math.floor(index / totalIndicators);
			// Quarterly values going back from 2026, each quarter for the whole town and every district at once, as
			// a statistics office publishes them: a small database holds a few recent quarters of every series, a
			// large one a long history of each, rather than the town's series alone.
			const series = town.districtIds.length + 1;
			const district = round % series;
			const quarter = Math.floor(round / series) % 36;
			// Each further pass shifts by a day, so no series repeats a period (the model forbids it).
			const pass = Math.floor(round / (36 * series));
			const day = isoDay(firstDay + 2 * 365 + 3 * 365 - quarter * 91 - pass);
			return [
				indexedUuid(runTag, 4, index),
				town.municipalityId,
				indicatorIds[townIndex][indicator % indicatorsPerTown],
				'range',
				day,
				day,
				`district=${district === 0 ? 'total' : town.districtSlugs[district - 1]}`,
				Math.round((100 + unit(index, 1) * 900) * 10) / 10,
				'Stichprobe der Statistikstelle'
			];
		},
		progress
	);

	// The district dimension, the indicators' district breakdown and each value's member, set-based.
	const townIds = towns.map((town) => town.municipalityId);
	await pool.query(
		`insert into dimensions (municipality_id, key, label) select id, 'district', 'Stadtteil' from municipalities where id = any($1::uuid[]) on conflict do nothing`,
		[townIds]
	);
	await pool.query(
		`insert into dimension_members (municipality_id, dimension_id, key, label, position, is_total)
		select municipality_id, id, 'total', 'Gesamt', 0, true from dimensions where key = 'district' and municipality_id = any($1::uuid[]) on conflict do nothing`,
		[townIds]
	);
	await pool.query(
		`insert into dimension_members (municipality_id, dimension_id, key, label, position, district_id)
		select d.municipality_id, dim.id, d.slug, d.name, d.position + 1, d.id
		from districts d join dimensions dim on dim.municipality_id = d.municipality_id and dim.key = 'district'
		where d.municipality_id = any($1::uuid[]) on conflict do nothing`,
		[townIds]
	);
	await pool.query(
		`insert into indicator_breakdowns (indicator_id, dimension_id, municipality_id)
		select i.id, dim.id, i.municipality_id from indicators i join dimensions dim on dim.municipality_id = i.municipality_id and dim.key = 'district'
		where i.municipality_id = any($1::uuid[]) on conflict do nothing`,
		[townIds]
	);
	await pool.query(
		`insert into measurement_members (measurement_id, dimension_id, member_id, municipality_id)
		select m.id, dm.dimension_id, dm.id, m.municipality_id
		from indicator_measurements m
		join dimensions dim on dim.municipality_id = m.municipality_id and dim.key = 'district'
		join dimension_members dm on dm.dimension_id = dim.id and dm.key = substring(m.series_key from 10)
		where m.municipality_id = any($1::uuid[])`,
		[townIds]
	);
	const articleCount = await seedArticles(connection, runTag, towns, sizes.articles ?? 0, progress);
	const eventCount = await seedEvents(connection, runTag, towns, sizes.events ?? 0, progress);
	await pool.query('analyze ideas, idea_comments, indicator_measurements, measurement_members, indicators, auth_users, measure_tracking, articles, article_tags, tags, events');
	return {
		municipalitySlugs: slugs,
		rows: {
			auth_users: townCount * authors,
			ideas: sizes.ideas,
			idea_comments: sizes.ideas === 0 ? 0 : sizes.comments,
			indicators: totalIndicators,
			indicator_measurements: totalIndicators === 0 ? 0 : sizes.measurements,
			measure_tracking: tracking.rowCount ?? 0,
			articles: articleCount,
			events: eventCount
		}
	};
}

/** The town of the index-th of `total` rows spread evenly over `townCount` towns, and how far into its share it is (0 … 1). */
function spread(index: number, total: number, townCount: number): { town: number; within: number } {
	const town = Math.min(townCount - 1, Math.floor((index * townCount) / total));
	const start = share(total, townCount);
	return { town, within: (index - start(town)) / Math.max(1, start(town + 1) - start(town)) };
}

const newsPlaces = ['Rathaus', 'Stadtteilzentrum Nord', 'Volkshochschule', 'Stadtbibliothek', 'Bürgerhaus Hafen', 'Jugendzentrum West'];

/** Published articles, each tagged with one of its town's twelve hashtags, dated over six years before 2026. */
async function seedArticles(connection: DatabaseConnection, runTag: string, towns: Skeleton[], total: number, progress: ScaleProgress): Promise<number> {
	if (total === 0 || towns.length === 0) return 0;
	const tagsPerTown = subjects.length;
	// As a hashtag is written (one word) and stored (tagKey in news/tag.ts: NFC, lower case).
	const tagDisplays = subjects.map((subject) => subject.replace(/[^\p{L}\p{N}]+/gu, ''));
	const tagKeys = tagDisplays.map((display) => display.normalize('NFC').toLowerCase());
	const tagId = (town: number, tag: number) => indexedUuid(runTag, 6, town * tagsPerTown + tag);
	await copyRows(connection, 'tags', ['id', 'municipality_id', 'key', 'display'], towns.length * tagsPerTown, (index) => {
		const town = Math.floor(index / tagsPerTown);
		const tag = index % tagsPerTown;
		return [tagId(town, tag), towns[town].municipalityId, tagKeys[tag], tagDisplays[tag]];
	}, progress);
	const firstDay = Math.floor(Date.UTC(2020, 0, 1) / 86_400_000);
	const publishedAt = (index: number) => {
		const { within } = spread(index, total, towns.length);
		return new Date((firstDay + within * 6 * 365) * 86_400_000 + Math.floor(unit(index, 21) * 86_400_000)).toISOString();
	};
	await copyRows(
		connection,
		'articles',
		['id', 'municipality_id', 'slug', 'title', 'lead', 'body', 'place', 'status', 'published_at', 'author_name', 'created_at', 'updated_at'],
		total,
		(index) => {
			const { town } = spread(index, total, towns.length);
			const subject = pick(subjects, unit(index, 22));
			const when = publishedAt(index);
			const paragraphs = 2 + Math.floor(unit(index, 23) * 3);
			// Paragraphs apart by an empty line, written as COPY's escape for a line break.
			const body = Array.from({ length: paragraphs }, (_, p) => [0, 1, 2].map((s) => pick(sentences, unit(index, 24, p, s))).join(' ')).join('\\n\\n');
			return [
				indexedUuid(runTag, 7, index),
				towns[town].municipalityId,
				`meldung-${index + 1}`,
				`${subject} ${pick(places, unit(index, 25))}: neues Angebot ${pick(audiences, unit(index, 26))}`,
				`${pick(sentences, unit(index, 27))} #${tagDisplays[index % tagsPerTown]}`,
				body,
				pick(newsPlaces, unit(index, 28)),
				'published',
				when,
				'Presse- und Informationsamt',
				when,
				when
			];
		},
		progress
	);
	await copyRows(connection, 'article_tags', ['municipality_id', 'article_id', 'tag_id'], total, (index) => {
		const { town } = spread(index, total, towns.length);
		return [towns[town].municipalityId, indexedUuid(runTag, 7, index), tagId(town, index % tagsPerTown)];
	}, progress);
	return total;
}

const eventTypeChoices: [string, number][] = [
	['workshop', 35],
	['working_group_meeting', 30],
	['information_event', 25],
	['closing_event', 2],
	['other', 8]
];

/** Published events from 2020 to the end of 2028, two hours each, in the town's edition and districts. */
async function seedEvents(connection: DatabaseConnection, runTag: string, towns: Skeleton[], total: number, progress: ScaleProgress): Promise<number> {
	if (total === 0 || towns.length === 0) return 0;
	const firstDay = Math.floor(Date.UTC(2020, 0, 1) / 86_400_000);
	const days = Math.floor(Date.UTC(2029, 0, 1) / 86_400_000) - firstDay;
	await copyRows(
		connection,
		'events',
		['id', 'municipality_id', 'edition_id', 'type', 'title', 'description', 'starts_at', 'ends_at', 'place', 'district_id', 'publication', 'created_at', 'updated_at'],
		total,
		(index) => {
			const { town, within } = spread(index, total, towns.length);
			const skeleton = towns[town];
			// Afternoons and evenings, on the quarter hour.
			const startMs = (firstDay + Math.floor(within * days)) * 86_400_000 + (14 + Math.floor(unit(index, 31) * 6)) * 3_600_000 + Math.floor(unit(index, 32) * 4) * 900_000;
			const created = new Date(startMs - 30 * 86_400_000).toISOString();
			return [
				indexedUuid(runTag, 8, index),
				skeleton.municipalityId,
				skeleton.editionId,
				weighted(eventTypeChoices, unit(index, 33)),
				`${pick(subjects, unit(index, 34))} ${pick(audiences, unit(index, 35))}`,
				`${pick(sentences, unit(index, 36))} ${pick(sentences, unit(index, 37))}`,
				new Date(startMs).toISOString(),
				new Date(startMs + 2 * 3_600_000).toISOString(),
				pick(newsPlaces, unit(index, 38)),
				unit(index, 39) < 0.3 ? null : pick(skeleton.districtIds, unit(index, 40)),
				'published',
				created,
				created
			];
		},
		progress
	);
	return total;
}
