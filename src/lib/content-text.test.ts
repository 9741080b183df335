import { describe, expect, it } from 'vitest';
import { otherLanguages, pickText, type TranslationView } from './content-text';

const view = (locale: TranslationView['locale'], texts: Record<string, string> = {}, available: TranslationView['available'] = {}): TranslationView => ({ locale, texts, available });

describe('choosing the language a text is shown in', () => {
	it('an Arabic visitor reads the Arabic translation, marked Arabic and right to left', () => {
		const shown = pickText(view('ar', { 'goal:g1:title': 'تعزيز المشاركة' }), 'goal', 'g1', 'title', 'Teilhabe stärken');
		expect(shown).toEqual({ text: 'تعزيز المشاركة', lang: 'ar', dir: 'rtl', fallback: false });
	});

	it('without a translation in the visitor’s language the German original is shown, marked German and as a fallback', () => {
		const shown = pickText(view('tr', {}, { 'goal:g1': ['en'] }), 'goal', 'g1', 'title', 'Teilhabe stärken');
		expect(shown).toEqual({ text: 'Teilhabe stärken', lang: 'de', dir: 'ltr', fallback: true });
	});

	it('a translation of another field or another piece of content is never taken', () => {
		const texts = { 'goal:g2:title': 'Other goal', 'goal:g1:description': 'A description', 'measure:g1:title': 'A measure' };
		expect(pickText(view('en', texts), 'goal', 'g1', 'title', 'Teilhabe stärken').fallback).toBe(true);
	});

	it('German readers read the original, which is no fallback, even where translations exist', () => {
		const shown = pickText(view('de', { 'goal:g1:title': 'Strengthen participation' }), 'goal', 'g1', 'title', 'Teilhabe stärken');
		expect(shown).toEqual({ text: 'Teilhabe stärken', lang: 'de', dir: 'ltr', fallback: false });
	});

	it('an empty original is not announced as a German fallback', () => {
		expect(pickText(view('en'), 'edition', 'e1', 'summary', '  ').fallback).toBe(false);
	});

	it('the other languages offered are German first and the translations, without the visitor’s own', () => {
		const languages = view('en', {}, { 'goal:g1': ['en', 'ar'] });
		expect(otherLanguages(languages, 'goal', 'g1')).toEqual(['de', 'ar']);
		expect(otherLanguages(view('de', {}, { 'goal:g1': ['en', 'ar'] }), 'goal', 'g1')).toEqual(['en', 'ar']);
		expect(otherLanguages(view('uk'), 'goal', 'g9')).toEqual(['de']);
	});
});
