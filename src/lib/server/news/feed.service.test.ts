import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { articleSchema } from '$lib/validation/news';
import { saveArticle } from './article.service';
import { atomResponse, getMunicipalityFeed, getRegionFeed, getTagFeed } from './feed.service';

let test: TestDatabase;
const origin = 'https://leitbild.example.org';
const timeZone = 'Europe/Berlin';

const editorOf = (slug: string): Actor => ({
	userId: test.ids.accountIds.get(`redaktion@${slug}.example.org`)!,
	name: 'Redaktion',
	email: `redaktion@${slug}.example.org`,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: test.ids.municipalityIds.get(slug)!, municipalitySlug: slug, municipalityName: slug, role: 'editor' }]
});
const publish = (slug: string, input: Record<string, string>) =>
	saveArticle({ db: test.db, actor: editorOf(slug), municipalityId: test.ids.municipalityIds.get(slug)!, input: articleSchema.parse({ intent: 'publish', ...input }), timeZone });

beforeAll(async () => {
	const password = 'long-enough-password';
	test = await createTestDatabase({
		regions: [{ slug: 'land', name: 'Land' }],
		municipalities: [
			{ slug: 'stadt', name: 'Stadt', region: 'land' },
			{ slug: 'dorf', name: 'Dorf', region: 'land' }
		],
		accounts: [
			{ email: 'redaktion@stadt.example.org', name: 'R', password, roles: [{ municipality: 'stadt', role: 'editor' }] },
			{ email: 'redaktion@dorf.example.org', name: 'D', password, roles: [{ municipality: 'dorf', role: 'editor' }] }
		]
	});
	await publish('stadt', { title: 'Abschluss im Rathaus', lead: 'Rund 120 Menschen kamen.', body: 'Ein Abend für #Münster und #Göç.', place: 'Münster', publishedAt: '2025-01-24T20:00' });
	await publish('stadt', { title: 'Ratsbeschluss', body: 'Der Rat hat das Leitbild beschlossen. #Integration', publishedAt: '2025-02-26T18:00' });
	await publish('dorf', { title: 'Sprachcafé im Dorf', body: 'Jeden Dienstag. #Integration', publishedAt: '2025-03-01T10:00' });
	await saveArticle({ db: test.db, actor: editorOf('stadt'), municipalityId: test.ids.municipalityIds.get('stadt')!, input: articleSchema.parse({ title: 'Entwurf' }), timeZone });
});
afterAll(async () => {
	await test.drop();
});

it('the municipality feed is valid Atom with ids, links, dates, author and rendered content, newest first, no drafts', async () => {
	const { xml } = await getMunicipalityFeed({ db: test.db, slug: 'stadt', origin });
	const feed = parseFeed(xml);
	expect(feed.meta.type).toBe('atom');
	expect(feed.title).toBe('Meldungen – Stadt');
	expect(feed.items.map((item) => item.title)).toEqual(['Ratsbeschluss', 'Abschluss im Rathaus']);
	const [, closing] = feed.items;
	expect(closing.id).toBe(`${origin}/stadt/news/abschluss-im-rathaus`);
	expect(closing.url).toBe(`${origin}/stadt/news/abschluss-im-rathaus`);
	expect(closing.published?.toISOString()).toBe('2025-01-24T19:00:00.000Z');
	expect(closing.authors.map((author) => author.name)).toEqual(['Stadt']);
	expect(closing.content).toContain(`href="${origin}/stadt/tags/${encodeURIComponent('göç')}"`);
	expect(closing.categories.map((category) => category.label ?? category.term).sort()).toEqual(['Göç', 'Münster']);
	expect(feed.updated).toBeInstanceOf(Date);
});

it('the tag feed holds only the tag’s articles and the region feed those of every town', async () => {
	const tagFeed = parseFeed((await getTagFeed({ db: test.db, slug: 'stadt', key: 'Integration', origin })).xml);
	expect(tagFeed.items.map((item) => item.title)).toEqual(['Ratsbeschluss']);
	const regionFeed = parseFeed((await getRegionFeed({ db: test.db, slug: 'land', origin })).xml);
	expect(regionFeed.items.map((item) => [item.title, item.authors[0]?.name])).toEqual([
		['Sprachcafé im Dorf', 'Dorf'],
		['Ratsbeschluss', 'Stadt'],
		['Abschluss im Rathaus', 'Stadt']
	]);
});

it('a reader that already has the feed gets 304 by its ETag', async () => {
	const { xml } = await getMunicipalityFeed({ db: test.db, slug: 'stadt', origin });
	const first = atomResponse(xml, null);
	expect(first.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
	expect(atomResponse(xml, first.headers.get('etag')).status).toBe(304);
});
