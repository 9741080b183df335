// The annual report as PDF (pdfkit), set like the council submission: the bundled Noto fonts embedded
// as subsets, right-to-left runs ordered by the bidirectional algorithm. Indicator charts are drawn as
// vector paths from the same geometry as the public monitor's SVG charts.
import PDFDocument from 'pdfkit';
import { markerPath, type chartGeometry } from '$lib/components/monitoring/chart-geometry';
import { directionalRuns, isArabic } from '../../document/export/submission';
import { loadFonts, type Weight } from '../../document/export/pdf-fonts';
import { numberPages } from '../../document/export/pdf-page-numbers';

export type ReportIndicator = {
	name: string;
	subject: string;
	summary: string;
	/** Why the indicator is out of date as the report is generated; '' while it is not. */
	stale: string;
	baselineLabel: string;
	targetLabel: string;
	axisLabel: string;
	chart: ReturnType<typeof chartGeometry>;
};

type Figure = { label: string; value: number };

export type AnnualReport = {
	municipalityName: string;
	strategyTitle: string;
	year: number;
	/** Filled in when the file is written: the day of generation is not part of the cache key. */
	generatedOn: string;
	labels: {
		kind: string;
		edition: string;
		period: string;
		year: string;
		summary: string;
		measuresByStatus: string;
		indicatorsHeading: string;
		reviewHeading: string;
		noReview: string;
		goals: string;
		measures: string;
		noMeasures: string;
		indicators: string;
		findings: string;
		noFindings: string;
		axisTime: string;
		columns: { measure: string; owner: string; districts: string; status: string; progress: string };
	};
	summary: { measures: Figure[]; indicators: Figure[]; ratings: Figure[] | null };
	fields: {
		title: string;
		progress: string;
		goals: { title: string; progress: string }[];
		measures: { title: string; owner: string; districts: string; status: string; progress: string }[];
		indicators: ReportIndicator[];
		findings: { goal: string; rating: string; findings: string }[];
	}[];
};


const MARGIN = 56;
const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const RULE = '#9aa0a6';
const CHART_WIDTH = 400;

type Style = { size: number; weight?: Weight; color?: string; indent?: number; gapBefore?: number; gapAfter?: number };

const tickFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

export function writeAnnualReportPdf(report: AnnualReport, fontDir: string): Promise<Buffer> {
	const fonts = loadFonts(fontDir);
	const { labels } = report;
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
		bufferPages: true,
		lang: 'de-DE',
		displayTitle: true,
		pdfVersion: '1.7',
		info: { Title: `${labels.kind} ${report.year} – ${report.strategyTitle}, ${labels.edition}`, Author: report.municipalityName, Subject: labels.kind, Creator: 'Leitbild' }
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
	const bottomLimit = () => doc.page.height - MARGIN;
	// As in the council PDF: features make pdfkit shape a run as a whole; runs share the Latin baseline.
	const shaping = { features: ['kern' as const], baseline: 'alphabetic' as const };
	const baselineOf = (top: number, size: number) => top + size * 1.069;
	const fontFor = (text: string, weight: Weight) => `${isArabic(text) ? 'arabic' : 'latin'}-${weight}`;
	const hasRightToLeft = (text: string) => directionalRuns(text).runs.some((run) => run.rightToLeft);

	/** Lines of a text with right-to-left runs, broken by measured width. */
	function breakLines(text: string, weight: Weight, size: number, available: number): string[] {
		doc.fontSize(size);
		const measure = (piece: string) => doc.font(fontFor(piece, weight)).widthOfString(piece, shaping);
		const lines: string[] = [];
		for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
			const current = lines.at(-1);
			if (current !== undefined && measure(`${current} ${word}`) <= available) lines[lines.length - 1] = `${current} ${word}`;
			else lines.push(word);
		}
		return lines;
	}

	const lineHeightOf = (text: string, weight: Weight, size: number) => doc.fontSize(size).font(fontFor(text, weight)).currentLineHeight(true) + 2;

	function heightOf(text: string, weight: Weight, size: number, available: number): number {
		if (text.length === 0) return 0;
		if (!hasRightToLeft(text)) return doc.font(`latin-${weight}`).fontSize(size).heightOfString(text, { width: available, lineGap: 2 });
		return breakLines(text, weight, size, available).reduce((sum, line) => sum + lineHeightOf(line, weight, size), 0);
	}

	function writeLine(line: string, weight: Weight, size: number, x: number, y: number, available: number) {
		const { rightToLeft, runs } = directionalRuns(line);
		const widths = runs.map((run) => doc.font(fontFor(run.text, weight)).fontSize(size).widthOfString(run.text, shaping));
		let cursor = rightToLeft ? x + available - widths.reduce((sum, value) => sum + value, 0) : x;
		runs.forEach((run, index) => {
			doc.font(fontFor(run.text, weight)).text(run.text, cursor, baselineOf(y, size), { lineBreak: false, ...shaping });
			cursor += widths[index];
		});
	}

	/** A text at a fixed place without page breaks (table cells); returns the y below it. */
	function writeAt(text: string, style: Style, x: number, y: number, available: number): number {
		const weight = style.weight ?? 'regular';
		doc.fillColor(style.color ?? INK).fontSize(style.size);
		if (!hasRightToLeft(text)) {
			doc.font(`latin-${weight}`).text(text, x, y, { width: available, lineGap: 2 });
			return doc.y;
		}
		let top = y;
		for (const line of breakLines(text, weight, style.size, available)) {
			writeLine(line, weight, style.size, x, top, available);
			top += lineHeightOf(line, weight, style.size);
		}
		return top;
	}

	/** A paragraph in the flow of the page, breaking pages where needed. */
	function write(text: string, style: Style) {
		const weight = style.weight ?? 'regular';
		const indent = style.indent ?? 0;
		if (style.gapBefore) doc.moveDown(style.gapBefore);
		const x = MARGIN + indent;
		const available = width - indent;
		doc.fillColor(style.color ?? INK).fontSize(style.size);
		if (!hasRightToLeft(text)) {
			doc.font(`latin-${weight}`).text(text, x, doc.y, { width: available, lineGap: 2 });
		} else {
			for (const line of breakLines(text, weight, style.size, available)) {
				const lineHeight = lineHeightOf(line, weight, style.size);
				if (doc.y + lineHeight > bottomLimit()) doc.addPage();
				const y = doc.y;
				doc.fillColor(style.color ?? INK);
				writeLine(line, weight, style.size, x, y, available);
				doc.x = x;
				doc.y = y + lineHeight;
			}
		}
		doc.x = MARGIN;
		if (style.gapAfter) doc.moveDown(style.gapAfter);
	}

	function keepWithNext(height: number) {
		if (doc.y + height > bottomLimit()) doc.addPage();
	}

	function figureRows(rows: Figure[]) {
		for (const row of rows) {
			keepWithNext(18);
			const y = doc.y;
			doc.font('latin-regular').fontSize(10.5).fillColor(INK).text(row.label, MARGIN + 12, y, { width: width - 102 });
			const after = doc.y;
			doc.font('latin-bold').text(String(row.value), MARGIN + width - 80, y, { width: 80, align: 'right' });
			doc.y = Math.max(after, doc.y) + 3;
		}
		doc.x = MARGIN;
	}

	const columnShares = [0.34, 0.23, 0.18, 0.14, 0.11];
	const columnWidths = columnShares.map((share) => share * width);
	const columnX = columnWidths.map((_, index) => MARGIN + columnWidths.slice(0, index).reduce((sum, value) => sum + value, 0));
	const CELL_PAD = 3;

	function tableRow(cells: string[], weight: Weight) {
		const size = 8.5;
		const height = Math.max(...cells.map((cell, index) => heightOf(cell, weight, size, columnWidths[index] - 2 * CELL_PAD))) + 2 * CELL_PAD;
		return {
			height,
			draw(y: number) {
				cells.forEach((cell, index) => writeAt(cell, { size, weight }, columnX[index] + CELL_PAD, y + CELL_PAD, columnWidths[index] - 2 * CELL_PAD));
				doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
			}
		};
	}

	function measuresTable(rows: AnnualReport['fields'][number]['measures']) {
		const { columns } = labels;
		const header = tableRow([columns.measure, columns.owner, columns.districts, columns.status, columns.progress], 'bold');
		const drawHeader = () => {
			const y = doc.y;
			header.draw(y);
			doc.y = y + header.height;
		};
		keepWithNext(header.height + 30);
		drawHeader();
		for (const measure of rows) {
			const row = tableRow([measure.title, measure.owner, measure.districts, measure.status, measure.progress], 'regular');
			if (doc.y + row.height > bottomLimit()) {
				doc.addPage();
				drawHeader();
			}
			const y = doc.y;
			row.draw(y);
			doc.y = y + row.height;
		}
		doc.x = MARGIN;
		doc.moveDown(0.6);
	}

	// pdfkit takes a whole dash pattern as an array of lengths; its type declarations know only one length.
	const dashPattern = doc.dash.bind(doc) as unknown as (lengths: number[], options: object) => void;

	function drawChart(indicator: ReportIndicator) {
		const chart = indicator.chart;
		const scale = CHART_WIDTH / chart.width;
		const height = chart.height * scale;
		const x0 = MARGIN;
		const y0 = doc.y + 12;
		doc.font('latin-bold').fontSize(7.5).fillColor(MUTED).text(indicator.axisLabel, x0, doc.y, { lineBreak: false });
		doc.save();
		doc.translate(x0, y0).scale(scale);
		doc.lineWidth(1);
		for (const tick of chart.yTicks) doc.moveTo(chart.plot.left, tick.y).lineTo(chart.plot.right, tick.y).strokeColor('#e5e7eb').stroke();
		doc.strokeColor('#4a5360');
		for (const tick of chart.xTicks) doc.moveTo(tick.x, chart.plot.bottom).lineTo(tick.x, chart.plot.bottom + 5).stroke();
		doc.moveTo(chart.plot.left, chart.plot.bottom).lineTo(chart.plot.right, chart.plot.bottom).stroke();
		doc.moveTo(chart.plot.left, chart.plot.top).lineTo(chart.plot.left, chart.plot.bottom).stroke();
		doc.lineWidth(2).strokeColor('#1b1f24');
		dashPattern([2, 5], {});
		doc.moveTo(chart.plot.left, chart.target.y).lineTo(chart.plot.right, chart.target.y).stroke();
		doc.undash();
		doc.path(markerPath('diamond', chart.target.x, chart.target.y, 6)).fillAndStroke('#ffffff', '#1b1f24');
		doc.path(markerPath('square', chart.baseline.x, chart.baseline.y, 5)).fillAndStroke('#ffffff', '#1b1f24');
		for (const series of chart.series) {
			if (series.points.length > 1) {
				doc.lineWidth(2.5).strokeColor(series.colour);
				const dash = series.dash.split(' ').filter((part) => part.length > 0).map(Number);
				if (dash.length > 0) dashPattern(dash, {});
				doc.path(series.path).stroke();
				doc.undash();
			}
			for (const point of series.points) doc.path(markerPath(series.marker, point.x, point.y)).fill(series.colour);
		}
		doc.restore();
		// Labels are set in page coordinates, so their size does not depend on the chart's scale.
		doc.font('latin-regular').fontSize(7.5).fillColor(MUTED);
		for (const tick of chart.yTicks) {
			doc.text(tickFormat.format(tick.value), x0 - 20, y0 + tick.y * scale - 4, { width: (chart.plot.left - 6) * scale + 20, align: 'right', lineBreak: false });
		}
		for (const tick of chart.xTicks) {
			if (tick.x < chart.plot.right - 10) doc.text(String(tick.year), x0 + (tick.x + 4) * scale, y0 + (chart.plot.bottom + 8) * scale, { lineBreak: false });
		}
		doc.font('latin-bold').text(labels.axisTime, x0 + chart.plot.left * scale, y0 + (chart.height - 14) * scale, { width: (chart.plot.right - chart.plot.left) * scale, align: 'center', lineBreak: false });
		doc.x = MARGIN;
		doc.y = y0 + height + 6;
	}

	// Cover
	doc.y = 150;
	write(report.municipalityName, { size: 14, color: MUTED, gapAfter: 0.6 });
	write(labels.kind, { size: 13, weight: 'bold', color: MUTED, gapAfter: 1.2 });
	write(report.strategyTitle, { size: 28, weight: 'bold', gapAfter: 0.6 });
	write(labels.edition, { size: 16, gapAfter: 0.2 });
	write(labels.period, { size: 13, color: MUTED, gapAfter: 2 });
	write(labels.year, { size: 16, weight: 'bold', gapAfter: 0.3 });
	write(report.generatedOn, { size: 12, color: MUTED });

	// Summary figures
	doc.addPage();
	doc.outline.addItem(labels.summary);
	write(labels.summary, { size: 18, weight: 'bold', gapAfter: 0.6 });
	write(labels.measuresByStatus, { size: 13, weight: 'bold', gapAfter: 0.3 });
	figureRows(report.summary.measures);
	write(labels.indicatorsHeading, { size: 13, weight: 'bold', gapBefore: 0.8, gapAfter: 0.3 });
	figureRows(report.summary.indicators);
	write(labels.reviewHeading, { size: 13, weight: 'bold', gapBefore: 0.8, gapAfter: 0.3 });
	if (report.summary.ratings) figureRows(report.summary.ratings);
	else write(labels.noReview, { size: 10.5, color: MUTED });

	// One part per field of action
	for (const field of report.fields) {
		doc.addPage();
		const outline = doc.outline.addItem(field.title);
		write(field.title, { size: 18, weight: 'bold', gapAfter: 0.2 });
		write(field.progress, { size: 11, color: MUTED, gapAfter: 0.8 });

		write(labels.goals, { size: 13, weight: 'bold', gapAfter: 0.3 });
		for (const goal of field.goals) {
			keepWithNext(34);
			write(goal.title, { size: 10.5, weight: 'bold', indent: 12, gapAfter: 0.05 });
			write(goal.progress, { size: 9.5, color: MUTED, indent: 12, gapAfter: 0.3 });
		}

		keepWithNext(60);
		outline.addItem(labels.measures);
		write(labels.measures, { size: 13, weight: 'bold', gapBefore: 0.6, gapAfter: 0.3 });
		if (field.measures.length === 0) write(labels.noMeasures, { size: 10.5, color: MUTED, gapAfter: 0.6 });
		else measuresTable(field.measures);

		if (field.indicators.length > 0) {
			keepWithNext(60 + (CHART_WIDTH / 640) * 320);
			outline.addItem(labels.indicators);
			write(labels.indicators, { size: 13, weight: 'bold', gapAfter: 0.3 });
			for (const indicator of field.indicators) {
				keepWithNext(70 + (CHART_WIDTH / 640) * indicator.chart.height);
				write(indicator.name, { size: 11, weight: 'bold', gapAfter: 0.05 });
				write(indicator.subject, { size: 9, color: MUTED, gapAfter: 0.2 });
				drawChart(indicator);
				write(indicator.summary, { size: 9.5, gapAfter: 0.1 });
				if (indicator.stale) write(indicator.stale, { size: 9.5, weight: 'bold', gapAfter: 0.1 });
				write(`${indicator.baselineLabel} · ${indicator.targetLabel}`, { size: 9, color: MUTED, gapAfter: 0.8 });
			}
		}

		keepWithNext(50);
		outline.addItem(labels.findings);
		write(labels.findings, { size: 13, weight: 'bold', gapBefore: 0.4, gapAfter: 0.3 });
		if (field.findings.length === 0) write(labels.noFindings, { size: 10.5, color: MUTED });
		for (const finding of field.findings) {
			keepWithNext(40);
			write(`${finding.goal}: ${finding.rating}`, { size: 10.5, weight: 'bold', gapAfter: 0.1 });
			if (finding.findings) write(finding.findings, { size: 10, indent: 12, gapAfter: 0.5 });
		}
	}

	numberPages(doc, { left: MARGIN, width, fromBottom: 36, color: MUTED });
	doc.end();
	return finished;
}
