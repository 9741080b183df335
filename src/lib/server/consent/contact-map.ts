// The map of a contact point's office: OpenStreetMap through the consent placeholder, only where
// the office has a position. The address itself stays plain text in the contact box.
import type { Cookies } from '@sveltejs/kit';
import { embedConsent } from './consent.http';
import { openStreetMapEmbedUrl } from './consent.providers';

type Positioned = { latitude: number | null; longitude: number | null } | null | undefined;

/** Asks for consent only where there is a map: asking opens the page's frame-src to the provider. */
export function contactMapOf(cookies: Cookies, locals: App.Locals, contact: Positioned) {
	if (!contact || contact.latitude === null || contact.longitude === null) return null;
	return { consent: embedConsent(cookies, locals, 'openstreetmap'), src: openStreetMapEmbedUrl(contact.latitude, contact.longitude) };
}

export type ContactMap = ReturnType<typeof contactMapOf>;
