import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { answerInvitation, getInvitationByToken } from '$lib/server/people/invitation.service';
import { getDb } from '$lib/server/runtime';
import { invitationAnswerSchema } from '$lib/validation/invitation';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows the question: mail scanners that prefetch links must not answer it.
export const load: PageServerLoad = async ({ params }) => ({
	invitation: await loadOrError(() => getInvitationByToken({ db: getDb(), token: params.token }))
});

export const actions: Actions = {
	answer: async ({ request, params, locals, getClientAddress }) => {
		const form = await parseForm(request, invitationAnswerSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? `invitation:${getClientAddress()}`);
			await answerInvitation({ db: getDb(), token: params.token, answer: form.data, actor: locals.actor });
			return { answered: form.data.answer };
		});
	}
};
