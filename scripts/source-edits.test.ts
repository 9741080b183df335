import { expect, it } from 'vitest';
import { editSource, type SourceEdit } from './source-edits';

const edits: SourceEdit[] = [
	{ file: 'some-package/dist/index.js', find: 'slow()', replace: 'fast()', why: 'a test' },
	{ file: 'some-package/dist/index.js', find: 'let a=1;', replace: 'let a=2;', why: 'a test' }
];

it('applies every edit of a file, and only to that file inside node_modules', () => {
	expect(editSource('/app/node_modules/some-package/dist/index.js?v=1', 'let a=1;slow();', edits)).toBe('let a=2;fast();');
	expect(editSource('/app/node_modules/other/dist/index.js', 'slow()', edits)).toBeUndefined();
	// A file of the same name outside node_modules is the project's own.
	expect(editSource('/app/src/some-package/dist/index.js', 'slow()', edits)).toBeUndefined();
});

it('refuses a file whose text is missing or no longer unique, naming the edit', () => {
	expect(() => editSource('/app/node_modules/some-package/dist/index.js', 'let a=1;', edits)).toThrow(/"slow\(\)" \(a test\)/);
	expect(() => editSource('/app/node_modules/some-package/dist/index.js', 'let a=1;slow();slow();', edits)).toThrow(/exactly one/);
});
