// The council submission as PDF (pdfkit): cover, table of contents with page numbers and links,
// the document, the appendix. Fonts come from the repository and are embedded as subsets.
import PDFDocument from 'pdfkit';
import { contentsOf, directionalRuns, isArabic, printableBlocks, type CouncilSubmission, type TextBlock } from './submission';
import { loadFonts, type Weight } from './pdf-fonts';
import { numberPages } from './pdf-page-numbers';


const MARGIN = 62;
const CONTENTS_LINE = 19;
const INK = '#1a1a1a';
const MUTED = '#4a4a4a';

type Style = { size: number; weight?: Weight; color?: string; indent?: number; gapBefore?: number; gapAfter?: number };

export function writeSubmissionPdf(submission: CouncilSubmission, fontDir: string): Promise<Buffer> {
	const fonts = loadFonts(fontDir);
	const { labels, snapshot } = submission;
	const title = `${submission.strategyTitle} – ${labels.edition}`;
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
		bufferPages: true,
		autoFirstPage: true,
		lang: 'de-DE',
		displayTitle: true,
		pdfVersion: '1.7',
		info: { Title: title, Author: submission.municipalityName, Subject: labels.kind, Creator: 'Leitbild' }
	});
	for (const [family, weights] of Object.entries(fonts)) {
		for (const [weight, data] of Object.entries(weights)) doc.registerFont(`${family}-${weight}`, data);
	}

	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const width = doc.page.width - 2 * MARGIN;

	// With features given, pdfkit shapes a run as a whole instead of word by word, which would put
	// the words of an Arabic run in left-to-right order. Runs of both fonts share the Latin baseline.
	const shaping = { features: ['kern' as const], baseline: 'alphabetic' as const };
	// Noto Sans rises 1.069 em above its baseline.
	const baselineOf = (top: number, size: number) => top + size * 1.069;
	const fontFor = (text: string, weight: Weight) => `${isArabic(text) ? 'arabic' : 'latin'}-${weight}`;

	/**
	 * Writes one paragraph. Text without right-to-left letters goes through pdfkit's own line breaking;
	 * mixed text is broken into lines here and each line ordered by the bidirectional algorithm, so
	 * that a line of an Arabic title reads right to left and sits flush right.
	 */
	function write(text: string, style: Style) {
		const weight = style.weight ?? 'regular';
		const indent = style.indent ?? 0;
		if (style.gapBefore) doc.moveDown(style.gapBefore);
		doc.fillColor(style.color ?? INK).fontSize(style.size);
		const x = MARGIN + indent;
		const available = width - indent;
		if (!directionalRuns(text).runs.some((run) => run.rightToLeft)) {
			doc.font(`latin-${weight}`).text(text, x, doc.y, { width: available, lineGap: 2 });
		} else {
			const measure = (piece: string) => doc.font(fontFor(piece, weight)).widthOfString(piece, shaping);
			const lines: string[] = [];
			for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
				const current = lines.at(-1);
				if (current !== undefined && measure(`${current} ${word}`) <= available) lines[lines.length - 1] = `${current} ${word}`;
				else lines.push(word);
			}
			for (const line of lines) {
				const { rightToLeft, runs } = directionalRuns(line);
				const widths = runs.map((run) => measure(run.text));
				const lineHeight = doc.font(fontFor(line, weight)).currentLineHeight(true) + 2;
				if (doc.y + lineHeight > doc.page.height - MARGIN) doc.addPage();
				const y = doc.y;
				let cursor = rightToLeft ? x + available - widths.reduce((sum, value) => sum + value, 0) : x;
				runs.forEach((run, index) => {
					doc.font(fontFor(run.text, weight)).text(run.text, cursor, baselineOf(y, style.size), { lineBreak: false, ...shaping });
					cursor += widths[index];
				});
				doc.x = x;
				doc.y = y + lineHeight;
			}
		}
		if (style.gapAfter) doc.moveDown(style.gapAfter);
	}

	function keepWithNext(height: number) {
		if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
	}

	function writeBlocks(blocks: TextBlock[], indent: number) {
		for (const block of blocks) {
			if (block.kind === 'heading') write(block.text, { size: 11.5, weight: 'bold', indent, gapBefore: 0.4, gapAfter: 0.2 });
			else if (block.kind === 'item') write(block.text, { size: 10.5, indent: indent + 14 * block.depth, gapAfter: 0.2 });
			else if (block.kind === 'quote') write(block.text, { size: 10.5, indent: indent + 18, color: MUTED, gapAfter: 0.4 });
			else write(block.text, { size: 10.5, indent, gapAfter: 0.4 });
		}
	}

	const pageOf = new Map<string, number>();
	const outlines = new Map<string, PDFKit.PDFOutline>();
	function mark(key: string, text: string, parent?: string) {
		pageOf.set(key, doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1);
		doc.addNamedDestination(key, 'XYZ', 0, doc.page.height - doc.y + 12, null);
		const item = (parent ? outlines.get(parent) : undefined) ?? doc.outline;
		outlines.set(key, item.addItem(text));
	}

	// Cover
	doc.y = 150;
	write(submission.municipalityName, { size: 14, color: MUTED, gapAfter: 0.6 });
	write(labels.kind, { size: 13, weight: 'bold', color: MUTED, gapAfter: 1.2 });
	write(submission.strategyTitle, { size: 28, weight: 'bold', gapAfter: 0.6 });
	write(labels.edition, { size: 16, gapAfter: 0.2 });
	write(labels.period, { size: 13, color: MUTED, gapAfter: 2 });
	write(labels.version, { size: 13, weight: 'bold', gapAfter: 0.3 });
	write(labels.publishedOn, { size: 12, color: MUTED });

	// Table of contents: its pages are reserved now and filled in once every heading knows its page.
	const contents = contentsOf(submission);
	const firstPageLines = Math.floor((doc.page.height - 2 * MARGIN - 60) / CONTENTS_LINE);
	const nextPageLines = Math.floor((doc.page.height - 2 * MARGIN) / CONTENTS_LINE);
	const contentsPages = 1 + Math.max(0, Math.ceil((contents.length - firstPageLines) / nextPageLines));
	doc.addPage();
	const contentsStart = doc.bufferedPageRange().count - 1;
	for (let page = 1; page < contentsPages; page++) doc.addPage();

	// The document
	doc.addPage();
	if (snapshot.introduction.length > 0) {
		mark('introduction', labels.introduction);
		write(labels.introduction, { size: 18, weight: 'bold', gapAfter: 0.5 });
		writeBlocks(printableBlocks(snapshot.introduction.map((paragraph) => paragraph.markdown).join('\n\n')), 0);
	}
	for (const field of snapshot.fields) {
		if (doc.y > MARGIN + 1) doc.addPage();
		const fieldTitle = `${field.number} ${field.title}`;
		mark(field.anchor, fieldTitle);
		write(fieldTitle, { size: 18, weight: 'bold', gapAfter: 0.5 });
		writeBlocks(printableBlocks(field.description), 0);
		for (const goal of field.goals) {
			keepWithNext(80);
			const goalTitle = `${goal.number} ${goal.title}`;
			write('', { size: 4, gapBefore: 0.6 });
			mark(goal.anchor, goalTitle, field.anchor);
			write(goalTitle, { size: 13.5, weight: 'bold', gapAfter: 0.3 });
			writeBlocks(printableBlocks(goal.description), 0);
			if (goal.measures.length > 0) {
				keepWithNext(60);
				write(labels.measures, { size: 10.5, weight: 'bold', color: MUTED, gapBefore: 0.2, gapAfter: 0.2 });
				for (const measure of goal.measures) {
					keepWithNext(40);
					write(`${measure.number} ${measure.title}`, { size: 11, weight: 'bold', indent: 14, gapAfter: 0.15 });
					writeBlocks(printableBlocks(measure.description), 14);
				}
			}
		}
	}
	for (const section of snapshot.sections) {
		doc.addPage();
		mark(section.anchor, section.title);
		write(section.title, { size: 18, weight: 'bold', gapAfter: 0.5 });
		writeBlocks(printableBlocks(section.paragraphs.map((paragraph) => paragraph.markdown).join('\n\n')), 0);
	}

	// Appendix
	doc.addPage();
	mark('appendix', labels.appendix);
	write(labels.appendix, { size: 18, weight: 'bold', gapAfter: 0.6 });
	write(labels.figures, { size: 13.5, weight: 'bold', gapAfter: 0.4 });
	for (const row of labels.figureRows) {
		keepWithNext(20);
		const y = doc.y;
		doc.font('latin-regular').fontSize(10.5).fillColor(INK).text(row.label, MARGIN, y, { width: width - 90 });
		const after = doc.y;
		doc.font('latin-bold').text(String(row.value), MARGIN + width - 80, y, { width: 80, align: 'right' });
		doc.y = Math.max(after, doc.y) + 3;
	}
	write(labels.organisations, { size: 13.5, weight: 'bold', gapBefore: 1, gapAfter: 0.4 });
	if (submission.organisations.length === 0) write(labels.noOrganisations, { size: 10.5, color: MUTED });
	for (const organisation of submission.organisations) {
		write(`${organisation.name} (${organisation.sector})`, { size: 10.5, gapAfter: 0.15 });
	}
	keepWithNext(90);
	write('', { size: 4, gapBefore: 1 });
	mark('appendix-comments', labels.comments, 'appendix');
	write(labels.comments, { size: 13.5, weight: 'bold', gapAfter: 0.4 });
	write(labels.commentsIntro, { size: 10.5, color: MUTED, gapAfter: 0.4 });
	let passage = '';
	submission.comments.forEach((comment, index) => {
		// A passage's heading never ends a page; each comment is numbered as in the DOCX table.
		keepWithNext(comment.passage === passage ? 40 : 70);
		if (comment.passage !== passage) write(comment.passage, { size: 11, weight: 'bold', gapBefore: 0.4, gapAfter: 0.2 });
		passage = comment.passage;
		write(`${index + 1}. ${comment.body}`, { size: 10.5, indent: 14, gapAfter: 0.15 });
		write(comment.answer ? `${comment.status}. ${comment.answer}` : comment.status, { size: 10, indent: 14, color: MUTED, gapAfter: 0.5 });
	});
	if (labels.commentsOmitted) write(labels.commentsOmitted, { size: 10.5, color: MUTED, gapBefore: 0.4 });

	// Contents, now that pages are known
	doc.switchToPage(contentsStart);
	doc.y = MARGIN;
	write(labels.contents, { size: 18, weight: 'bold', gapAfter: 0.8 });
	let page = contentsStart;
	for (const entry of contents) {
		if (doc.y + CONTENTS_LINE > doc.page.height - MARGIN) {
			page++;
			doc.switchToPage(page);
			doc.y = MARGIN;
		}
		const y = doc.y;
		const indent = entry.level === 1 ? 0 : 18;
		const pageNumber = String((pageOf.get(entry.key) ?? 0) + 1);
		const { rightToLeft, runs } = directionalRuns(entry.title);
		const weight: Weight = entry.level === 1 ? 'bold' : 'regular';
		doc.fontSize(entry.level === 1 ? 11 : 10.5).fillColor(INK);
		if (!rightToLeft && runs.length === 1) {
			doc.font(`latin-${weight}`).text(entry.title, MARGIN + indent, y, { width: width - indent - 40, height: CONTENTS_LINE, ellipsis: true, lineBreak: false, goTo: entry.key });
		} else {
			const widths = runs.map((run) => doc.font(fontFor(run.text, weight)).widthOfString(run.text, shaping));
			let cursor = rightToLeft ? MARGIN + width - 44 - widths.reduce((sum, value) => sum + value, 0) : MARGIN + indent;
			runs.forEach((run, index) => {
				doc.font(fontFor(run.text, weight)).text(run.text, cursor, baselineOf(y, entry.level === 1 ? 11 : 10.5), { lineBreak: false, goTo: entry.key, ...shaping });
				cursor += widths[index];
			});
		}
		doc.font('latin-regular').text(pageNumber, MARGIN + width - 36, y, { width: 36, align: 'right', goTo: entry.key, lineBreak: false });
		doc.y = y + CONTENTS_LINE;
	}

	numberPages(doc, { left: MARGIN, width, fromBottom: 40, color: MUTED });
	doc.end();
	return finished;
}
