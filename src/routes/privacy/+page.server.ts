import { PRIVACY_NOTICE_VERSION } from '$lib/server/people/account.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ version: PRIVACY_NOTICE_VERSION });
