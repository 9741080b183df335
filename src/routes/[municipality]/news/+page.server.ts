import { getDb } from '$lib/server/runtime';
import { listArticles } from '$lib/server/news/article.service';
import { translationsOfArticles } from '$lib/server/news/news.http';
import { expireCachedPageAt } from '$lib/server/http/page-expiry';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { municipality } = await parent();
	const list = await listArticles({ db: getDb(), municipalityId: municipality.id, cursor: url.searchParams.get('after') });
	expireCachedPageAt(list.nextPublicationAt);
	const translations = await translationsOfArticles(municipality.id, list.articles);
	return { articles: list.articles, translations, nextCursor: list.nextCursor, isFirstPage: !url.searchParams.has('after') };
};
