import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { saveArticle } from '../news/article.service';
import type { Actor } from '../people/actor';
import { insertEvent } from '../participation/event.queries';
import { articleSchema } from '$lib/validation/news';
import { robotsTxt } from './robots';
import { getMunicipalitySitemap, getPlatformSitemap, getSitemapIndex } from './sitemap.service';

let test: TestDatabase;
const origin = 'https://leitbild.example.org';
const now = new Date('2026-11-26T12:00:00Z');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name) });

type UrlEntry = { loc: string; lastmod?: string; 'xhtml:link': { '@hreflang': string; '@href': string }[] };

/** Valid XML by an independent parser, then its entries. */
function urlsOf(xml: string): UrlEntry[] {
	expect(XMLValidator.validate(xml)).toBe(true);
	const doc = parser.parse(xml);
	expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
	return doc.urlset.url ?? [];
}
const locsOf = (xml: string) => urlsOf(xml).map((url) => url.loc);

const idOf = (slug: string) => test.ids.municipalityIds.get(slug)!;
const editor = (slug: string): Actor => ({
	userId: test.ids.accountIds.get(`redaktion@${slug}.example.org`)!,
	name: 'Redaktion',
	email: `redaktion@${slug}.example.org`,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: idOf(slug), municipalitySlug: slug, municipalityName: slug, role: 'editor' }]
});
const save = (slug: string, input: Record<string, string>) =>
	saveArticle({ db: test.db, actor: editor(slug), municipalityId: idOf(slug), input: articleSchema.parse(input), timeZone: 'Europe/Berlin' });

beforeAll(async () => {
	const password = 'long-enough-password';
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'stadt',
				name: 'Stadt',
				strategies: [{ slug: 'leitbild', title: 'Leitbild', editions: [{ number: 4, periodStart: 2025, periodEnd: 2030, stage: 'adopted' }] }]
			},
			{ slug: 'dorf', name: 'Dorf' }
		],
		accounts: [
			{ email: 'redaktion@stadt.example.org', name: 'R', password, roles: [{ municipality: 'stadt', role: 'editor' }] },
			{ email: 'redaktion@dorf.example.org', name: 'D', password, roles: [{ municipality: 'dorf', role: 'editor' }] }
		]
	});
	await save('stadt', { intent: 'publish', title: 'Abschluss im Rathaus', body: 'Ein Abend für #Münster und #Göç.', publishedAt: '2025-01-24T20:00' });
	await save('stadt', { intent: 'draft', title: 'Entwurf ohne Datum', body: '#Geheim' });
	// Scheduled far ahead: a real clock is used when saving, the sitemap asks with its own `now`.
	await save('stadt', { intent: 'publish', title: 'Erst im Jahr 2030', body: '#Zukunft', publishedAt: '2030-01-01T10:00' });
	await save('dorf', { intent: 'publish', title: 'Sprachcafé im Dorf', body: '#Dorfleben', publishedAt: '2025-03-01T10:00' });
	const starts = new Date('2027-02-05T17:00:00Z');
	const ends = new Date('2027-02-05T19:00:00Z');
	await insertEvent(test.db, { municipalityId: idOf('stadt'), type: 'workshop', title: 'Werkstatt', startsAt: starts, endsAt: ends });
	await insertEvent(test.db, { municipalityId: idOf('stadt'), type: 'other', title: 'Eingereicht', startsAt: starts, endsAt: ends, publication: 'submitted', organiser: 'Verein' });
	await insertEvent(test.db, { municipalityId: idOf('stadt'), type: 'other', title: 'Abgelehnt', startsAt: starts, endsAt: ends, publication: 'rejected', organiser: 'Verein' });
});
afterAll(async () => {
	await test.drop();
});

it('the sitemap index is valid XML naming the install’s own sitemap and one file per municipality', async () => {
	const { xml } = await getSitemapIndex({ db: test.db, origin, now });
	expect(XMLValidator.validate(xml)).toBe(true);
	const locs = parser.parse(xml).sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
	expect(locs).toEqual([`${origin}/sitemaps/platform.xml`, `${origin}/sitemaps/dorf/1.xml`, `${origin}/sitemaps/stadt/1.xml`]);
});

it('a municipality’s sitemap lists its public pages in German and English, each naming both languages', async () => {
	const { xml } = await getMunicipalitySitemap({ db: test.db, origin, now, slug: 'stadt', page: 1 });
	const urls = urlsOf(xml);
	const locs = urls.map((url) => url.loc);
	for (const path of [
		'/stadt',
		'/stadt/news',
		'/stadt/events',
		'/stadt/imprint',
		'/stadt/privacy',
		'/stadt/accessibility',
		'/stadt/strategies/leitbild',
		'/stadt/strategies/leitbild/editions/4',
		'/stadt/strategies/leitbild/editions/4/monitor',
		'/stadt/news/abschluss-im-rathaus',
		`/stadt/tags/${encodeURIComponent('münster')}`,
		`/stadt/tags/${encodeURIComponent('göç')}`
	]) {
		expect(locs).toContain(origin + path);
		expect(locs).toContain(`${origin}/en${path}`);
	}
	const article = urls.find((url) => url.loc === `${origin}/en/stadt/news/abschluss-im-rathaus`)!;
	expect(article['xhtml:link'].map((link) => [link['@hreflang'], link['@href']])).toEqual([
		['de', `${origin}/stadt/news/abschluss-im-rathaus`],
		['en', `${origin}/en/stadt/news/abschluss-im-rathaus`],
		['x-default', `${origin}/stadt/news/abschluss-im-rathaus`]
	]);
	expect(new Date(article.lastmod!).getTime()).not.toBeNaN();
	expect(locs.filter((loc) => /\/stadt\/events\/[0-9a-f-]{36}$/.test(loc))).toHaveLength(2);
});

it('drafts, scheduled articles, their tags and events not yet published never reach the sitemap', async () => {
	const { xml } = await getMunicipalitySitemap({ db: test.db, origin, now, slug: 'stadt', page: 1 });
	expect(xml).not.toMatch(/entwurf|erst-im-jahr|geheim|zukunft/i);
	const { xml: later } = await getMunicipalitySitemap({ db: test.db, origin, now: new Date('2030-02-01T00:00:00Z'), slug: 'stadt', page: 1 });
	expect(locsOf(later)).toContain(`${origin}/stadt/tags/zukunft`);
	expect(locsOf(later).filter((loc) => /\/stadt\/events\/[0-9a-f-]{36}$/.test(loc))).toHaveLength(2);
});

it('a municipality’s sitemap holds only its own pages', async () => {
	const { xml } = await getMunicipalitySitemap({ db: test.db, origin, now, slug: 'dorf', page: 1 });
	const locs = locsOf(xml);
	expect(locs).toContain(`${origin}/dorf/news/sprachcafe-im-dorf`);
	expect(locs.every((loc) => loc.startsWith(`${origin}/dorf`) || loc.startsWith(`${origin}/en/dorf`))).toBe(true);
});

it('a sitemap over the URL limit is split into files that together list every page once', async () => {
	const maxUrls = 6;
	const { xml: index } = await getSitemapIndex({ db: test.db, origin, now, maxUrls });
	const files = parser.parse(index).sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc).filter((loc: string) => loc.includes('/stadt/'));
	const { xml: whole } = await getMunicipalitySitemap({ db: test.db, origin, now, slug: 'stadt', page: 1 });
	const expected = locsOf(whole);
	expect(files).toHaveLength(Math.ceil(expected.length / maxUrls));
	const parts: string[] = [];
	for (let page = 1; page <= files.length; page += 1) {
		const locs = locsOf((await getMunicipalitySitemap({ db: test.db, origin, now, slug: 'stadt', page, maxUrls })).xml);
		expect(locs.length).toBeLessThanOrEqual(maxUrls);
		parts.push(...locs);
	}
	expect(parts).toEqual(expected);
	await expect(getMunicipalitySitemap({ db: test.db, origin, now, slug: 'stadt', page: files.length + 1, maxUrls })).rejects.toMatchObject({ status: 404 });
	await expect(getMunicipalitySitemap({ db: test.db, origin, now, slug: 'nirgendwo', page: 1 })).rejects.toMatchObject({ status: 404 });
});

it('the install’s own sitemap and robots.txt point crawlers to public pages and keep them out of the back office', () => {
	expect(locsOf(getPlatformSitemap({ origin }).xml)).toEqual(expect.arrayContaining([`${origin}/`, `${origin}/en`]));
	const robots = robotsTxt(origin);
	expect(robots).toContain(`Sitemap: ${origin}/sitemap.xml`);
	expect(robots).toMatch(/^Disallow: \/admin$/m);
	expect(robots).toMatch(/^Disallow: \/account$/m);
});
