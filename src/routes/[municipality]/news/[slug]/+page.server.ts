import { getDb } from '$lib/server/runtime';
import { href } from '$lib/i18n';
import { loadOrError } from '$lib/server/http/respond';
import { getPublicArticle } from '$lib/server/news/article.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params }) => {
	const { municipality } = await parent();
	const tagHref = (key: string) => href(`/${municipality.slug}/tags/${encodeURIComponent(key)}`);
	return loadOrError(() => getPublicArticle({ db: getDb(), municipalityId: municipality.id, slug: params.slug, tagHref }));
};
