import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { createOrganisation, listDistrictsForOrganisations } from '$lib/server/people/organisation.service';
import { organisationSectors } from '$lib/server/people/organisation.schema';
import { getMunicipalityForBackOffice } from '$lib/server/tenancy/tenancy.admin';
import { localizeHref } from '$lib/paraglide/runtime';
import { organisationSchema } from '$lib/validation/organisation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { municipality } = await parent();
	return {
		sectors: organisationSectors,
		districts: await loadOrError(() => listDistrictsForOrganisations({ db: getDb(), actor: locals.actor, municipalityId: municipality.id }))
	};
};

export const actions = {
	default: async ({ request, params, locals }) => {
		const form = await parseForm(request, organisationSchema);
		if (!form.ok) return form.failure;
		const created = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const { municipality } = await getMunicipalityForBackOffice({ db: getDb(), actor: locals.actor, slug: params.municipality, section: 'organisations' });
			return createOrganisation({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, input: form.data });
		});
		if ('slug' in created) redirect(303, localizeHref(`/admin/${params.municipality}/organisations/${created.slug}`));
		return created;
	}
} satisfies Actions;
