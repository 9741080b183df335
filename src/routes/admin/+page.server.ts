import { listAdministeredMunicipalities } from '$lib/server/tenancy/tenancy.admin';
import { listDocumentsToDraft } from '$lib/server/document/document-version.service';
import { backOfficeSectionRoles, facilitatedMunicipalities } from '$lib/server/people/actor';
import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) =>
	loadOrError(async () => {
		const municipalities = await listAdministeredMunicipalities({ db: getDb(), actor: locals.actor });
		const administered = new Set(municipalities.map((municipality) => municipality.slug));
		// Moderators and facilitators reach the one section open to them where they do not administer.
		const moderated = new Map(
			(locals.actor?.memberships ?? [])
				.filter((m) => backOfficeSectionRoles.moderation.includes(m.role) && !administered.has(m.municipalitySlug))
				.map((m) => [m.municipalitySlug, { slug: m.municipalitySlug, name: m.municipalityName }])
		);
		return {
			municipalities,
			moderated: [...moderated.values()],
			// Facilitators keep organisation registries: their way in is that page, not the settings.
			facilitated: facilitatedMunicipalities(locals.actor),
			documentsToDraft: await listDocumentsToDraft({ db: getDb(), actor: locals.actor }),
			isPlatformAdmin: locals.actor?.isPlatformAdmin ?? false
		};
	});
