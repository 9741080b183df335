import { getDb } from '$lib/server/runtime';
import { href } from '$lib/i18n';
import { loadOrError } from '$lib/server/http/respond';
import { getPublicArticle } from '$lib/server/news/article.service';
import { jsonLdScript, newsArticleJsonLd } from '$lib/server/seo/json-ld';
import { originOf } from '$lib/server/seo/origin';
import { getArticleLeadPicture } from '$lib/server/media/article-media.service';
import { getPublicArticleContext } from '$lib/server/news/article-context.service';
import { loadTranslationView, renderTranslatedMarkdown } from '$lib/server/content/content.service';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, url }) => {
	const { municipality } = await parent();
	const tagHref = (key: string) => href(`/${municipality.slug}/tags/${encodeURIComponent(key)}`);
	const { article, tags } = await loadOrError(() => getPublicArticle({ db: getDb(), municipalityId: municipality.id, slug: params.slug, tagHref }));
	// Shared links point at the German page: the content is German whatever the reader's language.
	const canonical = `${originOf(url)}/${municipality.slug}/news/${article.slug}`;
	const [leadPicture, context, translations] = await Promise.all([
		getArticleLeadPicture({ db: getDb(), municipalityId: municipality.id, municipalitySlug: municipality.slug, articleId: article.id }),
		getPublicArticleContext({ db: getDb(), municipalityId: municipality.id, articleId: article.id }),
		loadTranslationView({ db: getDb(), municipalityId: municipality.id, locale: getLocale(), refs: [{ kind: 'article', ids: [article.id] }] })
	]);
	// Social networks and search engines get the widest JPEG: every consumer reads it.
	const leadImageUrl = leadPicture ? `${originOf(url)}${leadPicture.sources.fallback}` : null;
	const jsonLd = jsonLdScript({
		...newsArticleJsonLd({
			url: canonical,
			title: article.title,
			lead: article.lead,
			publishedAt: article.publishedAt,
			updatedAt: article.updatedAt,
			municipalityName: municipality.name,
			place: article.place,
			tags: tags.map((tag) => tag.display)
		}),
		...(leadPicture && leadImageUrl
			? { image: [{ '@type': 'ImageObject', url: leadImageUrl, width: leadPicture.width, height: leadPicture.height, ...(leadPicture.credit ? { creditText: leadPicture.credit } : {}) }] }
			: {})
	});
	const translatedBodyHtml = renderTranslatedMarkdown(translations, 'article', article.id, 'body');
	return { article, tags, jsonLd, canonical, leadPicture, leadImageUrl, context, translations, translatedBodyHtml };
};
