import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { getSourceForStaff, updateSource } from '$lib/server/monitoring/provenance.admin';
import { sourceWriteScope } from '$lib/server/monitoring/provenance.http';
import { knownLicences } from '$lib/licences';
import { indicatorSourceSchema, OTHER_LICENCE } from '$lib/validation/provenance';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, params }) => {
	const { municipality } = await parent();
	const source = await loadOrError(() => getSourceForStaff({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, sourceId: params.source }));
	// The form offers the known licences by key; anything else was written out as "other".
	const known = knownLicences.some((licence) => licence.key === source.licence);
	const stored = {
		key: source.key,
		publisher: source.publisher,
		dataset: source.dataset,
		method: source.method,
		licenceChoice: source.licence === '' ? '' : known ? source.licence : OTHER_LICENCE,
		licenceText: source.licence !== '' && !known ? source.licence : '',
		url: source.url,
		frequency: source.frequency ?? '',
		lastReleaseOn: source.lastReleaseOn ?? '',
		nextReleaseOn: source.nextReleaseOn ?? ''
	};
	return { source: { id: source.id, key: source.key }, stored };
};

export const actions: Actions = {
	update: async ({ request, params, locals }) => {
		const form = await parseForm(request, indicatorSourceSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await sourceWriteScope(params, locals.actor);
			await updateSource({ ...scope, sourceId: params.source, input: form.data });
			return { saved: 'updated' };
		});
	}
};
