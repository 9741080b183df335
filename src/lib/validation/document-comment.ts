import { z } from 'zod';

// The same list as the document_comment_status enum; kept here so forms do not import database code.
export const documentCommentStatuses = ['open', 'taken_into_account', 'not_taken_into_account'] as const;
export type DocumentCommentStatusValue = (typeof documentCommentStatuses)[number];

export const DOCUMENT_COMMENT_MAX = 2000;
export const DOCUMENT_COMMENT_ANSWER_MAX = 2000;

const text = (max: number) =>
	z
		.string({ message: 'validation_required' })
		.trim()
		.min(1, { message: 'validation_required' })
		.max(max, { message: 'validation_too_long' });
const commentId = z.string({ message: 'validation_invalid' }).uuid({ message: 'validation_invalid' });

// Anchors are made by document.snapshot: a kind, a dash, then an id and perhaps a paragraph number.
export const documentCommentSchema = z.object({
	anchor: z.string({ message: 'validation_invalid' }).regex(/^[a-z]+-[A-Za-z0-9-]{1,80}$/, { message: 'validation_invalid' }),
	body: text(DOCUMENT_COMMENT_MAX)
});

export const documentCommentEditSchema = z.object({ commentId, body: text(DOCUMENT_COMMENT_MAX) });
export const documentCommentDeleteSchema = z.object({ commentId });

export const documentCommentAnswerSchema = z
	.object({
		commentId,
		status: z.enum(documentCommentStatuses, { message: 'validation_choose' }),
		answer: z.string().trim().max(DOCUMENT_COMMENT_ANSWER_MAX, { message: 'validation_too_long' }).default('')
	})
	// Saying "not taken into account" without a reason leaves the author guessing.
	.refine((input) => input.status !== 'not_taken_into_account' || input.answer.length > 0, {
		path: ['answer'],
		message: 'validation_document_comments_reason_required'
	});

export const documentCommentHideSchema = z.object({ commentId, reason: text(500) });
export const documentCommentUnhideSchema = z.object({ commentId });

export const documentCommentFilters = ['all', ...documentCommentStatuses] as const;
export const documentCommentAdminFilters = ['all', 'open', 'answered', 'hidden'] as const;

export const publicCommentFilterSchema = z.enum(documentCommentFilters).catch('all');
export const adminCommentFilterSchema = z.object({
	filter: z.enum(documentCommentAdminFilters).catch('all'),
	page: z.coerce.number().int().min(1).max(1000).catch(1)
});

/** The public form also says which version its reader saw, so that a comment never lands on a newer text unseen. */
export const documentCommentFormSchema = documentCommentSchema.extend({
	version: z.coerce.number({ message: 'validation_invalid' }).int({ message: 'validation_invalid' }).min(1, { message: 'validation_invalid' })
});
