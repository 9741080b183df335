import { canEnterBackOffice } from '$lib/server/people/actor';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	viewer: locals.actor ? { name: locals.actor.name, canAdminister: canEnterBackOffice(locals.actor) } : null
});
