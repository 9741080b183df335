import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/server/http/forms';
import { assertSignInAllowed, limitWrites, recordFailedSignIn } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { mailContext } from '$lib/server/people/account.mail';
import { getProfile, updateProfile } from '$lib/server/people/account.service';
import { changePassword, passwordIsFixed } from '$lib/server/people/password.service';
import { isDomainError } from '$lib/server/shared/errors';
import { declareMembership, getMembershipsOfAccount, removeOwnMembership } from '$lib/server/people/membership.service';
import { declareMembershipSchema, removeMembershipSchema } from '$lib/validation/membership';
import { getDb, getRuntime } from '$lib/server/runtime';
import { copySetCookies } from '$lib/server/http/cookies';
import { countOwnSessions, signOutEverywhere } from '$lib/server/people/people.service';
import { SPOKEN_LANGUAGES, changePasswordSchema, profileSchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, request }) => {
	if (!locals.actor) redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(localizeHref('/account'))}`));
	const municipalitySlug = url.searchParams.get('membershipsIn') ?? undefined;
	const passwordFixed = passwordIsFixed(locals.actor.email, getRuntime().config.demo);
	return loadOrError(async () => ({
		passwordChanged: url.searchParams.get('password') === 'changed',
		passwordFixed,
		profile: await getProfile({ db: getDb(), actor: locals.actor }),
		languages: SPOKEN_LANGUAGES,
		membershipView: await getMembershipsOfAccount({ db: getDb(), actor: locals.actor, municipalitySlug }),
		sessionCount: await countOwnSessions({ auth: await getRuntime().auth(), headers: request.headers })
	}));
};

// Named actions, so that later sections of the page (e.g. organisation memberships) add their own.
export const actions: Actions = {
	profile: async ({ request, locals }) => {
		const form = await parseForm(request, profileSchema);
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			await updateProfile({ db: getDb(), actor: locals.actor, input: form.data });
			return { saved: 'profile' };
		});
		return result;
	},
	declareMembership: async ({ request, locals }) => {
		const form = await parseForm(request, declareMembershipSchema);
		if (!form.ok) return fail(form.failure.status, { ...form.failure.data, section: 'memberships' });
		return actOrFail({ ...form.values, section: 'memberships' }, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			await declareMembership({ db: getDb(), actor: locals.actor, input: form.data });
			return { saved: 'membership', section: 'memberships' };
		});
	},
	// Answered with a redirect: the session this request came with ends with the change, and the page
	// must load with the one that replaces it.
	changePassword: async ({ request, cookies, locals, url, getClientAddress }) => {
		const form = await parseForm(request, changePasswordSchema);
		if (!form.ok) return fail(form.failure.status, { ...form.failure.data, section: 'password' });
		const result = await actOrFail({ section: 'password' }, async () => {
			const actor = locals.actor;
			// The current password can be guessed here as at sign-in, so the same limit applies.
			if (actor) await assertSignInAllowed(getClientAddress(), actor.email);
			const { password, passwordNew } = form.data;
			const { auth, config } = getRuntime();
			const mail = mailContext(url, locals.locale);
			return changePassword({ auth: await auth(), mail, actor, headers: request.headers, current: password, next: passwordNew, demo: config.demo }).catch(
				async (caught: unknown) => {
					if (actor && isDomainError(caught) && caught.code === 'account_wrong_password') await recordFailedSignIn(getClientAddress(), actor.email);
					throw caught;
				}
			);
		});
		if (!(result instanceof Headers)) return fail(result.status, { ...result.data, section: 'password' });
		copySetCookies(result, cookies);
		redirect(303, `${localizeHref('/account')}?password=changed#password-heading`);
	},
	signOutEverywhere: async ({ request, cookies, locals }) => {
		if (locals.actor) copySetCookies(await signOutEverywhere({ auth: await getRuntime().auth(), headers: request.headers }), cookies);
		redirect(303, localizeHref('/sign-in'));
	},
	removeMembership: async ({ request, locals }) => {
		const form = await parseForm(request, removeMembershipSchema);
		if (!form.ok) return fail(form.failure.status, { ...form.failure.data, section: 'memberships' });
		return actOrFail({ section: 'memberships' }, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			await removeOwnMembership({ db: getDb(), actor: locals.actor, membershipId: form.data.membershipId });
			return { saved: 'membershipRemoved', section: 'memberships' };
		});
	}
};
