// Hashtags are found by the same markdown lexer that renders the article, so a tag is linked exactly
// where it is stored: never inside code, links, URLs or headings' `#` markers, never for `#1`-style numbers.
import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import { sanitizeRenderedMarkdown } from '../shared/markdown';

/** `#` + Unicode letters, digits, marks or underscores; at least one letter so `#1` stays a number. */
const HASHTAG = /^#([\p{L}\p{M}\p{N}_]{1,60})/u;
const HAS_LETTER = /\p{L}/u;
/** A tag starts a word: at the beginning, after white space or after opening punctuation, never after `&` (entities). */
const BEFORE_TAG = /[\s([{"'„“‚‘«»*_~]/u;

export type HashtagToken = Tokens.Generic & { type: 'hashtag'; raw: string; display: string; key: string };

/** The key a tag is stored and addressed under: NFC, lower case (display keeps the first spelling). */
export function tagKey(display: string): string {
	return display.normalize('NFC').toLowerCase();
}

function startOfTag(src: string): number | undefined {
	for (let index = src.indexOf('#'); index !== -1; index = src.indexOf('#', index + 1)) {
		if (index === 0 || BEFORE_TAG.test(src[index - 1])) return index;
	}
	return undefined;
}

function hashtagExtension(tagHref: (key: string) => string): TokenizerAndRendererExtension {
	return {
		name: 'hashtag',
		level: 'inline',
		start: startOfTag,
		tokenizer(src) {
			if (this.lexer.state.inLink) return undefined;
			const match = HASHTAG.exec(src);
			if (!match || !HAS_LETTER.test(match[1])) return undefined;
			const display = match[1].normalize('NFC');
			return { type: 'hashtag', raw: match[0], display, key: tagKey(display) } satisfies HashtagToken;
		},
		renderer(token) {
			const { display, key } = token as HashtagToken;
			return `<a class="hashtag" href="${tagHref(key)}">#${display}</a>`;
		}
	};
}

/**
 * The lexer may call the tokenizer right after another inline token (`C#Sharp`, `**a**#b`); the tokenizer
 * cannot see what came before, so a tag glued to a word is turned back into plain text here.
 */
function unglueHashtags(token: Tokens.Generic) {
	const children = token.tokens;
	if (!children) return;
	for (let index = 1; index < children.length; index++) {
		const child = children[index];
		const before = children[index - 1].raw.at(-1) ?? ' ';
		if (child.type === 'hashtag' && !BEFORE_TAG.test(before)) {
			children[index] = { type: 'text', raw: child.raw, text: child.raw } as Tokens.Text;
		}
	}
}

function markedWith(tagHref: (key: string) => string) {
	return new Marked({ gfm: true, breaks: false, async: false, extensions: [hashtagExtension(tagHref)], walkTokens: unglueHashtags });
}

/** The article's hashtags in order of first appearance, one per key, spelled as first written. */
export function extractHashtags(markdown: string): { key: string; display: string }[] {
	const found = new Map<string, string>();
	const marked = markedWith(() => '');
	const tokens = marked.lexer(markdown);
	marked.walkTokens(tokens, unglueHashtags);
	marked.walkTokens(tokens, (token) => {
		if (token.type === 'hashtag') {
			const { key, display } = token as HashtagToken;
			if (!found.has(key)) found.set(key, display);
		}
	});
	return [...found].map(([key, display]) => ({ key, display }));
}

/** Markdown → sanitised HTML with hashtags linked through `tagHref`. Headings start at h2: the page owns the h1. */
export function renderArticleMarkdown(markdown: string, tagHref: (key: string) => string): string {
	const html = markedWith((key) => tagHref(key).replace(/"/g, '&quot;')).parse(markdown) as string;
	return sanitizeRenderedMarkdown(html, { anchorClasses: ['hashtag'] });
}

/** A tag typed in the list field: with or without `#`; the same character rules as inline tags. */
export function parseTagList(text: string): { key: string; display: string }[] {
	const found = new Map<string, string>();
	for (const part of text.split(/[\s,;]+/)) {
		const word = part.replace(/^#/, '').normalize('NFC');
		if (!word || !/^[\p{L}\p{M}\p{N}_]{1,60}$/u.test(word) || !HAS_LETTER.test(word)) continue;
		const key = tagKey(word);
		if (!found.has(key)) found.set(key, word);
	}
	return [...found].map(([key, display]) => ({ key, display }));
}
