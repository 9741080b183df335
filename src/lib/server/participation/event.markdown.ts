// Minutes and descriptions are markdown typed by facilitators: rendered with marked, then cut down to
// an allow-list so that scripts, frames, event handlers and javascript: links can never reach a page.
import { Marked } from 'marked';
import { sanitizeRenderedMarkdown } from '../shared/markdown';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Markdown → HTML that is safe to put into a page with {@html}. Headings start at h2: the page owns the h1. */
export function renderMarkdown(markdown: string): string {
	return sanitizeRenderedMarkdown(marked.parse(markdown) as string);
}
