import { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { getEventFormChoices, getMunicipalityForStaff } from '$lib/server/participation/event.admin';
import { addWorkingGroupMember, createWorkingGroup, listWorkingGroupsForStaff } from '$lib/server/participation/working-group.service';
import { workingGroupMemberSchema, workingGroupSchema } from '$lib/validation/events';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	const [groups, choices] = await loadOrError(() => Promise.all([listWorkingGroupsForStaff(scope), getEventFormChoices(scope)]));
	return { groups, editions: choices.editions };
};

const memberForm = workingGroupMemberSchema.extend({ workingGroupId: z.uuid({ message: 'validation_invalid' }) });

export const actions: Actions = {
	create: async ({ request, params, locals }) => {
		const form = await parseForm(request, workingGroupSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityForStaff({ db: getDb(), actor: locals.actor, slug: params.municipality });
			await createWorkingGroup({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, input: form.data });
			return { saved: 'group' };
		});
	},
	addMember: async ({ request, params, locals }) => {
		const form = await parseForm(request, memberForm);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityForStaff({ db: getDb(), actor: locals.actor, slug: params.municipality });
			const { workingGroupId, ...member } = form.data;
			await addWorkingGroupMember({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, groupId: workingGroupId, member });
			return { saved: 'member', memberName: member.name, groupId: workingGroupId };
		});
	}
};
