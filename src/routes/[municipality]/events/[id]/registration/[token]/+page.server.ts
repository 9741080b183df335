import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/runtime';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { mailSetupFor } from '$lib/server/participation/event.http';
import { cancelRegistrationByToken, confirmRegistration, getRegistrationByToken } from '$lib/server/participation/event.service';
import { translate } from '$lib/server/shared/translate';
import type { Actions, PageServerLoad } from './$types';

/** The link in the mail is the key: it must belong to this municipality's event, else it names nothing. */
async function registrationBehind(token: string, municipalityId: string, eventId: string) {
	const found = await getRegistrationByToken({ db: getDb(), token });
	if (found.registration.municipalityId !== municipalityId || found.registration.eventId !== eventId) {
		error(404, { code: 'events_link_invalid', message: translate('events_link_invalid') });
	}
	return found;
}

export const load: PageServerLoad = async ({ parent, params }) => {
	const { municipality } = await parent();
	const { registration, event, waitingPosition } = await loadOrError(() => registrationBehind(params.token, municipality.id, params.id));
	return {
		event: { id: event.id, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, place: event.place },
		registration: { name: registration.name, status: registration.status },
		waitingPosition
	};
};

// Mail scanners open links: confirming and cancelling therefore take a deliberate POST, never a GET.
export const actions: Actions = {
	confirm: async ({ params, url, getClientAddress }) =>
		actOrFail({}, async () => {
			await limitWrites(`guest:${getClientAddress()}`);
			await confirmRegistration({ db: getDb(), token: params.token, now: new Date(), mail: mailSetupFor(url) });
			return { done: 'confirmed' };
		}),
	cancel: async ({ params, url, getClientAddress }) =>
		actOrFail({}, async () => {
			await limitWrites(`guest:${getClientAddress()}`);
			await cancelRegistrationByToken({ db: getDb(), token: params.token, mail: mailSetupFor(url) });
			return { done: 'cancelled' };
		})
};
