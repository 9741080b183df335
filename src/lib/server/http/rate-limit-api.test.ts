import { expect, it } from 'vitest';
import { apiReadsPerMinute } from './rate-limit';

it('the API’s budget per address follows API_RATE_LIMIT_PER_MINUTE, and anything but a positive whole number keeps 600', () => {
	expect(apiReadsPerMinute(undefined)).toBe(600);
	expect(apiReadsPerMinute('1000000')).toBe(1_000_000);
	expect(apiReadsPerMinute(' 30 ')).toBe(30);
	for (const wrong of ['', '0', '-5', '12.5', 'viel', '1e9']) expect(apiReadsPerMinute(wrong)).toBe(600);
});
