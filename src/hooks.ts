import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /en/muenster and /muenster render the same route; the locale comes from the prefix.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
