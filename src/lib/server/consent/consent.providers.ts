// Consent owns the list of external providers whose content we may embed, and the visitor's choice
// per provider. Nothing here talks to a provider: it only decides whether the page may.

export type TransmittedData = 'ip_address' | 'browser_data' | 'page_address';

export type ConsentProvider = {
	id: string;
	name: string;
	company: string;
	transmits: TransmittedData[];
	privacyPolicyUrl: string;
	/** Origins the embed loads frames from; they enter the page's CSP frame-src only where the embed is. */
	frameOrigins: string[];
};

export const consentProviders = [
	{
		id: 'openstreetmap',
		name: 'OpenStreetMap',
		company: 'OpenStreetMap Foundation, St John’s Innovation Centre, Cowley Road, Cambridge CB4 0WS, Vereinigtes Königreich',
		transmits: ['ip_address', 'browser_data', 'page_address'],
		privacyPolicyUrl: 'https://osmfoundation.org/wiki/Privacy_Policy',
		frameOrigins: ['https://www.openstreetmap.org']
	}
] as const satisfies readonly ConsentProvider[];

export type ConsentProviderId = (typeof consentProviders)[number]['id'];

export const isConsentProviderId = (value: unknown): value is ConsentProviderId => consentProviders.some((provider) => provider.id === value);

export function consentProvider(id: ConsentProviderId): ConsentProvider {
	return consentProviders.find((provider) => provider.id === id)!;
}

/** A map section of OpenStreetMap around a point, with a marker; about 600 × 300 m. */
export function openStreetMapEmbedUrl(latitude: number, longitude: number): string {
	const bbox = [longitude - 0.004, latitude - 0.0015, longitude + 0.004, latitude + 0.0015].map((n) => n.toFixed(5)).join(',');
	return `https://www.openstreetmap.org/export/embed.html?bbox=${bbox}&layer=mapnik&marker=${latitude.toFixed(5)},${longitude.toFixed(5)}`;
}

/** A plain link: following it is the visitor's own decision, so it needs no consent. */
export function openStreetMapRouteUrl(place: { latitude: number | null; longitude: number | null; address: string }): string {
	if (place.latitude !== null && place.longitude !== null) {
		return `https://www.openstreetmap.org/directions?to=${place.latitude.toFixed(5)}%2C${place.longitude.toFixed(5)}#map=17/${place.latitude.toFixed(5)}/${place.longitude.toFixed(5)}`;
	}
	return `https://www.openstreetmap.org/search?query=${encodeURIComponent(place.address)}`;
}
