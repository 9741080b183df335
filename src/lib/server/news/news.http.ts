// Shared by the public news routes: cache expiry for scheduled articles and the lists' translations.
import { getLocale } from '$lib/paraglide/runtime';
import type { TranslationView } from '$lib/content-text';
import { loadTranslationView } from '../content/content.service';
import { getDb, getRuntime } from '../runtime';

/** Lists rendered now leave out scheduled articles; the cached page must go when the first of them turns public. */
export function expireCachedPagesAt(nextPublicationAt: Date | null): void {
	getRuntime().publicPages.expireAt(nextPublicationAt);
}

/** The titles and leads of listed articles in the visitor's language, where a translation exists. */
export function translationsOfArticles(municipalityId: string, articles: { id: string }[]): Promise<TranslationView> {
	return loadTranslationView({
		db: getDb(),
		municipalityId,
		locale: getLocale(),
		refs: [{ kind: 'article', ids: articles.map((article) => article.id), fields: ['title', 'lead'] }]
	});
}
