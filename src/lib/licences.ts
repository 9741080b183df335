// Licences open data is commonly published under in Germany. A source's licence is stored as text:
// one of these keys, or free text for anything else. Only a licence we know gets a link, so that a
// page never links an address someone typed into the licence field.
export const knownLicences = [
	{ key: 'dl-de-by-2.0', label: 'Datenlizenz Deutschland – Namensnennung – Version 2.0', url: 'https://www.govdata.de/dl-de/by-2-0' },
	{ key: 'dl-de-zero-2.0', label: 'Datenlizenz Deutschland – Zero – Version 2.0', url: 'https://www.govdata.de/dl-de/zero-2-0' },
	{ key: 'cc-by-4.0', label: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
	{ key: 'cc-by-sa-4.0', label: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
	{ key: 'cc0-1.0', label: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
	{ key: 'odbl-1.0', label: 'Open Database License (ODbL) 1.0', url: 'https://opendatacommons.org/licenses/odbl/1-0/' }
] as const;

export type LicenceKey = (typeof knownLicences)[number]['key'];

const normalise = (text: string) => text.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');

/** How a stored licence reads: a known one (by key, label or its own address) with its link, else the text as entered. */
export function describeLicence(stored: string): { label: string; url: string | null } {
	const wanted = normalise(stored);
	const known = knownLicences.find((licence) => [licence.key, licence.label, licence.url].some((form) => normalise(form) === wanted));
	return known ? { label: known.label, url: known.url } : { label: stored.trim(), url: null };
}
