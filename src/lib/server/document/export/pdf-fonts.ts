// The bundled Noto fonts of every PDF the platform writes (council submission, annual report), read
// once per font directory and embedded by pdfkit as subsets.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Weight = 'regular' | 'bold';
export type Fonts = Record<'latin' | 'arabic', Record<Weight, Buffer>>;

const fontCache = new Map<string, Fonts>();

export function loadFonts(fontDir: string): Fonts {
	let fonts = fontCache.get(fontDir);
	if (!fonts) {
		const read = (file: string) => readFileSync(path.join(fontDir, file));
		fonts = {
			latin: { regular: read('NotoSans-Regular.ttf'), bold: read('NotoSans-Bold.ttf') },
			arabic: { regular: read('NotoSansArabic-Regular.ttf'), bold: read('NotoSansArabic-Bold.ttf') }
		};
		fontCache.set(fontDir, fonts);
	}
	return fonts;
}
