// The progress update form with its optional photo: the text through the update's schema, the photo's
// description through the media library's, the file checked for presence and size before any work.
import { fail } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { fieldErrorsOf, type FieldErrors } from '../http/respond';
import { parseForm, unprintableFieldErrors } from '../http/forms';
import { mediaMetadataSchema } from '$lib/validation/media';
import { progressUpdateSchema } from '$lib/validation/monitoring';
import { MEDIA_MAX_BYTES, mediaSources } from '../media/media.service';
import { mediaStorage } from '../media/media.http';
import type { ProgressPhoto } from './monitoring.admin';

/** Form field → media description field; prefixed so they never clash with the update's own fields. */
const photoFields = { photoAlt: 'altText', photoDecorative: 'decorative', photoCaption: 'caption', photoCredit: 'credit', photoLicence: 'licence' } as const;

export async function readProgressUpdateForm(request: Request) {
	const form = await parseForm(request.clone(), progressUpdateSchema);
	const formData = await request.formData().catch(() => null);
	const file = formData?.get('photo');
	if (!(file instanceof File) || file.size === 0) {
		if (!form.ok) return form;
		return { ok: true as const, data: form.data, values: form.values, photo: undefined };
	}
	const values = form.ok ? form.values : {};
	const described: Record<string, string> = {};
	for (const [field, key] of Object.entries(photoFields)) {
		const value = formData?.get(field);
		if (typeof value === 'string') described[key] = value;
	}
	const parsed = mediaMetadataSchema.safeParse(described);
	const errors: FieldErrors = {};
	if (!parsed.success) {
		const byKey = fieldErrorsOf(parsed.error.issues);
		for (const [field, key] of Object.entries(photoFields)) if (byKey[key]) errors[field] = byKey[key];
	}
	Object.assign(errors, unprintableFieldErrors(described) ? { photoAlt: translate('validation_unprintable') } : {});
	if (file.size > MEDIA_MAX_BYTES) errors.photo = translate('media_too_large', { megabytes: MEDIA_MAX_BYTES / 1024 / 1024 });
	if (!form.ok) {
		const failed = form.failure.data as { values: Record<string, unknown>; errors: FieldErrors };
		return { ok: false as const, failure: fail(400, { values: failed.values, errors: { ...failed.errors, ...errors } }) };
	}
	if (!parsed.success || Object.keys(errors).length > 0) return { ok: false as const, failure: fail(400, { values, errors }) };
	const photo: ProgressPhoto = { bytes: new Uint8Array(await file.arrayBuffer()), input: parsed.data, storage: mediaStorage() };
	return { ok: true as const, data: form.data, values, photo };
}

/** Each update's photo with the addresses of its files, as the picture component shows it. */
type Photo = { fileKey: string; widths: number[]; width: number; height: number; altText: string; decorative: boolean; caption: string; credit: string; licence: string };

export function withPictures<U extends { photo: Photo | null }>(municipalitySlug: string, updates: U[]) {
	return updates.map((update) => {
		const photo: Photo | null = update.photo;
		return { ...update, picture: photo ? { ...photo, sources: mediaSources(municipalitySlug, photo) } : null };
	});
}
