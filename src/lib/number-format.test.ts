import { expect, it } from 'vitest';
import { numberFormatter } from './number-format';

it('formats in the requested locale', () => {
	expect(numberFormatter('de').format(12345.5)).toBe('12.345,5');
	expect(numberFormatter('en').format(12345.5)).toBe('12,345.5');
	expect(numberFormatter('de', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(1500)).toBe('1.500\u00a0€');
});

it('reuses one formatter per locale and options, and never mixes them up', () => {
	expect(numberFormatter('de')).toBe(numberFormatter('de', {}));
	expect(numberFormatter('de', { maximumFractionDigits: 0 })).toBe(numberFormatter('de', { maximumFractionDigits: 0 }));
	expect(numberFormatter('de', { maximumFractionDigits: 0 })).not.toBe(numberFormatter('de', { maximumFractionDigits: 2 }));
	expect(numberFormatter('de')).not.toBe(numberFormatter('en'));
	expect(numberFormatter('de', { maximumFractionDigits: 0 }).format(2.6)).toBe('3');
});
