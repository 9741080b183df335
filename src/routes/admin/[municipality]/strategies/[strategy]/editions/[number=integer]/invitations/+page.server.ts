import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { mailSetupFor } from '$lib/server/participation/event.http';
import { getInvitationsForStaff, inviteOrganisations, resendInvitation } from '$lib/server/people/invitation.service';
import { organisationSectors } from '$lib/server/people/organisation.schema';
import { getMunicipalityForBackOffice } from '$lib/server/tenancy/tenancy.admin';
import { invitationFilterSchema, inviteSchema, resendInvitationSchema } from '$lib/validation/invitation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals, url }) => {
	const { municipality } = await parent();
	const filter = invitationFilterSchema.parse(Object.fromEntries(url.searchParams));
	const candidatePage = Number(url.searchParams.get('candidates')) || 1;
	const view = await loadOrError(() =>
		getInvitationsForStaff({
			db: getDb(),
			actor: locals.actor,
			municipalityId: municipality.id,
			strategySlug: params.strategy,
			number: Number(params.number),
			filter,
			candidatePage
		})
	);
	return { ...view, filter, sectors: organisationSectors };
};

const staffScope = async (slug: string, actor: App.Locals['actor']) => {
	await limitWrites(actor?.userId ?? 'anonymous');
	const { municipality } = await getMunicipalityForBackOffice({ db: getDb(), actor, slug, section: 'invitations' });
	return { db: getDb(), actor, municipalityId: municipality.id };
};

export const actions: Actions = {
	invite: async ({ request, params, locals, url }) => {
		const form = await parseForm(request, inviteSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await staffScope(params.municipality, locals.actor);
			const result = await inviteOrganisations({
				...scope,
				strategySlug: params.strategy,
				number: Number(params.number),
				organisationIds: form.data.organisationIds,
				locale: getLocale(),
				mail: mailSetupFor(url)
			});
			return { invitedResult: result };
		});
	},
	resend: async ({ request, params, locals, url }) => {
		const form = await parseForm(request, resendInvitationSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await staffScope(params.municipality, locals.actor);
			await resendInvitation({ ...scope, invitationId: form.data.invitationId, mail: mailSetupFor(url) });
			return { resent: form.data.invitationId };
		});
	}
};
