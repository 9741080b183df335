import * as m from '$lib/paraglide/messages';
import type { CommentTarget } from '$lib/server/document/document-comment.service';

/** How a commented passage is named in lists and for screen readers. */
export function commentTargetLabel(target: CommentTarget): string {
	switch (target.kind) {
		case 'introduction':
			return m.document_comments_target_introduction({ paragraph: target.paragraph });
		case 'field':
			return m.document_comments_target_field({ number: target.number, title: target.title });
		case 'goal':
			return m.document_comments_target_goal({ number: target.number, title: target.title });
		case 'measure':
			return m.document_comments_target_measure({ number: target.number, title: target.title });
		case 'section':
			return m.document_comments_target_section({ title: target.title, paragraph: target.paragraph });
	}
}

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
