import { defineError } from '../shared/errors';

export const traceIdeaNotFound = defineError('document_trace_idea_not_found', 404);
export const traceTargetInvalid = defineError('document_trace_target_invalid', 400);
export const traceExists = defineError('document_trace_exists', 409);
export const traceNotFound = defineError('document_trace_not_found', 404);
