import { defineError } from '../shared/errors';

export const documentVersionNotFound = defineError('document_version_not_found', 404);
export const documentSectionNotFound = defineError('document_section_not_found', 404);
export const documentNotDrafting = defineError('document_version_stage_closed', 409);
export const documentCompareInvalid = defineError('document_compare_invalid', 400);
