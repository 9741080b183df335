import { defineError } from '../shared/errors';

export const articleNotFound = defineError('news_not_found', 404);
export const tagNotFound = defineError('news_tag_not_found', 404);
export const articleSlugTaken = defineError('news_slug_taken', 409);
export const articleContextUnknown = defineError('news_context_unknown', 400);
