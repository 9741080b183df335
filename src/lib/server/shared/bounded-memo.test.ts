import { describe, expect, it } from 'vitest';
import { BoundedMemo } from './bounded-memo';

describe('BoundedMemo', () => {
	it('reads a key once until it is cleared', async () => {
		const memo = new BoundedMemo<number>(4);
		let reads = 0;
		const load = async () => ++reads;
		expect(await memo.get('a', load)).toBe(1);
		expect(await memo.get('a', load)).toBe(1);
		memo.clear();
		expect(await memo.get('a', load)).toBe(2);
	});

	it('keeps at most its limit, dropping the oldest', async () => {
		const memo = new BoundedMemo<string>(2);
		await memo.get('a', async () => 'a1');
		await memo.get('b', async () => 'b1');
		await memo.get('c', async () => 'c1');
		expect(memo.size).toBe(2);
		expect(await memo.get('a', async () => 'a2')).toBe('a2');
		expect(await memo.get('c', async () => 'c2')).toBe('c1');
	});

	it('forgets a failed read, so that the next caller reads again', async () => {
		const memo = new BoundedMemo<string>(2);
		await expect(memo.get('a', async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
		expect(memo.size).toBe(0);
		expect(await memo.get('a', async () => 'read')).toBe('read');
	});

	it('keeps a newer read when an older one of the same key fails after a clear', async () => {
		const memo = new BoundedMemo<string>(2);
		let fail!: (error: Error) => void;
		const older = memo.get('a', () => new Promise<string>((_, reject) => (fail = reject)));
		memo.clear();
		const newer = memo.get('a', async () => 'newer');
		fail(new Error('late failure'));
		await expect(older).rejects.toThrow('late failure');
		expect(await memo.get('a', async () => 'third')).toBe(await newer);
	});
});
