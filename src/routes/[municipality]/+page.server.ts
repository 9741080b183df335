import { getDb } from '$lib/server/runtime';
import { listStrategiesWithEditions } from '$lib/server/document/document.service';
import { listLatestArticles } from '$lib/server/news/article.service';
import { translationsOfArticles } from '$lib/server/news/news.http';
import { expireCachedPageAt } from '$lib/server/http/page-expiry';
import { contactMapOf } from '$lib/server/consent/contact-map';
import { loadNextEvents } from '$lib/server/participation/calendar.http';
import type { PageServerLoad } from './$types';

// Enough for a phone's first screens; the calendar has the rest.
const NEXT_EVENTS = 3;

export const load: PageServerLoad = async ({ parent, cookies, locals }) => {
	const { municipality } = await parent();
	const scope = { municipalityIds: [municipality.id], timeZone: municipality.timeZone, firstWeekday: municipality.firstWeekday };
	const [strategies, news, nextEvents] = await Promise.all([
		listStrategiesWithEditions({ db: getDb(), municipalityId: municipality.id }),
		listLatestArticles({ db: getDb(), municipalityId: municipality.id }),
		loadNextEvents({ db: getDb(), scope, language: locals.locale, now: new Date(), count: NEXT_EVENTS })
	]);
	expireCachedPageAt(news.nextPublicationAt);
	const articleTranslations = await translationsOfArticles(municipality.id, news.articles);
	return { strategies, latestArticles: news.articles, articleTranslations, nextEvents, contactMap: contactMapOf(cookies, locals, municipality.contactPoint) };
};
