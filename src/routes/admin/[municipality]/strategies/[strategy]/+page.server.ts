import { fail, redirect } from '@sveltejs/kit';
import { href } from '$lib/i18n';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { getStrategyForAdmin, updateStrategy } from '$lib/server/document/document.admin';
import { getMunicipalityForAdmin } from '$lib/server/tenancy/tenancy.admin';
import { getUpdatesForAdmin, sendMessageToSubscribers } from '$lib/server/updates/updates.service';
import { strategySchema } from '$lib/validation/document';
import { strategyMessageSchema } from '$lib/validation/updates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals, url }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	const strategy = await loadOrError(() => getStrategyForAdmin({ ...scope, slug: params.strategy }));
	const updates = await loadOrError(() => getUpdatesForAdmin({ ...scope, strategyId: strategy.id }));
	return { strategy, updates, messageSent: url.searchParams.get('message') === 'sent' };
};

export const actions: Actions = {
	updateStrategy: async ({ request, params, locals }) => {
		const form = await parseForm(request, strategySchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const db = getDb();
			const municipality = await getMunicipalityForAdmin({ db, actor: locals.actor, slug: params.municipality });
			const strategy = await getStrategyForAdmin({ db, actor: locals.actor, municipalityId: municipality.id, slug: params.strategy });
			await updateStrategy({ db, actor: locals.actor, municipalityId: municipality.id, strategyId: strategy.id, input: form.data });
			return { saved: 'strategy' };
		});
	},
	sendMessage: async ({ request, params, locals }) => {
		const form = await parseForm(request, strategyMessageSchema);
		if (!form.ok) return fail(400, { action: 'sendMessage' as const, ...form.failure.data });
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const db = getDb();
			const municipality = await getMunicipalityForAdmin({ db, actor: locals.actor, slug: params.municipality });
			await sendMessageToSubscribers({ db, actor: locals.actor, municipalityId: municipality.id, strategySlug: params.strategy, input: form.data });
			return { sent: true as const };
		});
		if (!('sent' in result)) return fail(result.status, { action: 'sendMessage' as const, ...result.data });
		// After a redirect, reloading the page cannot send the message a second time.
		redirect(303, `${href(`/admin/${params.municipality}/strategies/${params.strategy}`)}?message=sent#updates-admin-heading`);
	}
};
