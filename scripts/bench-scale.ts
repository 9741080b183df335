// `npm run bench -- --scale N`: the public pages and API lists whose main table grows with use, measured on a database
// with 10,000 rows of ideas, comments and measurements and again on one with N rows of each (seeded by
// seedScale into a fresh embedded PostgreSQL), so that indexes and pagination are shown to keep a page's
// time flat as the data grows. Target: the p50 latency at N rows at most 1.5 times that at 10,000.
// News and events are measured the same way: the seed writes as many articles and events as ideas.
// Left out: whole downloads (an indicator's or an edition's measurements as CSV), which carry every row
// by design, and the organisations list, whose main table the scale seed does not fill.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { readConfig } from '../src/lib/server/config';
import { bootDatabase } from '../src/lib/server/db/boot';
import { seedScale } from '../src/lib/server/db/scale-seed';
import type { Measurement } from './bench-lib';

export const SMALL_SCALE = 10_000;
export const MAX_GROWTH = 1.5;
// Ten towns: at a million rows each town's edition holds 100,000 ideas.
const TOWNS = 10;
const editionPath = '/skala-001/strategies/leitbild/editions/1';

type ScalePage = { id: string; title: string; path: (links: Links) => string };
type Links = { idea: string; indicator: string; measure: string; apiIdeasPage2: string; newsPage2: string; article: string; event: string };
const apiEdition = '/api/v1/municipalities/skala-001/strategies/leitbild/editions/1';

export const scalePages: ScalePage[] = [
	{ id: 's1', title: 'ideas list, page 2', path: () => `${editionPath}/ideas?page=2` },
	{ id: 's2', title: 'ideas list, filtered by status, page 2', path: () => `${editionPath}/ideas?status=adopted&page=2` },
	{ id: 's3', title: 'one idea with its comments', path: (links) => links.idea },
	{ id: 's4', title: 'the edition’s monitor', path: () => `${editionPath}/monitor` },
	{ id: 's5', title: 'one indicator with its measurements', path: (links) => links.indicator },
	{ id: 's6', title: 'open-data API: the edition’s ideas, 2nd page by cursor', path: (links) => links.apiIdeasPage2 },
	{
		id: 's7',
		title: 'open-data API: an indicator’s measurements, 1st page',
		path: (links) => `/api/v1/municipalities/skala-001/indicators/${links.indicator.split('/').at(-1)}/measurements?limit=50`
	},
	{ id: 's8', title: 'the edition', path: () => editionPath },
	{ id: 's9', title: 'the trace from ideas to fields of action', path: () => `${editionPath}/trace` },
	// A word no idea holds, and one that a twelfth of the ideas, articles and events hold (each town's name twelve subjects).
	{ id: 's10', title: 'search, a word without matches', path: () => '/skala-001/search?q=Zuwanderung' },
	{ id: 's11', title: 'search, a word in every twelfth idea', path: () => '/skala-001/search?q=Sprachcaf%C3%A9' },
	{ id: 's12', title: 'the monitor’s districts', path: () => `${editionPath}/monitor/districts` },
	{ id: 's13', title: 'one district in the monitor', path: () => `${editionPath}/monitor/districts/nord` },
	{ id: 's14', title: 'one measure in the monitor', path: (links) => links.measure },
	{ id: 's15', title: 'the monitor’s coverage', path: () => `${editionPath}/monitor/coverage` },
	{ id: 's16', title: 'open-data API: the edition’s indicators', path: () => `${apiEdition}/indicators` },
	{ id: 's17', title: 'open-data API: the edition’s measures', path: () => `${apiEdition}/measures` },
	{ id: 's18', title: 'ideas list, searched for a word in every twelfth idea', path: () => `${editionPath}/ideas?q=Sprachcaf%C3%A9` },
	{ id: 's19', title: 'ideas list, searched for a word in none', path: () => `${editionPath}/ideas?q=Zuwanderung` },
	{ id: 's20', title: 'news, 2nd page', path: (links) => links.newsPage2 },
	{ id: 's21', title: 'one article', path: (links) => links.article },
	{ id: 's22', title: 'the articles of a hashtag', path: () => '/skala-001/tags/sprachcaf%C3%A9' },
	{ id: 's23', title: 'news feed', path: () => '/skala-001/news/feed.xml' },
	{ id: 's24', title: 'event calendar, this month', path: () => '/skala-001/events' },
	{ id: 's25', title: 'one event', path: (links) => links.event },
	{ id: 's26', title: 'calendar feed (iCal)', path: () => '/skala-001/events.ics' },
	{ id: 's27', title: 'open-data API: the events', path: () => '/api/v1/municipalities/skala-001/events?limit=50' },
	{ id: 's28', title: 'search of the news, a word in every twelfth article', path: () => '/skala-001/search?q=Sprachcaf%C3%A9&kind=articles' },
	{ id: 's29', title: 'search of the events, a word in every twelfth event', path: () => '/skala-001/search?q=Sprachcaf%C3%A9&kind=events' },
	{ id: 's30', title: 'the municipality (latest news, upcoming events)', path: () => '/skala-001' },
	{ id: 's31', title: 'past events, 2nd page', path: () => '/skala-001/events?past=1&page=2' }
];

export type ScaleServer = { port: number; child: { pid?: number } };

export type ScaleHarness = {
	workDir: string;
	startApp: (environment: Record<string, string>, dataDir: string, label: string) => Promise<ScaleServer>;
	stopServer: (server: ScaleServer) => Promise<void>;
	get: (url: string) => Promise<{ status: number; body: string }>;
	measure: (url: string, server: ScaleServer) => Promise<Measurement>;
	log: (line: string) => void;
};

export type ScaleResult = {
	id: string;
	title: string;
	rows: { small: number; large: number };
	small: Measurement;
	large: Measurement;
	/** p50 at the large size over p50 at the small one. */
	growth: number;
	met: boolean;
};

async function seed(dataDir: string, rows: number, log: (line: string) => void): Promise<void> {
	const config = readConfig({ ...process.env, DATABASE_URL: undefined, DATA_DIR: dataDir, DEMO: 'off', AUTH_SECRET: randomBytes(24).toString('hex') });
	const database = await bootDatabase(config, { seedDemo: false, poolSize: 2, whenRunning: 'stop' });
	try {
		const startedAt = Date.now();
		await seedScale(database, { municipalities: TOWNS, ideas: rows, comments: rows, measurements: rows, authorsPerMunicipality: 200, articles: rows, events: rows });
		// Freshly copied rows are not yet marked visible to all: without this, autovacuum's first pass over a million
		// of them ran in the middle of the measurements (two pages moved by 1.6–1.7 in one run, 1.1–1.2 in another).
		await database.pool.query('vacuum (analyze) ideas, idea_comments, indicator_measurements, measurement_members, articles, article_tags, events');
		log(`[bench] seeded ${rows.toLocaleString('en')} ideas, comments, measurements, articles and events each in ${TOWNS} towns in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
	} finally {
		await database.shutdown();
	}
}

async function linksOf(harness: ScaleHarness, server: ScaleServer): Promise<Links> {
	const origin = `http://127.0.0.1:${server.port}`;
	const list = await harness.get(`${origin}${editionPath}/ideas`);
	const monitor = await harness.get(`${origin}${editionPath}/monitor`);
	const idea = list.body.match(/href="([^"]*\/ideas\/[0-9a-f-]{36})"/)?.[1];
	const indicator = monitor.body.match(/href="([^"]*\/monitor\/indicators\/[0-9a-f-]{36})"/)?.[1];
	const measure = monitor.body.match(/href="([^"]*\/monitor\/measures\/[0-9a-f-]{36})"/)?.[1];
	if (list.status !== 200 || !idea) throw new Error(`precondition failed: ${editionPath}/ideas answered ${list.status} without an idea`);
	if (monitor.status !== 200 || !indicator) throw new Error(`precondition failed: ${editionPath}/monitor answered ${monitor.status} without an indicator`);
	if (!measure) throw new Error(`precondition failed: ${editionPath}/monitor links no measure`);
	const apiIdeas = await harness.get(`${origin}${apiEdition}/ideas?limit=50`);
	const next = apiIdeas.status === 200 ? (JSON.parse(apiIdeas.body) as { next: string | null }).next : null;
	if (!next) throw new Error(`precondition failed: the API's ideas answered ${apiIdeas.status} without a next page`);
	const apiIdeasPage2 = new URL(next).pathname + new URL(next).search;
	const news = await harness.get(`${origin}/skala-001/news`);
	const newsPage2 = news.body.match(/href="(\/skala-001\/news\?after=[^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
	const article = news.body.match(/href="(\/skala-001\/news\/meldung-[0-9]+)"/)?.[1];
	if (news.status !== 200 || !newsPage2 || !article) throw new Error(`precondition failed: /skala-001/news answered ${news.status} without a next page or an article`);
	const calendar = await harness.get(`${origin}/skala-001/events`);
	const event = calendar.body.match(/href="(\/skala-001\/events\/[0-9a-f-]{36})"/)?.[1];
	if (calendar.status !== 200 || !event) throw new Error(`precondition failed: /skala-001/events answered ${calendar.status} without an event`);
	return { idea, indicator, measure, apiIdeasPage2, newsPage2, article, event };
}

/** `only`: ids of the pages to measure (all when empty). */
export async function benchAtScale(harness: ScaleHarness, largeRows: number, only: string[] = []): Promise<ScaleResult[]> {
	const pages = scalePages.filter((page) => only.length === 0 || only.includes(page.id));
	const measured = new Map<string, { small?: Measurement; large?: Measurement }>();
	for (const [size, rows] of [['small', SMALL_SCALE], ['large', largeRows]] as const) {
		const dataDir = path.join(harness.workDir, `scale-${rows}`);
		await seed(dataDir, rows, harness.log);
		// The API's per-address limit is raised: every request of the bench comes from one address.
		const server = await harness.startApp(
			{ DEMO: 'off', PUBLIC_CACHE: 'off', AUTH_SECRET: randomBytes(24).toString('hex'), API_RATE_LIMIT_PER_MINUTE: '100000000' },
			dataDir,
			`Leitbild at ${rows} rows`
		);
		try {
			const links = await linksOf(harness, server);
			for (const page of pages) {
				const url = `http://127.0.0.1:${server.port}${page.path(links)}`;
				const check = await harness.get(url);
				if (check.status !== 200) throw new Error(`precondition failed: ${url} answered ${check.status}`);
				const measurement = await harness.measure(url, server);
				harness.log(`  (${page.id}) ${page.title} at ${rows.toLocaleString('en')} rows: ${Math.round(measurement.requestsPerSecond)} req/s, p50 ${measurement.p50Ms} ms, p99 ${measurement.p99Ms} ms`);
				measured.set(page.id, { ...measured.get(page.id), [size]: measurement });
			}
		} finally {
			await harness.stopServer(server);
		}
	}
	return pages.map((page) => {
		const { small, large } = measured.get(page.id)!;
		// Latencies are whole milliseconds; below one the ratio says nothing, so one is the floor.
		const growth = Math.max(1, large!.p50Ms) / Math.max(1, small!.p50Ms);
		// A page that answered nothing or only errors at one size has no latency to compare: not met.
		const answered = (measurement: Measurement) => measurement.requests > 0 && measurement.errors + measurement.timeouts + measurement.unexpectedStatuses === 0;
		const met = answered(small!) && answered(large!) && growth <= MAX_GROWTH;
		return { id: page.id, title: page.title, rows: { small: SMALL_SCALE, large: largeRows }, small: small!, large: large!, growth, met };
	});
}
