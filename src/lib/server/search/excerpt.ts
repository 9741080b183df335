// A few lines of a found text around the first place that matches, with the matching words marked.
// PostgreSQL matched stemmed words; the excerpt only needs to show roughly where, so it looks for the
// typed words and their stems' beginnings in the plain text.

export type ExcerptPart = { text: string; match: boolean };

/** Markdown as a reader sees it, on one line: links become their words, markers go. */
export function plainTextOf(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
		.replace(/[*_`~]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The words of a web-search style query, without operators, each cut to a stem-like beginning. */
export function wordsOf(query: string): string[] {
	const words = query
		.split(/\s+/)
		.filter((word) => word && !word.startsWith('-') && word.toLowerCase() !== 'or')
		.map((word) => word.replace(/^["'„“(]+|["'“”.,;:!?)]+$/g, ''))
		.filter((word) => [...word].length >= 2);
	// German endings (Kurs, Kurse, Kursen) differ in the last letters; the stem is what both share.
	return [...new Set(words.map((word) => (word.length > 5 ? word.slice(0, Math.max(4, word.length - 2)) : word)))];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function excerptOf(source: string, query: string, length = 220): ExcerptPart[] {
	const text = plainTextOf(source);
	if (!text) return [];
	const words = wordsOf(query);
	// The whole word around a stem is marked, compounds included (Sprachkurs in Deutschsprachkursen).
	const pattern = words.length > 0 ? new RegExp(`[\\p{L}\\p{N}]*(?:${words.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`, 'giu') : null;
	const first = pattern ? text.search(pattern) : -1;
	let start = first > 60 ? first - 60 : 0;
	// Start at a word, not inside one.
	if (start > 0) start = text.indexOf(' ', start) + 1 || start;
	let end = Math.min(text.length, start + length);
	if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
	const window = `${start > 0 ? '… ' : ''}${text.slice(start, end)}${end < text.length ? ' …' : ''}`;
	if (!pattern) return [{ text: window, match: false }];
	const parts: ExcerptPart[] = [];
	let at = 0;
	for (const found of window.matchAll(pattern)) {
		if (found.index > at) parts.push({ text: window.slice(at, found.index), match: false });
		parts.push({ text: found[0], match: true });
		at = found.index + found[0].length;
	}
	if (at < window.length) parts.push({ text: window.slice(at), match: false });
	return parts;
}
