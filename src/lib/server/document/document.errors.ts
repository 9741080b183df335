import { defineError } from '../shared/errors';

export const strategyNotFound = defineError('document_strategy_not_found', 404);
export const strategySlugTaken = defineError('document_strategy_slug_taken', 409);
export const editionNotFound = defineError('document_edition_not_found', 404);
export const editionNumberTaken = defineError('document_edition_number_taken', 409);
export const outlineItemNotFound = defineError('document_outline_item_not_found', 404);
export const contactPointNotFound = defineError('document_contact_point_not_found', 404);
export const editionDatesInvalid = defineError('document_edition_dates_invalid', 400);
