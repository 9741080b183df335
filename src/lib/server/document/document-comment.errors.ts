import { defineError } from '../shared/errors';

export const documentCommentNotFound = defineError('document_comments_error_not_found', 404);
export const documentCommentsClosed = defineError('document_comments_error_closed', 409);
export const documentCommentOldVersion = defineError('document_comments_error_old_version', 409);
export const documentCommentAnchorUnknown = defineError('document_comments_error_anchor_unknown', 400);
export const documentCommentDuplicate = defineError('document_comments_error_duplicate', 409);
export const documentCommentNotEditable = defineError('document_comments_error_not_editable', 409);
export const documentCommentUnverified = defineError('document_comments_error_unverified', 403);
