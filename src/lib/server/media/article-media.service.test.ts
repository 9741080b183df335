import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { articles } from '../news/news.schema';
import type { Actor } from '../people/actor';
import { isDomainError } from '../shared/errors';
import { mediaMetadataSchema } from '$lib/validation/media';
import { getArticleLeadPicture, getLeadImageChoices, setArticleLeadImage } from './article-media.service';
import { deleteMedia, listMedia, uploadMedia } from './media.service';

let test: TestDatabase;
let storage: { dir: string };
let stadt: string;
let dorf: string;

const actor = (email: string, slug: string, role: Actor['memberships'][number]['role']): Actor => ({
	userId: test.ids.accountIds.get(email)!,
	name: email,
	email,
	isPlatformAdmin: false,
	memberships: [{ municipalityId: test.ids.municipalityIds.get(slug)!, municipalitySlug: slug, municipalityName: slug, role }]
});
const editor = () => actor('redaktion@stadt.example.org', 'stadt', 'editor');
const editorOfDorf = () => actor('redaktion@dorf.example.org', 'dorf', 'editor');
const facilitator = () => actor('begleitung@stadt.example.org', 'stadt', 'facilitator');
const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => undefined,
		(error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error))
	);
const image = async (municipalityId: string, who: Actor) =>
	uploadMedia({
		db: test.db,
		actor: who,
		municipalityId,
		storage,
		bytes: await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6' } })
			.jpeg()
			.toBuffer(),
		input: mediaMetadataSchema.parse({ altText: 'Bunte Stühle im Ratssaal', credit: 'Foto: Lena Beispiel, Amt für Integration', licence: 'cc-by-sa-4.0' })
	});

beforeAll(async () => {
	storage = { dir: await mkdtemp(path.join(tmpdir(), 'article-media-')) };
	const password = 'long-enough-password';
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'stadt', name: 'Stadt' },
			{ slug: 'dorf', name: 'Dorf' }
		],
		accounts: [
			{ email: 'redaktion@stadt.example.org', name: 'R', password, roles: [{ municipality: 'stadt', role: 'editor' }] },
			{ email: 'redaktion@dorf.example.org', name: 'D', password, roles: [{ municipality: 'dorf', role: 'editor' }] },
			{ email: 'begleitung@stadt.example.org', name: 'B', password, roles: [{ municipality: 'stadt', role: 'facilitator' }] }
		]
	});
	stadt = test.ids.municipalityIds.get('stadt')!;
	dorf = test.ids.municipalityIds.get('dorf')!;
});
afterAll(async () => {
	await test.drop();
	await rm(storage.dir, { recursive: true, force: true });
});

it('an editor sets a library image as lead image; the article page gets every variant with credit and licence, and the library counts the use', async () => {
	const [article] = await test.db.insert(articles).values({ municipalityId: stadt, slug: 'abschluss', title: 'Abschluss' }).returning();
	const asset = await image(stadt, editor());
	expect((await getLeadImageChoices({ db: test.db, actor: editor(), municipalityId: stadt, articleId: article.id })).currentId).toBe('');
	await setArticleLeadImage({ db: test.db, actor: editor(), municipalityId: stadt, articleId: article.id, mediaId: asset.id });
	const picture = await getArticleLeadPicture({ db: test.db, municipalityId: stadt, municipalitySlug: 'stadt', articleId: article.id });
	expect(picture).toMatchObject({ width: 1200, altText: 'Bunte Stühle im Ratssaal', credit: 'Foto: Lena Beispiel, Amt für Integration', licence: 'cc-by-sa-4.0' });
	expect(picture?.sources.avif.split(', ')).toEqual([`/stadt/media/${asset.fileKey}-480.avif 480w`, `/stadt/media/${asset.fileKey}-960.avif 960w`, `/stadt/media/${asset.fileKey}-1200.avif 1200w`]);
	expect(picture?.sources.fallback).toBe(`/stadt/media/${asset.fileKey}-1200.jpg`);
	expect((await listMedia({ db: test.db, actor: editor(), municipalityId: stadt, page: 1 })).items[0].articleCount).toBe(1);
	expect(await codeOf(deleteMedia({ db: test.db, actor: editor(), municipalityId: stadt, mediaId: asset.id, storage }))).toBe('media_in_use');
	await setArticleLeadImage({ db: test.db, actor: editor(), municipalityId: stadt, articleId: article.id, mediaId: null });
	expect(await getArticleLeadPicture({ db: test.db, municipalityId: stadt, municipalitySlug: 'stadt', articleId: article.id })).toBeNull();
});

it('an image of another municipality cannot become a lead image, and only editors and admins choose lead images', async () => {
	const [article] = await test.db.insert(articles).values({ municipalityId: stadt, slug: 'fremd', title: 'Fremd' }).returning();
	const foreign = await image(dorf, editorOfDorf());
	expect(await codeOf(setArticleLeadImage({ db: test.db, actor: editor(), municipalityId: stadt, articleId: article.id, mediaId: foreign.id }))).toBe('media_not_found');
	expect(await codeOf(setArticleLeadImage({ db: test.db, actor: editorOfDorf(), municipalityId: stadt, articleId: article.id, mediaId: foreign.id }))).toBe('error_forbidden');
	expect(await codeOf(setArticleLeadImage({ db: test.db, actor: facilitator(), municipalityId: stadt, articleId: article.id, mediaId: null }))).toBe('error_forbidden');
	expect(await codeOf(setArticleLeadImage({ db: test.db, actor: editorOfDorf(), municipalityId: dorf, articleId: article.id, mediaId: foreign.id }))).toBe('news_not_found');
	expect(await getArticleLeadPicture({ db: test.db, municipalityId: stadt, municipalitySlug: 'stadt', articleId: article.id })).toBeNull();
});
