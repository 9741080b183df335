// Shared by the public news routes: the lists' translations. (Lists rendered now leave out scheduled articles;
// the routes let the cached page go when the first of them turns public, with expireCachedPageAt.)
import { getLocale } from '$lib/paraglide/runtime';
import type { TranslationView } from '$lib/content-text';
import { loadTranslationView } from '../content/content.service';
import { getDb } from '../runtime';

/** The titles and leads of listed articles in the visitor's language, where a translation exists. */
export function translationsOfArticles(municipalityId: string, articles: { id: string }[]): Promise<TranslationView> {
	return loadTranslationView({
		db: getDb(),
		municipalityId,
		locale: getLocale(),
		refs: [{ kind: 'article', ids: articles.map((article) => article.id), fields: ['title', 'lead'] }]
	});
}
