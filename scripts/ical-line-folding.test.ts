import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { icalFoldingEdits } from './ical-line-folding';
import { importOriginalAndEdited } from './source-edits.testing';

// The ES module build, which the server bundle imports (require would give the CommonJS one beside it).
const distFile = path.join(path.dirname(createRequire(import.meta.url).resolve('ical-generator')), 'index.js');
let removeCopies = () => {};
afterAll(() => removeCopies());

type IcalModule = { default: (data: object) => { createEvent(data: object): unknown; toString(): string } };

const texts = [
	'Sprachcafé im Stadtteilzentrum Nord, jeden Dienstag',
	'ä'.repeat(80),
	'x'.repeat(74) + 'ü' + 'y'.repeat(80),
	'مقهى اللغة في مركز الحي الشمالي، كل يوم ثلاثاء، للجميع ومجاناً، مع قهوة وشاي',
	'语言咖啡馆'.repeat(30),
	'Treffen 👋🏽 mit Familien 👨‍👩‍👧 '.repeat(6),
	// A surrogate that is not part of a pair, alone and before another character.
	'a'.repeat(73) + '\uD83D' + 'ß'.repeat(40) + '\uDC4B' + 'z'.repeat(70) + '\uD83D',
	// Long plain lines folded many times, and a fold right before a pair and right before a three-byte character.
	'Lorem '.repeat(200),
	'b'.repeat(73) + '👋' + 'c'.repeat(150),
	'd'.repeat(72) + '€€' + 'e'.repeat(300),
	// A surrogate without its pair at the end of a line, at every position around the fold.
	...Array.from({ length: 16 }, (_, i) => 'f'.repeat(60 + i) + '\uD83D')
];

it('folds every calendar exactly as ical-generator does, the same bytes with less work', async () => {
	expect(distFile.replaceAll('\\', '/')).toMatch(/node_modules\/ical-generator\/dist\/index\.js$/);
	const { original, edited, remove } = await importOriginalAndEdited<IcalModule>(distFile, icalFoldingEdits);
	removeCopies = remove;
	// Without a stamp each event's DTSTAMP is the moment of writing, and the two writes may fall in different seconds.
	const stamp = new Date(Date.UTC(2026, 0, 1));
	const write = (ical: IcalModule) => {
		const calendar = ical.default({ name: texts[0] });
		texts.forEach((text, i) =>
			calendar.createEvent({ id: `event-${i}`, start: new Date(Date.UTC(2027, 0, 1 + i, 15)), end: new Date(Date.UTC(2027, 0, 1 + i, 17)), stamp, summary: text, description: texts.join(' / '), location: text })
		);
		return calendar.toString();
	};
	const expected = write(original);
	expect(write(edited)).toBe(expected);
	// Folded at all: some lines continue on the next.
	expect(expected).toMatch(/\r\n [^\r]/);
});
