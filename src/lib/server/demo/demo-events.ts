// Demo events: the participation phase of Münster's 4th edition (Sept 2023 – Jan 2025) with working
// groups, attendance and minutes, and a few coming dates in Münster and Greven (moved with the load day, see
// demo-coming-days.ts). All people are fictional.
import type { Database } from '../db/client';
import {
	insertEvent,
	insertMember,
	insertRegistrations,
	insertWorkingGroup,
	replaceEventFields,
	selectEditionByPath,
	selectEditionFields,
	selectMunicipalityIdBySlug
} from '../participation/event.queries';
import type { EventType } from '../participation/event.schema';
import { wallClockToUtc } from '../participation/event.time';
import { comingDay } from './demo-coming-days';
import { demoEventIds } from './demo-event-ids';

const firstNames = ['Ayşe', 'Jonas', 'Mariam', 'Lukas', 'Olena', 'Karim', 'Sofia', 'Mehmet', 'Anna', 'Tarek', 'Lena', 'Dmytro', 'Fatima', 'Paul', 'Nadia', 'Emre', 'Hannah', 'Samir', 'Greta', 'Amina', 'Felix', 'Leyla', 'Bruno', 'Zeynep', 'Ivana'];
const lastNames = ['Yılmaz', 'Becker', 'Haddad', 'Schulte', 'Kovalenko', 'Nasser', 'Hoffmann', 'Demir', 'Wessels', 'Rahimi', 'Kaya', 'Brinkmann', 'Osei', 'Lange', 'Petrović', 'Aydın', 'Terhorst', 'Mansour', 'Vogel', 'Abdi'];

/** A stable cast of fictional people, so that the same person turns up at several events. */
const person = (n: number) => `${firstNames[n % firstNames.length]} ${lastNames[Math.floor(n / firstNames.length) % lastNames.length]}`;

type DemoEvent = {
	type: EventType;
	title: string;
	start: string;
	hours: number;
	place: string;
	address?: string;
	description: string;
	fields: number[];
	group?: number;
	attendees?: number;
	minutes?: string;
	capacity?: number;
};

const rathaus = 'Stadtweinhaus am Prinzipalmarkt';

const participationPhase: DemoEvent[] = [
	{ type: 'information_event', title: 'Auftakt: Das Leitbild wird fortgeschrieben', start: '2023-09-14T18:00', hours: 2.5, place: 'Stadthaus 1, Foyer', address: 'Klemensstraße 10, 48143 Münster', description: 'Wir stellen vor, wie die vierte Auflage des Leitbilds entsteht, und laden alle ein, mitzumachen.', fields: [], attendees: 86, minutes: '## Ergebnisse\n\n- Zeitplan bis Januar 2025 vorgestellt\n- Fünf Fachgruppen werden gebildet\n- Wunsch nach Dolmetschung bei allen Workshops' },
	{ type: 'workshop', title: 'Workshop Wirtschaft und Arbeit', start: '2023-10-19T17:00', hours: 3, place: 'Handwerkskammer, Bildungszentrum', description: 'Was hilft beim Einstieg in Ausbildung und Beruf? Erfahrungen sammeln, Hürden benennen.', fields: [0], attendees: 38, minutes: '## Ergebnisse\n\n1. Anerkennung dauert zu lange\n2. Sprachkurse neben der Arbeit fehlen\n3. Gute Erfahrungen mit Lotsinnen' },
	{ type: 'workshop', title: 'Workshop Politische Teilhabe und Engagement', start: '2023-11-09T17:30', hours: 3, place: 'Begegnungszentrum Kinderhaus', description: 'Wie finden mehr Menschen mit internationaler Geschichte den Weg in Vereine, Beiräte und Parteien?', fields: [1], attendees: 31 },
	{ type: 'workshop', title: 'Workshop Interkulturelle Öffnung der Verwaltung', start: '2023-11-30T16:00', hours: 3, place: 'Stadthaus 3, Sitzungssaal', description: 'Beschäftigte der Stadtverwaltung und Ratsuchende sprechen über Wege in die Ämter.', fields: [2], attendees: 27 },
	{ type: 'workshop', title: 'Workshop Bildung und Mehrsprachigkeit', start: '2024-01-18T17:00', hours: 3, place: 'Volkshochschule, Aegidiimarkt', description: 'Von der Kita bis zur Erwachsenenbildung: Mehrsprachigkeit als Stärke.', fields: [3], attendees: 42, minutes: '## Ergebnisse\n\n- Herkunftssprachen an mehr Schulen\n- Fortbildungen für Kita-Teams' },
	{ type: 'workshop', title: 'Workshop Zusammenleben im Quartier', start: '2024-02-22T18:00', hours: 2.5, place: 'Stadtteilhaus Coerde', description: 'Nachbarschaft, Begegnung und Konflikte im Stadtteil.', fields: [4], attendees: 35 },
	{ type: 'working_group_meeting', title: 'Fachgruppe Wirtschaft und Arbeit – 1. Sitzung', start: '2024-03-13T15:00', hours: 2, place: 'Stadthaus 1, Raum 412', description: 'Die Fachgruppe ordnet die Ergebnisse des Workshops.', fields: [0], group: 0, attendees: 14, minutes: '## Beschlüsse\n\n- Drei Ziele werden ausgearbeitet\n- Nächste Sitzung im Mai' },
	{ type: 'working_group_meeting', title: 'Fachgruppe Teilhabe – 1. Sitzung', start: '2024-03-20T17:00', hours: 2, place: 'Integrationsrat, Sitzungszimmer', description: 'Erste Sitzung der Fachgruppe Teilhabe und Engagement.', fields: [1], group: 1, attendees: 12 },
	{ type: 'working_group_meeting', title: 'Fachgruppe Verwaltung – 1. Sitzung', start: '2024-04-10T14:00', hours: 2, place: 'Stadthaus 3, Raum 101', description: 'Erste Sitzung der Fachgruppe Interkulturelle Öffnung.', fields: [2], group: 2, attendees: 11 },
	{ type: 'working_group_meeting', title: 'Fachgruppe Bildung – 1. Sitzung', start: '2024-04-24T16:00', hours: 2, place: 'Volkshochschule, Raum 2.07', description: 'Erste Sitzung der Fachgruppe Bildung und Mehrsprachigkeit.', fields: [3], group: 3, attendees: 16 },
	{ type: 'working_group_meeting', title: 'Fachgruppe Quartier – 1. Sitzung', start: '2024-05-08T18:00', hours: 2, place: 'Stadtteilhaus Coerde', description: 'Erste Sitzung der Fachgruppe Zusammenleben im Quartier.', fields: [4], group: 4, attendees: 13 },
	{ type: 'working_group_meeting', title: 'Fachgruppe Wirtschaft und Arbeit – 2. Sitzung', start: '2024-06-05T15:00', hours: 2, place: 'Stadthaus 1, Raum 412', description: 'Die Ziele werden zu Maßnahmen.', fields: [0], group: 0, attendees: 13 },
	{ type: 'working_group_meeting', title: 'Fachgruppe Bildung – 2. Sitzung', start: '2024-06-19T16:00', hours: 2, place: 'Volkshochschule, Raum 2.07', description: 'Zweite Sitzung der Fachgruppe Bildung und Mehrsprachigkeit.', fields: [3], group: 3, attendees: 15 },
	{ type: 'workshop', title: 'Jugendwerkstatt: Unsere Stadt, unsere Ideen', start: '2024-09-07T11:00', hours: 4, place: 'Jugendzentrum Triple Z', description: 'Junge Menschen zwischen 14 und 27 bringen ihre Sicht ein.', fields: [1, 4], attendees: 29 },
	{ type: 'information_event', title: 'Zwischenstand: Was bisher erarbeitet wurde', start: '2024-10-17T18:00', hours: 2, place: 'Stadtbücherei, Forum', description: 'Die Fachgruppen stellen ihre Entwürfe vor und sammeln Rückmeldungen.', fields: [0, 1, 2, 3, 4], attendees: 64 },
	{ type: 'working_group_meeting', title: 'Redaktionstreffen der Fachgruppen', start: '2024-11-20T16:00', hours: 3, place: 'Stadthaus 1, Raum 412', description: 'Sprecherinnen und Sprecher der Fachgruppen stimmen die Texte ab.', fields: [0, 1, 2, 3, 4], attendees: 10 },
	{
		type: 'closing_event',
		title: 'Abschlussveranstaltung im Festsaal des historischen Rathauses',
		start: '2025-01-24T18:00',
		hours: 3,
		place: 'Festsaal des historischen Rathauses',
		address: 'Prinzipalmarkt 10, 48143 Münster',
		description: 'Zum Abschluss der Beteiligung übergeben die Fachgruppen ihre Ergebnisse an die Stadtspitze. Mit Musik und Gesprächen im Anschluss.',
		fields: [0, 1, 2, 3, 4],
		attendees: 120,
		minutes: '## Rückblick\n\nAn einem Freitagabend im Januar kamen Engagierte aus Vereinen, Verwaltung und Nachbarschaften zusammen. Die fünf Fachgruppen stellten ihre Ziele vor; der Entwurf geht nun in die politische Beratung.'
	}
];

const groupsOfEdition = ['Fachgruppe Wirtschaft und Arbeit', 'Fachgruppe Teilhabe und Engagement', 'Fachgruppe Interkulturelle Öffnung', 'Fachgruppe Bildung und Mehrsprachigkeit', 'Fachgruppe Zusammenleben im Quartier'];

const upcoming: (DemoEvent & { municipality: string; registered: number; id?: string })[] = [
	{ municipality: 'muenster', type: 'information_event', title: 'Sprechstunde: Anerkennung ausländischer Berufsabschlüsse', start: '2027-02-11T16:00', hours: 2, place: 'Integrationszentrum', address: 'Hafenweg 5, 48155 Münster', description: 'Beraterinnen der Kammern beantworten Fragen zur Anerkennung. Die Plätze sind begrenzt.', fields: [0], capacity: 2, registered: 1 },
	{ municipality: 'muenster', type: 'other', title: 'Erzählcafé: Angekommen in Münster', start: '2027-03-04T15:00', hours: 2, place: 'Stadtteilhaus Coerde', description: 'Bei Kaffee und Kuchen erzählen Menschen, wie sie in Münster angekommen sind.', fields: [4], capacity: 2, registered: 1 },
	{ id: demoEventIds.muenster, municipality: 'muenster', type: 'information_event', title: 'Ein Jahr Umsetzung: Was aus dem Leitbild geworden ist', start: '2027-05-20T18:00', hours: 2, place: rathaus, description: 'Die Stadt berichtet, welche Maßnahmen begonnen haben, und hört zu.', fields: [0, 1, 2, 3, 4], capacity: 80, registered: 12 },
	{ id: demoEventIds.greven, municipality: 'greven', type: 'workshop', title: 'Auftaktwerkstatt: Grevens Weg zum Integrationskonzept', start: '2026-12-09T18:00', hours: 2.5, place: 'Rathaus Greven, Ratssaal', description: 'Greven beginnt ein eigenes Integrationskonzept und sucht Mitwirkende.', fields: [], capacity: 40, registered: 9 },
	{ municipality: 'greven', type: 'information_event', title: 'Infoabend für Vereine', start: '2027-01-21T19:00', hours: 1.5, place: 'Ballenlager', description: 'Wie Vereine sich am Integrationskonzept beteiligen können.', fields: [], registered: 4 }
];

const at = (local: string, hours = 0) => new Date(wallClockToUtc(local, 'Europe/Berlin').getTime() + hours * 3600_000);

/** `comingWeeks`: how far the coming dates move (comingWeeksFrom the load day). */
export async function loadDemoEvents(db: Database, comingWeeks: number): Promise<void> {
	await db.transaction(async (tx) => {
		const edition = await selectEditionByPath(tx, 'muenster', 'migration-und-integration', 4);
		if (edition) {
			const { municipalityId, editionId } = edition;
			const fields = await selectEditionFields(tx, municipalityId, editionId);
			const groups = [];
			for (const [index, name] of groupsOfEdition.entries()) {
				const group = await insertWorkingGroup(tx, {
					municipalityId,
					editionId,
					fieldId: fields[index]?.id ?? null,
					name,
					description: `Die ${name} arbeitet die Ziele und Maßnahmen ihres Handlungsfelds aus.`
				});
				for (let n = 0; n < 9; n++) {
					await insertMember(tx, { municipalityId, workingGroupId: group.id, name: person(index * 40 + n), role: n === 0 ? 'Sprecherin' : '' });
				}
				groups.push(group);
			}
			for (const [index, demo] of participationPhase.entries()) {
				const event = await insertEvent(tx, {
					municipalityId,
					editionId,
					workingGroupId: demo.group === undefined ? null : groups[demo.group].id,
					type: demo.type,
					title: demo.title,
					description: demo.description,
					startsAt: at(demo.start),
					endsAt: at(demo.start, demo.hours),
					place: demo.place,
					address: demo.address ?? '',
					minutes: demo.minutes ?? '',
					minutesPublishedAt: demo.minutes ? at(demo.start, 24 * 7) : null
				});
				await replaceEventFields(tx, municipalityId, event.id, demo.fields.map((i) => fields[i]?.id).filter((id): id is string => Boolean(id)));
				// Attendance as recorded at the door: registered people who came, and a few walk-ins.
				await insertRegistrations(
					tx,
					Array.from({ length: demo.attendees ?? 0 }, (_, n) => ({
						municipalityId,
						eventId: event.id,
						name: person(index * 7 + n * 3),
						status: 'confirmed' as const,
						walkIn: n % 6 === 5,
						attended: n % 9 !== 8
					}))
				);
			}
		}
		for (const demo of upcoming) {
			const municipalityId = await selectMunicipalityIdBySlug(tx, demo.municipality);
			if (!municipalityId) continue;
			const event = await insertEvent(tx, {
				...(demo.id ? { id: demo.id } : {}),
				municipalityId,
				type: demo.type,
				title: demo.title,
				description: demo.description,
				startsAt: at(comingDay(demo.start, comingWeeks)),
				endsAt: at(comingDay(demo.start, comingWeeks), demo.hours),
				place: demo.place,
				address: demo.address ?? '',
				capacity: demo.capacity ?? null
			});
			await insertRegistrations(
				tx,
				Array.from({ length: demo.registered }, (_, n) => ({
					municipalityId,
					eventId: event.id,
					name: person(300 + n * 5),
					email: `anmeldung.${demo.municipality}.${n + 1}@example.org`,
					status: 'confirmed' as const
				}))
			);
		}
	});
}
