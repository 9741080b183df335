import { platformAuditPage } from '$lib/server/audit/audit.service';
import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => loadOrError(() => platformAuditPage({ db: getDb(), actor: locals.actor, query: url.searchParams }));
