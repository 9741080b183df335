// A build step for ical-generator 9: its line folding counts the UTF-8 length of the whole calendar one
// character at a time, constructing a TextEncoder for each. A municipality's feed of 259 events (150 KB) took
// 365–560 ms to write, so under 50 connections not one feed was answered in five seconds. The edit counts
// the same bytes arithmetically. ical-generator fixed this in 11.0 (sebbo2002/ical-generator#765), which
// needs Node 22; on Node 20 its last release is 10.2, without the fix.
import type { SourceEdit } from './source-edits';

// `s` is one character, or a high surrogate with the character after it. TextEncoder writes a surrogate that
// is not part of a pair as U+FFFD, three bytes; the edit counts it the same way (scripts/ical-line-folding.test.ts).
const utf8Length = (unit: string) => `(${unit}<"\\x80"?1:${unit}<"\\u0800"?2:3)`;

export const icalFoldingEdits: SourceEdit[] = [
	{
		file: 'ical-generator/dist/index.js',
		why: 'line folding without a TextEncoder per character',
		find: 'let k=new TextEncoder().encode(s).length;',
		replace: `let k=s.length===1?${utf8Length('s')}:(s.charCodeAt(1)>=56320&&s.charCodeAt(1)<=57343?4:3+${utf8Length('s[1]')});`
	}
];
