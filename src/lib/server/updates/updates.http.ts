import { fail, type RequestEvent } from '@sveltejs/kit';
import { parseForm } from '../http/forms';
import { limitRegistration } from '../http/rate-limit';
import { actOrFail } from '../http/respond';
import { getDb, getRuntime } from '../runtime';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';
import { subscribeSchema } from '$lib/validation/updates';
import { subscribeToStrategy } from './updates.service';

/**
 * The subscribe form of a strategy's pages (the strategy and each of its editions). The answer names the
 * address whether or not it was new, and the form comes back as the `subscribe` action's result.
 */
export async function subscribeAction({ request, params, url, locals, getClientAddress }: RequestEvent<{ municipality: string; strategy: string }>) {
	const form = await parseForm(request, subscribeSchema);
	if (!form.ok) return fail(400, { action: 'subscribe' as const, ...form.failure.data });
	const result = await actOrFail(form.values, async () => {
		// Each request mails the address, so it shares the budget of the account mails.
		await limitRegistration(getClientAddress(), form.data.email);
		const db = getDb();
		const { mailer, config, publicPages } = getRuntime();
		const municipality = await publicPages.memo(`municipality:${params.municipality}`, () => getMunicipalityBySlug({ db, slug: params.municipality }));
		await subscribeToStrategy({
			db,
			municipalityId: municipality.id,
			municipalityName: municipality.name,
			strategySlug: params.strategy,
			email: form.data.email,
			mail: { mailer, origin: config.origin ?? url.origin, locale: locals.locale }
		});
		return { requested: form.data.email };
	});
	if (!('requested' in result)) return fail(result.status, { action: 'subscribe' as const, ...result.data });
	return { action: 'subscribe' as const, requested: result.requested };
}
