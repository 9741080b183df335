// Structured data for search engines and link previews, built from what the page shows anyway.

/** JSON inside <script type="application/ld+json">: `<` escaped so no text can close the script element. */
export function jsonLdScript(data: object): string {
	return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

export function newsArticleJsonLd({
	url,
	title,
	lead,
	publishedAt,
	updatedAt,
	municipalityName,
	place,
	tags
}: {
	url: string;
	title: string;
	lead: string;
	publishedAt: Date | null;
	updatedAt: Date;
	municipalityName: string;
	place: string;
	tags: string[];
}) {
	const publisher = { '@type': 'GovernmentOrganization', name: municipalityName };
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		mainEntityOfPage: url,
		url,
		headline: title.slice(0, 110),
		...(lead ? { description: lead } : {}),
		datePublished: (publishedAt ?? updatedAt).toISOString(),
		dateModified: updatedAt.toISOString(),
		author: publisher,
		publisher,
		inLanguage: 'de',
		...(place ? { locationCreated: { '@type': 'Place', name: place } } : {}),
		...(tags.length > 0 ? { keywords: tags.join(', ') } : {})
	};
}

/** An instant as local wall time with its UTC offset, e.g. 2027-02-05T18:00:00+01:00: what the event's town reads on its clocks. */
export function isoWithOffset(instant: Date, timeZone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' })
			.formatToParts(instant)
			.map((part) => [part.type, part.value])
	);
	const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** "Klemensstraße 10, 48143 Münster" → street, postal code and town; anything else stays the street line. */
function postalAddressOf(address: string, fallbackLocality: string) {
	const match = /^(.*?),?\s*(\d{5})\s+([^,]+)$/.exec(address.trim());
	const base = { '@type': 'PostalAddress', addressCountry: 'DE' };
	if (match) return { ...base, streetAddress: match[1].trim(), postalCode: match[2], addressLocality: match[3].trim() };
	return { ...base, ...(address ? { streetAddress: address } : {}), addressLocality: fallbackLocality };
}

/** Markdown cut down to its words, for descriptions read outside the page (search results, link previews). */
export const plainText = (markdown: string) =>
	markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
		.replace(/[*_`~]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 500);

export function eventJsonLd({
	url,
	title,
	description,
	startsAt,
	endsAt,
	timeZone,
	cancelled,
	place,
	address,
	latitude,
	longitude,
	onlineUrl,
	organiser,
	municipalityName,
	municipalityUrl
}: {
	url: string;
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	timeZone: string;
	cancelled: boolean;
	place: string;
	address: string;
	latitude: number | null;
	longitude: number | null;
	onlineUrl: string;
	organiser: string;
	municipalityName: string;
	municipalityUrl: string;
}) {
	const physical = Boolean(place || address);
	const venue = {
		'@type': 'Place',
		name: place || address || municipalityName,
		address: postalAddressOf(address, municipalityName),
		...(latitude !== null && longitude !== null ? { geo: { '@type': 'GeoCoordinates', latitude, longitude } } : {})
	};
	const virtual = onlineUrl ? { '@type': 'VirtualLocation', url: onlineUrl } : null;
	const mode = physical && virtual ? 'MixedEventAttendanceMode' : virtual ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode';
	const text = plainText(description);
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: title,
		url,
		...(text ? { description: text } : {}),
		startDate: isoWithOffset(startsAt, timeZone),
		endDate: isoWithOffset(endsAt, timeZone),
		eventStatus: `https://schema.org/${cancelled ? 'EventCancelled' : 'EventScheduled'}`,
		eventAttendanceMode: `https://schema.org/${mode}`,
		location: physical && virtual ? [venue, virtual] : virtual ?? venue,
		organizer: organiser ? { '@type': 'Organization', name: organiser } : { '@type': 'GovernmentOrganization', name: municipalityName, url: municipalityUrl },
		inLanguage: 'de'
	};
}
