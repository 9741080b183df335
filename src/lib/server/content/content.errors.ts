import { defineError } from '../shared/errors';

export const contentNotFound = defineError('content_not_found', 404);
