import { loadOrError } from '$lib/server/http/respond';
import { getDb } from '$lib/server/runtime';
import { getContactCard, VCARD_CONTENT_TYPE } from '$lib/server/tenancy/contact-card';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const db = getDb();
	const { card } = await loadOrError(async () => {
		const municipality = await getMunicipalityBySlug({ db, slug: params.municipality });
		return getContactCard({ db, municipalityId: municipality.id, contactId: params.id });
	});
	return new Response(card, {
		headers: {
			'content-type': VCARD_CONTENT_TYPE,
			'content-disposition': `attachment; filename="kontakt-${params.municipality}.vcf"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
