import { expect, it } from 'vitest';
import { slugify } from './slug';

it('turns German names into readable URL parts', () => {
	expect(slugify('Münster')).toBe('muenster');
	expect(slugify('Süd-Ost')).toBe('sued-ost');
	expect(slugify('  Straße der Vielfalt! ')).toBe('strasse-der-vielfalt');
	expect(slugify('Çağrı Merkezi')).toBe('cagri-merkezi');
});
