import { expect, it } from 'vitest';
import { scriptLanguage } from './written-language';

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
