/**
 * The language a text a person wrote (an idea, a comment) shows by its script, where the script tells. Arabic
 * script is read as Arabic; Cyrillic as Ukrainian or Russian
 * by the letters only one of the two has. Latin script and Cyrillic without such letters tell nothing (undefined).
 */
export function scriptLanguage(text: string): 'ar' | 'uk' | 'ru' | undefined {
	if (/[\u0600-\u06FF\u0750-\u077F]/.test(text)) return 'ar';
	if (/[іїєґІЇЄҐ]/.test(text)) return 'uk';
	if (/[ыэъёЫЭЪЁ]/.test(text)) return 'ru';
	return undefined;
}

/**
 * The language to record for a text written on a page in pageLocale: what its script shows where it tells
 * (Arabic, Ukrainian, Russian), else the page's language when the text is written in that language's script.
 * Null when nothing can be said: Cyrillic that does not tell Ukrainian from Russian on a page in neither, or
 * Latin letters written on an Arabic, Ukrainian or Russian page.
 */
export function languageOfWriting(text: string, pageLocale: string): string | null {
	const shown = scriptLanguage(text);
	if (shown) return shown;
	const cyrillicPage = pageLocale === 'uk' || pageLocale === 'ru';
	if (/[\u0400-\u04FF]/.test(text)) return cyrillicPage ? pageLocale : null;
	return cyrillicPage || pageLocale === 'ar' ? null : pageLocale;
}
