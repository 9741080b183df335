import { expect, it } from 'vitest';
import { changedFields } from './audit-changes';

it('lists only the fields whose values differ, leaving out the record’s own time of change', () => {
	const before = { name: 'Altstadt', position: 1, tags: ['a'], updatedAt: '2026-01-01' };
	const after = { name: 'Innenstadt', position: 1, tags: ['a', 'b'], updatedAt: '2026-02-01' };
	expect(changedFields(before, after)).toEqual([
		{ field: 'name', before: 'Altstadt', after: 'Innenstadt' },
		{ field: 'tags', before: '["a"]', after: '["a","b"]' }
	]);
});

it('shows every field of a created or deleted record, empty values as missing', () => {
	expect(changedFields(null, { title: 'Neu', summary: '', count: 0 })).toEqual([
		{ field: 'title', before: null, after: 'Neu' },
		{ field: 'count', before: null, after: '0' }
	]);
	expect(changedFields({ title: 'Weg' }, null)).toEqual([{ field: 'title', before: 'Weg', after: null }]);
});

it('notices a field that appears or disappears, and an update that changed nothing', () => {
	expect(changedFields({ a: 1 }, { b: 2 })).toEqual([
		{ field: 'b', before: null, after: '2' },
		{ field: 'a', before: '1', after: null }
	]);
	expect(changedFields({ a: 1, updatedAt: 'x' }, { a: 1, updatedAt: 'y' })).toEqual([]);
});

it('leaves what is not a record to be shown as stored', () => {
	expect(changedFields([1, 2], [1, 2, 3])).toBeNull();
	expect(changedFields(null, 3)).toBeNull();
	expect(changedFields(null, null)).toEqual([]);
});
