import { getDb } from '$lib/server/runtime';
import { listStrategiesWithEditions } from '$lib/server/document/document.service';
import { listLatestArticles } from '$lib/server/news/article.service';
import { translationsOfArticles } from '$lib/server/news/news.http';
import { expireCachedPagesAt } from '$lib/server/http/page-expiry';
import { contactMapOf } from '$lib/server/consent/contact-map';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, cookies, locals }) => {
	const { municipality } = await parent();
	const [strategies, news] = await Promise.all([
		listStrategiesWithEditions({ db: getDb(), municipalityId: municipality.id }),
		listLatestArticles({ db: getDb(), municipalityId: municipality.id })
	]);
	expireCachedPagesAt(news.nextPublicationAt);
	const articleTranslations = await translationsOfArticles(municipality.id, news.articles);
	return { strategies, latestArticles: news.articles, articleTranslations, contactMap: contactMapOf(cookies, locals, municipality.contactPoint) };
};
