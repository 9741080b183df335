import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { listArticlesOfTag } from '$lib/server/news/article.service';
import { translationsOfArticles } from '$lib/server/news/news.http';
import { expireCachedPageAt } from '$lib/server/http/page-expiry';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, url }) => {
	const { municipality } = await parent();
	const list = await loadOrError(() => listArticlesOfTag({ db: getDb(), municipalityId: municipality.id, key: params.tag, cursor: url.searchParams.get('after') }));
	expireCachedPageAt(list.nextPublicationAt);
	const translations = await translationsOfArticles(municipality.id, list.articles);
	return { tag: list.tag, articles: list.articles, translations, nextCursor: list.nextCursor, isFirstPage: !url.searchParams.has('after') };
};
