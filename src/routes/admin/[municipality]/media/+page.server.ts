import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { fieldErrorsOf, loadOrError } from '$lib/server/http/respond';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { actOnMedia, mediaStorage, readMediaUpload } from '$lib/server/media/media.http';
import { deleteMedia, listMedia, MEDIA_MAX_BYTES, mediaSources, updateMediaMetadata, uploadMedia } from '$lib/server/media/media.service';
import { photoLicences } from '$lib/server/participation/event-photo.schema';
import { mediaIdSchema, mediaMetadataSchema } from '$lib/validation/media';
import { unprintableFieldErrors } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const { municipality } = await parent();
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1;
	const library = await loadOrError(() => listMedia({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, page }));
	return {
		...library,
		items: library.items.map((item) => ({ ...item, sources: mediaSources(municipality.slug, item) })),
		licences: photoLicences,
		maxMegabytes: MEDIA_MAX_BYTES / 1024 / 1024
	};
};

const scopeOf = async (slug: string, actor: App.Locals['actor']) => {
	await limitWrites(actor?.userId ?? 'anonymous');
	const municipality = await getMunicipalityBySlug({ db: getDb(), slug });
	return { db: getDb(), actor, municipalityId: municipality.id };
};

export const actions: Actions = {
	upload: async (event) => {
		const upload = await readMediaUpload(event.request);
		if (!upload.ok) return upload.failure;
		return actOnMedia(upload.values, 'upload', async () => {
			const scope = await scopeOf(event.params.municipality, event.locals.actor);
			await uploadMedia({ ...scope, bytes: upload.bytes, input: upload.input, storage: mediaStorage() });
			return { saved: 'upload', section: 'upload' };
		});
	},
	update: async (event) => {
		const formData = await event.request.formData();
		const raw = Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
		const id = mediaIdSchema.safeParse(raw);
		const parsed = mediaMetadataSchema.safeParse(raw);
		const section = `edit-${id.success ? id.data.mediaId : ''}`;
		// PostgreSQL refuses NUL in text: such a field is a 400 with its message, never a failed write.
		const unprintable = unprintableFieldErrors(raw);
		if (!id.success || !parsed.success || unprintable) {
			return fail(400, { values: raw, errors: { ...fieldErrorsOf([...(id.success ? [] : id.error.issues), ...(parsed.success ? [] : parsed.error.issues)]), ...unprintable }, section });
		}
		return actOnMedia(raw, section, async () => {
			const scope = await scopeOf(event.params.municipality, event.locals.actor);
			await updateMediaMetadata({ ...scope, mediaId: id.data.mediaId, input: parsed.data });
			return { saved: 'update', section };
		});
	},
	delete: async (event) => {
		const form = await parseForm(event.request, mediaIdSchema);
		if (!form.ok) return form.failure;
		const section = `edit-${form.data.mediaId}`;
		return actOnMedia({}, section, async () => {
			const scope = await scopeOf(event.params.municipality, event.locals.actor);
			await deleteMedia({ ...scope, mediaId: form.data.mediaId, storage: mediaStorage() });
			return { saved: 'delete', section: 'list' };
		});
	}
};
