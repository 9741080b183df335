import path from 'node:path';
import { error, fail } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { councilDecisionSchema, type CouncilDecisionInput } from '$lib/validation/document-decision';
import { fieldErrorsOf, type FieldErrors } from '../http/respond';
import { getRuntime } from '../runtime';
import { isDomainError } from '../shared/errors';
import type { ExportStorage, SubmissionExport } from './document-council.service';
import { DECISION_DOCUMENT_MAX_BYTES, type DecisionStorage } from './document-decision.service';

// Generated submissions are a cache: deleting the directory only costs the time to generate them again.
export const exportStorage = (): ExportStorage => {
	const { config } = getRuntime();
	return {
		cacheDir: path.join(config.dataDir, 'cache', 'council-submissions'),
		fontDir: path.join(config.projectRoot, 'src', 'lib', 'server', 'document', 'export', 'fonts')
	};
};

export const decisionStorage = (): DecisionStorage => ({ dir: path.join(getRuntime().config.dataDir, 'uploads', 'decisions') });

/** `?version=N`, or null for the default; anything else is no version at all. */
export function versionParam(url: URL): number | null {
	const raw = url.searchParams.get('version');
	if (raw === null) return null;
	if (!/^[1-9][0-9]{0,5}$/.test(raw)) error(400, { code: 'document_version_not_found', message: translate('document_version_not_found', { number: raw }) });
	return Number(raw);
}

/**
 * A generated file as a download, revalidated by its ETag (version id and appendix). The address
 * without a version changes its answer when the council adopts a version, so it is kept briefly;
 * `private` for staff, whose downloads should not sit in shared caches.
 */
export function fileResponse(request: Request, file: SubmissionExport, visibility: 'public' | 'private', maxAgeSeconds: number): Response {
	const headers = {
		'content-type': file.contentType,
		'content-disposition': `attachment; filename="${file.fileName}"`,
		'cache-control': `${visibility}, max-age=${maxAgeSeconds}`,
		etag: file.etag
	};
	if (request.headers.get('if-none-match') === file.etag) return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(file.bytes), { headers: { ...headers, 'content-length': String(file.bytes.byteLength) } });
}

const decisionFields = ['body', 'decidedOn', 'result', 'votesFor', 'votesAgainst', 'votesAbstained', 'referenceNumber', 'councilUrl', 'oparlPaperUrl'] as const;

/**
 * Reads the decision form (multipart): the fields through zod, the optional PDF as bytes. An
 * oversized file is a field error like any other, so the form comes back with everything typed.
 */
export async function readDecisionForm(
	request: Request
): Promise<
	| { ok: true; input: CouncilDecisionInput; document: { bytes: Uint8Array; fileName: string } | null; values: Record<string, string> }
	| { ok: false; failure: ReturnType<typeof fail<{ values: Record<string, string>; errors: FieldErrors }>> }
> {
	let formData: FormData;
	try {
		formData = await request.formData();
	} catch {
		return { ok: false, failure: fail(400, { values: {}, errors: { form: translate('validation_invalid') } }) };
	}
	const values: Record<string, string> = {};
	for (const name of decisionFields) {
		const value = formData.get(name);
		if (typeof value === 'string') values[name] = value;
	}
	const parsed = councilDecisionSchema.safeParse(values);
	const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
	const file = formData.get('document');
	const hasFile = file instanceof File && file.size > 0;
	if (hasFile && file.size > DECISION_DOCUMENT_MAX_BYTES) {
		errors.document = translate('document_decision_error_too_large', { megabytes: DECISION_DOCUMENT_MAX_BYTES / 1024 / 1024 });
	}
	if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, failure: fail(400, { values, errors }) };
	return { ok: true, input: parsed.data, document: hasFile ? { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name } : null, values };
}

/** A refused file is an error of the file field; other refusals go to the form as a whole. */
export function decisionFailure(values: Record<string, string>, caught: unknown) {
	if (isDomainError(caught)) {
		if (caught.status === 401 || caught.status === 403 || caught.status === 404) error(caught.status, { code: caught.code, message: translate(caught.code, caught.params) });
		const field = caught.code.startsWith('document_decision_error_not_pdf') || caught.code.startsWith('document_decision_error_too_large') ? 'document' : caught.code === 'document_decision_error_before_version' ? 'decidedOn' : 'form';
		return fail(caught.status, { values, errors: { [field]: translate(caught.code, caught.params) } as FieldErrors });
	}
	throw caught;
}
