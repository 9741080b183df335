import { defineError } from '../shared/errors';

export const lineageCompareInvalid = defineError('document_lineage_invalid', 400);
