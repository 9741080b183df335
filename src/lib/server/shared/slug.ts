const transliterations: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ı: 'i', ø: 'o', ł: 'l' };

/** German-aware slugs: "Süd-Ost" → "sued-ost", "Münster" → "muenster". */
export function slugify(text: string): string {
	return text
		.toLowerCase()
		.replace(/[äöüßıøł]/g, (letter) => transliterations[letter])
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
