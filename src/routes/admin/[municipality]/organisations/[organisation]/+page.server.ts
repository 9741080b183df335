import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import type { Actor } from '$lib/server/people/actor';
import {
	addMember,
	deleteOrganisation,
	getOrganisationForStaff,
	listDistrictsForOrganisations,
	removeMember,
	updateOrganisation
} from '$lib/server/people/organisation.service';
import { organisationRoles, organisationSectors } from '$lib/server/people/organisation.schema';
import { getMunicipalityForBackOffice } from '$lib/server/tenancy/tenancy.admin';
import { localizeHref } from '$lib/paraglide/runtime';
import { memberSchema, organisationSchema, removeMemberSchema } from '$lib/validation/organisation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	return {
		...(await loadOrError(() => getOrganisationForStaff({ ...scope, slug: params.organisation }))),
		districts: await loadOrError(() => listDistrictsForOrganisations(scope)),
		sectors: organisationSectors,
		roles: organisationRoles
	};
};

/** Every action resolves the municipality again and lets the service check the actor. */
async function scopeOf(slug: string, actor: Actor | null) {
	await limitWrites(actor?.userId ?? 'anonymous');
	const { municipality } = await getMunicipalityForBackOffice({ db: getDb(), actor, slug, section: 'organisations' });
	return { db: getDb(), actor, municipalityId: municipality.id };
}

export const actions = {
	update: async ({ request, params, locals }) => {
		const form = await parseForm(request, organisationSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await updateOrganisation({ ...(await scopeOf(params.municipality, locals.actor)), slug: params.organisation, input: form.data });
			return { saved: 'organisation' };
		});
	},
	addMember: async ({ request, params, locals }) => {
		const form = await parseForm(request, memberSchema);
		if (!form.ok) return fail(400, { ...form.failure.data, section: 'member' });
		return actOrFail(form.values, async () => {
			await addMember({ ...(await scopeOf(params.municipality, locals.actor)), slug: params.organisation, input: form.data });
			return { saved: 'member' };
		});
	},
	removeMember: async ({ request, params, locals }) => {
		const form = await parseForm(request, removeMemberSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await removeMember({ ...(await scopeOf(params.municipality, locals.actor)), slug: params.organisation, membershipId: form.data.membershipId });
			return { saved: 'member' };
		});
	},
	delete: async ({ params, locals }) => {
		const outcome = await actOrFail({}, async () => {
			await deleteOrganisation({ ...(await scopeOf(params.municipality, locals.actor)), slug: params.organisation });
			return { deleted: true };
		});
		if ('deleted' in outcome) redirect(303, localizeHref(`/admin/${params.municipality}/organisations`));
		return outcome;
	}
} satisfies Actions;
