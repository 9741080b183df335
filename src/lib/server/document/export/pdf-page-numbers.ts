// The page numbers of Leitbild's PDFs (council submission, annual report): centred in the bottom margin of
// every page but the title page.
import type PDFDocument from 'pdfkit';

export function numberPages(doc: InstanceType<typeof PDFDocument>, placement: { left: number; width: number; fromBottom: number; color: string }): void {
	const range = doc.bufferedPageRange();
	for (let index = 1; index < range.count; index++) {
		doc.switchToPage(range.start + index);
		// The margin is lifted while writing, so that pdfkit does not start a new page for text below it.
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		doc
			.font('latin-regular')
			.fontSize(9)
			.fillColor(placement.color)
			.text(`${index + 1}`, placement.left, doc.page.height - placement.fromBottom, { width: placement.width, align: 'center', lineBreak: false });
		doc.page.margins.bottom = bottom;
	}
}
