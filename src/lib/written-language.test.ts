import { expect, it } from 'vitest';
import { languageOfWriting, scriptLanguage } from './written-language';

it.each([
	['دروس لغة في المساء', 'ar'],
	['Sprachkurs am Abend, bitte auch für Eltern: دروس لغة', 'ar'],
	['Мовні курси ввечері для батьків і дітей', 'uk'],
	['Языковые курсы вечером, объявление в школе', 'ru'],
	['Sprachkurse am Abend', undefined],
	['Evening language classes', undefined],
	['Akşam dil kursları', undefined],
	// Cyrillic both languages write alike: the script alone cannot tell.
	['Курси мови', undefined]
])('%s → %s', (text, language) => {
	expect(scriptLanguage(text)).toBe(language);
});

it.each([
	// The page's language where the text is written in its script.
	['Akşam dil kursları', 'tr', 'tr'],
	['Evening language classes', 'en', 'en'],
	['Sprachkurse am Abend', 'de', 'de'],
	// What the script shows wins over the page.
	['دروس لغة في المساء', 'de', 'ar'],
	['Мовні курси ввечері', 'en', 'uk'],
	['Курси мови', 'uk', 'uk'],
	['Курсы языка', 'ru', 'ru'],
	// Nothing can be said.
	['Курси мови', 'de', null],
	['Sprachkurse am Abend', 'ar', null],
	['Sprachkurse am Abend', 'uk', null]
])('%s written on a page in %s → %s', (text, pageLocale, language) => {
	expect(languageOfWriting(text, pageLocale)).toBe(language);
});
