// The council submission (Beschlussvorlage) as plain data, shared by the PDF and the DOCX writer, and
// the text handling both need: markdown reduced to printable blocks, and runs of one writing direction.
import bidiFactory from 'bidi-js';
import { Marked, type Token, type Tokens } from 'marked';
import type { DocumentSnapshot } from '../document.snapshot';

export type SubmissionLabels = {
	kind: string;
	edition: string;
	period: string;
	version: string;
	publishedOn: string;
	contents: string;
	introduction: string;
	measures: string;
	appendix: string;
	figures: string;
	organisations: string;
	noOrganisations: string;
	figureRows: { label: string; value: number }[];
	comments: string;
	/** How many comments there are and how they are listed; or that there were none. */
	commentsIntro: string;
	/** Set when the paper lists fewer comments than there are. */
	commentsOmitted: string | null;
	commentColumns: { number: string; passage: string; comment: string; consideration: string };
};

/**
 * One comment on a draft with how it was weighed, every part already worded in German: the passage ("Fassung 1 ·
 * Ziel 1.2 …"), the status ("Stand: berücksichtigt") and the answer ("Antwort: …"), if any.
 */
export type SubmissionComment = { passage: string; status: string; body: string; answer: string | null };

export type CouncilSubmission = {
	municipalityName: string;
	strategyTitle: string;
	editionNumber: number;
	periodStart: number;
	periodEnd: number;
	versionNumber: number;
	versionTitle: string;
	/** Already formatted in German, e.g. "26. Februar 2025". */
	publishedOn: string;
	snapshot: DocumentSnapshot;
	organisations: { name: string; sector: string }[];
	comments: SubmissionComment[];
	labels: SubmissionLabels;
};

export type TextBlock = { kind: 'heading' | 'paragraph' | 'item' | 'quote'; text: string; depth: number };

const lexer = new Marked({ gfm: true });

function inlineText(tokens: Token[] | undefined, fallback: string): string {
	if (!tokens) return fallback;
	return tokens
		.map((token) => {
			if (token.type === 'br') return '\n';
			if ('tokens' in token && Array.isArray(token.tokens)) return inlineText(token.tokens, 'text' in token ? String(token.text) : '');
			if (token.type === 'escape' || token.type === 'text' || token.type === 'codespan') return (token as Tokens.Text).text;
			if (token.type === 'html') return '';
			return 'text' in token ? String(token.text) : token.raw;
		})
		.join('');
}

function blocksOf(tokens: Token[], depth: number, into: TextBlock[]) {
	for (const token of tokens) {
		switch (token.type) {
			case 'heading':
				into.push({ kind: 'heading', text: inlineText(token.tokens, token.text), depth: token.depth });
				break;
			case 'paragraph':
				into.push({ kind: depth > 0 ? 'item' : 'paragraph', text: inlineText(token.tokens, token.text), depth });
				break;
			case 'list':
				for (const [index, item] of (token as Tokens.List).items.entries()) {
					const marker = token.ordered ? `${Number(token.start || 1) + index}.` : '•';
					const inner: TextBlock[] = [];
					blocksOf(item.tokens, depth + 1, inner);
					const [first, ...rest] = inner;
					if (first) into.push({ ...first, kind: 'item', text: `${marker} ${first.text}`, depth: depth + 1 });
					into.push(...rest);
				}
				break;
			case 'blockquote':
				for (const inner of lexer.lexer((token as Tokens.Blockquote).text)) {
					if (inner.type === 'paragraph') into.push({ kind: 'quote', text: inlineText(inner.tokens, inner.text), depth });
				}
				break;
			case 'table': {
				const table = token as Tokens.Table;
				into.push({ kind: 'paragraph', text: table.header.map((cell) => cell.text).join(' | '), depth });
				for (const row of table.rows) into.push({ kind: 'paragraph', text: row.map((cell) => cell.text).join(' | '), depth });
				break;
			}
			case 'text':
				into.push({ kind: depth > 0 ? 'item' : 'paragraph', text: inlineText((token as Tokens.Text).tokens, token.text), depth });
				break;
			case 'code':
				into.push({ kind: 'paragraph', text: token.text, depth });
				break;
			default:
				break;
		}
	}
}

/** Markdown as the blocks a printed document has; inline emphasis and links keep only their words. */
export function printableBlocks(markdown: string): TextBlock[] {
	const blocks: TextBlock[] = [];
	blocksOf(lexer.lexer(markdown), 0, blocks);
	return blocks.filter((block) => block.text.trim().length > 0);
}

const bidi = bidiFactory();
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export const isArabic = (text: string) => ARABIC.test(text);

/** A stretch of text in one direction, in the order it is drawn from left to right. */
export type DirectionalRun = { text: string; rightToLeft: boolean };

/**
 * A line of text split by the Unicode bidirectional algorithm into runs of one embedding level, the
 * runs in visual order (rule L2). Characters inside a right-to-left run stay in logical order: the
 * shaping engine reverses them together with joining the Arabic letters.
 */
export function directionalRuns(text: string): { rightToLeft: boolean; runs: DirectionalRun[] } {
	if (!RIGHT_TO_LEFT.test(text)) return { rightToLeft: false, runs: [{ text, rightToLeft: false }] };
	const { levels, paragraphs } = bidi.getEmbeddingLevels(text, 'auto');
	const baseLevel = paragraphs[0]?.level ?? 0;
	const runs: { text: string; level: number }[] = [];
	for (let index = 0; index < text.length; index++) {
		const level = levels[index];
		const last = runs.at(-1);
		if (last && last.level === level) last.text += text[index];
		else runs.push({ text: text[index], level });
	}
	const highest = Math.max(...runs.map((run) => run.level));
	const lowestOdd = Math.min(...runs.map((run) => run.level).filter((level) => level % 2 === 1), highest);
	for (let level = highest; level >= lowestOdd && level > 0; level--) {
		let start = 0;
		while (start < runs.length) {
			if (runs[start].level < level) {
				start++;
				continue;
			}
			let end = start;
			while (end + 1 < runs.length && runs[end + 1].level >= level) end++;
			runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse());
			start = end + 1;
		}
	}
	return { rightToLeft: baseLevel % 2 === 1, runs: runs.map((run) => ({ text: run.text, rightToLeft: run.level % 2 === 1 })) };
}

/** Entries of the table of contents, in document order; the writers number their pages themselves. */
export type ContentsEntry = { key: string; title: string; level: 1 | 2 };

export function contentsOf(submission: CouncilSubmission): ContentsEntry[] {
	const { snapshot, labels } = submission;
	const entries: ContentsEntry[] = [];
	if (snapshot.introduction.length > 0) entries.push({ key: 'introduction', title: labels.introduction, level: 1 });
	for (const field of snapshot.fields) {
		entries.push({ key: field.anchor, title: `${field.number} ${field.title}`, level: 1 });
		for (const goal of field.goals) entries.push({ key: goal.anchor, title: `${goal.number} ${goal.title}`, level: 2 });
	}
	for (const section of snapshot.sections) entries.push({ key: section.anchor, title: section.title, level: 1 });
	entries.push({ key: 'appendix', title: labels.appendix, level: 1 });
	entries.push({ key: 'appendix-comments', title: labels.comments, level: 2 });
	return entries;
}
