/**
 * The language a text a person wrote (an idea, a comment) shows by its script, where the script tells: which
 * language a resident wrote in is not recorded. Arabic script is read as Arabic; Cyrillic as Ukrainian or Russian
 * by the letters only one of the two has. Latin script and Cyrillic without such letters tell nothing (undefined).
 */
export function scriptLanguage(text: string): 'ar' | 'uk' | 'ru' | undefined {
	if (/[\u0600-\u06FF\u0750-\u077F]/.test(text)) return 'ar';
	if (/[іїєґІЇЄҐ]/.test(text)) return 'uk';
	if (/[ыэъёЫЭЪЁ]/.test(text)) return 'ru';
	return undefined;
}
