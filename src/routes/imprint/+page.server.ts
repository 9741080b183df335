import { getDb } from '$lib/server/runtime';
import { getPlatformLegalPage } from '$lib/server/tenancy/platform-legal.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ legal: await getPlatformLegalPage({ db: getDb(), kind: 'imprint' }) });
