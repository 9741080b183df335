import { translate } from '$lib/i18n';

/** "cc-by-4.0" → the message event_photos_licence_cc_by_4_0. */
export const licenceLabel = (licence: string) => translate(`event_photos_licence_${licence.replace(/[-.]/g, '_')}`);
