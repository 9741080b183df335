import { defineError } from '../shared/errors';

export const photoNotFound = defineError('event_photos_not_found', 404);
export const photoEventNotFound = defineError('events_not_found', 404);
export const photoTooLarge = defineError('event_photos_too_large', 400);
export const photoUnsupportedType = defineError('event_photos_unsupported_type', 400);
export const photoUnreadable = defineError('event_photos_unreadable', 400);
export const photoBeforeEvent = defineError('event_photos_before_event', 409);
export const photoLimitReached = defineError('event_photos_limit_reached', 409);
