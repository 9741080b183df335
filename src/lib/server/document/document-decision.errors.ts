import { defineError } from '../shared/errors';

export const councilNotDrafting = defineError('document_council_error_not_drafting', 409);
export const councilNoVersion = defineError('document_council_error_no_version', 409);
export const decisionStageClosed = defineError('document_decision_error_stage', 409);
export const decisionBeforeVersion = defineError('document_decision_error_before_version', 400);
export const decisionDocumentNotPdf = defineError('document_decision_error_not_pdf', 400);
export const decisionDocumentTooLarge = defineError('document_decision_error_too_large', 400);
export const decisionDocumentNotFound = defineError('document_decision_error_document_not_found', 404);
