import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { photoStorage } from '$lib/server/participation/event-photo.http';
import { readEventPhotoFile } from '$lib/server/participation/event-photo.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

// File names are random and never reused, so a copy may be kept for a year without asking again.
export const GET: RequestHandler = async ({ params }) => {
	const file = await loadOrError(async () => {
		const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
		return readEventPhotoFile({ db: getDb(), municipalityId: municipality.id, eventId: params.id, fileName: params.file, storage: photoStorage() });
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
