import { fail } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { getDb } from '$lib/server/runtime';
import { actOrFail, fieldErrorsOf, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { importCsv } from '$lib/server/people/organisation.import';
import { listDistrictsForOrganisations } from '$lib/server/people/organisation.service';
import { getMunicipalityForBackOffice } from '$lib/server/tenancy/tenancy.admin';
import { importFormSchema } from '$lib/validation/organisation';
import type { Actions, PageServerLoad } from './$types';

// adapter-node refuses request bodies above 512 KB by default; larger files go through `npm run import`.
const MAX_UPLOAD_BYTES = 450 * 1024;

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { municipality } = await parent();
	// Opening the page checks the role like every other organisations page does.
	await loadOrError(() => listDistrictsForOrganisations({ db: getDb(), actor: locals.actor, municipalityId: municipality.id }));
	return {};
};

export const actions = {
	default: async ({ request, params, locals }) => {
		let formData: FormData;
		try {
			formData = await request.formData();
		} catch {
			return fail(400, { values: {}, errors: { form: translate('validation_invalid') } });
		}
		const values = { kind: String(formData.get('kind') ?? ''), skipInvalid: formData.get('skipInvalid') === 'on' ? 'on' : undefined };
		const parsed = importFormSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrorsOf(parsed.error.issues) });
		const file = formData.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { values, errors: { file: translate('organisations_import_file_required') } });
		}
		if (file.size > MAX_UPLOAD_BYTES) {
			return fail(400, { values, errors: { file: translate('organisations_import_file_too_large', { kilobytes: 450 }) } });
		}
		const text = await file.text();
		return actOrFail(values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const { municipality } = await getMunicipalityForBackOffice({ db: getDb(), actor: locals.actor, slug: params.municipality, section: 'organisations' });
			const report = await importCsv({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, text, ...parsed.data });
			// The report names rows, fields and message keys; the page shows them in the reader's language.
			const problems = report.problems.map((problem) => ({ ...problem, problem: translate(problem.problem) }));
			if (!report.committed) return fail(400, { values, report: { ...report, problems }, errors: {} });
			return { values, report: { ...report, problems } };
		});
	}
} satisfies Actions;
