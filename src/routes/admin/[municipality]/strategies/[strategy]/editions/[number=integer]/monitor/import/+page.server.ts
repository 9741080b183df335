import { fail } from '@sveltejs/kit';
import { stat } from 'node:fs/promises';
import { translate } from '$lib/server/shared/translate';
import { getDb } from '$lib/server/runtime';
import { actOrFail, fieldErrorsOf, loadOrError, type FieldErrors } from '$lib/server/http/respond';
import { resolveEditionId } from '$lib/server/monitoring/monitoring.admin';
import { monitorWriteScope } from '$lib/server/monitoring/monitoring.http';
import { getMeasurementImportPage, importUploadedMeasurements, requireMeasurementImporter } from '$lib/server/monitoring/measurement-upload';
import { MAX_MEASUREMENT_UPLOAD_BYTES, receiveMeasurementUpload } from '$lib/server/monitoring/measurement-upload.http';
import { measurementUploadSchema } from '$lib/validation/measurement-upload';
import type { Actions, PageServerLoad } from './$types';

const megabytes = MAX_MEASUREMENT_UPLOAD_BYTES / (1024 * 1024);

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	const db = getDb();
	return loadOrError(async () => {
		const editionId = await resolveEditionId({ db, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) });
		return { ...(await getMeasurementImportPage({ db, actor: locals.actor, municipalityId: municipality.id, editionId })), megabytes };
	});
};

export const actions: Actions = {
	import: async ({ request, params, locals }) => {
		const defaults = { format: 'german', mode: 'all' };
		return actOrFail(defaults, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			// Strangers are refused before a byte of their upload is written to disk.
			requireMeasurementImporter(locals.actor, scope.municipalityId);
			const upload = await receiveMeasurementUpload(request);
			if (!upload.ok) {
				const file = translate(upload.reason === 'too_large' ? 'measurement_upload_file_too_large' : 'measurement_upload_file_required', { megabytes });
				return fail(400, { values: defaults, errors: { file } as FieldErrors });
			}
			try {
				const values = { format: upload.fields.format ?? '', mode: upload.fields.mode ?? '' };
				const parsed = measurementUploadSchema.safeParse(values);
				const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
				const file = upload.file && (await stat(upload.file.path)).size > 0 ? upload.file : null;
				if (!file) errors.file = translate('measurement_upload_file_required');
				if (!parsed.success || !file) return fail(400, { values, errors });
				const report = await importUploadedMeasurements({
					...scope,
					file,
					partial: parsed.data.mode === 'partial',
					german: parsed.data.format === 'german'
				});
				// Each error names its row and column; the reader gets the explanation in their language.
				const shown = { ...report, errors: report.errors.map((e) => ({ ...e, message: translate(`measurement_import_error_${e.code}`) })) };
				if (!report.committed) return fail(400, { values, errors: {} as FieldErrors, report: shown });
				return { values, report: shown };
			} finally {
				await upload.discard();
			}
		});
	}
};
