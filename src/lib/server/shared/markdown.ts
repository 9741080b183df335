// Markdown typed by staff (minutes, descriptions, legal pages, articles) is rendered with marked and
// then cut down to one allow-list, so that scripts, frames, event handlers and javascript: links can
// never reach a page, whichever domain rendered it.
import { Marked } from 'marked';
import { FilterXSS } from 'xss';

function allowListFilter(anchorClasses: readonly string[]): FilterXSS {
	return new FilterXSS({
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
			a: anchorClasses.length > 0 ? ['href', 'title', 'class'] : ['href', 'title'],
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
			if (tag === 'a' && name === 'class') return anchorClasses.includes(value) ? value : '';
			return value.replace(/"/g, '&quot;');
		}
	});
}

/**
 * Rendered markdown made safe for {@html}; headings start at h2, since the page owns the h1.
 * `anchorClasses` are the only classes a link may keep (e.g. the hashtag links the renderer made).
 */
const filters = new Map<string, FilterXSS>();

export function sanitizeRenderedMarkdown(html: string, { anchorClasses = [] }: { anchorClasses?: readonly string[] } = {}): string {
	const key = anchorClasses.join(' ');
	let filter = filters.get(key);
	if (!filter) filters.set(key, (filter = allowListFilter(anchorClasses)));
	return filter.process(html.replace(/<(\/?)h1>/g, '<$1h2>'));
}

const plainMarked = new Marked({ gfm: true });
const activeMarkup = [
	/<\s*(?:script|iframe|frame|frameset|object|embed|style|template|base|meta|link)\b/i,
	/<[a-z][^>]*[\s/]on[a-z]+\s*=/i,
	/\b(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i
];

/**
 * Whether markdown holds markup that would run or load something: script and frame elements, event
 * handlers, javascript: links. The renderer drops all of it anyway; refusing it at the form tells the
 * author why it would vanish instead of publishing a text that differs from what they wrote. Code spans
 * and blocks are escaped by marked, so writing about `<script>` stays possible.
 */
export function hasActiveMarkup(markdown: string): boolean {
	const html = plainMarked.parse(markdown, { async: false });
	return activeMarkup.some((pattern) => pattern.test(html));
}
