// Fictional organisations and people for the demo, generated from word lists so that the registry
// has about a hundred entries across every sector and district without a hand-written list.
import type { Database } from '../db/client';
import { importCsvAsOperator, type CsvRecord } from '../people/organisation.import';
import type { OrganisationSector } from '../people/organisation.schema';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';

const muensterDistricts = ['Mitte', 'Nord', 'Ost', 'West', 'Süd-Ost', 'Hiltrup'];

const namesBySector: Record<OrganisationSector, string[]> = {
	administration: [
		'Amt für Schule und Weiterbildung',
		'Amt für Wohnungswesen',
		'Jugendamt',
		'Gesundheitsamt',
		'Sportamt',
		'Kulturamt',
		'Sozialamt',
		'Ausländerbehörde',
		'Stadtteilbüro Mitte',
		'Stadtteilbüro Hiltrup',
		'Jobcenter Münster',
		'Volkshochschule Münster'
	],
	migrant_self_organisation: [
		'Kulturverein Anatolia Münster',
		'Elternnetzwerk Kivu',
		'Frauenverein Levante',
		'Jugendforum Sahel',
		'Bildungsinitiative Mekong',
		'Kulturverein Karpaten',
		'Gemeinschaft Kaukasus',
		'Elternverein Maghreb',
		'Frauenkreis Persis',
		'Jugendforum Balkan',
		'Verein Andenbrücke',
		'Baltica Treff',
		'Studierendenverein Horn von Afrika',
		'Kulturverein Ararat',
		'Eritreische Gemeinschaft',
		'Syrischer Elternverein',
		'Ukrainischer Treffpunkt',
		'Afghanischer Kulturkreis'
	],
	association: [
		'Sportverein Mitte',
		'Nachbarschaftsverein Nord',
		'Förderverein Ost',
		'Chor der Nationen',
		'Schachclub West',
		'Gemeinschaftsgarten Süd-Ost',
		'Turnverein Hiltrup',
		'Lesepaten Mitte',
		'Fahrradwerkstatt Nord',
		'Theatergruppe Ost',
		'Nachbarschaftshilfe West',
		'Sprachcafé Süd-Ost',
		'Fußballfreunde Hiltrup',
		'Tanzverein Mitte',
		'Freundeskreis Flüchtlingshilfe',
		'Pfadfinder Nord'
	],
	university: [
		'Hochschulgruppe Vielfalt',
		'Institut für Migrationsforschung',
		'Arbeitsstelle Mehrsprachigkeit',
		'Zentrum für Lehrerbildung',
		'Studierendenwerk Beratung',
		'Forschungsgruppe Stadt und Teilhabe',
		'Fachhochschule Soziale Arbeit',
		'International Office'
	],
	welfare: [
		'Migrationsdienst Mitte',
		'Familienzentrum Nord',
		'Beratungsstelle Ost',
		'Jugendmigrationsdienst West',
		'Sozialdienst Süd-Ost',
		'Integrationsagentur Hiltrup',
		'Pflegeberatung Mitte',
		'Schuldnerberatung Nord',
		'Frauenberatung Ost',
		'Kinderschutzbund West',
		'Suchtberatung Süd-Ost',
		'Wohnungslosenhilfe Hiltrup',
		'Seniorenbegegnung Mitte',
		'Psychosoziales Zentrum Nord'
	],
	business: [
		'Bäckerei Morgenrot',
		'Übersetzungsbüro Brückenschlag',
		'Pflegedienst Lindenhof',
		'Softwarehaus Kiepenkerl',
		'Handwerkskammer Beratung',
		'Ausbildungsverbund Münsterland',
		'Unternehmerinnennetz',
		'Gastronomie am Aasee',
		'Einzelhandelsverband Mitte',
		'Startup-Zentrum Hafen',
		'Malerbetrieb Farbenfroh',
		'Kfz-Werkstatt Westring'
	],
	politics: [
		'Integrationsrat',
		'Bezirksvertretung Mitte',
		'Bezirksvertretung Nord',
		'Bezirksvertretung Ost',
		'Bezirksvertretung West',
		'Bezirksvertretung Süd-Ost',
		'Bezirksvertretung Hiltrup',
		'Jugendparlament',
		'Seniorenvertretung'
	],
	other: [
		'Stiftung Zusammenleben',
		'Initiative Offene Türen',
		'Netzwerk Ehrenamt',
		'Bürgerstiftung Münster',
		'Interreligiöser Gesprächskreis',
		'Bündnis gegen Rassismus',
		'Medienwerkstatt Hafen',
		'Stadtbibliothek Freundeskreis'
	]
};

const firstNames = ['Ayla', 'Jonas', 'Mariam', 'Lukas', 'Amira', 'Felix', 'Olena', 'Tobias', 'Zeynep', 'Hannah', 'Samuel', 'Leyla', 'Nikolai', 'Emma', 'Karim', 'Sofia', 'Daniel', 'Fatma', 'Paul', 'Ines'];
const lastNames = ['Yilmaz', 'Schulte', 'Haddad', 'Brinkmann', 'Kowalski', 'Hoffmann', 'Nguyen', 'Bauer', 'Demir', 'Wagner', 'Mensah', 'Krüger', 'Petrova', 'Lange', 'Rahimi', 'Vogel'];
const roles = ['contact', 'board', 'member'];

function slugPart(text: string): string {
	return text
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]+/g, '.')
		.replace(/^\.|\.$/g, '');
}

const record = (index: number, values: Record<string, string>): CsvRecord => ({ line: index + 2, values });

/** Muenster: every sector and district, most listed publicly; two or three people in each. */
function muensterRecords(): { organisations: CsvRecord[]; people: CsvRecord[] } {
	const organisations: CsvRecord[] = [];
	const people: CsvRecord[] = [];
	let index = 0;
	for (const [sector, names] of Object.entries(namesBySector)) {
		for (const base of names) {
			const name = `${base} (Demo)`;
			const district = muensterDistricts.find((candidate) => base.endsWith(candidate)) ?? muensterDistricts[index % muensterDistricts.length];
			const contact = `${firstNames[index % firstNames.length]} ${lastNames[(index * 7) % lastNames.length]}`;
			organisations.push(
				record(organisations.length, {
					name,
					sector,
					district: index % 5 === 4 ? '' : district,
					contact_person: contact,
					email: `kontakt@${slugPart(base)}.example.org`,
					phone: `0251 ${String(100000 + index * 7919).slice(0, 6)}`,
					web: `https://${slugPart(base)}.example.org`,
					description: `${base} wirkt im Leitbildprozess mit und bringt die Erfahrungen aus der eigenen Arbeit ein.`,
					// About one in seven has not (yet) agreed to be listed publicly.
					listed_publicly: index % 7 === 3 ? 'nein' : 'ja'
				})
			);
			const memberCount = 2 + (index % 2);
			for (let member = 0; member < memberCount; member++) {
				const first = firstNames[(index + member * 3) % firstNames.length];
				const last = lastNames[(index * 3 + member * 5) % lastNames.length];
				people.push(
					record(people.length, {
						name: member === 0 ? contact : `${first} ${last}`,
						email: member === 0 ? `kontakt@${slugPart(base)}.example.org` : `${slugPart(first)}.${slugPart(last)}.${index}@example.org`,
						organisation: name,
						role: roles[Math.min(member, 2)]
					})
				);
			}
			index++;
		}
	}
	return { organisations, people };
}

function grevenRecords(): { organisations: CsvRecord[]; people: CsvRecord[] } {
	const entries: [string, OrganisationSector, string][] = [
		['Grevener Tafel (Demo)', 'welfare', 'Innenstadt'],
		['Kulturverein Emsbrücke (Demo)', 'migrant_self_organisation', 'Innenstadt'],
		['Sportfreunde Reckenfeld (Demo)', 'association', 'Reckenfeld'],
		['Heimatverein Gimbte (Demo)', 'association', 'Gimbte'],
		['Fachbereich Soziales Greven (Demo)', 'administration', 'Innenstadt']
	];
	return {
		organisations: entries.map(([name, sector, district], index) => record(index, { name, sector, district, listed_publicly: 'ja' })),
		people: entries.map(([name], index) =>
			record(index, { name: `${firstNames[index + 4]} ${lastNames[index + 2]}`, email: `kontakt.${index}@greven-demo.example.org`, organisation: name, role: 'contact' })
		)
	};
}

export async function loadDemoOrganisations(db: Database): Promise<void> {
	for (const [slug, records] of [
		['muenster', muensterRecords()],
		['greven', grevenRecords()]
	] as const) {
		const municipality = await getMunicipalityBySlug({ db, slug });
		for (const kind of ['organisations', 'people'] as const) {
			const report = await importCsvAsOperator({ db, municipalityId: municipality.id, kind, records: records[kind], skipInvalid: false, operator: 'demo' });
			// The demo is generated; a rejected row is a bug in this file, not something to load half of.
			if (!report.committed) throw new Error(`demo ${kind} of ${slug}: ${JSON.stringify(report.problems.slice(0, 3))}`);
		}
	}
}
