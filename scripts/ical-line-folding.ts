// A build step for ical-generator 9: its line folding counts the UTF-8 length of the whole calendar one
// character at a time, constructing a TextEncoder for each. A municipality's feed of 259 events (150 KB) took
// 365–560 ms to write, so under 50 connections not one feed was answered in five seconds. The edit counts
// the same bytes arithmetically and copies each line in slices. ical-generator fixed the count in 11.0
// (sebbo2002/ical-generator#765), which needs Node 22; on Node 20 its last release is 10.2, without the fix.
import type { SourceEdit } from './source-edits';

// The folding, rewritten: each line is scanned by its UTF-8 code units and copied in slices between the folds,
// instead of one string appended to per character (a feed of 2,000 events, 1.2 MB, spent 29 % of its time
// collecting those strings). A high surrogate is read with the unit after it, as ical-generator reads it, and a
// surrogate outside a pair counts three bytes, as TextEncoder writes it (U+FFFD); the test compares every byte
// with the original (scripts/ical-line-folding.test.ts).
const originalLoop =
	'let e="",n=0;for(let i=0;i<t.length;i++){let s=t.charAt(i);s>="\\uD800"&&s<="\\uDBFF"&&(s+=t.charAt(++i));let k=new TextEncoder().encode(s).length;n+=k,n>74&&(e+=`\\r\n `,n=k),e+=s}return e';
const slicingLoop =
	'let e="",n=0,p=0;for(let i=0;i<t.length;i++){let o=i,c=t.charCodeAt(i),k;if(c>=55296&&c<=56319){i++;if(i<t.length){let d=t.charCodeAt(i);k=d>=56320&&d<=57343?4:3+(d<128?1:d<2048?2:3)}else k=3}else k=c<128?1:c<2048?2:3;n+=k;if(n>74){e+=t.slice(p,o)+`\\r\n `;p=o;n=k}}return e+t.slice(p)';

export const icalFoldingEdits: SourceEdit[] = [
	{
		file: 'ical-generator/dist/index.js',
		why: 'line folding without a TextEncoder per character, copied in slices',
		find: originalLoop,
		replace: slicingLoop
	}
];
