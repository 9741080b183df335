import { expect, it } from 'vitest';
import { onFirstUse } from './first-use';

it('loads nothing until first asked, then once for every caller', async () => {
	let loads = 0;
	const get = onFirstUse(async () => ({ loaded: ++loads }));
	expect(loads).toBe(0);
	const [first, second] = await Promise.all([get(), get()]);
	expect(first).toBe(second);
	expect(await get()).toBe(first);
	expect(loads).toBe(1);
});
