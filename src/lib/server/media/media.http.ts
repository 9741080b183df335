import path from 'node:path';
import { fail } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { actOrFail, fieldErrorsOf, type FieldErrors } from '../http/respond';
import { unprintableFieldErrors } from '../http/forms';
import { isDomainError } from '../shared/errors';
import { getRuntime } from '../runtime';
import { mediaMetadataSchema, type MediaMetadataInput } from '$lib/validation/media';
import { MEDIA_MAX_BYTES, type MediaStorage } from './media.service';

export const mediaStorage = (): MediaStorage => ({ dir: path.join(getRuntime().config.dataDir, 'uploads', 'media') });

const textFields = ['title', 'altText', 'decorative', 'caption', 'credit', 'licence'] as const;
type Failure = ReturnType<typeof fail<{ values: Record<string, string>; errors: FieldErrors; section: string }>>;

/**
 * Reads a multipart upload: the text fields through zod, the file as bytes. A missing or oversized
 * file is a field error like any other, so the form comes back with everything typed still there.
 */
export async function readMediaUpload(request: Request): Promise<{ ok: true; input: MediaMetadataInput; bytes: Uint8Array; values: Record<string, string> } | { ok: false; failure: Failure }> {
	let formData: FormData;
	try {
		formData = await request.formData();
	} catch {
		return { ok: false, failure: fail(400, { values: {}, errors: { form: translate('validation_invalid') }, section: 'upload' }) };
	}
	const values: Record<string, string> = {};
	for (const name of textFields) {
		const value = formData.get(name);
		if (typeof value === 'string') values[name] = value;
	}
	const parsed = mediaMetadataSchema.safeParse(values);
	const errors: FieldErrors = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error.issues)), ...unprintableFieldErrors(values) };
	const file = formData.get('file');
	if (!(file instanceof File) || file.size === 0) errors.file = translate('media_file_required');
	else if (file.size > MEDIA_MAX_BYTES) errors.file = translate('media_too_large', { megabytes: MEDIA_MAX_BYTES / 1024 / 1024 });
	if (!parsed.success || Object.keys(errors).length > 0 || !(file instanceof File)) {
		return { ok: false, failure: fail(400, { values, errors, section: 'upload' }) };
	}
	return { ok: true, input: parsed.data, bytes: new Uint8Array(await file.arrayBuffer()), values };
}

/** Like actOrFail, but a refused file is an error of the file field, shown beside the upload form. */
export async function actOnMedia<T>(values: Record<string, string>, section: string, work: () => Promise<T>) {
	try {
		return await work();
	} catch (caught) {
		if (isDomainError(caught) && caught.status !== 401 && caught.status !== 403 && caught.status !== 404) {
			return fail(caught.status, { values, errors: { [section === 'upload' ? 'file' : 'form']: translate(caught.code, caught.params) } as FieldErrors, section });
		}
		return actOrFail(values, () => Promise.reject(caught));
	}
}
