// Minutes and descriptions are markdown typed by facilitators: rendered with marked, then cut down to
// an allow-list so that scripts, frames, event handlers and javascript: links can never reach a page.
import { Marked } from 'marked';
import { FilterXSS } from 'xss';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const filter = new FilterXSS({
	whiteList: {
		p: [],
		br: [],
		hr: [],
		h2: [],
		h3: [],
		h4: [],
		strong: [],
		em: [],
		del: [],
		code: [],
		pre: [],
		blockquote: [],
		ul: [],
		ol: ['start'],
		li: [],
		a: ['href', 'title'],
		table: [],
		thead: [],
		tbody: [],
		tr: [],
		th: ['align'],
		td: ['align']
	},
	stripIgnoreTag: true,
	stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'template'],
	safeAttrValue(tag, name, value) {
		if (tag === 'a' && name === 'href') {
			const trimmed = value.trim();
			return /^(https?:|mailto:|\/|#)/i.test(trimmed) ? trimmed.replace(/"/g, '&quot;') : '';
		}
		return value.replace(/"/g, '&quot;');
	}
});

/** Markdown → HTML that is safe to put into a page with {@html}. Headings start at h2: the page owns the h1. */
export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown) as string;
	return filter.process(html.replace(/<(\/?)h1>/g, '<$1h2>'));
}
