import { expect, it } from 'vitest';
import { loadSharp } from './sharp';

it('loads sharp once, on first use, and hands every caller the same module', async () => {
	const first = loadSharp();
	expect(loadSharp()).toBe(first);
	const sharp = await first;
	const { data, info } = await sharp({ create: { width: 2, height: 1, channels: 3, background: '#ffffff' } })
		.png()
		.toBuffer({ resolveWithObject: true });
	expect(info.width).toBe(2);
	expect(data.subarray(1, 4).toString()).toBe('PNG');
});
