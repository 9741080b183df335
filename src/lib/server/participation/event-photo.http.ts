import path from 'node:path';
import { fail } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { actOrFail, fieldErrorsOf, type FieldErrors } from '../http/respond';
import { unprintableFieldErrors } from '../http/forms';
import { isDomainError } from '../shared/errors';
import { getRuntime } from '../runtime';
import { eventPhotoSchema, type EventPhotoInput } from '$lib/validation/event-photo';
import { PHOTO_MAX_BYTES, type PhotoStorage } from './event-photo.service';

export const photoStorage = (): PhotoStorage => ({ dir: path.join(getRuntime().config.dataDir, 'uploads', 'event-photos') });

const textFields = ['altText', 'caption', 'credit', 'licence'] as const;

/**
 * Reads a multipart upload: the text fields through zod, the file as bytes. A missing or oversized
 * file is a field error like any other, so the form comes back with everything typed still there.
 */
export async function readPhotoUpload(
	request: Request
): Promise<{ ok: true; input: EventPhotoInput; bytes: Uint8Array; values: Record<string, string> } | { ok: false; failure: ReturnType<typeof fail<{ values: Record<string, string>; errors: FieldErrors; section: string }>> }> {
	let formData: FormData;
	try {
		formData = await request.formData();
	} catch {
		return { ok: false, failure: fail(400, { values: {}, errors: { form: translate('validation_invalid') }, section: 'photos' }) };
	}
	const values: Record<string, string> = {};
	for (const name of textFields) {
		const value = formData.get(name);
		if (typeof value === 'string') values[name] = value;
	}
	const parsed = eventPhotoSchema.safeParse(values);
	const errors: FieldErrors = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error.issues)), ...unprintableFieldErrors(values) };
	const file = formData.get('photo');
	if (!(file instanceof File) || file.size === 0) errors.photo = translate('validation_photo_required');
	else if (file.size > PHOTO_MAX_BYTES) errors.photo = translate('event_photos_too_large', { megabytes: PHOTO_MAX_BYTES / 1024 / 1024 });
	if (!parsed.success || Object.keys(errors).length > 0 || !(file instanceof File)) {
		return { ok: false, failure: fail(400, { values, errors, section: 'photos' }) };
	}
	return { ok: true, input: parsed.data, bytes: new Uint8Array(await file.arrayBuffer()), values };
}

/** Like actOrFail, but a refused photo is an error of the file field, shown beside the upload form. */
export async function actOnPhoto<T>(values: Record<string, string>, work: () => Promise<T>) {
	try {
		return await work();
	} catch (caught) {
		if (isDomainError(caught) && caught.status !== 401 && caught.status !== 403 && caught.status !== 404) {
			return fail(caught.status, { values, errors: { photo: translate(caught.code, caught.params) } as FieldErrors, section: 'photos' });
		}
		return actOrFail(values, () => Promise.reject(caught));
	}
}
