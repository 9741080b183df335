import { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import {
	addDistrict,
	getMunicipalityForAdmin,
	listDistrictsForAdmin,
	removeDistrict,
	renameDistrict,
	updateMunicipalitySettings
} from '$lib/server/tenancy/tenancy.admin';
import { districtSchema, municipalitySettingsSchema } from '$lib/validation/tenancy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { municipality } = await parent();
	return {
		districts: await loadOrError(() => listDistrictsForAdmin({ db: getDb(), actor: locals.actor, municipalityId: municipality.id })),
		timeZones: Intl.supportedValuesOf('timeZone')
	};
};

const districtIdSchema = z.object({ districtId: z.uuid({ message: 'validation_invalid' }) });

/** Every action resolves the municipality again and lets the service check the actor: never trust the page. */
async function municipalityOf(slug: string, actor: App.Locals['actor']) {
	return getMunicipalityForAdmin({ db: getDb(), actor, slug });
}

export const actions: Actions = {
	settings: async ({ request, params, locals }) => {
		const form = await parseForm(request, municipalitySettingsSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await municipalityOf(params.municipality, locals.actor);
			await updateMunicipalitySettings({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, input: form.data });
			return { saved: 'settings' };
		});
	},
	addDistrict: async ({ request, params, locals }) => {
		const form = await parseForm(request, districtSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await municipalityOf(params.municipality, locals.actor);
			await addDistrict({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, name: form.data.name });
			return { saved: 'district' };
		});
	},
	renameDistrict: async ({ request, params, locals }) => {
		const form = await parseForm(request, districtSchema.extend(districtIdSchema.shape));
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await municipalityOf(params.municipality, locals.actor);
			await renameDistrict({
				db: getDb(),
				actor: locals.actor,
				municipalityId: municipality.id,
				districtId: form.data.districtId,
				name: form.data.name
			});
			return { saved: 'district' };
		});
	},
	removeDistrict: async ({ request, params, locals }) => {
		const form = await parseForm(request, districtIdSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await municipalityOf(params.municipality, locals.actor);
			await removeDistrict({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, districtId: form.data.districtId });
			return { saved: 'district' };
		});
	}
};
