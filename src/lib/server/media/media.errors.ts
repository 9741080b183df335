import { defineError } from '../shared/errors';

export const mediaNotFound = defineError('media_not_found', 404);
export const mediaTooLarge = defineError('media_too_large', 400);
export const mediaUnsupportedType = defineError('media_unsupported_type', 400);
export const mediaUnreadable = defineError('media_unreadable', 400);
export const mediaTooManyPixels = defineError('media_too_many_pixels', 400);
export const mediaInUse = defineError('media_in_use', 409);
