// The lead image of a news article: chosen from the municipality's own media library, shown with its
// credit and licence on the article page and offered to social networks and search engines.
import { recordChange } from '../audit/audit.service';
import type { Database, Executor } from '../db/client';
import { articleNotFound } from '../news/article.errors';
import { NEWS_ROLES } from '../news/article.service';
import { requireRole, type Actor } from '../people/actor';
import { mediaNotFound } from './media.errors';
import { selectMedia } from './media.queries';
import { mediaSources } from './media.service';
import { deleteLeadImage, selectArticleExists, selectLeadImageOfArticle, selectMediaChoices, upsertLeadImage } from './article-media.queries';
import type { MediaAsset } from './media.queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What media-picture needs: addresses of every variant plus the texts shown with the image. */
export const pictureOf = (municipalitySlug: string, image: MediaAsset) => ({
	sources: mediaSources(municipalitySlug, image),
	width: image.width,
	height: image.height,
	altText: image.altText,
	decorative: image.decorative,
	caption: image.caption,
	credit: image.credit,
	licence: image.licence
});
export type Picture = ReturnType<typeof pictureOf>;

/** The lead image for the public article page (the caller has already found the readable article). */
export async function getArticleLeadPicture({ db, municipalityId, municipalitySlug, articleId }: { db: Executor; municipalityId: string; municipalitySlug: string; articleId: string }) {
	const image = await selectLeadImageOfArticle(db, municipalityId, articleId);
	return image ? pictureOf(municipalitySlug, image) : null;
}

/** For the editor: the current lead image and the library images to choose from. */
export async function getLeadImageChoices({ db, actor, municipalityId, articleId }: { db: Database; actor: Actor | null; municipalityId: string; articleId: string }) {
	requireRole(actor, municipalityId, NEWS_ROLES);
	if (!UUID.test(articleId) || !(await selectArticleExists(db, municipalityId, articleId))) throw articleNotFound();
	const [current, choices] = await Promise.all([selectLeadImageOfArticle(db, municipalityId, articleId), selectMediaChoices(db, municipalityId)]);
	return { currentId: current?.id ?? '', choices };
}

/** Sets or (with null) removes an article's lead image; only images of the same municipality qualify. */
export async function setArticleLeadImage({ db, actor, municipalityId, articleId, mediaId }: { db: Database; actor: Actor | null; municipalityId: string; articleId: string; mediaId: string | null }) {
	const staff = requireRole(actor, municipalityId, NEWS_ROLES);
	if (!UUID.test(articleId)) throw articleNotFound();
	await db.transaction(async (tx) => {
		if (!(await selectArticleExists(tx, municipalityId, articleId))) throw articleNotFound();
		const before = await selectLeadImageOfArticle(tx, municipalityId, articleId);
		if (mediaId === null) {
			await deleteLeadImage(tx, municipalityId, articleId);
		} else {
			if (!(await selectMedia(tx, municipalityId, mediaId))) throw mediaNotFound();
			await upsertLeadImage(tx, { articleId, municipalityId, mediaId });
		}
		await recordChange(tx, {
			actor: staff,
			municipalityId,
			action: 'update',
			entityType: 'article_lead_image',
			entityId: articleId,
			before: { mediaId: before?.id ?? null },
			after: { mediaId }
		});
	});
}
