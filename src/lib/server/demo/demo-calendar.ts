// Demo calendar: dates in Münster and Greven, both in the Münsterland region, from December 2026 through
// February 2027 as written (moved with the load day, see demo-coming-days.ts), spread over districts; two
// events of other organisers (one published, one waiting for review) and opening hours for the contact
// boxes. Every organiser, place and person is fictional.
import type { Database } from '../db/client';
import { selectDistrictChoices } from '../participation/calendar.queries';
import { insertEvent, selectMunicipalityIdBySlug } from '../participation/event.queries';
import type { EventPublication, EventType } from '../participation/event.schema';
import { wallClockToUtc } from '../participation/event.time';
import { selectMunicipalityBySlug, updateContactPoint } from '../tenancy/tenancy.queries';
import { comingDay } from './demo-coming-days';

type DemoCalendarEvent = {
	municipality: 'muenster' | 'greven';
	type: EventType;
	title: string;
	start: string;
	hours: number;
	place: string;
	address?: string;
	district?: string;
	description: string;
	status?: 'planned' | 'cancelled';
	organiser?: { name: string; email: string; publication: EventPublication };
};

const calendar: DemoCalendarEvent[] = [
	{ municipality: 'muenster', type: 'working_group_meeting', title: 'Begleitgruppe Umsetzung: Treffen zum Jahresbericht', start: '2026-12-02T17:00', hours: 2, place: 'Stadthaus 1, Raum 412', district: 'Mitte', description: 'Die Begleitgruppe schaut auf die Maßnahmen des ersten Umsetzungsjahres und bereitet den Jahresbericht vor.' },
	{ municipality: 'greven', type: 'information_event', title: 'Sprachcafé Reckenfeld', start: '2026-12-16T16:00', hours: 2, place: 'Bürgerhaus Reckenfeld', district: 'Reckenfeld', description: 'Deutsch sprechen bei Tee und Gebäck – für alle, die üben möchten, und alle, die gern zuhören.' },
	{ municipality: 'muenster', type: 'workshop', title: 'Werkstatt: Mehrsprachige Elternabende', start: '2027-01-14T18:00', hours: 2.5, place: 'Familienzentrum Kinderhaus', district: 'Nord', description: 'Kitas und Schulen tauschen aus, wie Elternabende in mehreren Sprachen gelingen.' },
	{ municipality: 'greven', type: 'workshop', title: 'Werkstatt Integrationskonzept: Arbeit und Ausbildung', start: '2027-02-03T18:00', hours: 2.5, place: 'Rathaus Greven, Ratssaal', district: 'Innenstadt', description: 'Betriebe, Kammern und Beratungsstellen sammeln, was den Einstieg in Ausbildung erleichtert.' },
	{ municipality: 'muenster', type: 'other', title: 'Wochenendseminar: Engagiert im Integrationsrat', start: '2027-02-19T16:00', hours: 48, place: 'Bildungsstätte am Aasee', district: 'West', description: 'Zwei Tage für alle, die im Integrationsrat mitarbeiten oder kandidieren möchten: Aufgaben, Rechte, Rederecht.' },
	{ municipality: 'greven', type: 'information_event', title: 'Bürgerinformation: Wohnen in Gimbte', start: '2027-02-17T19:00', hours: 1.5, place: 'Dorfgemeinschaftshaus Gimbte', district: 'Gimbte', description: 'Die Stadt informiert über neue Wohnungen und die Begleitung neu Zugezogener.', status: 'cancelled' },
	{ municipality: 'greven', type: 'other', title: 'Nachbarschaftsfest der Kulturen', start: '2027-02-26T15:00', hours: 4, place: 'Jugendzentrum Greven', district: 'Innenstadt', description: 'Musik, Essen aus vielen Küchen und ein Bücherflohmarkt. Eintritt frei.', organiser: { name: 'Initiative Miteinander Greven (Demo)', email: 'kontakt@miteinander-greven.example.org', publication: 'published' } },
	// A busy Saturday: more events than a day cell of the month grid lists, so the grid links to the whole day.
	{ municipality: 'muenster', type: 'information_event', title: 'Tag der offenen Vereine: Eröffnung', start: '2027-02-27T10:00', hours: 1, place: 'Rathaus, Festsaal', district: 'Mitte', description: 'Der Integrationsrat eröffnet den Tag, an dem Vereine aus der ganzen Stadt ihre Türen öffnen.' },
	{ municipality: 'muenster', type: 'other', title: 'Offene Tür im Nachbarschaftsverein Kinderhaus', start: '2027-02-27T11:00', hours: 3, place: 'Vereinsheim Kinderhaus', district: 'Nord', description: 'Mitglieder zeigen ihre Räume, ihre Hausaufgabenhilfe und ihren Nähkurs. Wer mitmachen möchte, ist willkommen.' },
	{ municipality: 'muenster', type: 'workshop', title: 'Kochwerkstatt: Suppen aus vielen Küchen', start: '2027-02-27T12:00', hours: 2, place: 'Stadtteilküche West', district: 'West', description: 'Gemeinsam kochen, probieren und Rezepte in mehreren Sprachen aufschreiben.' },
	{ municipality: 'muenster', type: 'information_event', title: 'Beratung: Einbürgerung Schritt für Schritt', start: '2027-02-27T14:00', hours: 1.5, place: 'Quartierstreff Hiltrup', district: 'Hiltrup', description: 'Die Einbürgerungsstelle erklärt Voraussetzungen und Unterlagen und beantwortet Fragen.' },
	{ municipality: 'muenster', type: 'other', title: 'Märchenstunde in fünf Sprachen', start: '2027-02-27T15:30', hours: 1, place: 'Stadtbücherei, Kinderbereich', district: 'Mitte', description: 'Eltern lesen dasselbe Märchen auf Arabisch, Deutsch, Russisch, Türkisch und Ukrainisch vor.' },
	{ municipality: 'muenster', type: 'other', title: 'Abschlusskonzert: Musik der Nachbarschaften', start: '2027-02-27T19:00', hours: 2.5, place: 'Bürgerhalle Nord', district: 'Nord', description: 'Chöre und Bands aus den Vereinen spielen zum Abschluss des Tages. Eintritt frei.' },
	{ municipality: 'muenster', type: 'other', title: 'Lesung: Zwei Sprachen, ein Zuhause', start: '2027-02-24T19:30', hours: 1.5, place: 'Stadtteilbücherei Hiltrup', district: 'Hiltrup', description: 'Autorinnen lesen Texte über das Aufwachsen mit zwei Sprachen, anschließend Gespräch.', organiser: { name: 'Literaturkreis Hiltrup e. V. (Demo)', email: 'vorstand@literaturkreis-hiltrup.example.org', publication: 'submitted' } }
];

const openingHours: Record<string, string> = {
	muenster: 'Mo–Do 8:30–12:30 und 14:00–16:00 Uhr\nFr 8:30–12:30 Uhr\nTermine außerhalb dieser Zeiten nach Vereinbarung',
	greven: 'Mo, Di, Do 8:00–12:00 Uhr\nMi 14:00–17:30 Uhr'
};

/** `comingWeeks`: how far the dates move (comingWeeksFrom the load day). */
export async function loadDemoCalendar(db: Database, comingWeeks: number): Promise<void> {
	await db.transaction(async (tx) => {
		for (const [slug, hours] of Object.entries(openingHours)) {
			const row = await selectMunicipalityBySlug(tx, slug);
			if (row?.contactPoint) await updateContactPoint(tx, row.municipality.id, row.contactPoint.id, { openingHours: hours });
		}
		for (const demo of calendar) {
			const municipalityId = await selectMunicipalityIdBySlug(tx, demo.municipality);
			if (!municipalityId) continue;
			const districts = await selectDistrictChoices(tx, [municipalityId]);
			const startsAt = wallClockToUtc(comingDay(demo.start, comingWeeks), 'Europe/Berlin');
			await insertEvent(tx, {
				municipalityId,
				type: demo.type,
				status: demo.status ?? 'planned',
				title: demo.title,
				description: demo.description,
				startsAt,
				endsAt: new Date(startsAt.getTime() + demo.hours * 3600_000),
				place: demo.place,
				address: demo.address ?? '',
				districtId: districts.find((d) => d.name === demo.district)?.id ?? null,
				publication: demo.organiser?.publication ?? 'published',
				organiser: demo.organiser?.name ?? '',
				organiserEmail: demo.organiser?.email ?? ''
			});
		}
	});
}
