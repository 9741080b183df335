import { expect, it } from 'vitest';
import { apiReadsPerMinute } from './rate-limit';

it('the API’s budget per address follows API_RATE_LIMIT_PER_MINUTE, and anything but a positive whole number keeps 600', () => {
	expect(apiReadsPerMinute(undefined)).toBe(600);
	expect(apiReadsPerMinute('1000000')).toBe(1_000_000);
	expect(apiReadsPerMinute(' 30 ')).toBe(30);
	for (const wrong of ['', '0', '-5', '12.5', 'viel', '1e9']) expect(apiReadsPerMinute(wrong)).toBe(600);
});

it('a value the API budget cannot use stops the start with the variable named, instead of keeping 600 unannounced', async () => {
	const { readConfig } = await import('../config');
	for (const usable of ['1000000', ' 30 ', '999999999']) expect(() => readConfig({ API_RATE_LIMIT_PER_MINUTE: usable })).not.toThrow();
	expect(() => readConfig({})).not.toThrow();
	for (const wrong of ['', '0', '-5', '12.5', 'viel', '1e9', '1000000000']) expect(() => readConfig({ API_RATE_LIMIT_PER_MINUTE: wrong }), wrong).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
	// What the start lets through, the budget uses as it is.
	for (const usable of ['1000000', ' 30 ', '999999999']) expect(apiReadsPerMinute(usable)).toBe(Number(usable));
});
