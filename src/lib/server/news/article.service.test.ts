import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { isDomainError } from '../shared/errors';
import { articleSchema } from '$lib/validation/news';
import { getArticleForEditing, getPublicArticle, listArticles, listArticlesOfTag, listLatestArticles, saveArticle } from './article.service';

let test: TestDatabase;
let stadt: string;
let dorf: string;
const timeZone = 'Europe/Berlin';

const actor = (email: string, slug: string, role: Actor['memberships'][number]['role']): Actor => ({
	userId: test.ids.accountIds.get(email)!,
	name: email,
	email,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: test.ids.municipalityIds.get(slug)!, municipalitySlug: slug, municipalityName: slug, role }]
});
const editor = () => actor('redaktion@stadt.example.org', 'stadt', 'editor');
const admin = () => actor('verwaltung@stadt.example.org', 'stadt', 'admin');
const participant = () => actor('teilnahme@example.org', 'stadt', 'participant');
const editorOfDorf = () => actor('redaktion@dorf.example.org', 'dorf', 'editor');
const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => undefined,
		(error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error))
	);
const save = (input: Record<string, string>, options: { articleId?: string; who?: Actor; now?: Date; municipalityId?: string } = {}) =>
	saveArticle({ db: test.db, actor: options.who ?? editor(), municipalityId: options.municipalityId ?? stadt, articleId: options.articleId, input: articleSchema.parse(input), timeZone, now: options.now });
const tagHref = (key: string) => `/stadt/tags/${key}`;

beforeAll(async () => {
	const password = 'long-enough-password';
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'stadt', name: 'Stadt' },
			{ slug: 'dorf', name: 'Dorf' }
		],
		accounts: [
			{ email: 'redaktion@stadt.example.org', name: 'R', password, roles: [{ municipality: 'stadt', role: 'editor' }] },
			{ email: 'verwaltung@stadt.example.org', name: 'V', password, roles: [{ municipality: 'stadt', role: 'admin' }] },
			{ email: 'redaktion@dorf.example.org', name: 'D', password, roles: [{ municipality: 'dorf', role: 'editor' }] },
			{ email: 'teilnahme@example.org', name: 'T', password, roles: [{ municipality: 'stadt', role: 'participant' }] }
		]
	});
	stadt = test.ids.municipalityIds.get('stadt')!;
	dorf = test.ids.municipalityIds.get('dorf')!;
});
afterAll(async () => {
	await test.drop();
});

it('only editors and admins of the municipality write news; participants and other municipalities are refused', async () => {
	expect(await codeOf(save({ title: 'Nicht erlaubt' }, { who: participant() }))).toBe('error_forbidden');
	expect(await codeOf(save({ title: 'Nicht erlaubt' }, { who: editorOfDorf() }))).toBe('error_forbidden');
	expect(await codeOf(saveArticle({ db: test.db, actor: null, municipalityId: stadt, input: articleSchema.parse({ title: 'x' }), timeZone }))).toBe('error_not_signed_in');
	expect((await save({ title: 'Von der Verwaltung', intent: 'draft' }, { who: admin() })).status).toBe('draft');
	expect((await listArticles({ db: test.db, municipalityId: dorf })).articles).toEqual([]);
});

it('a published article shows in the list, on its tag pages and with its inline hashtags linked; a draft does not', async () => {
	const draft = await save({ title: 'Entwurf über #Geheim', body: 'Noch nicht #Geheim' });
	const published = await save({ title: 'Werkstatt im Rathaus', body: 'Viele kamen nach #Münster zur #Integration. Punkt #1.', tags: '#Sprache, Göç', place: 'Münster', intent: 'publish' });
	expect(published).toMatchObject({ status: 'published', slug: 'werkstatt-im-rathaus' });
	const { articles } = await listArticles({ db: test.db, municipalityId: stadt });
	expect(articles.map((article) => article.slug)).toContain('werkstatt-im-rathaus');
	expect(articles.map((article) => article.id)).not.toContain(draft.id);
	expect(articles.find((article) => article.id === published.id)?.tags.map((tag) => tag.display)).toEqual(['Göç', 'Integration', 'Münster', 'Sprache']);
	const ofTag = await listArticlesOfTag({ db: test.db, municipalityId: stadt, key: 'MÜNSTER' });
	expect(ofTag.tag).toEqual({ key: 'münster', display: 'Münster' });
	expect(ofTag.articles.map((article) => article.id)).toEqual([published.id]);
	expect((await listArticlesOfTag({ db: test.db, municipalityId: stadt, key: 'geheim' })).articles).toEqual([]);
	const page = await getPublicArticle({ db: test.db, municipalityId: stadt, slug: 'werkstatt-im-rathaus', tagHref });
	expect(page.article.html).toContain('<a class="hashtag" href="/stadt/tags/münster">#Münster</a>');
	expect(page.article.html).toContain('Punkt #1.');
	expect(await codeOf(getPublicArticle({ db: test.db, municipalityId: stadt, slug: draft.slug, tagHref }))).toBe('news_not_found');
});

it('a scheduled article becomes public at its time, and lists announce when that is so that caches expire', async () => {
	const now = new Date('2030-05-01T08:00:00Z');
	const scheduled = await save({ title: 'Ankündigung Ratsbeschluss', intent: 'publish', publishedAt: '2030-05-02T10:00' }, { now });
	expect(scheduled.status).toBe('scheduled');
	const before = await listArticles({ db: test.db, municipalityId: stadt, now });
	expect(before.articles.map((article) => article.id)).not.toContain(scheduled.id);
	expect(before.nextPublicationAt?.toISOString()).toBe('2030-05-02T08:00:00.000Z');
	expect(await codeOf(getPublicArticle({ db: test.db, municipalityId: stadt, slug: scheduled.slug, tagHref, now }))).toBe('news_not_found');
	const after = new Date('2030-05-02T08:00:01Z');
	expect((await listLatestArticles({ db: test.db, municipalityId: stadt, now: after })).articles[0].id).toBe(scheduled.id);
	expect((await listArticles({ db: test.db, municipalityId: stadt, now: after })).nextPublicationAt).toBeNull();
	expect((await getPublicArticle({ db: test.db, municipalityId: stadt, slug: scheduled.slug, tagHref, now: after })).article.id).toBe(scheduled.id);
});

it('every save keeps a revision with who saved what; the slug stays once the article was public', async () => {
	const first = await save({ title: 'Erster Titel', body: 'Fassung eins', intent: 'publish' });
	await save({ title: 'Zweiter Titel', body: 'Fassung zwei', intent: 'publish' }, { articleId: first.id, who: admin() });
	const { article, revisions } = await getArticleForEditing({ db: test.db, actor: editor(), municipalityId: stadt, articleId: first.id, timeZone });
	expect(article.slug).toBe('erster-titel');
	expect(revisions.map((revision) => [revision.number, revision.savedByName, revision.content.title, revision.content.body])).toEqual([
		[2, 'verwaltung@stadt.example.org', 'Zweiter Titel', 'Fassung zwei'],
		[1, 'redaktion@stadt.example.org', 'Erster Titel', 'Fassung eins']
	]);
	expect(await codeOf(getArticleForEditing({ db: test.db, actor: participant(), municipalityId: stadt, articleId: first.id, timeZone }))).toBe('error_forbidden');
	const { events } = await listAuditEvents({ db: test.db, actor: admin(), municipalityId: stadt });
	expect(events[0]).toMatchObject({ entityType: 'article', action: 'update', entityId: first.id });
});

it('an archived article leaves the lists but keeps its address; a taken slug is refused', async () => {
	const article = await save({ title: 'Alte Meldung', intent: 'publish' });
	await save({ title: 'Alte Meldung', intent: 'archive' }, { articleId: article.id });
	expect((await listArticles({ db: test.db, municipalityId: stadt })).articles.map((row) => row.id)).not.toContain(article.id);
	expect((await getPublicArticle({ db: test.db, municipalityId: stadt, slug: 'alte-meldung', tagHref })).article.status).toBe('archived');
	expect((await save({ title: 'Alte Meldung' })).slug).toBe('alte-meldung-2');
	expect(await codeOf(save({ title: 'Neu', slug: 'alte-meldung' }))).toBe('news_slug_taken');
	expect(articleSchema.safeParse({ title: '' }).success).toBe(false);
});

it('a tag page shows ten articles at a time, newest first, and the next page continues where it stopped without repeating one', async () => {
	const written = [];
	for (let day = 1; day <= 12; day++) {
		written.push(await save({ title: `Blättern ${day}`, body: 'Teil der Reihe #Seitenweise', intent: 'publish', publishedAt: `2020-03-${String(day).padStart(2, '0')}T10:00` }));
	}
	const first = await listArticlesOfTag({ db: test.db, municipalityId: stadt, key: 'seitenweise' });
	expect(first.articles.map((article) => article.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Blättern ${12 - i}`));
	expect(first.nextCursor).not.toBeNull();
	const second = await listArticlesOfTag({ db: test.db, municipalityId: stadt, key: 'seitenweise', cursor: first.nextCursor });
	expect(second.articles.map((article) => article.title)).toEqual(['Blättern 2', 'Blättern 1']);
	expect(second.nextCursor).toBeNull();
	expect(new Set([...first.articles, ...second.articles].map((article) => article.id))).toEqual(new Set(written.map((article) => article.id)));
});

it('a body with a script, an event handler or a javascript: link is refused at the form with a field error, so nothing is saved; code about scripts is fine', () => {
	for (const body of ['Vorher <script>alert(1)</script>', '<img src="x" onerror="alert(1)">', '[Anmeldung](javascript:alert(1))']) {
		const parsed = articleSchema.safeParse({ title: 'Meldung', body, intent: 'publish' });
		expect(parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]), body).toEqual([['body', 'validation_markdown_active']]);
	}
	expect(articleSchema.safeParse({ title: 'Meldung', body: 'Ein `<script>` im Text ist nur ein Wort.' }).success).toBe(true);
});
