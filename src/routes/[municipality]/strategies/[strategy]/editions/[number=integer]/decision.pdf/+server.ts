import { loadOrError } from '$lib/server/http/respond';
import { getDb } from '$lib/server/runtime';
import { readDecisionDocument } from '$lib/server/document/document-decision.service';
import { decisionStorage } from '$lib/server/document/document-council.http';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

/** The council's decision document as uploaded; a correction with a new file changes the ETag. */
export const GET: RequestHandler = async ({ params, request }) => {
	const db = getDb();
	const file = await loadOrError(async () => {
		const municipality = await getMunicipalityBySlug({ db, slug: params.municipality });
		return readDecisionDocument({ db, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number), storage: decisionStorage() });
	});
	const etag = `"${file.fileKey}"`;
	const headers = {
		'content-type': 'application/pdf',
		// The stored name may hold umlauts: an ASCII fallback for old clients, the exact name per RFC 6266.
		'content-disposition': `inline; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
		'cache-control': 'public, max-age=3600',
		etag,
		'x-content-type-options': 'nosniff'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(file.bytes), { headers });
};
