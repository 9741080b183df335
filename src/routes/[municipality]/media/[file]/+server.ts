import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { mediaStorage } from '$lib/server/media/media.http';
import { readMediaFile } from '$lib/server/media/media.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

// A file name is random and never reused for other content, so browsers and proxies may keep it for good.
export const GET: RequestHandler = async ({ params }) => {
	const file = await loadOrError(async () => {
		const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
		return readMediaFile({ db: getDb(), municipalityId: municipality.id, name: params.file, storage: mediaStorage() });
	});
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.bytes.byteLength),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'public, max-age=31536000, immutable'
		}
	});
};
