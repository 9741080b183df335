import { canEnterBackOffice } from '$lib/server/people/actor';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	viewer: locals.actor ? { name: locals.actor.name, email: locals.actor.email, canAdminister: canEnterBackOffice(locals.actor) } : null
});
