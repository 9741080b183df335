// The council submission as DOCX (docx), for offices that edit the submission before it goes to the
// council. Word sets Arabic itself; runs only say which script and direction they carry.
import {
	AlignmentType,
	Bookmark,
	Document,
	Footer,
	HeadingLevel,
	Packer,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableOfContents,
	TableRow,
	TextRun,
	WidthType,
	type IParagraphOptions,
	type ParagraphChild
} from 'docx';
import { contentsOf, directionalRuns, isArabic, printableBlocks, type CouncilSubmission, type TextBlock } from './submission';

const LATIN_FONT = 'Noto Sans';
const ARABIC_FONT = 'Noto Sans Arabic';

// Word bookmark names: letters and digits, at most 40 characters.
const bookmarkOf = (key: string) => key.replace(/[^A-Za-z0-9]/g, '').slice(0, 40);

/** Runs in logical order: Word applies the bidirectional algorithm itself, given each run's direction. */
function runsOf(text: string, options: { bold?: boolean; size?: number; color?: string } = {}): TextRun[] {
	const { runs } = directionalRuns(text);
	const logical = runs.some((run) => run.rightToLeft) ? splitByScript(text) : [{ text, arabic: false }];
	return logical.map(
		(run) =>
			new TextRun({
				text: run.text,
				bold: options.bold,
				size: options.size,
				color: options.color,
				rightToLeft: run.arabic,
				font: run.arabic ? { ascii: ARABIC_FONT, hAnsi: ARABIC_FONT, cs: ARABIC_FONT } : { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: ARABIC_FONT },
				language: run.arabic ? { value: 'de-DE', bidirectional: 'ar-SA' } : undefined
			})
	);
}

function splitByScript(text: string): { text: string; arabic: boolean }[] {
	const parts: { text: string; arabic: boolean }[] = [];
	for (const word of text.split(/(\s+)/)) {
		if (word.length === 0) continue;
		const last = parts.at(-1);
		// Spaces join the run they follow, so that Arabic words stay one run.
		const arabic = /^\s+$/.test(word) && last ? last.arabic : isArabic(word);
		if (last && last.arabic === arabic) last.text += word;
		else parts.push({ text: word, arabic });
	}
	return parts;
}

function paragraph(text: string, options: IParagraphOptions & { bold?: boolean; size?: number; color?: string } = {}): Paragraph {
	const { bold, size, color, ...paragraphOptions } = options;
	const { rightToLeft } = directionalRuns(text);
	return new Paragraph({ ...paragraphOptions, bidirectional: rightToLeft, children: runsOf(text, { bold, size, color }) });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], key: string, pageBreakBefore = false): Paragraph {
	const { rightToLeft } = directionalRuns(text);
	const children: ParagraphChild[] = [new Bookmark({ id: bookmarkOf(key), children: runsOf(text) })];
	return new Paragraph({ heading: level, pageBreakBefore, bidirectional: rightToLeft, keepNext: true, children });
}

function blocks(list: TextBlock[], indent = 0): Paragraph[] {
	return list.map((block) => {
		const left = indent + (block.kind === 'item' ? 280 * block.depth : block.kind === 'quote' ? 360 : 0);
		if (block.kind === 'heading') return paragraph(block.text, { bold: true, spacing: { before: 160, after: 80 }, indent: { left } });
		return paragraph(block.text, { spacing: { after: 120 }, indent: { left } });
	});
}

const cellParagraphs = (text: string, options: { bold?: boolean } = {}) => text.split(/\n+/).map((line) => paragraph(line, { ...options, spacing: { after: 60 } }));

/**
 * The comments as the table administrations weigh statements in (an Abwägungstabelle): number, passage,
 * comment, and how it was taken into account; the header row repeats on every page.
 */
function commentTable(submission: CouncilSubmission): Table {
	const columns = submission.labels.commentColumns;
	const widths = [8, 27, 35, 30];
	const row = (cells: Paragraph[][], header = false) =>
		new TableRow({
			tableHeader: header,
			children: cells.map((children, index) => new TableCell({ width: { size: widths[index], type: WidthType.PERCENTAGE }, children }))
		});
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			row([columns.number, columns.passage, columns.comment, columns.consideration].map((text) => cellParagraphs(text, { bold: true })), true),
			...submission.comments.map((comment, index) =>
				row([cellParagraphs(String(index + 1)), cellParagraphs(comment.passage), cellParagraphs(comment.body), [...cellParagraphs(comment.status), ...(comment.answer ? cellParagraphs(comment.answer) : [])]])
			)
		]
	});
}

export async function writeSubmissionDocx(submission: CouncilSubmission): Promise<Buffer> {
	const { labels, snapshot } = submission;
	const body: (Paragraph | Table | TableOfContents)[] = [];

	body.push(
		paragraph(submission.municipalityName, { size: 28, color: '4A4A4A', spacing: { before: 2400, after: 200 } }),
		paragraph(labels.kind, { bold: true, size: 26, color: '4A4A4A', spacing: { after: 480 } }),
		new Paragraph({ heading: HeadingLevel.TITLE, children: runsOf(submission.strategyTitle) }),
		paragraph(labels.edition, { size: 32, spacing: { after: 80 } }),
		paragraph(labels.period, { size: 26, color: '4A4A4A', spacing: { after: 720 } }),
		paragraph(labels.version, { bold: true, size: 26, spacing: { after: 80 } }),
		paragraph(labels.publishedOn, { size: 24, color: '4A4A4A' })
	);

	body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: runsOf(labels.contents) }));
	body.push(
		new TableOfContents(labels.contents, {
			hyperlink: true,
			headingStyleRange: '1-2',
			cachedEntries: contentsOf(submission).map((entry) => ({ title: entry.title, level: entry.level, href: bookmarkOf(entry.key) }))
		})
	);

	const chapter = (text: string, key: string) => body.push(heading(text, HeadingLevel.HEADING_1, key, true));

	if (snapshot.introduction.length > 0) {
		chapter(labels.introduction, 'introduction');
		body.push(...blocks(printableBlocks(snapshot.introduction.map((entry) => entry.markdown).join('\n\n'))));
	}
	for (const field of snapshot.fields) {
		chapter(`${field.number} ${field.title}`, field.anchor);
		body.push(...blocks(printableBlocks(field.description)));
		for (const goal of field.goals) {
			body.push(heading(`${goal.number} ${goal.title}`, HeadingLevel.HEADING_2, goal.anchor));
			body.push(...blocks(printableBlocks(goal.description)));
			if (goal.measures.length > 0) {
				body.push(paragraph(labels.measures, { bold: true, color: '4A4A4A', spacing: { before: 120, after: 80 }, keepNext: true }));
				for (const measure of goal.measures) {
					body.push(paragraph(`${measure.number} ${measure.title}`, { bold: true, indent: { left: 280 }, spacing: { after: 60 }, keepNext: true }));
					body.push(...blocks(printableBlocks(measure.description), 280));
				}
			}
		}
	}
	for (const section of snapshot.sections) {
		chapter(section.title, section.anchor);
		body.push(...blocks(printableBlocks(section.paragraphs.map((entry) => entry.markdown).join('\n\n'))));
	}

	chapter(labels.appendix, 'appendix');
	body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: runsOf(labels.figures) }));
	body.push(
		new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			rows: labels.figureRows.map(
				(row) =>
					new TableRow({
						children: [
							new TableCell({ width: { size: 80, type: WidthType.PERCENTAGE }, children: [paragraph(row.label)] }),
							new TableCell({ width: { size: 20, type: WidthType.PERCENTAGE }, children: [paragraph(String(row.value), { alignment: AlignmentType.RIGHT })] })
						]
					})
			)
		})
	);
	body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 360 }, children: runsOf(labels.organisations) }));
	if (submission.organisations.length === 0) body.push(paragraph(labels.noOrganisations));
	for (const organisation of submission.organisations) body.push(paragraph(`${organisation.name} (${organisation.sector})`, { spacing: { after: 60 } }));
	body.push(heading(labels.comments, HeadingLevel.HEADING_2, 'appendix-comments'));
	body.push(paragraph(labels.commentsIntro, { spacing: { after: 160 } }));
	if (submission.comments.length > 0) body.push(commentTable(submission));
	if (labels.commentsOmitted) body.push(paragraph(labels.commentsOmitted, { spacing: { before: 160 } }));

	const document = new Document({
		title: `${submission.strategyTitle} – ${labels.edition}`,
		creator: submission.municipalityName,
		subject: labels.kind,
		features: { updateFields: true },
		styles: {
			default: {
				document: { run: { font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: ARABIC_FONT }, size: 21 } }
			}
		},
		sections: [
			{
				properties: { titlePage: true },
				footers: {
					default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] })
				},
				children: body
			}
		]
	});
	return Packer.toBuffer(document);
}
