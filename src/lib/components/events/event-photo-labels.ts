import { lookupMessage } from '$lib/message-lookup';

/** "cc-by-4.0" → the message event_photos_licence_cc_by_4_0. */
export const licenceLabel = (licence: string) => lookupMessage(`event_photos_licence_${licence.replace(/[-.]/g, '_')}`);
