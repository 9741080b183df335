import { expect, it } from 'vitest';
import { eventJsonLd, jsonLdScript, newsArticleJsonLd } from './json-ld';

it('an article’s NewsArticle data parses as JSON with headline, dates, author and publisher, and cannot close its script', () => {
	const script = jsonLdScript(
		newsArticleJsonLd({
			url: 'https://leitbild.example.org/stadt/news/abschluss',
			title: 'Abschluss </script><script>alert(1)</script>',
			lead: 'Rund 120 Menschen kamen.',
			publishedAt: new Date('2025-01-24T19:00:00Z'),
			updatedAt: new Date('2025-01-25T08:00:00Z'),
			municipalityName: 'Stadt',
			place: 'Münster',
			tags: ['Münster', 'Göç']
		})
	);
	expect(script.match(/<\/script>/g)).toHaveLength(1);
	const data = JSON.parse(script.replace(/^<script type="application\/ld\+json">/, '').replace(/<\/script>$/, ''));
	expect(data).toMatchObject({
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		headline: 'Abschluss </script><script>alert(1)</script>',
		datePublished: '2025-01-24T19:00:00.000Z',
		dateModified: '2025-01-25T08:00:00.000Z',
		author: { '@type': 'GovernmentOrganization', name: 'Stadt' },
		publisher: { name: 'Stadt' },
		keywords: 'Münster, Göç'
	});
});

const scriptData = (script: string) => JSON.parse(script.replace(/^<script type="application\/ld\+json">/, '').replace(/<\/script>$/, ''));
const eventBase = {
	url: 'https://leitbild.example.org/stadt/events/1',
	description: '**Gemeinsam** planen: [Anmeldung](https://example.org) bis Freitag.',
	startsAt: new Date('2027-03-27T17:00:00Z'),
	endsAt: new Date('2027-03-28T18:00:00Z'),
	timeZone: 'Europe/Berlin',
	cancelled: false,
	place: 'Historisches Rathaus',
	address: 'Prinzipalmarkt 10, 48143 Münster',
	latitude: 51.9619,
	longitude: 7.6282,
	onlineUrl: '',
	organiser: '',
	municipalityName: 'Stadt',
	municipalityUrl: 'https://leitbild.example.org/stadt'
};

it('an event’s data names the event, its local times with offsets across the clock change, place, organiser and status, and cannot close its script', () => {
	const script = jsonLdScript(eventJsonLd({ ...eventBase, title: 'Werkstatt </script><script>alert(1)</script><!--' }));
	expect(script.match(/<\/script>/gi)).toHaveLength(1);
	expect(script).not.toContain('<!--');
	const data = scriptData(script);
	expect(data).toMatchObject({
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: 'Werkstatt </script><script>alert(1)</script><!--',
		url: eventBase.url,
		description: 'Gemeinsam planen: Anmeldung bis Freitag.',
		startDate: '2027-03-27T18:00:00+01:00',
		endDate: '2027-03-28T20:00:00+02:00',
		eventStatus: 'https://schema.org/EventScheduled',
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		location: {
			'@type': 'Place',
			name: 'Historisches Rathaus',
			address: { '@type': 'PostalAddress', streetAddress: 'Prinzipalmarkt 10', postalCode: '48143', addressLocality: 'Münster', addressCountry: 'DE' },
			geo: { '@type': 'GeoCoordinates', latitude: 51.9619, longitude: 7.6282 }
		},
		organizer: { '@type': 'GovernmentOrganization', name: 'Stadt', url: eventBase.municipalityUrl }
	});
	for (const property of ['name', 'startDate', 'endDate', 'location', 'eventStatus', 'eventAttendanceMode', 'organizer', 'url']) expect(data).toHaveProperty(property);
	expect(new Date(data.startDate).toISOString()).toBe('2027-03-27T17:00:00.000Z');
	expect(new Date(data.endDate).toISOString()).toBe('2027-03-28T18:00:00.000Z');
});

it('a cancelled online event is marked EventCancelled with a virtual location; another organiser is named as organiser', () => {
	const data = eventJsonLd({ ...eventBase, title: 'Online', cancelled: true, place: '', address: '', latitude: null, longitude: null, onlineUrl: 'https://meet.example.org/raum', organiser: 'Verein Brücke e. V.' });
	expect(data.eventStatus).toBe('https://schema.org/EventCancelled');
	expect(data.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
	expect(data.location).toEqual({ '@type': 'VirtualLocation', url: 'https://meet.example.org/raum' });
	expect(data.organizer).toEqual({ '@type': 'Organization', name: 'Verein Brücke e. V.' });
	const mixed = eventJsonLd({ ...eventBase, title: 'Beides', onlineUrl: 'https://meet.example.org/raum' });
	expect(mixed.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
	expect(mixed.location).toHaveLength(2);
});
