// The sitemap: an index of one or more sitemaps per municipality plus one for the install's own
// pages. Every public page appears in German (no prefix) and English (/en), each naming the other.
import type { Executor } from '../db/client';
import { selectNextScheduledPublication } from '../news/article.queries';
import { notFound } from '../shared/errors';
import { municipalityNotFound } from '../tenancy/tenancy.errors';
import {
	countSitemapRows,
	type SitemapCounts,
	selectSitemapArticles,
	selectSitemapEditions,
	selectSitemapEvents,
	selectSitemapLegalPages,
	selectSitemapMunicipalities,
	selectSitemapMunicipality,
	selectSitemapStrategies,
	selectSitemapTags
} from './sitemap.queries';

/** The protocol's limit per file (sitemaps.org); each page takes two entries, one per language. */
export const SITEMAP_MAX_URLS = 50_000;
// Far above any install; keeps the index one bounded query and below the 50 000 files an index may name.
const MAX_MUNICIPALITIES = 10_000;
const LOCALE_PREFIXES = [
	{ hreflang: 'de', prefix: '' },
	{ hreflang: 'en', prefix: '/en' }
] as const;

/** Pages of the install itself, outside any municipality. */
export const PLATFORM_SITEMAP_PATHS = ['/', '/imprint', '/privacy', '/accessibility'];

type Location = { path: string; lastmod: Date | null };
type Segment = { count: number; fetch: (offset: number, limit: number) => Promise<Location[]> };

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const localised = (prefix: string, path: string) => (prefix && path === '/' ? prefix : prefix + path);

function urlEntries(origin: string, location: Location): string {
	const alternates = LOCALE_PREFIXES.map(({ hreflang, prefix }) => `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(origin + localised(prefix, location.path))}"/>`);
	alternates.push(`<xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(origin + location.path)}"/>`);
	const lastmod = location.lastmod ? `<lastmod>${location.lastmod.toISOString()}</lastmod>` : '';
	return LOCALE_PREFIXES.map(({ prefix }) => `<url><loc>${escapeXml(origin + localised(prefix, location.path))}</loc>${lastmod}${alternates.join('')}</url>`).join('\n');
}

function urlSet(origin: string, locations: Location[]): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
		...locations.map((location) => urlEntries(origin, location)),
		'</urlset>',
		''
	].join('\n');
}

const pagesPerFile = (maxUrls: number) => Math.max(1, Math.floor(maxUrls / LOCALE_PREFIXES.length));

function segmentsOf(db: Executor, municipality: { id: string; slug: string; updatedAt: Date }, counts: SitemapCounts, now: Date): Segment[] {
	const base = `/${municipality.slug}`;
	const tag = (key: string) => `${base}/tags/${encodeURIComponent(key)}`;
	return [
		{
			count: 6,
			fetch: async (offset, limit) => {
				const legal = new Map((await selectSitemapLegalPages(db, municipality.id)).map((page) => [page.kind, page.updatedAt]));
				return [
					{ path: base, lastmod: municipality.updatedAt },
					{ path: `${base}/news`, lastmod: null },
					{ path: `${base}/events`, lastmod: null },
					...(['imprint', 'privacy', 'accessibility'] as const).map((kind) => ({ path: `${base}/${kind}`, lastmod: legal.get(kind) ?? null }))
				].slice(offset, offset + limit);
			}
		},
		{
			count: counts.strategies,
			fetch: async (offset, limit) => (await selectSitemapStrategies(db, municipality.id, offset, limit)).map((row) => ({ path: `${base}/strategies/${row.key}`, lastmod: row.updatedAt }))
		},
		{
			count: counts.editions,
			fetch: async (offset, limit) =>
				(await selectSitemapEditions(db, municipality.id, offset, limit)).map((row) => ({ path: `${base}/strategies/${row.strategySlug}/editions/${row.number}`, lastmod: row.updatedAt }))
		},
		{
			count: counts.editions,
			fetch: async (offset, limit) =>
				(await selectSitemapEditions(db, municipality.id, offset, limit)).map((row) => ({ path: `${base}/strategies/${row.strategySlug}/editions/${row.number}/monitor`, lastmod: null }))
		},
		{
			count: counts.articles,
			fetch: async (offset, limit) => (await selectSitemapArticles(db, municipality.id, now, offset, limit)).map((row) => ({ path: `${base}/news/${row.key}`, lastmod: row.updatedAt }))
		},
		{
			count: counts.tags,
			fetch: async (offset, limit) => (await selectSitemapTags(db, municipality.id, now, offset, limit)).map((row) => ({ path: tag(row.key), lastmod: row.updatedAt }))
		},
		{
			count: counts.events,
			fetch: async (offset, limit) => (await selectSitemapEvents(db, municipality.id, offset, limit)).map((row) => ({ path: `${base}/events/${row.key}`, lastmod: row.updatedAt }))
		}
	];
}

const totalOf = (counts: SitemapCounts) => 6 + counts.strategies + counts.editions * 2 + counts.articles + counts.tags + counts.events;

type Options = { db: Executor; origin: string; now: Date; maxUrls?: number };

/** The sitemap index: the install's own pages, then every municipality's files (more than one when it outgrows the limit). */
export async function getSitemapIndex({ db, origin, now, maxUrls = SITEMAP_MAX_URLS }: Options) {
	const municipalities = await selectSitemapMunicipalities(db, MAX_MUNICIPALITIES);
	const counts = await countSitemapRows(db, municipalities.map((municipality) => municipality.id), now);
	const files: string[] = [`${origin}/sitemaps/platform.xml`];
	for (const municipality of municipalities) {
		const pages = Math.max(1, Math.ceil(totalOf(counts.get(municipality.id)!) / pagesPerFile(maxUrls)));
		for (let page = 1; page <= pages; page += 1) files.push(`${origin}/sitemaps/${encodeURIComponent(municipality.slug)}/${page}.xml`);
	}
	const xml = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...files.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`),
		'</sitemapindex>',
		''
	].join('\n');
	return { xml, nextChangeAt: await selectNextScheduledPublication(db, null, now) };
}

export function getPlatformSitemap({ origin }: { origin: string }) {
	return { xml: urlSet(origin, PLATFORM_SITEMAP_PATHS.map((path) => ({ path, lastmod: null }))) };
}

/** One file of a municipality's sitemap; files after the last one that has entries do not exist. */
export async function getMunicipalitySitemap({ db, origin, now, slug, page, maxUrls = SITEMAP_MAX_URLS }: Options & { slug: string; page: number }) {
	const municipality = await selectSitemapMunicipality(db, slug);
	if (!municipality) throw municipalityNotFound();
	const counts = (await countSitemapRows(db, [municipality.id], now)).get(municipality.id)!;
	const perFile = pagesPerFile(maxUrls);
	const start = (page - 1) * perFile;
	if (page < 1 || start >= Math.max(totalOf(counts), 1)) throw notFound();
	const end = start + perFile;
	const locations: Location[] = [];
	let segmentStart = 0;
	for (const segment of segmentsOf(db, municipality, counts, now)) {
		const segmentEnd = segmentStart + segment.count;
		if (segmentEnd > start && segmentStart < end) {
			const offset = Math.max(0, start - segmentStart);
			const limit = Math.min(segmentEnd, end) - segmentStart - offset;
			locations.push(...(await segment.fetch(offset, limit)));
		}
		segmentStart = segmentEnd;
	}
	return { xml: urlSet(origin, locations), nextChangeAt: await selectNextScheduledPublication(db, municipality.id, now) };
}
