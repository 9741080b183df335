import * as m from '$lib/paraglide/messages';

export function commentStatusLabel(status: string): string {
	if (status === 'taken_into_account') return m.document_comments_status_taken_into_account();
	if (status === 'not_taken_into_account') return m.document_comments_status_not_taken_into_account();
	return m.document_comments_status_open();
}

/** The result of a comment action as the page receives it back. */
export type CommentFormResult = {
	values?: Record<string, unknown>;
	errors?: Record<string, string | undefined>;
	saved?: string;
	anchor?: string;
	commentId?: string;
} | null;
