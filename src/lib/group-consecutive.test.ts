import { expect, it } from 'vitest';
import { groupConsecutive } from './group-consecutive';

it('groups neighbours with the same key and keeps a key that comes back as a group of its own', () => {
	const groups = groupConsecutive(['a1', 'a2', 'b1', 'a3'], (item) => item[0]);
	expect(groups).toEqual([
		{ key: 'a', items: ['a1', 'a2'] },
		{ key: 'b', items: ['b1'] },
		{ key: 'a', items: ['a3'] }
	]);
	expect(groupConsecutive([], String)).toEqual([]);
});
