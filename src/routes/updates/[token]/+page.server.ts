import { fail, redirect } from '@sveltejs/kit';
import { href } from '$lib/i18n';
import { limitWrites } from '$lib/server/http/rate-limit';
import { loadOrError, actOrFail } from '$lib/server/http/respond';
import { getDb } from '$lib/server/runtime';
import { updatesLinkInvalid } from '$lib/server/updates/updates.errors';
import { confirmSubscription, getSubscriptionByToken, unsubscribe } from '$lib/server/updates/updates.service';
import { subscriptionTokenSchema } from '$lib/validation/updates';
import type { Actions, PageServerLoad } from './$types';

const tokenOf = (params: { token: string }) => {
	const parsed = subscriptionTokenSchema.safeParse(params);
	if (!parsed.success) throw updatesLinkInvalid();
	return parsed.data.token;
};

// Opening the mailed link only shows the page (mail scanners that fetch links change nothing); the buttons post.
export const load: PageServerLoad = async ({ params }) => ({
	subscription: await loadOrError(async () => getSubscriptionByToken({ db: getDb(), token: tokenOf(params) }))
});

export const actions: Actions = {
	confirm: async ({ params, getClientAddress }) => {
		const result = await actOrFail({}, async () => {
			await limitWrites(`address:${getClientAddress()}`);
			await confirmSubscription({ db: getDb(), token: tokenOf(params) });
			return { done: 'confirmed' as const };
		});
		if (!('done' in result)) return fail(result.status, result.data);
		return result;
	},
	unsubscribe: async ({ params, getClientAddress }) => {
		const result = await actOrFail({}, async () => {
			await limitWrites(`address:${getClientAddress()}`);
			await unsubscribe({ db: getDb(), token: tokenOf(params) });
			return { done: 'unsubscribed' as const };
		});
		if (!('done' in result)) return fail(result.status, result.data);
		// The address is gone, and with it this page.
		redirect(303, href('/updates/ended'));
	}
};
