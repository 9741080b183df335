import { PRIVACY_NOTICE_VERSION } from '$lib/server/people/account.service';
import { consentStates } from '$lib/server/consent/consent.http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies }) => ({ version: PRIVACY_NOTICE_VERSION, consent: consentStates(cookies) });
