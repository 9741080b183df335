import { describe, expect, it } from 'vitest';
import { csvRecord } from './csv';
import { csvDelimiterFor, sortableLocalTime } from './spreadsheet';

describe('files for spreadsheet programs', () => {
	it('separate by semicolons where the language writes a decimal comma, by commas elsewhere', () => {
		expect(['de', 'tr', 'uk', 'ru'].map((locale) => csvDelimiterFor(locale as 'de'))).toEqual([';', ';', ';', ';']);
		expect(csvDelimiterFor('en')).toBe(',');
		// Arabic is formatted with Latin digits and a decimal point here.
		expect(csvDelimiterFor('ar')).toBe(',');
	});

	it('quote a field holding the delimiter in use, a quote or a line break, and keep formulas as text', () => {
		expect(csvRecord(['a;b', 'c,d', 'x'], ';')).toBe('"a;b";c,d;x\r\n');
		expect(csvRecord(['a;b', 'c,d', 'x'], ',')).toBe('a;b,"c,d",x\r\n');
		expect(csvRecord(['sagt "ja"', 'eins\nzwei', '=SUMME(A1)', '-3', null, 7], ';')).toBe(`"sagt ""ja""";"eins\nzwei";"'=SUMME(A1)";"'-3";;7\r\n`);
	});

	it('write times in the municipality’s zone as sortable text, across the change to summer time', () => {
		const berlin = sortableLocalTime('Europe/Berlin');
		expect(berlin(new Date('2025-03-30T00:30:00Z'))).toBe('2025-03-30 01:30');
		expect(berlin(new Date('2025-03-30T01:30:00Z'))).toBe('2025-03-30 03:30');
		expect(berlin(new Date('2025-12-31T23:05:00Z'))).toBe('2026-01-01 00:05');
	});
});
