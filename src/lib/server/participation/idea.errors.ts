import { defineError } from '../shared/errors';

export const ideaNotFound = defineError('ideas_error_not_found', 404);
export const ideasClosed = defineError('ideas_error_closed', 409);
export const ideaNotEditable = defineError('ideas_error_not_editable', 409);
export const ideaFieldUnknown = defineError('ideas_error_field_unknown', 400);
export const ideaDistrictUnknown = defineError('ideas_error_district_unknown', 400);
export const commentNotFound = defineError('ideas_error_comment_not_found', 404);
export const replyTooDeep = defineError('ideas_error_reply_too_deep', 400);
export const mergeTargetInvalid = defineError('ideas_error_merge_target', 400);
export const ideaHidden = defineError('ideas_error_hidden', 409);
export const ideaOrganisationUnknown = defineError('ideas_error_organisation_unknown', 400);
export const ideaGatheringUnknown = defineError('ideas_error_gathering_unknown', 400);
